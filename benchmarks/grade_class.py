"""Benchmark: grade a generated class and print throughput, latency and memory.

    python benchmarks/grade_class.py --assignment 02 --students 200 --jobs 2

Prints submissions per second (wall clock over the whole batch), median and
p95 seconds per submission (each submission's own test time), the peak
resident memory of the parent and of the grading processes, and the
isolation level used. Nothing is written to the course's gradebook.
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import tempfile
import time
from pathlib import Path

from grader.course import load_course
from grader.grading.discover import discover
from grader.grading.parallel import default_jobs, grade_in_parallel
from grader.grading.synthetic import make_class
from grader.sandbox.levels import choose_level


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--assignment", default="02")
    parser.add_argument("--students", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=default_jobs())
    parser.add_argument("--correct-share", type=float, default=0.5)
    parser.add_argument("--no-hints", action="store_true", help="skip matching failures against mutants")
    parser.add_argument("--course", type=Path, default=Path(__file__).resolve().parents[1])
    args = parser.parse_args()
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

    course = load_course(args.course)
    assignment = course.course.assignment(args.assignment)
    level, _ = choose_level()
    with tempfile.TemporaryDirectory(prefix="nngrader-bench-") as tmp:
        make_class(course, assignment.id, Path(tmp), args.students, correct_share=args.correct_share)
        candidates = discover(Path(tmp), assignment)
        started = time.monotonic()
        peaks: dict[int, float] = {}
        records = list(grade_in_parallel(course.root, assignment.id, candidates, level=level, jobs=args.jobs,
                                         hints=not args.no_hints, peak_memory=peaks))
        wall = time.monotonic() - started
    per_submission = sorted(r.duration for r in records)
    p95 = per_submission[min(len(per_submission) - 1, int(0.95 * len(per_submission)))]
    full = sum(1 for r in records if r.score == r.max_score)
    parent_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children_mb = max(peaks.values(), default=0.0)
    print(f"assignment {assignment.id}: {len(records)} submissions ({full} with full marks), "
          f"jobs={args.jobs}, isolation={level}, cores={os.cpu_count()}")
    print(f"throughput: {len(records) / wall:.1f} submissions/s  (wall {wall:.2f} s, including process start-up)")
    print(f"per submission: median {statistics.median(per_submission):.3f} s, p95 {p95:.3f} s")
    print(f"peak memory: parent {parent_mb:.0f} MiB, largest grading process {children_mb:.0f} MiB")


if __name__ == "__main__":
    main()
