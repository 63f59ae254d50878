"""Find the submissions of one assignment in what an instructor points us at.

Layouts understood:
- one file, folder or .zip — a single submission;
- `<student>/<assignment>/…` or `<student>/…` or `<student>.py|.ipynb|.zip` — a plain class folder;
- nbgrader: `submitted/<student>/<assignment>/` (with its `timestamp.txt`);
- Moodle "download all submissions": folders `<Full Name>_<id>_assignsubmission_file_`,
  unpacked or still in the downloaded .zip.
"""
from __future__ import annotations

import atexit
import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath

from ..course import Assignment
from ..submission import MAX_ZIP_BYTES, SubmissionError

MOODLE_FOLDER = re.compile(r"^(?P<name>.+?)_(?P<id>\d+)_assign(?:submission|ment)_[a-z]+_?$")
SUBMISSION_SUFFIXES = (".py", ".ipynb", ".zip")
MAX_MOODLE_ARCHIVE_BYTES = 50 * MAX_ZIP_BYTES


@dataclass
class Candidate:
    student_id: str
    student_name: str
    path: Path
    submitted_at: datetime | None
    key: str | None = None  # grading_key(path, suite), once computed


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


def _from_folder(folder: Path, assignment: Assignment) -> list[Candidate]:
    if (folder / "submitted").is_dir():
        folder = folder / "submitted"
    if _holds_assignment_file(folder, assignment):
        return [Candidate(folder.name, folder.name, folder, _mtime(folder))]
    found: list[Candidate] = []
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith(".") or entry.is_symlink():
            continue
        if entry.is_dir():
            moodle = MOODLE_FOLDER.match(entry.name)
            if moodle:
                found.append(Candidate(moodle["id"], moodle["name"], entry, _mtime(entry)))
                continue
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


def _moodle_archive(path: Path) -> Path | None:
    """Unpack a Moodle 'download all submissions' zip (safely) and return the folder, or None."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        return None
    with archive:
        infos = archive.infolist()
        tops = {PurePosixPath(i.filename.replace("\\", "/")).parts[0] for i in infos if i.filename.strip("/")}
        if not tops or not all(MOODLE_FOLDER.match(t) for t in tops):
            return None
        if sum(i.file_size for i in infos) > MAX_MOODLE_ARCHIVE_BYTES:
            raise SubmissionError(f"{path.name}: архив Moodle распаковывается в слишком большой объём")
        target = Path(tempfile.mkdtemp(prefix="nngrader-moodle-"))
        atexit.register(shutil.rmtree, target, True)  # graded copies live in the course storage (gradebook/copies)
        for info in infos:
            parts = PurePosixPath(info.filename.replace("\\", "/")).parts
            if ".." in parts or info.filename.startswith("/") or info.is_dir():
                continue
            if (info.external_attr >> 16) & 0o170000 == 0o120000:
                continue  # never create links
            destination = target.joinpath(*parts)
            destination.parent.mkdir(parents=True, exist_ok=True)
            with archive.open(info) as source, open(destination, "wb") as sink:
                sink.write(source.read(MAX_ZIP_BYTES + 1))
        return target


def discover(path: Path, assignment: Assignment) -> list[Candidate]:
    """Every submission of `assignment` under `path`, one per student."""
    path = Path(path)
    if not path.exists():
        raise SubmissionError(f"{path}: путь не найден")
    if path.is_file():
        if path.suffix.lower() == ".zip":
            unpacked = _moodle_archive(path)
            if unpacked is not None:
                return _from_folder(unpacked, assignment)
        student = path.stem if path.stem != assignment.module else path.parent.name
        return [Candidate(student, student, path, _mtime(path))]
    return _from_folder(path, assignment)
