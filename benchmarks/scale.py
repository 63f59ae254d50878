"""Benchmark: local `--jobs N` against a Dask LocalCluster, and SQLite against PostgreSQL.

    python benchmarks/scale.py --students 1000 --jobs 2 \
        --pg-url postgresql+psycopg://postgres:PW@127.0.0.1:PORT/nngrader   # or NNGRADER_TEST_PG_URL

For each executor (local, dask-local:JOBS) × gradebook (sqlite, postgresql) it grades the
same synthetic class of one assignment exactly as `nngrader grade` does (discover, hash,
grade, save each record as it arrives) in a fresh process, into a fresh gradebook, and
prints one line each:
- throughput over the whole command (cluster start-up included) and over grading only;
- the command's peak resident memory (for dask-local it includes the in-process scheduler);
- the mean time of one gradebook save (one transaction with all the test results).
Then a probe of the path records take through Dask (worker -> scheduler queue -> command):
record-sized messages per second, the ceiling that path puts on any number of workers.
Nothing is written to the course's gradebook.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def one_run(args) -> dict:
    """Grade the class once (in this process) and report; called in a fresh subprocess per configuration."""
    from grader.course import load_course
    from grader.gradebook import Gradebook
    from grader.grading.discover import discover
    from grader.grading.identity import grading_key, suite_hash
    from grader.grading.parallel import grade_in_parallel
    from grader.sandbox.levels import choose_level

    course = load_course(args.course)
    assignment = course.course.assignment(args.assignment)
    level, _ = choose_level()
    started = time.monotonic()
    candidates = discover(Path(args.class_dir), assignment)
    suite = suite_hash(course, assignment)
    for candidate in candidates:
        candidate.key = grading_key(candidate.path, suite)
    saves, save_s, first_record_at = 0, 0.0, None
    with Gradebook(args.db) as book:
        if args.executor == "local":
            records = grade_in_parallel(course.root, assignment.id, candidates, level=level, jobs=args.jobs)
            dask = None
        else:
            from grader.grading.dask_executor import DaskGrading
            dask = DaskGrading(args.executor, course, required_level=level).__enter__()
            records = dask.grade(assignment.id, candidates)
        grading_started = time.monotonic()
        try:
            for record in records:
                if first_record_at is None:
                    first_record_at = time.monotonic()
                tick = time.perf_counter()
                book.save(record)
                save_s += time.perf_counter() - tick
                saves += 1
        finally:
            if dask is not None:
                dask.close()
        finished = time.monotonic()
        assert book.count(assignment.id) == len(candidates) and book.verify() == []
    return {"executor": args.executor, "db": args.db.split(":", 1)[0].split("+")[0], "students": len(candidates),
            "level": level, "wall_s": finished - started, "grading_s": finished - grading_started,
            "first_record_s": (first_record_at or finished) - started,
            "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "save_ms": 1000 * save_s / max(saves, 1)}


def queue_probe(n: int) -> dict:
    """Record-sized messages per second from a Dask worker to the command through the scheduler's queue."""
    from distributed import Client, LocalCluster, Queue

    from grader.gradebook.convert import record_to_dict
    from report_records import sample_records  # noqa: F401 - tests/ helper: a realistic record
    record = record_to_dict(sample_records()[1])
    size = len(json.dumps(record, ensure_ascii=False).encode())

    def produce(name: str, count: int, payload: dict) -> int:
        queue = Queue(name)
        for i in range(count):
            queue.put({"index": i, "record": payload})
        return count

    with LocalCluster(n_workers=1, threads_per_worker=1, dashboard_address=None, silence_logs=40) as cluster, \
            Client(cluster) as client:
        name = f"probe-{uuid.uuid4().hex}"
        queue = Queue(name, client=client)
        started = time.monotonic()
        future = client.submit(produce, name, n, record, pure=False)
        got = 0
        while got < n:
            got += len(queue.get(batch=True)) or 0
            if got < n:
                time.sleep(0.01)
        future.result()
        elapsed = time.monotonic() - started
    return {"messages_per_s": n / elapsed, "record_bytes": size}


def _fresh_pg(server: str) -> tuple[str, callable]:
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url
    base = make_url(server)
    name = f"nngrader_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')

    def drop() -> None:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()
    return base.set(database=name).render_as_string(hide_password=False), drop


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--assignment", default="02")
    parser.add_argument("--students", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--correct-share", type=float, default=0.5)
    parser.add_argument("--course", type=Path, default=ROOT)
    parser.add_argument("--pg-url", default=os.environ.get("NNGRADER_TEST_PG_URL", ""))
    parser.add_argument("--executors", default="local,dask-local:{jobs}")
    parser.add_argument("--probe", type=int, default=5000, help="messages in the queue probe (0 — skip)")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--executor", help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    parser.add_argument("--class-dir", help=argparse.SUPPRESS)
    args = parser.parse_args()
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    if args.one:
        print(json.dumps(one_run(args)))
        return
    sys.path.insert(0, str(ROOT / "tests"))
    from grader.course import load_course
    from grader.grading.synthetic import make_class

    course = load_course(args.course)
    executors = [e.format(jobs=args.jobs) for e in args.executors.split(",")]
    with tempfile.TemporaryDirectory(prefix="nngrader-scale-") as tmp:
        make_class(course, args.assignment, Path(tmp) / "class", args.students, correct_share=args.correct_share)
        print(f"{args.students} submissions of {args.assignment}, jobs/workers={args.jobs}, cores={os.cpu_count()}")
        for db_kind in ["sqlite"] + (["postgresql"] if args.pg_url else []):
            for executor in executors:
                drop = None
                if db_kind == "sqlite":
                    db = f"sqlite:///{tmp}/gb-{uuid.uuid4().hex[:8]}.sqlite"
                else:
                    db, drop = _fresh_pg(args.pg_url)
                try:
                    out = subprocess.run([sys.executable, __file__, "--one", "--executor", executor, "--db", db,
                                          "--class-dir", f"{tmp}/class", "--assignment", args.assignment,
                                          "--jobs", str(args.jobs), "--course", str(args.course)],
                                         capture_output=True, text=True, check=True,
                                         env={**os.environ, "PYTHONPATH": str(ROOT)})
                finally:
                    if drop:
                        drop()
                r = json.loads(out.stdout.strip().splitlines()[-1])
                print(f"{r['executor']:>13} {r['db']:>10}  level={r['level']}  "
                      f"{r['students'] / r['wall_s']:6.1f}/s whole command ({r['wall_s']:.1f} s)  "
                      f"{r['students'] / r['grading_s']:6.1f}/s after start-up  first record after {r['first_record_s']:.1f} s  "
                      f"command peak {r['peak_mib']:.0f} MiB  save {r['save_ms']:.2f} ms", flush=True)
    if args.probe:
        p = queue_probe(args.probe)
        print(f"Dask queue: {p['messages_per_s']:.0f} record messages/s ({p['record_bytes']} bytes each as JSON)")


if __name__ == "__main__":
    main()
