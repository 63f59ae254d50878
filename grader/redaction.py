"""What of a sandboxed student's own text may reach feedback: short, and without numbers.

A hidden test's inputs are secret. Student code sees them, and anything it
says back — an exception message, a warning — could carry them out to full
precision (`raise ValueError(repr(x))`). Feedback therefore shows the exception
type and the message with every number replaced and its length capped.
"""
from __future__ import annotations

import re

MAX_TEXT = 200
MAX_TYPE_NAME = 80

_NUMBER = re.compile(r"(?i)[-+]?(?:\d[\d_]*\.?\d*|\.\d+)(?:e[-+]?\d+)?|[-+]?\b(?:nan|inf|infinity)\b")


def redact(text: str, limit: int = MAX_TEXT) -> str:
    """`text` with numbers shown as «…», on one line, at most `limit` characters."""
    text = " ".join(_NUMBER.sub("…", text[: limit * 20]).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def type_name(name: str) -> str:
    """An exception class name as shown to the student (student code may name its classes anything)."""
    name = redact(str(name), MAX_TYPE_NAME)
    return name or "Exception"


def from_student(exc: BaseException) -> bool:
    """Did this exception come back from a sandboxed submission (rather than from the test itself)?"""
    return hasattr(exc, "student_traceback")


def student_error(exc: BaseException) -> str:
    """«Type: redacted message» of an exception raised by sandboxed student code."""
    try:
        message = str(exc)
    except Exception:  # noqa: BLE001 - a message that cannot even be printed
        message = ""
    name = str(getattr(exc, "student_type", None) or type(exc).__name__)
    if type(exc).__name__ == "StudentCodeError" and message.startswith(f"{name}: "):
        message = message[len(name) + 2:]  # the student's own class: its name led the message
    message = redact(message)
    return f"{type_name(name)}: {message}" if message else type_name(name)
