"""Course and submissions as bytes: how they reach grading machines that share no file system.

The course bundle holds what the trusted side of grading reads (course.yaml,
solutions/, exercises/ with hidden tests and mutants); it travels from the
instructor's machine to each Dask worker once, inside the worker plugin.
A submission travels as a list of (relative path, kind, bytes) entries and is
rebuilt on the worker under its own name, so every message that names the file
("activations.py, строка 3: …") reads exactly as it would locally.
"""
from __future__ import annotations

import hashlib
import io
import os
import tarfile
from pathlib import Path

from ..course import COURSE_FILE

COURSE_PARTS = (COURSE_FILE, "solutions", "exercises")
_SKIP = {"__pycache__", ".pytest_cache", ".ipynb_checkpoints"}
MAX_SUBMISSION_BYTES = 64 * 1024 * 1024  # a folder bigger than this is shipped without its largest files
_LINK_TARGET = "/nonexistent/nngrader-shipped-link"  # links are shipped as links, never followed


def course_bundle(root: Path) -> tuple[bytes, str]:
    """(tar.gz of the course's trusted content, its sha256): deterministic for the same files."""
    buffer = io.BytesIO()
    root = Path(root)
    with tarfile.open(fileobj=buffer, mode="w:gz", format=tarfile.PAX_FORMAT) as tar:
        for part in COURSE_PARTS:
            for path in _walk(root / part):
                info = tar.gettarinfo(str(path), arcname=path.relative_to(root).as_posix())
                info.mtime, info.uid, info.gid, info.uname, info.gname = 0, 0, 0, "", ""
                if info.isfile():
                    with open(path, "rb") as data:
                        tar.addfile(info, data)
                elif info.isdir():
                    tar.addfile(info)
    data = buffer.getvalue()
    return data, hashlib.sha256(data).hexdigest()


def _walk(path: Path):
    if not path.exists() or path.is_symlink():
        return
    yield path
    if path.is_dir():
        for child in sorted(path.iterdir()):
            if child.name not in _SKIP:
                yield from _walk(child)


def unpack_course(bundle: bytes, target: Path) -> Path:
    """Extract a course bundle into `target` (regular files and folders only)."""
    target.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(bundle), mode="r:gz") as tar:
        tar.extractall(target, filter="data")
    return target


def pack_submission(path: Path) -> list[tuple[str, str, bytes]]:
    """A submission (file, folder or zip) as [(path relative to its parent, "file"|"dir"|"link", bytes)]."""
    path = Path(path)
    entries: list[tuple[str, str, bytes]] = []
    budget = MAX_SUBMISSION_BYTES

    def add(item: Path) -> None:
        nonlocal budget
        name = item.relative_to(path.parent).as_posix()
        if item.is_symlink():
            entries.append((name, "link", b""))
        elif item.is_dir():
            entries.append((name, "dir", b""))
            for child in sorted(item.iterdir()):
                add(child)
        elif item.is_file():
            size = item.stat().st_size
            if size > budget:
                return  # what the grader could not have read whole either (zip and file limits are far lower)
            budget -= size
            entries.append((name, "file", item.read_bytes()))

    add(path)
    return entries


def unpack_submission(entries: list[tuple[str, str, bytes]], target: Path) -> Path:
    """Rebuild a packed submission under `target`; returns the path of the submission itself."""
    top: Path | None = None
    for name, kind, data in entries:
        relative = Path(name)
        if relative.is_absolute() or ".." in relative.parts:
            raise ValueError(f"недопустимый путь в посылке: {name}")
        destination = target / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        if kind == "dir":
            destination.mkdir(exist_ok=True)
        elif kind == "link":
            os.symlink(_LINK_TARGET, destination)
        else:
            destination.write_bytes(data)
        top = top or destination
    if top is None:
        raise ValueError("пустая посылка")
    return top
