"""Find the submissions of one assignment in what an instructor points us at.

Layouts understood:
- one file, folder or .zip — a single submission;
- `<student>/<assignment>/…` or `<student>/…` or `<student>.py|.ipynb|.zip` — a plain class folder;
- nbgrader: `submitted/<student>/<assignment>/` (with its `timestamp.txt`);
- Moodle "download all submissions", unpacked or still in the downloaded .zip, in both layouts:
  «в папках» — folders `<Full Name>_<N>_assignsubmission_file_/…` — and flat — files
  `<Full Name>_<N>_assignsubmission_file_<file name>`. N is the participant number of this
  assignment; a participant's `…_onlinetext_` part never becomes a second submission.
"""
from __future__ import annotations

import atexit
import re
import shutil
import struct
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timezone, tzinfo
from pathlib import Path, PurePosixPath
from zoneinfo import ZoneInfo

from ..course import Assignment
from ..submission import MAX_ZIP_BYTES, SubmissionError

MOODLE_FOLDER = re.compile(r"^(?P<name>.+?)_(?P<id>\d+)_assign(?:submission|ment)_(?P<plugin>[a-z]+)_?$")
MOODLE_FLAT = re.compile(r"^(?P<name>.+?)_(?P<id>\d+)_assign(?:submission|ment)_(?P<plugin>[a-z]+)_(?P<file>.+)$")
SUBMISSION_SUFFIXES = (".py", ".ipynb", ".zip")
MAX_MOODLE_ARCHIVE_BYTES = 50 * MAX_ZIP_BYTES
JUNK = ("__MACOSX", ".DS_Store", "Thumbs.db", "desktop.ini")
DEFAULT_TZ = ZoneInfo("Europe/Moscow")

TIME_FROM_ARCHIVE = "время сдачи — дата файла в архиве Moodle"
TIME_UNKNOWN = "время сдачи неизвестно — штраф за опоздание не применялся"
TIME_UNKNOWN_UNPACKED = ("время сдачи неизвестно: даты файлов распакованной папки Moodle — это время распаковки "
                         "(укажите --worksheet с ведомостью задания или проверяйте сам архив .zip)")
ONLINE_TEXT_IGNORED = "ответ в поле «Текст ответа» Moodle не проверялся: проверены загруженные файлы"
ONLINE_TEXT_ONLY = ("в Moodle сдан только «Текст ответа», без файла: загрузите решение файлом "
                    "{module}.py или {module}.ipynb")


@dataclass
class Candidate:
    student_id: str
    student_name: str
    path: Path
    submitted_at: datetime | None
    key: str | None = None  # grading_key(path, suite), once computed
    participant: str | None = None  # Moodle participant number (per assignment), when from Moodle
    notes: list[str] = field(default_factory=list)  # Russian, shown in the feedback and the summary
    # A deadline granted in the gradebook (on the site); the caller fills it in. The student's deadline is
    # the latest of this and course.yaml's (identity.student_deadline). Plain data: it travels to Dask workers.
    extended_until: datetime | None = None


def _mtime(path: Path) -> datetime:
    files = [p for p in path.rglob("*") if p.is_file()] if path.is_dir() else [path]
    newest = max((p.stat().st_mtime for p in files), default=path.stat().st_mtime)
    return datetime.fromtimestamp(newest, tz=timezone.utc)


def _nbgrader_timestamp(folder: Path) -> datetime | None:
    stamp = folder / "timestamp.txt"
    if not stamp.is_file():
        return None
    text = stamp.read_text(encoding="utf-8", errors="replace").strip().replace(" UTC", "+00:00")
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _is_submission_file(path: Path) -> bool:
    return path.is_file() and path.suffix.lower() in SUBMISSION_SUFFIXES and not path.name.startswith(("test_", "."))


def _holds_assignment_file(folder: Path, assignment: Assignment) -> bool:
    return any((folder / f"{assignment.module}{s}").is_file() for s in (".py", ".ipynb"))


