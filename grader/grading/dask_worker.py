"""The grading side of a Dask worker: a plugin that keeps one sandbox zygote per worker.

`GradingPlugin` is registered by the instructor's command (grader.grading.dask_executor)
with the course as bytes; on each worker (also on one that joins or restarts later) it
unpacks the course into the worker's own folder, decides the isolation level and, on
the first chunk, starts a confined zygote exactly as a local grading process does.

All grading on a worker happens on one long-lived thread the plugin owns:
- pytest and the harness are not thread-safe, so chunks must not overlap;
- the zygote is started by that thread; a child started with a parent-death signal
  would be killed when the *thread* that started it ends, and Dask's task threads come and go.

Records leave as plain dicts (record_to_dict) through a Dask queue, one per submission,
tagged with the submission's index in the batch, so the command can store each as it
arrives and drop a duplicate sent by a chunk that was retried after its worker died.
"""
from __future__ import annotations

import fcntl
import os
import resource
import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from distributed import Queue, get_worker
from distributed.diagnostics.plugin import WorkerPlugin

PLUGIN = "nngrader-grading"  # prefix: each command registers its own plugin (own course copy, own zygotes)
SLOT_BASE = 16     # sandbox uid slots 16… (local `--jobs` grading uses 0…jobs-1 on the same machine)
SLOT_COUNT = 48
SLOT_DIR = Path(tempfile.gettempdir()) / "nngrader-dask-slots"


class WorkerRefused(RuntimeError):
    """This worker will not grade (its isolation is below what the command requires); str() is Russian."""


class GradingPlugin(WorkerPlugin):
    def __init__(self, bundle: bytes, digest: str, required_level: str, name: str):
        self.bundle, self.digest, self.required_level, self.name = bundle, digest, required_level, name

    # ------------------------------------------------------------ worker lifetime

    def setup(self, worker) -> None:
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
        from ..course import load_course
        from ..sandbox.levels import choose_level
        from ..sandbox.launcher import IsolationError
        from .shipping import unpack_course

        self.worker_name, self.address = str(worker.name), worker.address
        self.refusal: str | None = None
        try:
            self.level, _ = choose_level(self.required_level)
        except IsolationError as exc:
            self.level, self.refusal = "reduced", f"воркер Dask {worker.address}: {exc}"
        self.root = Path(tempfile.mkdtemp(prefix=f"nngrader-course-{self.digest[:12]}-",
                                          dir=getattr(worker, "local_directory", None)))
        unpack_course(self.bundle, self.root)
        self.bundle = b""  # the unpacked copy is what we use; keep the worker's memory small
        self.course = load_course(self.root)
        self.hints: dict[str, Any] = {}
        self.loader = None
        self.slot_lock = None
        self.thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="nngrader-grading")

    def teardown(self, worker) -> None:
        def close() -> None:
            if self.loader is not None:
                self.loader.close()
        try:
            self.thread.submit(close).result(timeout=30)
        finally:
            self.thread.shutdown(wait=False)
            if self.slot_lock is not None:
                self.slot_lock.close()
            shutil.rmtree(self.root, ignore_errors=True)

    # ------------------------------------------------------------ grading (on self.thread only)

    def _slot(self) -> int:
        """A sandbox uid slot no other grading process on this machine holds (a lock file per slot)."""
        SLOT_DIR.mkdir(mode=0o700, exist_ok=True)
        for slot in range(SLOT_BASE, SLOT_BASE + SLOT_COUNT):
            handle = open(SLOT_DIR / f"slot-{slot}.lock", "a")
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                handle.close()
                continue
            self.slot_lock = handle  # held for the worker's life; the kernel drops it if the worker dies
            return slot
        raise WorkerRefused(f"воркер Dask {self.worker_name}: заняты все {SLOT_COUNT} слотов песочницы на этой машине")

    def _ensure_loader(self):
        if self.loader is None:
            from ..harness.plugin import sandboxed_loader
            limits = self.course.course.limits
            self.loader = sandboxed_loader(self.level, call_timeout_s=limits.call_timeout_s,
                                           budget_s=limits.submission_budget_s, memory_mb=limits.memory_mb,
                                           slot=self._slot())
        return self.loader

    def grade(self, assignment_id: str, items: list[dict], hints: bool, queue_name: str) -> dict:
        if self.refusal:
            raise WorkerRefused(self.refusal)
        queue = Queue(queue_name)  # made here, in the task's thread: it binds to this worker's client
        return self.thread.submit(self._grade, assignment_id, items, hints, queue).result()

    def _grade(self, assignment_id: str, items: list[dict], hints: bool, queue) -> dict:
        from ..gradebook.convert import record_to_dict
        from .batch import grade_candidates, load_hints
        from .discover import Candidate
        from .shipping import unpack_submission

        assignment = self.course.course.assignment(assignment_id)
        if hints and assignment_id not in self.hints:
            self.hints[assignment_id] = load_hints(self.course, assignment)
        with tempfile.TemporaryDirectory(prefix="nngrader-chunk-") as tmp:
            candidates, origin = [], {}
            for item in items:
                path = unpack_submission(item["files"], Path(tmp) / str(item["index"]))
                candidates.append(Candidate(**item["candidate"], path=path))
                origin[str(path)] = (item["index"], item["source_path"])

            def send(record) -> None:
                index, source_path = origin[record.source_path]
                record.source_path = source_path  # the instructor's path, not this worker's copy
                queue.put({"index": index, "worker": self.address, "record": record_to_dict(record)})

            grade_candidates(self.course, assignment, candidates, level=self.level, loader=self._ensure_loader(),
                             hints=self.hints.get(assignment_id) if hints else None, on_record=send)
        return {"worker": self.worker_name, "pid": os.getpid(),
                "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "count": len(items)}


def grade_chunk(plugin_name: str, assignment_id: str, items: list[dict], hints: bool, queue_name: str) -> dict:
    """The Dask task: grade `items` on this worker; records go to the queue as they are ready."""
    plugin = get_worker().plugins.get(plugin_name)
    if plugin is None:
        raise WorkerRefused("воркер Dask без модуля проверки nngrader: перезапустите задание")
    return plugin.grade(assignment_id, items, hints, queue_name)

