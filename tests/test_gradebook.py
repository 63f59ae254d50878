"""The gradebook: round trips, current/history, summary, and crash safety under kill -9."""
from __future__ import annotations

import os
import random
import select
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from dataclasses import replace
from datetime import timedelta

import pytest

from grader.gradebook import Gradebook, default_url, record_from_dict, record_to_dict
from grader.gradebook import convert as convert_module
from grader.records import TestOutcome as Outcome  # aliased: pytest would try to collect Test*

from report_records import ROOT, sample_records


@pytest.fixture()
def gb(tmp_path):
    book = Gradebook(default_url(tmp_path))
    yield book
    book.close()


def _by_key(records):
    return {(r.student_id, r.assignment_id): r for r in records}


def test_default_url_is_gradebook_sqlite_in_course_dir(tmp_path):
    assert default_url(tmp_path) == f"sqlite:///{(tmp_path / 'gradebook.sqlite').resolve().as_posix()}"


def test_save_and_read_back_exactly(gb):
    records = sample_records()
    for r in records:
        gb.save(r)
    back = gb.current()
    assert len(back) == len(records)
    assert _by_key(back) == _by_key(records)  # every field, outcomes in order, Cyrillic, tz-aware times
    acts = gb.current("02_activations")
    assert [r.student_id for r in acts] == sorted(r.student_id for r in records if r.assignment_id == "02_activations")
    petrova = _by_key(acts)[("petrova", "02_activations")]
    assert petrova.submitted_at.utcoffset() == timedelta(hours=3)
    assert [o.test_id for o in petrova.outcomes] == [o.test_id for o in _by_key(records)[("petrova", "02_activations")].outcomes]
    assert gb.verify() == []


def test_students_and_assignments(gb):
    for r in sample_records():
        gb.save(r)
    students = gb.students()
    assert [s.id for s in students] == sorted(s.id for s in students)
    assert {s.id: s.name for s in students}["petrova"] == "Петрова Мария"
    assert gb.assignments() == ["01_neuron", "02_activations"]
    gb.save(replace(sample_records()[1], student_name="Петрова-Соколова Мария", content_hash="new"))
    assert {s.id: s.name for s in gb.students()}["petrova"] == "Петрова-Соколова Мария"


def test_resave_flips_current_and_keeps_history(gb):
    first = sample_records()[1]
    gb.save(first)
    assert gb.known_hash("petrova", "02_activations") == first.content_hash
    assert gb.known_hash("petrova", "01_neuron") is None
    assert gb.known_hash("nobody", "02_activations") is None
    second = replace(first, content_hash="sha-second", outcomes=first.outcomes[:2], raw_score=16.0, score=16.0)
    gb.save(second)
    assert gb.known_hash("petrova", "02_activations") == "sha-second"
    assert gb.known_hashes("02_activations") == {"petrova": "sha-second"}
    current = gb.current("02_activations")
    assert len(current) == 1 and current[0] == second
    history = gb.submissions("02_activations", "petrova")
    assert [(s.is_current, s.record.content_hash) for s in history] == [(False, first.content_hash), (True, "sha-second")]
    assert history[0].record == first  # the old results are kept intact
    assert gb.count("02_activations") == 1
    assert gb.verify() == []


def test_details_become_plain_json(gb):
    import numpy as np

    outcome = Outcome("t", "relu", 0, 1, False, "м", 0.0,
                          {"received_shape": (3, np.int64(4)), "max_rel_error": np.float64(0.5),
                           "bad": float("nan"), "arr": np.arange(3)})
    record = replace(sample_records()[0], outcomes=[outcome])
    gb.save(record)
    details = gb.current("02_activations")[0].outcomes[0].details
    assert details == {"received_shape": [3, 4], "max_rel_error": 0.5, "bad": "nan", "arr": [0, 1, 2]}


def test_record_dict_round_trip():
    for r in sample_records():
        assert record_from_dict(record_to_dict(r)) == r


def test_summary(gb):
    for r in sample_records():
        gb.save(r)
    s = gb.summary("02_activations")
    assert s.count == 5
    scores = sorted(r.score for r in sample_records() if r.assignment_id == "02_activations")
    assert s.mean == pytest.approx(sum(scores) / 5)
    assert s.median == pytest.approx(scores[2])
    assert s.failures == {"relu": 1, "sigmoid": 1, "softmax": 1}
    assert s.statuses == {"graded": 4, "load_error": 1}
    assert s.late == 1
    empty = gb.summary("08_training")
    assert empty.count == 0 and empty.mean is None


