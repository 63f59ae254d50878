"""Read Moodle's assignment grading worksheet and a course roster: who is who, and when they submitted.

The worksheet (Задание → Просмотр всех ответов → Действие оценивания → Скачать
ведомость оценок) has one row per participant of *this* assignment:
«Идентификатор» ("Участник 12"), «Полное имя», the site's identity fields
(«Адрес электронной почты», «Индивидуальный номер»…), «Последнее изменение (ответ)»
and the grade. Its headers follow the site language, so both Russian and English
names are recognised. A roster is any CSV with a name column and, ideally, e-mail
or ID number columns: the course's list of people, given once for all assignments.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from pathlib import Path

IDENTIFIER = ("identifier", "идентификатор")
FULL_NAME = ("full name", "полное имя", "фио", "ф. и. о.", "ф.и.о.", "студент", "name", "имя")
EMAIL = ("email address", "email", "e-mail", "адрес электронной почты", "электронная почта", "почта")
ID_NUMBER = ("id number", "idnumber", "индивидуальный номер", "идентификационный номер", "номер зачётки",
             "номер зачетки", "табельный номер")
SUBMITTED = ("last modified (submission)", "последнее изменение (ответ)",
             "последнее изменение (представленный ответ)")
_PARTICIPANT = re.compile(r"^\D*?(\d+)\s*$")


class WorksheetError(Exception):
    """The worksheet or roster cannot be read; str() is a Russian message."""


@dataclass(frozen=True)
class Person:
    """One person of the course: the stable id is the ID number, else the e-mail."""

    name: str
    email: str = ""
    idnumber: str = ""

    @property
    def id(self) -> str:
        return self.idnumber or self.email.lower() or ""


@dataclass
class WorksheetRow:
    participant: str          # the number in «Участник N» = the number in download-all folder names
    person: Person
    submitted_at: datetime | None
    cells: list[str] = field(default_factory=list)


@dataclass
class Worksheet:
    header: list[str]
    rows: list[WorksheetRow]

    def by_participant(self) -> dict[str, WorksheetRow]:
        return {r.participant: r for r in self.rows}


def normalize_name(name: str) -> str:
    """'Ёлкина  Анна' == 'елкина анна' == 'Анна Ёлкина': case, ё and word order do not matter."""
    words = name.replace("ё", "е").replace("Ё", "Е").casefold().split()
    return " ".join(sorted(words))


def _column(header: list[str], names: tuple[str, ...]) -> int | None:
    lowered = [h.strip().strip("\ufeff").casefold() for h in header]
    for name in names:
        if name in lowered:
            return lowered.index(name)
    return None


def person_keys(header: list[str], row: list[str]) -> list[str]:
    """The gradebook ids a worksheet row may be stored under: ID number, e-mail (exports match rows by these)."""
    keys = []
    for names, lower in ((ID_NUMBER, False), (EMAIL, True)):
        index = _column(header, names)
        if index is not None and index < len(row) and row[index].strip():
            keys.append(row[index].strip().lower() if lower else row[index].strip())
    return keys


def _rows(text: str) -> list[list[str]]:
    text = text.removeprefix("\ufeff")
    first = text.splitlines()[0] if text.strip() else ""
    delimiter = ";" if first.count(";") > first.count(",") else ","  # re-saved by a Russian Excel
    return [r for r in csv.reader(io.StringIO(text), delimiter=delimiter) if any(c.strip() for c in r)]


def read_text(path: Path) -> str:
    data = Path(path).read_bytes()
    for encoding in ("utf-8-sig", "cp1251"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise WorksheetError(f"{path}: не удаётся прочитать (ни UTF-8, ни cp1251)")


def parse_worksheet(text: str, tz: tzinfo) -> Worksheet:
    """The worksheet's rows; «Последнее изменение (ответ)» is read in the course time zone `tz`."""
    rows = _rows(text)
    if not rows:
        raise WorksheetError("ведомость Moodle пуста: скачайте её заново (Задание → Просмотр всех ответов → "
                             "Действие оценивания → Скачать ведомость оценок)")
    header, body = rows[0], rows[1:]
    ident = _column(header, IDENTIFIER)
    if ident is None:
        ident = next((i for i in range(len(header)) if body and all(
            _PARTICIPANT.match(r[i]) for r in body if len(r) > i and r[i].strip())), None)
    if ident is None:
        raise WorksheetError("в ведомости Moodle не найдена колонка идентификатора («Участник N» / «Participant N»); "
                             f"заголовки: {', '.join(header)}")
    name, email, idnumber = _column(header, FULL_NAME), _column(header, EMAIL), _column(header, ID_NUMBER)
    submitted = _column(header, SUBMITTED)

    def cell(row: list[str], index: int | None) -> str:
        return row[index].strip() if index is not None and index < len(row) else ""

    out = []
    for row in body:
        match = _PARTICIPANT.match(cell(row, ident))
        if not match:
            continue
        person = Person(cell(row, name), cell(row, email), cell(row, idnumber))
        out.append(WorksheetRow(match.group(1), person, parse_moodle_date(cell(row, submitted), tz), row))
    return Worksheet(header, out)


