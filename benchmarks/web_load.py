"""Load benchmark of the course site, loopback only and bounded: N students submit within T seconds.

    python benchmarks/web_load.py --students 200 --within 10 --jobs 2

Starts `nngrader serve`'s app with uvicorn on 127.0.0.1 (a temporary gradebook),
creates N student accounts, signs them in (not timed), then each student uploads
one solution at a random moment within T seconds and polls its status until it is
graded. Meanwhile a reader thread loads assignment pages. Prints how many were
graded and lost, upload-to-feedback p50/p95, page-load p50/p95 under that load,
the isolation level and the machine. Stops after --timeout seconds whatever happens.
"""
from __future__ import annotations

import argparse
import os
import platform
import random
import re
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main() -> None:
    import httpx
    import uvicorn

    from grader.course import load_course
    from grader.sandbox.launcher import isolation_level
    from grader.web import accounts
    from grader.web.app import create_app

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--students", type=int, default=200)
    parser.add_argument("--within", type=float, default=10.0)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=300.0)
    args = parser.parse_args()
    source = (ROOT / "solutions" / "activations.py").read_bytes()
    level = isolation_level()[0]
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app(load_course(ROOT), f"sqlite:///{Path(tmp) / 'gb.sqlite'}", storage=Path(tmp) / "site",
                         level=level, jobs=args.jobs)
        app.state.site.config.per_student_per_minute = 10
        engine = app.state.site.engine
        for i in range(args.students):
            accounts.add_user(engine, f"s{i:04d}", "student", name=f"Студент {i}", student_id=f"s{i:04d}",
                              password="load-test-password")
        port = _port()
        server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
        threading.Thread(target=server.run, daemon=True).start()
        while not server.started:
            time.sleep(0.05)
        base = f"http://127.0.0.1:{port}"
        clients = []
        for i in range(args.students):  # sign-in is argon2-bound on purpose: not part of the measured load
            c = httpx.Client(base_url=base, timeout=60)
            csrf = re.search(r'name="csrf" content="([^"]+)"', c.get("/login").text).group(1)
            c.post("/login", data={"login": f"s{i:04d}", "password": "load-test-password", "csrf": csrf})
            clients.append((c, re.search(r'name="csrf" content="([^"]+)"', c.get("/").text).group(1)))
        latencies: list[float] = []
        pages: list[float] = []
        failures: list[str] = []
        stop = threading.Event()
        started = time.monotonic()
        rng = random.Random(0)

        def student(i: int) -> None:
            c, csrf = clients[i]
            time.sleep(rng.uniform(0, args.within))
            t0 = time.monotonic()
            r = c.post("/a/02_activations/submit", data={"csrf": csrf},
                       files={"file": ("activations.py", source)}, follow_redirects=False)
            if r.status_code != 303:
                failures.append(f"upload {r.status_code}")
                return
            job = r.headers["location"]
            while time.monotonic() - started < args.timeout:
                status = c.get(job + "/status").json()["status"]
                if status in ("done", "failed"):
                    latencies.append(time.monotonic() - t0)
                    if status == "failed":
                        failures.append("grading failed")
                    return
                time.sleep(0.25)
            failures.append("timeout")

        def reader() -> None:
            c, _ = clients[0]
            while not stop.is_set():
                t0 = time.monotonic()
                c.get("/a/02_activations")
                pages.append(time.monotonic() - t0)
                time.sleep(0.1)

        threads = [threading.Thread(target=student, args=(i,)) for i in range(args.students)]
        page_thread = threading.Thread(target=reader)
        page_thread.start()
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=args.timeout)
        stop.set()
        page_thread.join()
        wall = time.monotonic() - started
        server.should_exit = True
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}; isolation {level}; "
          f"grading processes {args.jobs}")
    print(f"students {args.students}, uploads within {args.within:g} s: graded {len(latencies)}, "
          f"not graded {args.students - len(latencies)} ({', '.join(sorted(set(failures))) or 'none'}), wall {wall:.1f} s")
    print(f"upload→feedback: p50 {_pct(latencies, .5):.1f} s, p95 {_pct(latencies, .95):.1f} s, "
          f"max {max(latencies, default=float('nan')):.1f} s")
    print(f"assignment page under load: {len(pages)} loads, p50 {1000 * _pct(pages, .5):.0f} ms, "
          f"p95 {1000 * _pct(pages, .95):.0f} ms")


if __name__ == "__main__":
    main()
