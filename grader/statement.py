"""The rules an assignment's statement promises to check: the README's «Что проверяется» list.

Each item is `` - `key` — sentence ``; hidden tests name the key with `@rule("key")`,
so `validate` can prove that no test enforces a rule the student was not told.
"""
from __future__ import annotations

import re

SECTION = "Что проверяется"
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
_ITEM = re.compile(r"^\s*[-*]\s+`([^`]+)`\s+[—–-]\s+(\S.*)$")
KEY = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


def statement_rules(markdown: str) -> tuple[dict[str, str], list[str]]:
    """({key: sentence}, problems) from the «Что проверяется» section of a README."""
    rules: dict[str, str] = {}
    problems: list[str] = []
    level = None
    found = False
    for line in markdown.splitlines():
        heading = _HEADING.match(line)
        if heading:
            if level is not None and len(heading.group(1)) <= level:
                level = None
            if heading.group(2).strip().rstrip(".:").lower() == SECTION.lower():
                level, found = len(heading.group(1)), True
            continue
        if level is None:
            continue
        item = _ITEM.match(line)
        if item is None:
            continue
        key, sentence = item.group(1), item.group(2).strip()
        if not KEY.match(key):
            problems.append(f"ключ «{key}» не в формате строчные латинские буквы, цифры, - и _")
        elif key in rules:
            problems.append(f"ключ «{key}» встречается в списке дважды")
        rules[key] = sentence
    if not found:
        problems.append(f"в README нет раздела «{SECTION}»")
    return rules, problems
