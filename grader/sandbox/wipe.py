"""Empty a scratch folder that student code wrote to, whatever it put there.

Used by the zygote between submissions and by the trusted side on cleanup.
Never descends into a mount point (an interpreter bound inside /tmp would
otherwise be walked, or worse, emptied), never follows symlinks, and copes
with trees deeper than PATH_MAX or the recursion limit: every directory is
first moved to the top level, so no path is ever longer than two names.
Standalone (standard library only): copied into the sandbox.
"""
from __future__ import annotations

import os
import stat
import time


def _mount_points() -> set[str]:
    try:
        with open("/proc/self/mountinfo", encoding="utf-8", errors="replace") as f:
            return {line.split()[4].replace("\\040", " ") for line in f if len(line.split()) > 4}
    except OSError:
        return set()


def wipe(folder: str, deadline: float | None = None) -> bool:
    """Remove everything in `folder` but mount points; True if nothing else is left.

    Gives up (False) once `deadline` (time.monotonic()) passes: a submission that
    made millions of files costs its zygote a restart, not the next student a wait.
    """
    try:
        top = os.lstat(folder)
    except OSError:
        return True
    if not stat.S_ISDIR(top.st_mode):
        return False
    mounts = _mount_points()

    def holds_mount(path: str) -> bool:
        return any(m.startswith(path + "/") for m in mounts)

    clean = True
    pending = [folder]  # directories to empty; all but mount holders sit right under `folder`
    moved = 0
    while pending:
        current = pending.pop()
        try:
            if current != folder:
                os.chmod(current, stat.S_IRWXU)
            entries = list(os.scandir(current))
        except OSError:
            clean = False
            continue
        for entry in entries:
            if deadline is not None and time.monotonic() > deadline:
                return False
            try:
                info = entry.stat(follow_symlinks=False)
                if not stat.S_ISDIR(info.st_mode):
                    os.unlink(entry.path)
                elif info.st_dev != top.st_dev or entry.path in mounts:
                    continue  # a mount point: never descend
                elif current == folder or holds_mount(entry.path):
                    pending.append(entry.path)
                else:
                    moved += 1
                    flat = os.path.join(folder, f".wipe-{os.getpid()}-{moved}")
                    os.rename(entry.path, flat)  # deep trees become flat: short paths, no recursion
                    pending.append(flat)
            except OSError:
                clean = False
        if current != folder and not holds_mount(current):
            try:
                os.rmdir(current)  # its subdirectories were moved out to the top level
            except OSError:
                clean = False
    return clean
