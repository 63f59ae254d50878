"""Group commits: Gradebook.save_many and the RecordWriter that `nngrader grade` saves through."""
from __future__ import annotations

import threading
from dataclasses import replace

import pytest

from grader.gradebook import Gradebook, default_url
from grader.gradebook.writer import RecordWriter

from report_records import sample_records


@pytest.fixture()
def gb(tmp_path):
    book = Gradebook(default_url(tmp_path))
    yield book
    book.close()


def _numbered(n: int):
    base = sample_records()[1]
    return [replace(base, student_id=f"s{i:03d}", student_name=f"Студент {i}", content_hash=f"h{i}") for i in range(n)]


def test_save_many_applies_records_in_order_in_one_transaction(gb):
    first, second = sample_records()[1], replace(sample_records()[1], content_hash="later", score=3.0)
    ids = gb.save_many([first, second, sample_records()[0]])
    assert len(ids) == 3 and ids == sorted(ids)
    history = gb.submissions("02_activations", "petrova")
    assert [(s.is_current, s.record.content_hash) for s in history] == [(False, first.content_hash), (True, "later")]
    assert gb.verify() == []


def test_save_many_is_all_or_nothing(gb, monkeypatch):
    records = _numbered(3)
    real = __import__("grader.gradebook.convert", fromlist=["result_values"]).result_values

    def broken_last(record):
        values = real(record)
        if record.student_id == "s002":
            values[-1]["test_id"] = None  # NOT NULL violation after two records were added
        return values

    monkeypatch.setattr("grader.gradebook.store.result_values", broken_last)
    with pytest.raises(Exception):
        gb.save_many(records)
    assert gb.count() == 0 and gb.students() == []


class _SlowBook:
    """A gradebook whose first commit waits until released: records put meanwhile must share one commit."""

    def __init__(self, book: Gradebook):
        self.book, self.entered, self.release, self.groups = book, threading.Event(), threading.Event(), []

    def save_many(self, records):
        if not self.groups:
            self.entered.set()
            self.release.wait(timeout=30)
        self.groups.append(len(records))
        return self.book.save_many(records)


def test_writer_commits_what_piled_up_in_one_transaction(gb):
    slow = _SlowBook(gb)
    seen = []
    records = _numbered(41)
    writer = RecordWriter(slow, on_saved=lambda record, row_id: seen.append((record.student_id, row_id)))
    writer.put(records[0])
    assert slow.entered.wait(timeout=30)  # the first commit is under way
    for record in records[1:]:
        writer.put(record)
    slow.release.set()
    writer.close()
    assert slow.groups == [1, 40]
    assert writer.saved == 41 and writer.commits == 2
    assert [s for s, _ in seen] == [r.student_id for r in records]
    assert gb.count("02_activations") == 41 and gb.verify() == []


def test_writer_bounds_a_group(gb):
    slow = _SlowBook(gb)
    writer = RecordWriter(slow, max_group=7)
    records = _numbered(20)
    for record in records:
        writer.put(record)
    slow.release.set()
    writer.close()
    assert max(slow.groups) <= 7 and sum(slow.groups) == 20
    assert gb.count() == 20


def test_a_failed_commit_stops_the_grading_loop(gb):
    class Broken:
        def save_many(self, records):
            raise RuntimeError("диск переполнен")

    writer = RecordWriter(Broken())
    writer.put(_numbered(1)[0])
    with pytest.raises(RuntimeError, match="диск"):
        writer.close()
    with pytest.raises(RuntimeError):
        writer.put(_numbered(1)[0])
