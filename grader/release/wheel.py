"""The engine as a wheel, built at release time from the installed `grader` package.

The bundle's README says how to install the engine from the wheel next to it, so
students need no package index for nngrader itself. Built here, not with
`pip wheel`: no build isolation (which needs the network), no build/ or
egg-info left in the course folder, and the same bytes for the same engine
(fixed timestamps, sorted entries). Only `grader/` goes in — the wheel never
contains solutions/, exercises/ or hidden tests.
"""
from __future__ import annotations

import base64
import hashlib
import zipfile
from pathlib import Path

import grader

NAME = "nngrader"
FALLBACK_VERSION = "0.1.0"
FALLBACK_REQUIRES = ["numpy>=1.24", "pytest>=7.4", "pyyaml>=6.0", "pydantic>=2.5", "typer>=0.12", "rich>=13.0",
                     "sqlalchemy>=2.0", "jinja2>=3.1"]
ENTRY_POINTS = ("[console_scripts]\nnngrader = grader.cli:main\n\n"
                "[pytest11]\ngrader.harness.plugin = grader.harness.plugin\n")
_EPOCH = (1980, 1, 1, 0, 0, 0)
_SKIP = ("__pycache__", ".pyc", ".pyo")


def _metadata() -> tuple[str, list[str]]:
    """Version and the runtime requirements (extras left out: a student needs none of them)."""
    try:
        from importlib.metadata import PackageNotFoundError, distribution

        dist = distribution(NAME)
    except (ImportError, PackageNotFoundError):
        return FALLBACK_VERSION, FALLBACK_REQUIRES
    requires = [r for r in (dist.requires or []) if "extra ==" not in r]
    return dist.version, requires or FALLBACK_REQUIRES


def wheel_name(version: str | None = None) -> str:
    return f"{NAME}-{version or _metadata()[0]}-py3-none-any.whl"


def _record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def engine_files() -> list[tuple[str, bytes]]:
    package = Path(grader.__file__).resolve().parent
    files = []
    for path in sorted(package.rglob("*")):
        relative = path.relative_to(package.parent).as_posix()
        if path.is_dir() or path.is_symlink() or any(part in relative for part in _SKIP):
            continue
        files.append((relative, path.read_bytes()))
    return files


def build_engine_wheel(out_dir: Path) -> Path:
    """Write nngrader-<version>-py3-none-any.whl into `out_dir` and return its path."""
    version, requires = _metadata()
    info = f"{NAME}-{version}.dist-info"
    metadata = "\n".join(["Metadata-Version: 2.1", f"Name: {NAME}", f"Version: {version}",
                          "Summary: Движок курса nngrader: самопроверка решений публичными тестами",
                          "Requires-Python: >=3.10", *(f"Requires-Dist: {r}" for r in requires)]) + "\n"
    wheel = "Wheel-Version: 1.0\nGenerator: nngrader-release\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    entries = engine_files() + [(f"{info}/METADATA", metadata.encode()), (f"{info}/WHEEL", wheel.encode()),
                                (f"{info}/entry_points.txt", ENTRY_POINTS.encode()),
                                (f"{info}/top_level.txt", b"grader\n")]
    record = "\n".join([_record_line(n, d) for n, d in entries] + [f"{info}/RECORD,,"]) + "\n"
    entries.append((f"{info}/RECORD", record.encode()))
    target = Path(out_dir) / wheel_name(version)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            item = zipfile.ZipInfo(name, date_time=_EPOCH)
            item.compress_type = zipfile.ZIP_DEFLATED
            item.external_attr = 0o644 << 16
            archive.writestr(item, data)
    return target
