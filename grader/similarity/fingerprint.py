"""Winnowing (Schleimer, Wilkerson, Aiken. "Winnowing: local algorithms for document
fingerprinting", SIGMOD 2003) over the normalised token stream of each unit.

Every k consecutive tokens are hashed; in each window of w consecutive k-gram hashes the
minimum is kept (the rightmost one on ties). Guarantee from the paper: any shared run of at
least w + k - 1 tokens yields at least one shared fingerprint, and nothing shorter than k
tokens does. A unit shorter than k tokens gets one fingerprint of its whole stream, so two
identical one-line functions still match (and the scoring counts them little).
"""
from __future__ import annotations

import zlib
from dataclasses import dataclass

from .normalize import Unit

K = 10   # tokens per k-gram: about one short NumPy statement
W = 4    # winnowing window: any common run of K + W - 1 = 13 tokens is caught
_MASK = (1 << 62) - 1


@dataclass
class Fingerprints:
    """Selected hashes of one unit and, for each, the original lines it covers (for highlighting)."""

    hashes: set[int]
    spans: dict[int, list[tuple[int, ...]]]   # hash -> the original lines of each occurrence


_token_ids: dict[str, int] = {}


def _token_id(token: str) -> int:
    found = _token_ids.get(token)
    if found is None:  # crc32, not hash(): identical across processes and runs
        found = _token_ids[token] = zlib.crc32(token.encode("utf-8"))
    return found


def kgram_hashes(tokens: list[str], k: int = K) -> list[int]:
    ids = [_token_id(t) for t in tokens]
    if len(ids) < k:
        return [hash(tuple(ids)) & _MASK] if ids else []
    return [hash(tuple(ids[i:i + k])) & _MASK for i in range(len(ids) - k + 1)]  # int tuples hash stably


def winnow(hashes: list[int], w: int = W) -> list[int]:
    """Positions of the selected k-grams (robust winnowing: rightmost minimum per window)."""
    if len(hashes) <= w:
        return [min(range(len(hashes)), key=lambda i: (hashes[i], -i))] if hashes else []
    chosen: list[int] = []
    for start in range(len(hashes) - w + 1):
        window = hashes[start:start + w]
        low = min(window)
        pos = start + max(i for i, h in enumerate(window) if h == low)
        if not chosen or chosen[-1] != pos:
            chosen.append(pos)
    return chosen


def fingerprint(unit: Unit, k: int = K, w: int = W) -> Fingerprints:
    hashes = kgram_hashes(unit.tokens, k)
    spans: dict[int, list[tuple[int, ...]]] = {}
    for pos in winnow(hashes, w):
        # Lines, not a range: after canonical reordering one k-gram may join distant statements.
        lines = tuple(sorted(set(unit.lines[pos:pos + k])))
        spans.setdefault(hashes[pos], []).append(lines)
    return Fingerprints(set(spans), spans)
