"""Spreadsheet formula injection: text cells that Excel or LibreOffice would run as a formula.

A Moodle folder or a display name is chosen by the student; `=HYPERLINK(…)` or
`@SUM(1+1)*cmd|' -c calc'!A0` in a CSV cell becomes a live formula when the
instructor opens the file. OWASP's rule: a cell starting with = + - @ (or tab,
CR, LF) gets a leading apostrophe, which spreadsheets show as text and hide.
Line breaks inside a cell become spaces.
Numbers (our grades, "-5") and a lone "-" (Moodle's "no grade") stay as they are.
"""
from __future__ import annotations

import re

TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")  # + full-width forms
_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$")


def is_dangerous(text: str) -> bool:
    return len(text) > 1 and text.startswith(TRIGGERS) and not _NUMBER.match(text)


def spreadsheet_text(value: object) -> str:
    """The cell text a spreadsheet will show as text, never evaluate."""
    text = "" if value is None else str(value)
    escaped = "'" + text if is_dangerous(text) else text
    # A bare CR splits a row in CSV readers that write "\n" line ends; a name never needs one.
    return escaped.replace("\r\n", " ").replace("\r", " ").replace("\n", " ")


def safe_row(row: list) -> list[str]:
    return [spreadsheet_text(cell) for cell in row]
