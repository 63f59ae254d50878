"""Build real Moodle "download all submissions" archives and grading worksheets for tests.

Moodle names each participant's part `<Full Name>_<N>_assignsubmission_<plugin>_` — a folder
(«Скачать ответы в папках») or a prefix of every file name (the flat download). Archives
re-zipped on Windows or by Info-ZIP carry names without the UTF-8 flag; `names=` chooses the
bytes written for names: "utf8" (flagged, as Moodle does), "utf8-noflag" (Info-ZIP), "cp866"
(Windows' OEM code page), "koi8_r" (an archiver we cannot recognise).
"""
from __future__ import annotations

import csv
import io
import json
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path


@dataclass
class Part:
    name: str               # full name as Moodle shows it
    participant: int
    filename: str           # file name inside the plugin part
    data: bytes | str
    when: datetime          # local time written into the zip entry
    plugin: str = "file"    # "file" or "onlinetext"


class _RawNameInfo(zipfile.ZipInfo):
    """A ZipInfo whose name is written as given bytes, with or without the UTF-8 flag."""

    raw: bytes = b""
    utf8_flag: bool = False

    def _encodeFilenameFlags(self):  # noqa: N802 - zipfile's own hook
        flags = self.flag_bits | 0x800 if self.utf8_flag else self.flag_bits & ~0x800
        return self.raw, flags


def entry_name(part: Part, layout: str) -> str:
    prefix = f"{part.name}_{part.participant}_assignsubmission_{part.plugin}_"
    return f"{prefix}/{part.filename}" if layout == "folders" else f"{prefix}{part.filename}"


def moodle_zip(path: Path, parts: list[Part], *, layout: str = "folders", names: str = "utf8") -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for part in parts:
            name = entry_name(part, layout)
            data = part.data.encode("utf-8") if isinstance(part.data, str) else part.data
            if names == "utf8":
                info = zipfile.ZipInfo(name, date_time=part.when.timetuple()[:6])
            else:
                info = _RawNameInfo(name, date_time=part.when.timetuple()[:6])
                info.raw = name.encode("utf-8" if names == "utf8-noflag" else names)
                info.utf8_flag = False
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return path


def notebook(code: str) -> str:
    return json.dumps({"cells": [{"cell_type": "markdown", "source": "# Лабораторная", "metadata": {}},
                                 {"cell_type": "code", "source": code, "metadata": {}, "outputs": [],
                                  "execution_count": None}],
                       "metadata": {}, "nbformat": 4, "nbformat_minor": 5})


def worksheet_csv(rows: list[dict], *, russian: bool = True) -> str:
    """A grading worksheet as Moodle writes it; each row: participant, name, email, submitted (text), grade."""
    if russian:
        header = ["Идентификатор", "Полное имя", "Адрес электронной почты", "Состояние", "Оценка",
                  "Максимальная оценка", "Оценка может быть изменена", "Последнее изменение (ответ)",
                  "Последнее изменение (оценка)", "Отзыв в виде комментария"]
        label = "Участник"
    else:
        header = ["Identifier", "Full name", "Email address", "Status", "Grade", "Maximum Grade",
                  "Grade can be changed", "Last modified (submission)", "Last modified (grade)", "Feedback comments"]
        label = "Participant"
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([f"{label} {row['participant']}", row["name"], row.get("email", ""),
                         "Отправлено для оценивания" if russian else "Submitted for grading", "",
                         "100,00", "Да" if russian else "Yes", row.get("submitted", "-"), "-", ""])
    return buffer.getvalue()
