"""Grade on a Dask cluster: `--executor dask://HOST:PORT` or `--executor dask-local[:N]`.

The command stays where the gradebook is; Dask's scheduler hands chunks of
submissions to workers (grader.grading.dask_worker). What this side does:
- ships the course once, as bytes inside the worker plugin (no shared file system);
- keeps a bounded window of chunks in flight, reading each submission's files only
  when its chunk is sent, so the command's memory does not grow with the class;
- yields each record as it arrives from the workers' queue. A chunk whose worker
  died is rerun elsewhere by the scheduler and may send a record twice: the
  submission's index in the batch makes the second copy a no-op.
"""
from __future__ import annotations

import os
import re
import time
import uuid
from collections import deque
from pathlib import Path
from typing import Iterator

from ..course import LoadedCourse
from ..gradebook.convert import record_from_dict
from ..records import SubmissionRecord
from .discover import Candidate

LOCAL = re.compile(r"^dask-local(?::(?P<n>\d+))?$")
REMOTE = re.compile(r"^dask://(?P<address>[^/\s]+:\d+)/?$")
MAX_CHUNK = 50     # as local grading: pytest collection is paid once per chunk
CHUNKS_PER_WORKER = 4  # smaller chunks near the end keep workers busy and lose less when one dies
POLL_S = 0.05


class ExecutorError(Exception):
    """The executor cannot be used or grading on it failed; str() is a Russian message."""


def parse_executor(spec: str) -> tuple[str, str | int]:
    """("local", n_workers) or ("remote", "tcp://host:port"); ExecutorError for anything else."""
    local = LOCAL.match(spec.strip())
    if local:
        n = int(local["n"]) if local["n"] else 0
        if local["n"] and n < 1:
            raise ExecutorError("dask-local:N — число воркеров N должно быть не меньше 1")
        return "local", n
    remote = REMOTE.match(spec.strip())
    if remote:
        return "remote", f"tcp://{remote['address']}"
    raise ExecutorError(f"неизвестный исполнитель «{spec}»: ожидается local, dask-local[:N] или dask://ХОСТ:ПОРТ")


