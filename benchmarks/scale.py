"""Benchmark: the whole `nngrader grade` command, locally (`--jobs N`) and on a Dask LocalCluster, into SQLite and PostgreSQL.

    python benchmarks/scale.py --students 10000 --jobs 2 \
        --pg-url postgresql+psycopg://postgres:PW@127.0.0.1:PORT/postgres   # or NNGRADER_TEST_PG_URL

It builds one synthetic class of an assignment (half correct, half typical mistakes,
grader.grading.synthetic), then for each gradebook (sqlite, and postgresql with a URL)
× executor (local, dask-local:JOBS) runs, as an instructor would,

    nngrader grade 02 CLASS --jobs JOBS --executor EXECUTOR --db FRESH_URL

in a fresh process into a fresh gradebook, and prints one line each:
- submissions per second over the whole command (start-up, hashing, summary included)
  and over grading only (the command's own "Проверено N за X с");
- the command process's resident memory at 10 %, 50 % and 90 % of its run and its peak
  (for dask-local the command also hosts the Dask scheduler, as LocalCluster does);
- the command process's own CPU per submission (receiving, copying, saving: what one
  command can sustain whatever the number of workers);
- that every submission is in the gradebook exactly once and graded (Gradebook.verify()).
Then two probes of the ceilings that do not grow with workers: records committed per
second by one writer, one transaction per record against groups of 50 (what the grading
command's writer does when records crowd), and record-sized messages per second through
the Dask queue. Nothing is written to the course's own gradebook.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # report_records: a realistic record for the writer probe

GRADED = re.compile(r"Проверено (\d+) за ([\d.]+) с")


def nngrader() -> list[str]:
    """The installed console script next to this interpreter (what a user runs), else the module."""
    script = Path(sys.executable).with_name("nngrader")
    return [str(script)] if script.exists() else [sys.executable, "-m", "grader.cli"]


def _cpu_s(pid: int) -> float:
    """CPU seconds (user + system) of the process itself, all its threads, not its children."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _rss_mib(pid: int) -> tuple[float, float]:
    """(current, peak) resident MiB of a process, from /proc."""
    values = {}
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(("VmRSS:", "VmHWM:")):
                key, amount = line.split(":")
                values[key] = int(amount.split()[0]) / 1024
    return values.get("VmRSS", 0.0), values.get("VmHWM", 0.0)


def run_command(args, class_dir: Path, executor: str, db: str) -> dict:
    command = nngrader() + ["grade", args.assignment, str(class_dir), "--jobs", str(args.jobs),
                            "--executor", executor, "--db", db, "--course", str(args.course)]
    # graded copies go to a temporary folder too (with PostgreSQL they would default to the course folder)
    env = {**os.environ, "COLUMNS": "120", "OPENBLAS_NUM_THREADS": "1",
           "NNGRADER_STORAGE": str(class_dir.parent / "storage")}
    started = time.monotonic()
    samples: list[tuple[float, float]] = []  # (seconds since start, RSS MiB)
    peak = cpu = 0.0
    with tempfile.TemporaryFile("w+", encoding="utf-8") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=class_dir.parent)
        while process.poll() is None:
            try:
                rss, hwm = _rss_mib(process.pid)
                samples.append((time.monotonic() - started, rss))
                peak, cpu = max(peak, hwm), _cpu_s(process.pid)
            except (OSError, ValueError):
                pass
            time.sleep(0.25)
        wall = time.monotonic() - started
        out.seek(0)
        text = out.read()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} → код {process.returncode}\n{text[-3000:]}")
    graded = GRADED.search(text)
    return {"wall_s": wall, "graded": int(graded[1]) if graded else 0,
            "grading_s": float(graded[2]) if graded else wall,
            "rss_at": [_rss_at(samples, wall * share) for share in (0.1, 0.5, 0.9)], "peak_mib": peak,
            "command_cpu_s": cpu}


def _rss_at(samples: list[tuple[float, float]], moment: float) -> float:
    before = [rss for t, rss in samples if t <= moment]
    return before[-1] if before else 0.0


def check_gradebook(db: str, assignment_id: str, expected: int) -> None:
    """Every submission stored once, and graded (not an error record): a broken run is not a fast one."""
    from grader.gradebook import Gradebook
    with Gradebook(db) as book:
        count, problems, summary = book.count(assignment_id), book.verify(), book.summary(assignment_id)
    if count != expected or problems or set(summary.statuses) != {"graded"}:
        raise SystemExit(f"журнал {db}: записей {count} из {expected}; {problems[:3]}; статусы {summary.statuses}")
    return summary


