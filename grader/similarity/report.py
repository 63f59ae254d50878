"""What the instructor reads: pairs.csv, clusters.csv and a Russian HTML report.

The HTML shows, for the highest pairs, both files side by side with every matching fragment
in its own colour (a fragment = the fingerprints shared by one unit of A and one unit of B,
e.g. A's `sigmoid` and B's `sigmoid`, or A's helper and B's renamed helper).
"""
from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from pathlib import Path

import jinja2
import numpy as np

from .score import Analysis, Document
from .sources import Unreadable

TEMPLATES = Path(__file__).parent / "templates"
COLOURS = 8  # fragment colours in the stylesheet


@dataclass
class Fragment:
    number: int
    unit_a: str
    unit_b: str
    lines_a: set[int]
    lines_b: set[int]
    shared: int


def fragments(a: Document, b: Document) -> list[Fragment]:
    """Shared fingerprints grouped by the pair of units they sit in; each fingerprint shown once.

    A fingerprint can sit in several units (two similar functions of one file); it goes to the
    same-named pair of units if there is one, else to the pair sharing the most, so a copied
    function shows as one fragment and not as a dozen one-fingerprint echoes.
    """
    shared = a.file & b.file
    candidates = []
    for ua in a.reachable:
        mine = a.units[ua].hashes & shared
        if not mine:
            continue
        for ub in b.reachable:
            common = mine & b.units[ub].hashes
            if common:
                candidates.append((ua, ub, common))
    candidates.sort(key=lambda c: (c[0] != c[1], -len(c[2]), c[0], c[1]))
    taken: set[int] = set()
    found = []
    for ua, ub, common in candidates:
        own = common - taken
        if not own:
            continue
        taken |= own
        fa, fb = a.units[ua], b.units[ub]
        lines_a = {ln for h in own for span in fa.spans[h] for ln in span}
        lines_b = {ln for h in own for span in fb.spans[h] for ln in span}
        found.append(Fragment(0, ua, ub, lines_a, lines_b, len(own)))
    found.sort(key=lambda f: (-f.shared, f.unit_a, f.unit_b))
    for number, fragment in enumerate(found):
        fragment.number = number
    return found


def _lines(text: str, frags: list[Fragment], side: str) -> list[dict]:
    marks: dict[int, Fragment] = {}
    for fragment in frags:  # biggest fragment first: it keeps its colour where fragments overlap
        for line in (fragment.lines_a if side == "a" else fragment.lines_b):
            marks.setdefault(line, fragment)
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        mark = marks.get(number)
        rows.append({"number": number, "text": line,
                     "colour": None if mark is None else mark.number % COLOURS,
                     "title": "" if mark is None else f"фрагмент {mark.number + 1}: {mark.unit_a} ↔ {mark.unit_b}"})
    return rows


def _fmt(value: float | None) -> str:
    return "" if value is None or (isinstance(value, float) and math.isnan(value)) else f"{value:.3f}"


def pair_rows(analysis: Analysis, limit: int | None = None) -> list[dict]:
    rows = []
    for rank, (i, j) in enumerate(analysis.ranked_pairs(limit), start=1):
        a, b = analysis.documents[i], analysis.documents[j]
        per_function = {f: analysis.function_scores[f][i, j] for f in analysis.functions}
        rows.append({"rank": rank, "i": i, "j": j, "a": a.source, "b": b.source,
                     "score": float(analysis.file_scores[i, j]), "shared": int(analysis.shared_counts[i, j]),
                     "functions": {f: (None if math.isnan(v) else float(v)) for f, v in per_function.items()}})
    return rows


def write_pairs_csv(analysis: Analysis, path: Path) -> None:
    """One row per pair of students, highest score first; a function's cell is empty if a side lacks it."""
    i, j = analysis.ranked_indices()
    # Column by column with numpy: a 500-student class has 124 750 rows.
    columns = [np.round(analysis.file_scores[i, j], 3).tolist(), analysis.shared_counts[i, j].astype(int).tolist()]
    columns += [np.round(analysis.function_scores[f][i, j], 3).tolist() for f in analysis.functions]
    ids = [d.source.student_id for d in analysis.documents]
    origins = [d.source.origin for d in analysis.documents]
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["student_a", "student_b", "score", "shared_fingerprints", "file_a", "file_b",
                         *analysis.functions])
        for row, (a, b) in enumerate(zip(i.tolist(), j.tolist())):
            writer.writerow([ids[a], ids[b], f"{columns[0][row]:.3f}", columns[1][row], origins[a], origins[b],
                             *("" if math.isnan(c[row]) else f"{c[row]:.3f}" for c in columns[2:])])


def cluster_rows(analysis: Analysis, groups: list[list[int]]) -> list[dict]:
    rows = []
    for number, members in enumerate(groups, start=1):
        inner = [analysis.file_scores[i, j] for x, i in enumerate(members) for j in members[x + 1:]]
        rows.append({"number": number, "size": len(members),
                     "students": [analysis.documents[m].source.student_id for m in members],
                     "mean": float(sum(inner) / len(inner)), "max": float(max(inner))})
    return rows


def write_clusters_csv(rows: list[dict], path: Path) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["cluster", "size", "students", "mean_score", "max_score"])
        for row in rows:
            writer.writerow([row["number"], row["size"], " ".join(row["students"]), _fmt(row["mean"]),
                             _fmt(row["max"])])


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
    env.filters["score"] = _fmt
    env.filters["heat"] = lambda v: "" if v is None else ("h3" if v >= 0.7 else "h2" if v >= 0.4 else
                                                         "h1" if v >= 0.2 else "")
    return env


def write_report(analysis: Analysis, out: Path, *, title: str, threshold: float, top: int,
                 groups: list[list[int]], unreadable: list[Unreadable], settings: dict) -> list[Path]:
    """pairs.csv, clusters.csv, index.html and one page per pair among the `top` highest (score > 0)."""
    out.mkdir(parents=True, exist_ok=True)
    for stale in out.glob("pair_[0-9][0-9][0-9].html"):  # pages of an earlier run would link to other pairs
        stale.unlink()
    env = _environment()
    write_pairs_csv(analysis, out / "pairs.csv")
    clusters = cluster_rows(analysis, groups)
    write_clusters_csv(clusters, out / "clusters.csv")
    ranked = [r for r in pair_rows(analysis, top) if r["score"] > 0]
    written = [out / "pairs.csv", out / "clusters.csv"]
    for row in ranked:
        a, b = analysis.documents[row["i"]], analysis.documents[row["j"]]
        frags = fragments(a, b)
        page = out / f"pair_{row['rank']:03d}.html"
        page.write_text(env.get_template("pair.html.j2").render(
            title=title, row=row, functions=analysis.functions, fragments=frags,
            lines_a=_lines(a.source.text, frags, "a"), lines_b=_lines(b.source.text, frags, "b"),
            sizes={f: (len(a.functions.get(f, ())), len(b.functions.get(f, ()))) for f in analysis.functions},
        ), encoding="utf-8")
        row["page"] = page.name
        written.append(page)
    not_parsed = [Unreadable(s.student_id, s.origin, reason) for s, reason in analysis.not_parsed]
    (out / "index.html").write_text(env.get_template("index.html.j2").render(
        title=title, rows=ranked, functions=analysis.functions, clusters=clusters, threshold=threshold,
        count=len(analysis.documents), pairs=len(analysis.documents) * (len(analysis.documents) - 1) // 2,
        unreadable=[*unreadable, *not_parsed], settings=settings,
        base_size=analysis.base_size, common_size=analysis.common_size,
    ), encoding="utf-8")
    written.append(out / "index.html")
    return written
