"""Save records as they arrive, on a thread of their own, grouping whatever has piled up into one commit.

Grading hands over records faster than one transaction with an fsync each can
store them once there are many graders. The writer commits every record that is waiting in one transaction:
when records are rare each gets its own commit as before; when they crowd, one
fsync serves the whole group. The grading loop never waits for the disk.

    with RecordWriter(gradebook, on_saved=lambda record, row_id: ...) as writer:
        for record in records:
            writer.put(record)
    # leaving the block waits until everything put is committed

A record is in the gradebook only once committed: if the command dies, what
was still waiting is simply graded again by the next run (resume by hash).
"""
from __future__ import annotations

import queue
import threading
from typing import Callable

from ..records import SubmissionRecord
from .store import Gradebook

MAX_GROUP = 200  # records per transaction: bounds a transaction's size and the work lost to a failed commit
_END = object()


class RecordWriter:
    def __init__(self, gradebook: Gradebook, *, on_saved: Callable[[SubmissionRecord, int], None] | None = None,
                 max_group: int = MAX_GROUP):
        self.gradebook, self.on_saved, self.max_group = gradebook, on_saved, max_group
        self.saved = 0          # records committed so far
        self.commits = 0        # transactions used for them
        self._queue: queue.Queue = queue.Queue()
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="nngrader-gradebook-writer", daemon=True)
        self._thread.start()

    def put(self, record: SubmissionRecord) -> None:
        """Queue a record for saving; raises at once if an earlier save failed."""
        self._raise_if_failed()
        self._queue.put(record)

    def close(self) -> None:
        """Wait until every queued record is committed; re-raise a save's failure."""
        if self._thread.is_alive():
            self._queue.put(_END)
            self._thread.join()
        self._raise_if_failed()

    def __enter__(self) -> "RecordWriter":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _raise_if_failed(self) -> None:
        if self._error is not None:
            raise self._error

    def _run(self) -> None:
        finished = False
        while not finished:
            group = [self._queue.get()]  # wait for the first, then take whatever else is already waiting
            while len(group) < self.max_group:
                try:
                    group.append(self._queue.get_nowait())
                except queue.Empty:
                    break
            if _END in group:
                group = [r for r in group if r is not _END]
                finished = True
            if not group:
                continue
            try:
                ids = self.gradebook.save_many(group)
            except BaseException as exc:  # noqa: BLE001 - handed to the grading loop, which stops
                self._error = exc
                return
            self.saved += len(group)
            self.commits += 1
            if self.on_saved is not None:
                for record, row_id in zip(group, ids):
                    self.on_saved(record, row_id)