def writer_probe(db: str, n: int) -> dict:
    """Records per second one process commits: one per transaction, and in groups of 50."""
    from dataclasses import replace

    from grader.gradebook import Gradebook
    from report_records import sample_records

    base = sample_records()[1]
    rates = {}
    with Gradebook(db) as book:
        for label, group in (("one", 1), ("group50", 50)):
            records = [replace(base, student_id=f"{label}{i}", content_hash=f"{label}{i}") for i in range(n)]
            started = time.perf_counter()
            for i in range(0, n, group):
                book.save_many(records[i:i + group])
            rates[label] = n / (time.perf_counter() - started)
    return rates


def queue_probe(n: int) -> dict:
    """Record-sized messages per second from a Dask worker to the command through the scheduler's queue:
    the ceiling that path puts on any number of workers."""
    import json

    from distributed import Client, LocalCluster, Queue

    from grader.gradebook.convert import record_to_dict
    from report_records import sample_records
    record = record_to_dict(sample_records()[1])

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
    return {"messages_per_s": n / elapsed, "record_bytes": len(json.dumps(record, ensure_ascii=False).encode())}


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


def _machine() -> str:
    model = ""
    try:
        model = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return f"{os.cpu_count()} cores ({model}), load average {load:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--assignment", default="02")
    parser.add_argument("--students", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--correct-share", type=float, default=0.5)
    parser.add_argument("--course", type=Path, default=ROOT)
    parser.add_argument("--pg-url", default=os.environ.get("NNGRADER_TEST_PG_URL", ""))
    parser.add_argument("--dbs", default="sqlite,postgresql", help="which gradebooks (postgresql needs --pg-url)")
    parser.add_argument("--executors", default="local,dask-local:{jobs}",
                        help="comma-separated, run in this order (repeat one to measure it twice)")
    parser.add_argument("--probe", type=int, default=500, help="records in the writer probe (0 — skip)")
    args = parser.parse_args()

    from grader.course import load_course
    from grader.grading.synthetic import make_class

    course = load_course(args.course)
    assignment_id = course.course.assignment(args.assignment).id
    executors = [e.format(jobs=args.jobs) for e in args.executors.split(",")]
    dbs = [d for d in args.dbs.split(",") if d == "sqlite" or (d == "postgresql" and args.pg_url)]
    with tempfile.TemporaryDirectory(prefix="nngrader-scale-") as tmp:
        class_dir = Path(tmp) / "class"
        make_class(course, args.assignment, class_dir, args.students, correct_share=args.correct_share)
        print(f"{args.students} submissions of {assignment_id}, --jobs/workers {args.jobs}; {_machine()}", flush=True)
        for db_kind in dbs:
            for executor in executors:
                drop = None
                if db_kind == "sqlite":
                    db = f"sqlite:///{tmp}/gb-{uuid.uuid4().hex[:8]}.sqlite"
                else:
                    db, drop = _fresh_pg(args.pg_url)
                try:
                    r = run_command(args, class_dir, executor, db)
                    summary = check_gradebook(db, assignment_id, args.students)
                finally:
                    if drop:
                        drop()
                    if db_kind == "sqlite":
                        for suffix in ("", "-wal", "-shm"):
                            Path(db.removeprefix("sqlite:///") + suffix).unlink(missing_ok=True)
                    shutil.rmtree(Path(tmp) / "storage", ignore_errors=True)
                rss = " / ".join(f"{v:.0f}" for v in r["rss_at"])
                print(f"{executor:>13} {db_kind:>10}  {args.students / r['wall_s']:6.1f}/s whole command "
                      f"({r['wall_s']:.0f} s)  {r['graded'] / r['grading_s']:6.1f}/s grading ({r['grading_s']:.0f} s)  "
                      f"command RSS at 10/50/90 %: {rss} MiB, peak {r['peak_mib']:.0f} MiB, "
                      f"command CPU {1000 * r['command_cpu_s'] / args.students:.1f} ms per submission  "
                      f"mean score {summary.mean:.1f}  load {os.getloadavg()[0]:.2f}", flush=True)
    if args.probe:
        for db_kind in dbs:
            with tempfile.TemporaryDirectory(prefix="nngrader-probe-") as tmp:
                db, drop = (f"sqlite:///{tmp}/probe.sqlite", None) if db_kind == "sqlite" else _fresh_pg(args.pg_url)
                try:
                    rates = writer_probe(db, args.probe)
                finally:
                    if drop:
                        drop()
            print(f"one writer, {db_kind}: {rates['one']:.0f} records/s one per transaction, "
                  f"{rates['group50']:.0f} records/s in groups of 50", flush=True)
        probe = queue_probe(args.probe * 5)
        print(f"Dask queue (worker -> scheduler -> command): {probe['messages_per_s']:.0f} record messages/s "
              f"({probe['record_bytes']} bytes each as JSON)", flush=True)


if __name__ == "__main__":
    main()