def read_worksheet(path: Path, tz: tzinfo) -> Worksheet:
    return parse_worksheet(read_text(path), tz)


def read_roster(path: Path) -> list[Person]:
    """The course's people from a CSV with a name column (ФИО / Full name, or Фамилия + Имя)."""
    rows = _rows(read_text(path))
    if not rows:
        raise WorksheetError(f"{path}: список студентов пуст")
    header, body = rows[0], rows[1:]
    name = _column(header, FULL_NAME)
    last, first = _column(header, ("фамилия", "last name", "surname")), _column(header, ("имя", "first name"))
    email, idnumber = _column(header, EMAIL), _column(header, ID_NUMBER)
    if name is None and last is None:
        raise WorksheetError(f"{path}: нет колонки с именем (ФИО, Полное имя, Full name или Фамилия и Имя); "
                             f"заголовки: {', '.join(header)}")

    def cell(row: list[str], index: int | None) -> str:
        return row[index].strip() if index is not None and index < len(row) else ""

    people = []
    for row in body:
        full = cell(row, name) if name is not None and name != first else f"{cell(row, first)} {cell(row, last)}"
        if full.strip():
            people.append(Person(" ".join(full.split()), cell(row, email), cell(row, idnumber)))
    return people


# ---------------------------------------------------------------- Moodle dates

_MONTHS = {"янв": 1, "фев": 2, "мар": 3, "апр": 4, "мая": 5, "май": 5, "июн": 6, "июл": 7, "авг": 8, "сен": 9,
           "окт": 10, "ноя": 11, "дек": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7,
           "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}
_WORDY = re.compile(r"(\d{1,2})\s+([^\W\d_]+)\.?\s+(\d{4})(?:\D+?(\d{1,2}):(\d{2})(?:\s*([AaPp])\.?[Mm]\.?)?)?")
_NUMERIC = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\D+(\d{1,2}):(\d{2}))?")


def parse_moodle_date(text: str, tz: tzinfo) -> datetime | None:
    """'пятница, 20 ноября 2026, 14:05', 'Friday, 20 November 2026, 2:05 PM', '20.11.2026 14:05' or ISO;
    None for '-' or anything else (an unknown time is never guessed)."""
    text = text.strip()
    if not text or text in ("-", "—"):
        return None
    try:
        moment = datetime.fromisoformat(text)
        return moment if moment.tzinfo else moment.replace(tzinfo=tz)
    except ValueError:
        pass
    wordy = _WORDY.search(text)
    if wordy:
        day, month_word, year, hour, minute, half = wordy.groups()
        month = _MONTHS.get(month_word.casefold()[:3])
        if month is None:
            return None
        hour_n = int(hour or 0)
        if half:
            hour_n = hour_n % 12 + (12 if half.lower() == "p" else 0)
        return _make(int(year), month, int(day), hour_n, int(minute or 0), tz)
    numeric = _NUMERIC.search(text)
    if numeric:
        day, month, year, hour, minute = numeric.groups()
        return _make(int(year), int(month), int(day), int(hour or 0), int(minute or 0), tz)
    return None


def _make(year: int, month: int, day: int, hour: int, minute: int, tz: tzinfo) -> datetime | None:
    try:
        return datetime(year, month, day, hour, minute, tzinfo=tz)
    except ValueError:
        return None
