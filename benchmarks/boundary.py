"""Benchmark: the cost of one call across the sandbox boundary.

    python benchmarks/boundary.py [--shape 1000 100] [--calls 300]

Sends a float64 array of the given shape to an identity function in the
sandboxed worker and receives it back; prints the median and p95 round trip
in milliseconds, and the isolation level. The goal is ≤ 1 ms for 1000×100.
"""
from __future__ import annotations

import argparse
import statistics
import time

import numpy as np

from grader.sandbox.levels import choose_level
from grader.sandbox.proxy import SandboxedSubmission


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shape", type=int, nargs="+", default=[1000, 100])
    parser.add_argument("--calls", type=int, default=300)
    args = parser.parse_args()
    level, _ = choose_level()
    sandbox = SandboxedSubmission("def echo(x):\n    return x\n", module_name="bench", level=level)
    try:
        x = np.random.default_rng(0).normal(size=tuple(args.shape))
        for _ in range(20):  # warm up
            sandbox.echo(x)
        times = []
        for _ in range(args.calls):
            started = time.perf_counter()
            y = sandbox.echo(x)
            times.append(time.perf_counter() - started)
        assert np.array_equal(x, y)
    finally:
        sandbox.close()
    times.sort()
    p95 = times[int(0.95 * (len(times) - 1))]
    print(f"round trip of a {'×'.join(map(str, args.shape))} float64 array ({x.nbytes / 1e6:.1f} MB each way), "
          f"isolation={level}: median {statistics.median(times) * 1e3:.3f} ms, p95 {p95 * 1e3:.3f} ms "
          f"over {args.calls} calls")


if __name__ == "__main__":
    main()
