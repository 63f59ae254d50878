"""Benchmark: `nngrader report all` on a simulated class, measured as the user runs it.

    python benchmarks/report_class.py --students 500

Simulates the class with `nngrader demo-class` into a temporary SQLite gradebook
(not timed as the report), then times the whole `nngrader report all` command in a
fresh process (interpreter start, imports, reading the gradebook, statistics, plots,
HTML and CSV). Prints both wall-clock times and the machine's CPU count.
"""
from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run(args: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "grader.cli", *args], check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--students", type=int, default=500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'demo.sqlite'}"
        simulate = _run(["demo-class", "--db", url, "--students", str(args.students)])
        report = _run(["report", "all", "--db", url, "--out", str(Path(tmp) / "report")])
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}")
    print(f"demo-class --students {args.students}: {simulate:.1f} s")
    print(f"report all (8 assignments, 2 quizzes, {args.students} students): {report:.1f} s")


if __name__ == "__main__":
    main()
