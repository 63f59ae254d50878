"""Plain-text pieces of a variant question shared by the terminal, the paper sheet and verdicts."""
from __future__ import annotations

from .responses import LETTERS


def choices_lines(vq) -> list[str]:
    """The numbered / lettered lines a student chooses from."""
    if vq.type in ("single", "multiple"):
        return [f"{i}) {text}" for i, text in enumerate(vq.shown_options(), start=1)]
    if vq.type == "truefalse":
        return []
    if vq.type == "matching":
        lefts = [f"   {i}) {t}" for i, t in enumerate(vq.shown_lefts(), start=1)]
        rights = [f"   {LETTERS[i]}) {t}" for i, t in enumerate(vq.shown_rights())]
        return ["Слева:", *lefts, "Справа:", *rights]
    if vq.type == "ordering":
        return [f"{i}) {t}" for i, t in enumerate(vq.shown_items(), start=1)]
    return []


def describe_key(vq) -> str:
    """The correct answer in words, for the verdict after a wrong answer."""
    key = vq.key
    if vq.type == "single":
        return f"{key}) {vq.shown_options()[key - 1]}"
    if vq.type == "multiple":
        return "; ".join(f"{i}) {vq.shown_options()[i - 1]}" for i in sorted(key))
    if vq.type == "truefalse":
        return "да (верно)" if key else "нет (неверно)"
    if vq.type in ("numeric", "param_numeric"):
        tol = vq.q.tolerance
        return f"{key:.6g}" + (f" (допуск ±{tol:g})" if tol else "")
    if vq.type == "matching":
        rights = vq.shown_rights()
        return "; ".join(f"{left}-{LETTERS[r]} ({rights[r]})" for left, r in sorted(key.items()))
    if vq.type == "ordering":
        items = vq.shown_items()
        return " → ".join(f"{i}) {items[i - 1]}" for i in key)
    return str(key)