def _from_folder(folder: Path, assignment: Assignment, tz: tzinfo) -> list[Candidate]:
    if (folder / "submitted").is_dir():
        folder = folder / "submitted"
    if _holds_assignment_file(folder, assignment):
        return [Candidate(folder.name, folder.name, folder, _mtime(folder))]
    moodle = _unpacked_moodle(folder, assignment)
    if moodle is not None:
        return moodle
    found: list[Candidate] = []
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith(".") or entry.is_symlink():
            continue
        if entry.is_dir():
            inner = entry / assignment.id
            if inner.is_dir():  # <student>/<assignment>/ — nbgrader and plain class folders
                found.append(Candidate(entry.name, entry.name, inner, _nbgrader_timestamp(inner) or _mtime(inner)))
            elif any(entry.iterdir()) and not any((entry / other).is_dir() for other in _other_assignments(entry)):
                found.append(Candidate(entry.name, entry.name, entry, _mtime(entry)))
        elif _is_submission_file(entry):
            found.append(Candidate(entry.stem, entry.stem, entry, _mtime(entry)))
    return found


def _other_assignments(student_folder: Path) -> list[str]:
    """Subfolders named like assignments (NN_topic): the student has several, not this one."""
    return [p.name for p in student_folder.iterdir() if p.is_dir() and re.match(r"^\d\d_", p.name)]


# ---------------------------------------------------------------- Moodle: names and parts

@dataclass
class _Part:
    """One file of a Moodle download, wherever it lives (zip entry or file on disk)."""

    participant: str
    name: str
    plugin: str          # "file", "onlinetext", …
    inner: str           # path inside the participant's plugin part
    when: datetime | None = None
    info: zipfile.ZipInfo | None = None
    disk: Path | None = None
    folder: Path | None = None  # the participant's unpacked «в папках» folder holding `disk`


def _moodle_part(parts: tuple[str, ...]) -> tuple[str, str, str, str] | None:
    """(participant, full name, plugin, inner path) of a path in either Moodle layout, or None."""
    if len(parts) >= 2:
        folder = MOODLE_FOLDER.match(parts[0])
        if folder:
            return folder["id"], folder["name"], folder["plugin"], "/".join(parts[1:])
    if len(parts) == 1:
        flat = MOODLE_FLAT.match(parts[0])
        if flat:
            return flat["id"], flat["name"], flat["plugin"], flat["file"]
    return None


def _is_junk(parts: tuple[str, ...]) -> bool:
    return any(p in JUNK or p.startswith("._") for p in parts)


def _plausible_cyrillic(text: str) -> bool:
    """Russian names decode to Cyrillic letters; a wrong code page gives box drawing and symbols."""
    non_ascii = [c for c in text if ord(c) > 127]
    if not non_ascii:
        return False
    if not all("CYRILLIC" in unicodedata.name(c, "") or c in "«»—–№" for c in non_ascii):
        return False  # box drawing, accents, symbols: the wrong code page
    # A wrong Cyrillic code page still gives letters, but with the case scrambled («бООБ»):
    # real names and file names are lower case, Capitalised or UPPER CASE word by word.
    words = re.findall(r"[^\W\d_]+", text)
    return all(w.islower() or w.isupper() or (w[0].isupper() and w[1:].islower()) for w in words)


def zip_name(info: zipfile.ZipInfo) -> tuple[str, bool]:
    """The entry's real name and whether it had to be repaired.

    Without the UTF-8 flag (bit 11) Python reads names as cp437. Info-ZIP and many
    Linux tools wrote UTF-8 bytes anyway (`╨É╨╜╨╜╨░` = «Анна»); Windows' own zip writes
    the OEM code page, cp866 in Russia (cp1251 or KOI8-R from some archivers)."""
    if info.flag_bits & 0x800:
        return info.filename, False
    try:
        raw = info.filename.encode("cp437")
    except UnicodeEncodeError:
        return info.filename, False
    if raw.isascii():
        return info.filename, False
    try:
        return raw.decode("utf-8"), True
    except UnicodeDecodeError:
        pass
    for codepage in ("cp866", "cp1251", "koi8_r"):
        try:
            text = raw.decode(codepage)
        except UnicodeDecodeError:
            continue
        if _plausible_cyrillic(text):
            return text, True
    return info.filename, False


