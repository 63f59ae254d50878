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

import dataclasses
import os
import re
import uuid
from collections import deque
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
LOW_LEVEL_LOG = 5  # entries Dask keeps in each of its debugging logs (see __enter__)


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
            import dask
            from distributed import Client, LocalCluster
        except ImportError:
            raise ExecutorError("для --executor dask… установите dask и distributed: pip install 'nngrader[scale]'") from None
        from .dask_worker import PLUGIN, GradingPlugin
        from .shipping import course_bundle
        try:
            if self.kind == "local":
                # The in-process scheduler keeps its last N messages to each worker for debugging
                # (BatchedSend.recent_message_log, 1000 by default); ours carry the submissions'
                # bytes, so that log alone grew the command by megabytes per thousand submissions.
                dask.config.set({"distributed.admin.low-level-log-length": LOW_LEVEL_LOG})
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
        """Yield one record per candidate, in completion order, each exactly once.

        A chunk that fails for good (its workers keep dying: Dask gives up after
        `distributed.scheduler.allowed-failures`) is split: each submission it had
        not finished is graded alone; one that fails alone too gets an error record,
        as in local grading. Only a worker's refusal stops the whole batch."""
        from distributed import Queue, wait
        from .dask_worker import grade_chunk

        if not candidates:
            return
        workers = self.workers()
        size = self.chunk or max(1, min(MAX_CHUNK, -(-len(candidates) // (workers * CHUNKS_PER_WORKER))))
        window = self.window or workers * 2 + 1
        queue = Queue(f"nngrader-{uuid.uuid4().hex}", client=self.client)
        todo = deque((list(range(start, min(start + size, len(candidates)))), False)
                     for start in range(0, len(candidates), size))
        in_flight: dict = {}  # future -> (indices, graded alone after a failure)
        seen: set[int] = set()

        def submit_next() -> None:
            indices, alone = todo.popleft()
            items = [_item(i, candidates[i]) for i in indices]
            # pure=False and a fresh key: a rerun command never picks up an old result
            future = self.client.submit(grade_chunk, self.plugin_name, assignment_id, items, hints, queue.name,
                                        pure=False, key=f"nngrader-chunk-{uuid.uuid4().hex}")
            in_flight[future] = (indices, alone)

        def received() -> Iterator[SubmissionRecord]:
            for message in _drain(queue):
                if message["index"] in seen:
                    self.retried += 1
                    continue
                seen.add(message["index"])
                self.last_worker = message["worker"]
                yield record_from_dict(message["record"])

        try:
            while True:
                while todo and len(in_flight) < window:
                    submit_next()
                yield from received()
                finished = [f for f in in_flight if f.done()]
                for future in finished:
                    indices, alone = in_flight.pop(future)
                    failure = self._collect(future)
                    if failure is None:
                        continue
                    yield from received()  # what it sent before failing counts
                    left = [i for i in indices if i not in seen]
                    if alone:
                        for i in left:
                            seen.add(i)
                            yield _error_record(self.course, assignment_id, candidates[i], failure,
                                                self.required_level or "reduced")
                    else:
                        todo.extendleft(([i], True) for i in reversed(left))
                if not in_flight and not todo:
                    yield from received()  # a chunk's records all reach the queue before it returns
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

    def _collect(self, future) -> BaseException | None:
        """None when the chunk was graded, else why it failed; a refusal stops everything."""
        from .dask_worker import WorkerRefused
        try:
            result = future.result()
        except WorkerRefused as exc:
            raise ExecutorError(str(exc)) from None
        except Exception as exc:  # noqa: BLE001 - KilledWorker after too many deaths, a harness failure…
            return exc
        name = str(result["worker"])
        self.peak_memory[name] = max(self.peak_memory.get(name, 0.0), result["peak_mib"])
        return None


def _error_record(course: LoadedCourse, assignment_id: str, candidate: Candidate, exc: BaseException, level: str):
    """The record of a submission no worker could grade: status "error", graded again by the next run."""
    from . import batch
    assignment = course.course.assignment(assignment_id)
    if hasattr(batch, "error_record"):
        return batch.error_record(candidate, assignment, level, "воркер Dask", exc)
    return batch._record(candidate, assignment, level, "", status="error",
                         message=f"не удалось проверить решение (этап: воркер Dask): {type(exc).__name__}. "
                                 "Остальные решения проверены; запустите проверку ещё раз")


def _item(index: int, candidate: Candidate) -> dict:
    """What a worker needs to grade one submission: every field of the candidate (whatever this
    version's Candidate has), the instructor's path, and the submission's bytes (read only now)."""
    from .shipping import pack_submission
    fields = {f.name: getattr(candidate, f.name) for f in dataclasses.fields(candidate) if f.name != "path"}
    return {"index": index, "candidate": fields, "source_path": str(candidate.path),
            "files": pack_submission(candidate.path)}


def _drain(queue) -> list[dict]:
    try:
        return list(queue.get(batch=True))
    except Exception:  # noqa: BLE001 - nothing queued yet
        return []


def _cores() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))
