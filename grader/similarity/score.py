"""Pairwise scores for a class: whole file and per function, after subtracting what all share.

For a pair (A, B) and a scope (the whole file, or one function of the assignment), with A and B
the fingerprint sets left after subtraction:

    score = |A ∩ B| / max(min(|A|, |B|), floor)

Containment of the smaller side (a copy that added or dropped code still contains its source),
and `floor` makes short scopes count little: two students who share 3 fingerprints score at
most 3/floor however short their files are. Subtracted before scoring: the base (starter,
public tests, statement examples, reference solution) and fingerprints that more than a
`common_share` of the class has (what MOSS's `-m` does: a passage everybody wrote is the
natural way to write it, not evidence).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from .fingerprint import Fingerprints, fingerprint
from .normalize import MODULE_UNIT, Normalized, normalize_source
from .sources import Source

FILE_FLOOR = 24       # fingerprints: ~ two short NumPy functions' worth of own structure
FUNCTION_FLOOR = 6    # fingerprints: a function with fewer own fingerprints never scores 1
COMMON_SHARE = 0.5    # a fingerprint in more than this share of the class is common knowledge
COMMON_MIN = 5        # …and only when more than this many submissions have it

DEFAULT_THRESHOLD = 0.5  # a pair at least this similar links two submissions into a group


@dataclass
class Document:
    source: Source
    units: dict[str, Fingerprints]
    file: set[int] = field(default_factory=set)             # hashes of the whole file, after subtraction
    functions: dict[str, set[int]] = field(default_factory=dict)
    reachable: list[str] = field(default_factory=list)     # units that count (uncalled helpers do not)


@dataclass
class Analysis:
    documents: list[Document]
    functions: list[str]                     # the assignment's functions, in course.yaml order
    file_scores: np.ndarray                  # n × n, symmetric
    function_scores: dict[str, np.ndarray]   # name -> n × n, nan where a side lacks the function
    shared_counts: np.ndarray                # n × n: fingerprints shared by the whole files
    not_parsed: list[tuple[Source, str]]
    base_size: int
    common_size: int

    def ranked_indices(self) -> tuple[np.ndarray, np.ndarray]:
        """All pairs i < j, highest whole-file score first (then more shared fingerprints, then index order)."""
        n = len(self.documents)
        i, j = np.triu_indices(n, k=1)
        order = np.lexsort((j, i, -self.shared_counts[i, j], -self.file_scores[i, j]))
        return i[order], j[order]

    def ranked_pairs(self, limit: int | None = None) -> list[tuple[int, int]]:
        i, j = self.ranked_indices()
        return list(zip(i[:limit].tolist(), j[:limit].tolist()))


def _parse_base(text: str) -> list[Normalized]:
    try:
        return [normalize_source(text)]
    except (SyntaxError, ValueError, RecursionError):
        parsed = []
        for chunk in text.split("\n\n"):  # statement snippets: keep the ones that parse
            try:
                parsed.append(normalize_source(chunk))
            except (SyntaxError, ValueError, RecursionError):
                continue
        return parsed


def base_hashes(texts: list[str]) -> set[int]:
    found: set[int] = set()
    for text in texts:
        for normalized in _parse_base(text):
            for unit in normalized.units.values():
                found |= fingerprint(unit).hashes
    return found


def build_document(source: Source, functions: list[str]) -> Document:
    """Raises SyntaxError/ValueError/RecursionError when the text does not parse."""
    normalized = normalize_source(source.text)
    units = {name: fingerprint(unit) for name, unit in normalized.units.items()}
    reachable = normalized.reachable([*functions, MODULE_UNIT])
    return Document(source, units, reachable=reachable)


def _intersections(sets: list[set[int]]) -> np.ndarray:
    """|S_i ∩ S_j| for all pairs: a 0/1 matrix over hashes seen at least twice, times its transpose."""
    n = len(sets)
    counts: dict[int, int] = {}
    for s in sets:
        for h in s:
            counts[h] = counts.get(h, 0) + 1
    shared = {h: col for col, h in enumerate(h for h, c in counts.items() if c > 1)}
    if not shared:
        return np.zeros((n, n), dtype=np.float64)
    rows, cols = [], []
    for row, s in enumerate(sets):
        for h in s:
            col = shared.get(h)
            if col is not None:
                rows.append(row)
                cols.append(col)
    result = np.zeros((n, n), dtype=np.float64)
    chunk = 4096  # columns per block keeps the dense matrix small for big classes
    rows_a, cols_a = np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64)
    for start in range(0, len(shared), chunk):
        pick = (cols_a >= start) & (cols_a < start + chunk)
        block = np.zeros((n, min(chunk, len(shared) - start)), dtype=np.float32)
        block[rows_a[pick], cols_a[pick] - start] = 1.0
        result += block @ block.T
    return result


def _scores(sets: list[set[int]], floor: int) -> tuple[np.ndarray, np.ndarray]:
    inter = _intersections(sets)
    sizes = np.array([len(s) for s in sets], dtype=np.float64)
    smaller = np.minimum.outer(sizes, sizes)
    scores = inter / np.maximum(smaller, floor)
    np.fill_diagonal(scores, 0.0)
    return np.clip(scores, 0.0, 1.0), inter


def analyse(sources: list[Source], base: list[str], functions: list[str], *,
            common_share: float = COMMON_SHARE, common_min: int = COMMON_MIN,
            documents: list[Document] | None = None) -> Analysis:
    """Score every pair. `documents` may be given pre-built (e.g. in parallel) for `sources`."""
    not_parsed: list[tuple[Source, str]] = []
    if documents is None:
        documents = []
        for source in sources:
            try:
                documents.append(build_document(source, functions))
            except (SyntaxError, ValueError, RecursionError, MemoryError) as exc:
                not_parsed.append((source, f"не удалось разобрать код: {exc}"))
    subtract = base_hashes(base)
    for doc in documents:
        doc.file = set().union(*(doc.units[u].hashes for u in doc.reachable)) - subtract
    n = len(documents)
    frequency: dict[int, int] = {}
    for doc in documents:
        for h in doc.file:
            frequency[h] = frequency.get(h, 0) + 1
    limit = max(common_min, math.ceil(common_share * n))
    common = {h for h, c in frequency.items() if c > limit} if n else set()
    for doc in documents:
        doc.file -= common
        doc.functions = {f: doc.units[f].hashes - subtract - common for f in functions if f in doc.units}
    file_scores, shared = _scores([d.file for d in documents], FILE_FLOOR)
    function_scores = {}
    for f in functions:
        scores, _ = _scores([d.functions.get(f, set()) for d in documents], FUNCTION_FLOOR)
        present = np.array([f in d.functions for d in documents])
        scores[~np.logical_and.outer(present, present)] = np.nan
        function_scores[f] = scores
    return Analysis(documents, functions, file_scores, function_scores, shared, not_parsed,
                    len(subtract), len(common))


def clusters(analysis: Analysis, threshold: float, minimum: int = 3, min_shared: int = FILE_FLOOR) -> list[list[int]]:
    """Groups of `minimum`+ submissions linked by pairs scoring at least `threshold` (connected components).

    A link also needs `min_shared` common fingerprints: a small file fully contained in a big one
    scores high on little evidence, and single linkage would chain unrelated groups through it.
    """
    n = len(analysis.documents)
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in zip(*np.nonzero(np.triu((analysis.file_scores >= threshold) & (analysis.shared_counts >= min_shared), k=1))):
        parent[find(int(i))] = find(int(j))
    groups: dict[int, list[int]] = {}
    for x in range(n):
        groups.setdefault(find(x), []).append(x)
    found = [g for g in groups.values() if len(g) >= minimum]
    return sorted(found, key=lambda g: (-len(g), g))