def test_sqlite_is_wal_with_durable_commits(gb, tmp_path):
    gb.save(sample_records()[0])
    with gb.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 10_000
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_failed_save_leaves_nothing_and_keeps_previous_current(gb, monkeypatch):
    first = sample_records()[1]
    gb.save(first)
    real = convert_module.result_values

    def broken(record):
        values = real(record)
        values[-1]["test_id"] = None  # NOT NULL violation after the other rows were added
        return values

    monkeypatch.setattr("grader.gradebook.store.result_values", broken)
    with pytest.raises(Exception):
        gb.save(replace(first, content_hash="never-stored"))
    assert gb.known_hash("petrova", "02_activations") == first.content_hash
    assert len(gb.submissions("02_activations", "petrova")) == 1
    assert gb.verify() == []


# ---------------------------------------------------------------- crash safety

WRITER = textwrap.dedent("""
    import sys
    sys.path.insert(0, {root!r})
    from grader.gradebook import Gradebook
    from grader.records import SubmissionRecord, TestOutcome

    url, start, stop, prefix = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    gb = Gradebook(url)
    print("ready", flush=True)
    for i in range(start, stop):
        n = 1 + (i * 7) % 40   # results written for submission i: encoded in its hash
        outcomes = [TestOutcome(f"test_{{k}}", "relu", 1.0, 1.0, k % 3 != 0, "сообщение " * 20, 0.001,
                                {{"k": k, "shape": [k, 2]}}, "подсказка" if k % 5 == 0 else None) for k in range(n)]
        gb.save(SubmissionRecord(f"{{prefix}}{{i % 11}}", "Студент Тестовый", f"a{{i % 3}}", "p", f"h{{i}}:{{n}}",
                                 None, 0, 0.0, "full", float(n), float(n), 100.0, "graded", outcomes=outcomes))
        print(i, flush=True)
""")


def _writer(tmp_path, url, start, stop, prefix="s"):
    script = tmp_path / "writer.py"
    script.write_text(WRITER.format(root=str(ROOT)), encoding="utf-8")
    return subprocess.Popen([sys.executable, str(script), url, str(start), str(stop), prefix],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _readline(proc, timeout):
    ready, _, _ = select.select([proc.stdout], [], [], timeout)
    assert ready, "writer did not start in time"
    return proc.stdout.readline().strip()


def _check_complete(url):
    """Every stored submission has exactly the results written for it; one current per student+assignment."""
    with Gradebook(url) as book:
        stored = book.submissions()
        for s in stored:
            i, n = map(int, s.record.content_hash[1:].split(":"))
            assert len(s.record.outcomes) == n, f"submission {i}: {len(s.record.outcomes)} of {n} results"
            assert [o.test_id for o in s.record.outcomes] == [f"test_{k}" for k in range(n)]
        assert book.verify() == []
        latest: dict[tuple[str, str], int] = {}
        for s in stored:
            key = (s.record.student_id, s.record.assignment_id)
            latest[key] = max(latest.get(key, -1), int(s.record.content_hash[1:].split(":")[0]))
        current = {(r.student_id, r.assignment_id): int(r.content_hash[1:].split(":")[0]) for r in book.current()}
        assert current == latest
        return {int(s.record.content_hash[1:].split(":")[0]) for s in stored}


def test_kill_9_never_leaves_half_written_or_loses_committed(tmp_path):
    url = default_url(tmp_path)
    Gradebook(url).close()
    rng = random.Random(20261001)
    committed: set[int] = set()
    start, kills = 0, 0
    deadline = time.monotonic() + 30
    while kills < 6 and time.monotonic() < deadline:
        proc = _writer(tmp_path, url, start, start + 100_000)
        try:
            assert _readline(proc, 20) == "ready", proc.stderr.read()
            time.sleep(rng.uniform(0.02, 0.35))
            os.kill(proc.pid, signal.SIGKILL)  # only this child, never a group
        finally:
            if proc.poll() is None and proc.returncode is None:
                proc.wait(timeout=10)
        assert proc.returncode == -signal.SIGKILL
        committed |= {int(line) for line in proc.stdout.read().split() if line.isdigit()}
        proc.stdout.close()
        proc.stderr.close()
        kills += 1
        stored = _check_complete(url)
        missing = committed - stored
        assert not missing, f"committed but lost after kill -9: {sorted(missing)[:10]}"
        start = max(stored | {start - 1}) + 1
    assert kills >= 3
    assert len(committed) > 0
    conn = sqlite3.connect(tmp_path / "gradebook.sqlite")
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


def test_several_processes_write_at_once(tmp_path):
    url = default_url(tmp_path)
    Gradebook(url).close()
    procs = [_writer(tmp_path, url, 0, 25, prefix=p) for p in ("x", "y", "z")]
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    with Gradebook(url) as book:
        stored = book.submissions()
        assert len(stored) == 75
        assert {s.record.student_id[0] for s in stored} == {"x", "y", "z"}
        assert book.verify() == []
        assert len(book.current()) == 75  # i < 25 < 33 = 11 students × 3 assignments: every pair distinct
