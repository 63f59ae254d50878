"""Grade many submissions on several cores: one grading process per job, each with its own zygote.

Each grading process keeps, for its whole life, the trusted side (hidden
tests, reference, mutants) and a confined zygote that forks one fresh worker
per submission. The parent only hands out chunks and stores the records it
gets back, one transaction per submission, as soon as they arrive.
"""
from __future__ import annotations

import multiprocessing
import os
import queue
import sys
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Iterable, Iterator

from ..records import SubmissionRecord
from .discover import Candidate

CHUNK = 50  # submissions per pytest session: collection is paid once per chunk; records stream out one by one

_state: dict = {}


def _init(course_root: str, assignment_id: str, level: str, slots, records, require_hints: bool,
          command_pid: int) -> None:
    """Per grading process: load the course, the hints and start a zygote in its own uid slot."""
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    from ..course import load_course
    from ..harness.plugin import sandboxed_loader
    from .batch import load_hints

    course = load_course(Path(course_root))
    assignment = course.course.assignment(assignment_id)
    limits = course.course.limits
    _state.update(course=course, assignment=assignment, level=level, records=records,
                  hints=load_hints(course, assignment) if require_hints else None,
                  loader=sandboxed_loader(level, call_timeout_s=limits.call_timeout_s,
                                          budget_s=limits.submission_budget_s, memory_mb=limits.memory_mb,
                                          slot=slots.get()))
    _die_with(command_pid)


def _die_with(command_pid: int) -> None:
    """If the instructor's command is killed (even kill -9), this grading process and its sandbox go too.

    Grading processes are children of the fork server, not of the command, so
    PR_SET_PDEATHSIG cannot see the command die: a watchdog thread checks it.
    """
    def alive() -> bool:
        try:
            with open(f"/proc/{command_pid}/stat") as stat:
                return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
        except OSError:
            return False

    def watch() -> None:
        while alive():
            time.sleep(0.5)
        _state["loader"].close()  # the zygote and the worker in progress
        os._exit(1)

    if sys.platform.startswith("linux"):
        threading.Thread(target=watch, name="nngrader-watchdog", daemon=True).start()


def _grade_chunk(candidates: list[Candidate]) -> tuple[int, float]:
    """Grade a chunk, sending each record to the parent as soon as it is ready.

    Returns this grading process's pid and its peak resident memory (MiB)."""
    import resource
    from .batch import grade_candidates
    grade_candidates(_state["course"], _state["assignment"], candidates, level=_state["level"],
                     loader=_state["loader"], hints=_state["hints"], on_record=_state["records"].put)
    return os.getpid(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _chunks(items: list[Candidate], size: int) -> Iterable[list[Candidate]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def grade_in_parallel(course_root: Path, assignment_id: str, candidates: list[Candidate], *, level: str,
                      jobs: int, hints: bool = True, chunk: int = CHUNK,
                      peak_memory: dict | None = None, retry: bool = True) -> Iterator[SubmissionRecord]:
    """Yield each record as soon as its submission is graded (in completion order).

    Every candidate gets exactly one record. If a grading process dies, the
    submissions it had not finished are graded again, each alone in a fresh
    process; one that fails alone too gets an error record. `peak_memory`, if
    given, receives {grading process pid: peak resident MiB}."""
    if not candidates:
        return
    yielded: set[tuple[str, str]] = set()
    failed: list[tuple[Candidate, BaseException]] = []
    for record in _grade_pool(course_root, assignment_id, candidates, level=level, jobs=jobs, hints=hints,
                              chunk=chunk, peak_memory=peak_memory, failed=failed):
        yielded.add((record.student_id, record.source_path))
        yield record
    lost = [(c, exc) for c, exc in failed if (c.student_id, str(c.path)) not in yielded]
    for candidate, exc in lost:
        if retry:
            yield from grade_in_parallel(course_root, assignment_id, [candidate], level=level, jobs=1, hints=hints,
                                         chunk=1, peak_memory=peak_memory, retry=False)
        else:
            yield _error_record(course_root, assignment_id, candidate, level, exc)


def _error_record(course_root: Path, assignment_id: str, candidate: Candidate, level: str,
                  exc: BaseException) -> SubmissionRecord:
    from ..course import load_course
    from .batch import error_record
    assignment = load_course(Path(course_root)).course.assignment(assignment_id)
    return error_record(candidate, assignment, level, "процесс проверки", exc)


def _grade_pool(course_root: Path, assignment_id: str, candidates: list[Candidate], *, level: str, jobs: int,
                hints: bool, chunk: int, peak_memory: dict | None,
                failed: list[tuple[Candidate, BaseException]]) -> Iterator[SubmissionRecord]:
    """One pool of grading processes over `candidates`; the candidates of chunks that failed go to `failed`."""
    # A fork server imports the grading stack once and forks each grading process from it:
    # no inherited locks, threads or databases of this process, and no per-process import cost.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["grader.grading.batch", "grader.harness.plugin", "grader.sandbox.proxy"])
    slots = context.Queue()  # handed to each grading process at its start
    for slot in range(jobs):
        slots.put(slot)
    results = context.Queue()  # records, one per submission, as they are graded
    chunk = max(1, min(chunk, -(-len(candidates) // jobs)))
    expected = len(candidates)

    def collect(future: Future) -> None:
        try:
            pid, peak = future.result()
        except Exception as exc:  # noqa: BLE001 - a dead grading process costs a regrade, not the class
            failed.extend((c, exc) for c in pending[future])
            return
        if peak_memory is not None:
            peak_memory[pid] = max(peak, peak_memory.get(pid, 0.0))

    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_init,
                             initargs=(str(course_root), assignment_id, level, slots, results, hints,
                                       os.getpid())) as pool:
        pending: dict[Future, list[Candidate]] = {pool.submit(_grade_chunk, part): part
                                                  for part in _chunks(candidates, chunk)}
        unfinished = set(pending)
        while expected:
            try:
                record = results.get(timeout=0.2)
            except queue.Empty:
                finished = {f for f in unfinished if f.done()}
                for future in finished:
                    collect(future)
                unfinished -= finished
                if not unfinished and results.empty():
                    break
                continue
            expected -= 1
            yield record
        for future in unfinished:
            collect(future)


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))

