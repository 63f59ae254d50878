"""A copy of every graded submission in the course's own storage.

The gradebook's source path must stay valid: a Moodle archive is unpacked into
a temporary folder that is removed when the command ends, and students' folders
get cleaned up over a semester. Each graded submission is copied once per
content (same hash, same copy) to
`<course>/.nngrader/submissions/<assignment>/<student>/<hash>/…` — beside the
gradebook file, which by default is `<course>/gradebook.sqlite` — and the record
points there.
"""
from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

STORE = Path(".nngrader") / "submissions"
MAX_COPY_BYTES = 64 * 1024 * 1024  # a submission is a few files; a folder bigger than this is not copied
_UNSAFE = re.compile(r'[\x00-\x1f/\\:*?"<>|]')
_MOODLE_FOLDER = re.compile(r"^.+_\d+_(assignsubmission|onlinetext)")


def _safe(name: str) -> str:
    return _UNSAFE.sub("_", name).strip(" .")[:120] or "_"


def _size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def storage_base(gradebook_url: str, course_root: Path | None) -> Path:
    """Where the course's own storage lives: NNGRADER_STORAGE if set, beside a SQLite gradebook,
    else (a server database) in the course folder."""
    from .engine import sqlite_path

    if os.environ.get("NNGRADER_STORAGE"):
        return Path(os.environ["NNGRADER_STORAGE"])
    path = sqlite_path(gradebook_url)
    if path is not None:
        return path.resolve().parent
    return Path(course_root or Path.cwd())


def store_root(base: Path) -> Path:
    return Path(base) / STORE


def keep_copy(base: Path, record) -> Path | None:
    """Copy `record.source_path` into the storage under `base` (storage_base()) and point the record at the copy.

    Returns the copy, or None when there is nothing to copy (missing, too big, already stored).
    """
    source = Path(record.source_path)
    root = store_root(base).resolve()
    try:
        if not source.exists() or source.is_symlink() or root in source.resolve().parents:
            return None
        if _size(source) > MAX_COPY_BYTES:
            return None
        folder = root / _safe(record.assignment_id) / _safe(record.student_id) / _safe(record.content_hash[-16:])
        # the Moodle folder name carries the participant number: kept for the feedback-files zip
        keep_parent = source.is_file() and _MOODLE_FOLDER.match(source.parent.name)
        target = folder / _safe(source.parent.name) / source.name if keep_parent else folder / source.name
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            staging = Path(tempfile.mkdtemp(prefix=".copy.", dir=target.parent))
            try:
                if source.is_dir():
                    shutil.copytree(source, staging / source.name, symlinks=True,
                                    ignore=shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints"))
                else:
                    shutil.copy2(source, staging / source.name)
                os.replace(staging / source.name, target)
            finally:
                shutil.rmtree(staging, ignore_errors=True)
    except OSError:
        return None  # storage is a convenience: grading never fails because a copy could not be made
    record.source_path = str(target)
    return target