def zip_entry_time(info: zipfile.ZipInfo, tz: tzinfo) -> datetime | None:
    """When the entry's file was last modified: the UTC 'extended timestamp' if present,
    else the DOS date and time, which are local time — taken in the course time zone."""
    extra = info.extra
    while len(extra) >= 4:
        tag, size = struct.unpack("<HH", extra[:4])
        body = extra[4:4 + size]
        if tag == 0x5455 and size >= 5 and body[0] & 1:
            return datetime.fromtimestamp(struct.unpack("<I", body[1:5])[0], tz=timezone.utc)
        extra = extra[4 + size:]
    year, month, day, hour, minute, second = info.date_time
    if year <= 1980 and month <= 1 and day <= 1:
        return None  # the zero DOS date: the archiver wrote no time
    try:
        return datetime(year, month, day, hour, minute, second, tzinfo=tz)
    except ValueError:
        return None


def _zip_parts(archive: zipfile.ZipFile, tz: tzinfo) -> tuple[list[_Part], bool] | None:
    """The archive as Moodle parts (and whether names were repaired), or None if it is not a Moodle download."""
    entries: list[tuple[tuple[str, ...], zipfile.ZipInfo, bool]] = []
    for info in archive.infolist():
        if info.is_dir():
            continue
        name, repaired = zip_name(info)
        parts = PurePosixPath(name.replace("\\", "/")).parts
        if not parts or _is_junk(parts):
            continue
        entries.append((parts, info, repaired))
    if not entries:
        return None
    # Re-zipped by hand: everything inside one folder named after the assignment.
    tops = {p[0] for p, _, _ in entries}
    if len(tops) == 1 and all(len(p) > 1 for p, _, _ in entries) and not MOODLE_FOLDER.match(next(iter(tops))):
        entries = [(p[1:], i, r) for p, i, r in entries]
    parts_out = []
    for parts, info, _ in entries:
        parsed = _moodle_part(parts)
        if parsed is None:
            return None
        parts_out.append(_Part(*parsed, when=zip_entry_time(info, tz), info=info))
    return parts_out, any(r for _, _, r in entries)


def _disk_parts(folder: Path) -> list[_Part] | None:
    """An unpacked Moodle download (either layout), or None if `folder` is something else."""
    children = [c for c in sorted(folder.iterdir()) if not c.name.startswith(".") and c.name not in JUNK]
    if not children:
        return None
    out = []
    for child in children:
        if child.is_symlink():
            continue
        if child.is_dir():
            match = MOODLE_FOLDER.match(child.name)
            if not match:
                return None
            for file in sorted(child.rglob("*")):
                if file.is_file() and not file.is_symlink() and not _is_junk(file.relative_to(child).parts):
                    out.append(_Part(match["id"], match["name"], match["plugin"],
                                     file.relative_to(child).as_posix(), disk=file, folder=child))
        else:
            match = MOODLE_FLAT.match(child.name)
            if not match:
                return None
            out.append(_Part(match["id"], match["name"], match["plugin"], match["file"], disk=child))
    return out


# ---------------------------------------------------------------- Moodle: one candidate per participant

def _group(parts: list[_Part]) -> dict[str, list[_Part]]:
    grouped: dict[str, list[_Part]] = {}
    for part in parts:
        grouped.setdefault(part.participant, []).append(part)
    return grouped


def _safe_inner(inner: str) -> tuple[str, ...] | None:
    parts = PurePosixPath(inner).parts
    if not parts or ".." in parts or inner.startswith("/") or ":" in parts[0]:
        return None
    return parts


def _write_part(part: _Part, archive: zipfile.ZipFile | None, target: Path) -> None:
    parts = _safe_inner(part.inner)
    if parts is None:
        return
    destination = target.joinpath(*parts)
    destination.parent.mkdir(parents=True, exist_ok=True)
    if part.info is not None and archive is not None:
        if (part.info.external_attr >> 16) & 0o170000 == 0o120000:
            return  # never create links
        with archive.open(part.info) as source, open(destination, "wb") as sink:
            sink.write(source.read(MAX_ZIP_BYTES + 1))
    elif part.disk is not None:
        shutil.copyfile(part.disk, destination)


