"""Parameters of `param_numeric` questions: drawing values and filling `{name}` in the stem.

Stems are LaTeX, full of braces (`\\frac{1}{m}`, `x_{i}`, `e^{x}`), so
str.format is unusable. A placeholder is `{identifier}` NOT directly after a
LaTeX command, `_`, `^` or `}` — those braces are LaTeX arguments.
"""
from __future__ import annotations

import re
from typing import Any

from .rng import HashRng

_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
_LATEX_ARG_BEFORE = re.compile(r"(\\[A-Za-z]+\s*|[_^}])$")


def placeholders(stem: str) -> list[tuple[int, str]]:
    """(offset, name) of each `{name}` placeholder in the stem."""
    found = []
    for m in _PLACEHOLDER.finditer(stem):
        if not _LATEX_ARG_BEFORE.search(stem[: m.start()]):
            found.append((m.start(), m.group(1)))
    return found


def format_value(value: Any, spec=None) -> str:
    """How a parameter value is printed in the stem."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if spec is not None and spec.choices is None:
            return f"{value:.{spec.decimals}f}" if spec.decimals > 0 else str(int(value))
        return repr(value) if value != int(value) else f"{value:.1f}"
    return str(value)


def render_stem(stem: str, values: dict[str, Any], specs: dict | None = None) -> str:
    """Substitute `{name}` for every defined parameter; other braces are left alone."""
    out, last = [], 0
    for offset, name in placeholders(stem):
        if name not in values:
            continue
        out.append(stem[last:offset])
        out.append(format_value(values[name], (specs or {}).get(name)))
        last = offset + len(name) + 2
    out.append(stem[last:])
    return "".join(out)


def draw_params(specs: dict, rng: HashRng, *label) -> dict[str, Any]:
    """One value per parameter; label (e.g. the question id) keeps draws independent."""
    values: dict[str, Any] = {}
    for name, spec in specs.items():
        if spec.choices is not None:
            values[name] = spec.choices[rng.below(len(spec.choices), *label, name)]
            continue
        raw = spec.min + rng.random(*label, name) * (spec.max - spec.min)
        value = min(max(round(raw, spec.decimals), spec.min), spec.max)
        # `+ 0.0` turns -0.0 into 0.0 so the stem never shows "-0.0".
        values[name] = int(round(value)) if spec.decimals == 0 else float(value) + 0.0
    return values
