"""The assignment statement (README.md) as notebook Markdown cells, formulas untouched."""
from __future__ import annotations

import re

_FENCE = re.compile(r"^\s*(```|~~~)")


def markdown_cells(text: str) -> list[str]:
    """Split Markdown at level-1/2 headings, never inside a code fence or a $$ … $$ formula."""
    cells: list[list[str]] = [[]]
    in_fence = in_formula = False
    for line in text.replace("\r\n", "\n").split("\n"):
        if _FENCE.match(line) and not in_formula:
            in_fence = not in_fence
        elif not in_fence and line.count("$$") % 2 == 1:
            in_formula = not in_formula
        heading = not in_fence and not in_formula and re.match(r"^#{1,2}\s", line)
        if heading and any(s.strip() for s in cells[-1]):
            cells.append([])
        cells[-1].append(line)
    return ["\n".join(cell).strip("\n") for cell in cells if any(s.strip() for s in cell)]
