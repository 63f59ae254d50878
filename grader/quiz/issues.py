"""One problem found in the bank or in an answer file, printed as `file:line: вопрос id: ...`."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Issue:
    file: str
    line: int | None
    qid: str | None
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        who = f" вопрос {self.qid}:" if self.qid else ""
        return f"{where}:{who} {self.message}"
