"""Make the course root (`import solutions`) and the test helpers (`import fakecourse`) importable,
and fail the run if any test wrote into the repository (tests write only to their tmp_path)."""
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
for path in (str(ROOT), str(HERE)):
    if path not in sys.path:
        sys.path.insert(0, path)

try:  # hypothesis keeps its example database in ./.hypothesis unless told not to
    from hypothesis import settings

    settings.register_profile("nngrader", database=None)
    settings.load_profile("nngrader")
except ImportError:  # pragma: no cover - hypothesis is a dev dependency
    pass

# Caches of the tools themselves, not files a test wrote.
_SKIP_DIRS = {".git", "__pycache__", ".pytest_cache", ".hypothesis", "build", ".eggs"}


def _snapshot() -> dict[str, tuple[int, int]]:
    files = {}
    for folder, dirs, names in os.walk(ROOT):
        dirs[:] = [d for d in dirs if d not in _SKIP_DIRS and not d.endswith(".egg-info")
                   and not (Path(folder) / d / "pyvenv.cfg").exists()]
        for name in names:
            path = os.path.join(folder, name)
            try:
                stat = os.stat(path)
            except OSError:
                continue
            files[os.path.relpath(path, ROOT)] = (stat.st_size, stat.st_mtime_ns)
    return files


def pytest_sessionstart(session):
    session.config._nngrader_tree = _snapshot()


def pytest_sessionfinish(session, exitstatus):
    before = getattr(session.config, "_nngrader_tree", None)
    if before is None or hasattr(session.config, "workerinput"):
        return
    after = _snapshot()
    changed = sorted(p for p in set(before) | set(after) if before.get(p) != after.get(p))
    if changed:
        sys.stderr.write("\nTests wrote into the repository (they must use tmp_path):\n"
                         + "".join(f"  {p}\n" for p in changed[:50]))
        session.exitstatus = 1
