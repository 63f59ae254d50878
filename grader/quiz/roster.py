"""Read a class roster CSV: columns id and name, however a spreadsheet spelled them."""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

ID_HEADERS = {"id", "student_id", "studentid", "student", "login", "логин", "номер", "ид"}
NAME_HEADERS = {"name", "фио", "full_name", "fullname", "имя", "студент", "student_name"}


@dataclass(frozen=True)
class Student:
    id: str
    name: str


class RosterError(Exception):
    pass


def read_roster(path: Path) -> list[Student]:
    try:
        text = Path(path).read_bytes().decode("utf-8-sig")  # Excel writes a BOM
    except UnicodeDecodeError:
        raise RosterError(f"{path}: файл не в UTF-8; сохраните список как «CSV UTF-8»") from None
    except OSError as exc:
        raise RosterError(f"{path}: не удалось прочитать: {exc.strerror or exc}") from None
    if not text.strip():
        raise RosterError(f"{path}: файл пуст")
    try:  # Russian Excel separates with ';'
        dialect = csv.Sniffer().sniff(text.splitlines()[0], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = list(csv.reader(io.StringIO(text), dialect))
    header = [h.strip().lower().replace(" ", "_") for h in rows[0]]
    id_col = next((i for i, h in enumerate(header) if h in ID_HEADERS), None)
    name_col = next((i for i, h in enumerate(header) if h in NAME_HEADERS), None)
    if id_col is None:
        raise RosterError(f"{path}: нет столбца с идентификатором студента "
                          f"(ожидается заголовок id или student_id), а есть: {', '.join(rows[0])}")
    students: list[Student] = []
    seen: dict[str, int] = {}
    for line_no, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        sid = row[id_col].strip() if id_col < len(row) else ""
        if not sid:
            raise RosterError(f"{path}:{line_no}: пустой идентификатор студента")
        if sid in seen:
            raise RosterError(f"{path}:{line_no}: идентификатор {sid} уже был в строке {seen[sid]}")
        seen[sid] = line_no
        name = row[name_col].strip() if name_col is not None and name_col < len(row) else ""
        students.append(Student(sid, name))
    if not students:
        raise RosterError(f"{path}: в списке нет ни одного студента")
    return students
