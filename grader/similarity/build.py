"""The similarity report of one assignment from the gradebook's current submissions, with the command's
defaults: what the site's instructor pages call (`nngrader similarity … --gradebook --out` does the same)."""
from __future__ import annotations

from pathlib import Path

from .fingerprint import K, W
from .pipeline import run
from .report import write_report
from .score import DEFAULT_THRESHOLD, FILE_FLOOR, FUNCTION_FLOOR, clusters
from .sources import base_texts, from_gradebook


def report_from_gradebook(loaded, gradebook, assignment, out: Path, *, threshold: float = DEFAULT_THRESHOLD,
                          top: int = 50, common_share: float = 0.5) -> int:
    """Write `out/index.html` (and the CSVs); returns how many submissions were compared (0: fewer than two)."""
    sources, unreadable = from_gradebook(gradebook, assignment)
    if len(sources) < 2:
        return 0
    base = [text for _, text in base_texts(loaded, assignment, reference=True)]
    analysis = run(sources, base, list(assignment.functions), jobs=1, common_share=common_share)
    settings = {"k": K, "w": W, "file_floor": FILE_FLOOR, "function_floor": FUNCTION_FLOOR,
                "common_share_percent": round(common_share * 100), "reference": True}
    write_report(analysis, out, title=f"{assignment.id} — {assignment.title}", threshold=threshold, top=top,
                 groups=clusters(analysis, threshold), unreadable=unreadable, settings=settings)
    return len(analysis.documents)