class DaskGrading:
    """A connection to a Dask cluster (or a LocalCluster it starts) that grades chunks of submissions.

        with DaskGrading("dask-local:2", course, required_level="full") as dask:
            for record in dask.grade("02_activations", candidates):
                gradebook.save(record)
    """

    def __init__(self, spec: str, course: LoadedCourse, *, required_level: str | None,
                 chunk: int | None = None, window: int | None = None):
        self.kind, self.target = parse_executor(spec)
        self.course, self.required_level, self.chunk, self.window = course, required_level, chunk, window
        self.cluster = self.client = None
        self.plugin_name: str | None = None
        self.peak_memory: dict[str, float] = {}  # worker name -> peak resident MiB seen in its chunks
        self.retried = 0         # duplicate records dropped (sent again by a chunk rerun after its worker died)
        self.last_worker: str | None = None  # address of the worker that sent the latest record

    # ------------------------------------------------------------ connection

    def __enter__(self) -> "DaskGrading":
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise ExecutorError("для --executor dask… установите dask и distributed: pip install 'nngrader[scale]'") from None
        from .dask_worker import PLUGIN, GradingPlugin
        from .shipping import course_bundle
        try:
            if self.kind == "local":
                n = self.target or _cores()
                # One thread per worker: grading on a worker is sequential anyway (see dask_worker).
                self.cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                                            dashboard_address=None, silence_logs=40)
                self.client = Client(self.cluster)
            else:
                self.client = Client(self.target, timeout="30s")
        except (OSError, TimeoutError) as exc:
            self.close()
            raise ExecutorError(f"не удалось подключиться к планировщику Dask {self.target}: {exc}") from None
        bundle, digest = course_bundle(self.course.root)
        # A name of its own: commands sharing a cluster (other courses, other versions) do not replace
        # each other's course; unregistering at the end closes this command's zygotes on every worker.
        self.plugin_name = f"{PLUGIN}-{digest[:12]}-{uuid.uuid4().hex[:8]}"
        self.client.register_plugin(GradingPlugin(bundle, digest, self.required_level or "reduced", self.plugin_name))
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self.client is not None and self.plugin_name and self.cluster is None:
            try:
                self.client.unregister_worker_plugin(self.plugin_name)
            except Exception:  # noqa: BLE001 - the cluster may be gone already; its workers then end anyway
                pass
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()
        self.client = self.cluster = None

    def workers(self) -> int:
        return max(1, len(self.client.scheduler_info().get("workers", {})))

    # ------------------------------------------------------------ grading

    def grade(self, assignment_id: str, candidates: list[Candidate], *, hints: bool = True) -> Iterator[SubmissionRecord]:
        """Yield one record per candidate, in completion order, each exactly once."""
        from distributed import Queue, wait
        from .dask_worker import grade_chunk

        if not candidates:
            return
        workers = self.workers()
        size = self.chunk or max(1, min(MAX_CHUNK, -(-len(candidates) // (workers * CHUNKS_PER_WORKER))))
        window = self.window or workers * 2 + 1
        queue = Queue(f"nngrader-{uuid.uuid4().hex}", client=self.client)
        starts = deque(range(0, len(candidates), size))
        in_flight: set = set()
        seen: set[int] = set()

        def submit_next() -> None:
            start = starts.popleft()
            items = [_item(start + i, c) for i, c in enumerate(candidates[start:start + size])]
            # pure=False: a retried command must not pick up a cached result; retries: the scheduler
            # already reruns a chunk whose worker died (allowed-failures), this covers a flaky start-up.
            in_flight.add(self.client.submit(grade_chunk, self.plugin_name, assignment_id, items, hints, queue.name,
                                             pure=False, key=f"nngrader-chunk-{uuid.uuid4().hex}"))

        try:
            while starts and len(in_flight) < window:
                submit_next()
            while len(seen) < len(candidates):
                for message in _drain(queue):
                    if message["index"] in seen:
                        self.retried += 1
                        continue
                    seen.add(message["index"])
                    self.last_worker = message["worker"]
                    yield record_from_dict(message["record"])
                finished = {f for f in in_flight if f.done()}
                for future in finished:
                    self._collect(future)
                in_flight -= finished
                while starts and len(in_flight) < window:
                    submit_next()
                if not in_flight and not starts:
                    for message in _drain(queue):  # a chunk's puts all reach the queue before it returns
                        if message["index"] not in seen:
                            seen.add(message["index"])
                            yield record_from_dict(message["record"])
                    break
                if not finished:
                    try:
                        wait(list(in_flight), timeout=POLL_S, return_when="FIRST_COMPLETED")
                    except TimeoutError:  # nothing finished yet: records may still be arriving
                        pass
            missing = len(candidates) - len(seen)
            if missing:
                raise ExecutorError(f"воркеры Dask вернули не все результаты: не хватает {missing}")
        finally:
            for future in in_flight:
                future.cancel()
            try:
                queue.close()  # type: ignore[attr-defined]
            except Exception:  # noqa: BLE001 - older distributed: the queue is released with the client
                pass

    def _collect(self, future) -> None:
        from .dask_worker import WorkerRefused
        try:
            result = future.result()
        except WorkerRefused as exc:
            raise ExecutorError(str(exc)) from None
        except Exception as exc:  # noqa: BLE001 - KilledWorker after too many deaths, a harness failure…
            raise ExecutorError(f"воркер Dask не смог проверить часть решений: {type(exc).__name__}: {exc}") from exc
        name = str(result["worker"])
        self.peak_memory[name] = max(self.peak_memory.get(name, 0.0), result["peak_mib"])


def _item(index: int, candidate: Candidate) -> dict:
    """What a worker needs to grade one submission (plain data; the submission's bytes are read now)."""
    from .shipping import pack_submission
    return {"index": index, "student_id": candidate.student_id, "student_name": candidate.student_name,
            "source_path": str(candidate.path), "key": candidate.key,
            "submitted_at": candidate.submitted_at.isoformat() if candidate.submitted_at else None,
            "files": pack_submission(candidate.path)}


def _drain(queue) -> list[dict]:
    try:
        return list(queue.get(batch=True))
    except Exception:  # noqa: BLE001 - nothing queued yet
        return []


def _cores() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))