def _candidates(grouped: dict[str, list[_Part]], assignment: Assignment, workdir: Path | None,
                archive: zipfile.ZipFile | None, *, dates_known: bool) -> list[Candidate]:
    """One candidate per participant: the file submission; online text only when there is nothing else."""
    found = []
    for participant, parts in sorted(grouped.items(), key=lambda item: int(item[0])):
        name = parts[0].name
        files = [p for p in parts if p.plugin == "file"]
        others = [p for p in parts if p.plugin != "file"]
        chosen = files or others
        notes = []
        if files and others:
            notes.append(ONLINE_TEXT_IGNORED)
        elif not files:
            notes.append(ONLINE_TEXT_ONLY.format(module=assignment.module))
        path = _place(participant, chosen, workdir, archive)
        when = max((p.when for p in chosen if p.when is not None), default=None) if dates_known else None
        if dates_known and when is not None:
            notes.append(TIME_FROM_ARCHIVE)
        elif not dates_known:
            notes.append(TIME_UNKNOWN_UNPACKED)
        found.append(Candidate(participant, name, path, when, participant=participant, notes=notes))
    return found


def _place(participant: str, parts: list[_Part], workdir: Path | None, archive: zipfile.ZipFile | None) -> Path:
    """The folder holding exactly this participant's chosen part (an unpacked «в папках» folder as is)."""
    folders = {p.folder for p in parts}
    if archive is None and len(folders) == 1 and None not in folders:
        return next(iter(folders))
    if workdir is None:
        raise AssertionError("a Moodle part outside its folder needs a working directory")
    target = workdir / participant
    target.mkdir(parents=True, exist_ok=True)
    for part in parts:
        _write_part(part, archive, target)
    return target


def _unpacked_moodle(folder: Path, assignment: Assignment) -> list[Candidate] | None:
    parts = _disk_parts(folder)
    if parts is None:
        return None
    flat = any(p.folder is None for p in parts)
    workdir = Path(tempfile.mkdtemp(prefix="nngrader-moodle-")) if flat else None
    return _candidates(_group(parts), assignment, workdir, None, dates_known=False)


def _moodle_archive(path: Path, assignment: Assignment, tz: tzinfo) -> list[Candidate] | None:
    """A Moodle 'download all submissions' zip (either layout), unpacked safely; None if it is not one."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        return None
    with archive:
        found = _zip_parts(archive, tz)
        if found is None:
            return None
        parts, repaired = found
        if sum(p.info.file_size for p in parts if p.info is not None) > MAX_MOODLE_ARCHIVE_BYTES:
            raise SubmissionError(f"{path.name}: архив Moodle распаковывается в слишком большой объём")
        workdir = Path(tempfile.mkdtemp(prefix="nngrader-moodle-"))
        atexit.register(shutil.rmtree, workdir, True)  # graded copies live in the course storage (gradebook/copies)
        candidates = _candidates(_group(parts), assignment, workdir, archive, dates_known=True)
    if repaired:
        for candidate in candidates:
            candidate.notes.append("имена в архиве были не в UTF-8 (архив без флага UTF-8) — перекодированы")
    return candidates


def discover(path: Path, assignment: Assignment, tz: tzinfo = DEFAULT_TZ) -> list[Candidate]:
    """Every submission of `assignment` under `path`, one per student.

    `tz` is the course time zone: zip entries carry local times without a zone."""
    path = Path(path)
    if not path.exists():
        raise SubmissionError(f"{path}: путь не найден")
    if path.is_file():
        if path.suffix.lower() == ".zip":
            moodle = _moodle_archive(path, assignment, tz)
            if moodle is not None:
                return moodle
        student = path.stem if path.stem != assignment.module else path.parent.name
        return [Candidate(student, student, path, _mtime(path))]
    return _from_folder(path, assignment, tz)
