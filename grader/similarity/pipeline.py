"""One call from sources to scores: documents are built in parallel for big classes."""
from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor

from .score import Analysis, Document, analyse, build_document
from .sources import Source

PARALLEL_FROM = 120  # below this, starting processes costs more than it saves


def _build(args: tuple[Source, list[str]]) -> Document | str:
    source, functions = args
    try:
        return build_document(source, functions)
    except (SyntaxError, ValueError, RecursionError, MemoryError) as exc:
        return f"не удалось разобрать код: {exc}"


def run(sources: list[Source], base: list[str], functions: list[str], *, jobs: int | None = None,
        common_share: float | None = None) -> Analysis:
    jobs = jobs or os.cpu_count() or 1
    work = [(s, functions) for s in sources]
    if jobs > 1 and len(sources) >= PARALLEL_FROM:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            built = list(pool.map(_build, work, chunksize=max(1, len(work) // (4 * jobs))))
    else:
        built = [_build(w) for w in work]
    documents = [b for b in built if isinstance(b, Document)]
    failed = [(s, b) for s, b in zip(sources, built) if isinstance(b, str)]
    extra = {} if common_share is None else {"common_share": common_share}
    analysis = analyse([d.source for d in documents], base, functions, documents=documents, **extra)
    analysis.not_parsed.extend(failed)
    return analysis
