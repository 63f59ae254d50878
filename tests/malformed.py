"""Malformed submissions that once escaped `read_submission` as non-SubmissionError exceptions.

Each builder writes one file named after `module` into `folder` and returns its path. They are
binary or structurally broken, so they live here as code rather than as files in tests/hostile/
(whose every *.py is a submission to grade).
"""
import io
import struct
import zipfile
from pathlib import Path
from typing import Callable

GOOD = "import numpy as np\n\ndef relu(x):\n    return np.maximum(np.asarray(x, dtype=float), 0.0)\n"


def _zip_bytes(name: str, text: str, method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=method) as archive:
        archive.writestr(name, text * 20)
    return buffer.getvalue()


def _local_header_offset(data: bytes) -> int:
    return data.index(b"PK\x03\x04")


def notebook_cells_not_a_list(folder: Path, module: str) -> Path:
    path = folder / f"{module}.ipynb"
    path.write_text('{"cells": 5, "metadata": {}, "nbformat": 4}', encoding="utf-8")
    return path


def notebook_source_of_numbers(folder: Path, module: str) -> Path:
    path = folder / f"{module}.ipynb"
    path.write_text('{"cells": [{"cell_type": "code", "source": [1]}], "nbformat": 4}', encoding="utf-8")
    return path


def notebook_deeply_nested(folder: Path, module: str) -> Path:
    path = folder / f"{module}.ipynb"
    path.write_text('{"cells": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    return path


def zip_bad_crc(folder: Path, module: str) -> Path:
    data = bytearray(_zip_bytes(f"{module}.py", GOOD, zipfile.ZIP_STORED))
    start = _local_header_offset(data)
    name_len, extra_len = struct.unpack("<HH", data[start + 26:start + 30])
    body = start + 30 + name_len + extra_len
    data[body + 10] ^= 0xFF  # the content changes, the recorded CRC does not
    path = folder / "work.zip"
    path.write_bytes(bytes(data))
    return path


def zip_bad_deflate(folder: Path, module: str) -> Path:
    data = bytearray(_zip_bytes(f"{module}.py", GOOD, zipfile.ZIP_DEFLATED))
    start = _local_header_offset(data)
    name_len, extra_len = struct.unpack("<HH", data[start + 26:start + 30])
    body = start + 30 + name_len + extra_len
    data[body:body + 8] = b"\xff" * 8  # not a valid deflate stream
    path = folder / "work.zip"
    path.write_bytes(bytes(data))
    return path


def zip_encrypted_member(folder: Path, module: str) -> Path:
    data = bytearray(_zip_bytes(f"{module}.py", GOOD, zipfile.ZIP_STORED))
    for signature, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):  # set "encrypted" in both headers
        at = data.index(signature)
        flags = struct.unpack("<H", data[at + flag_at:at + flag_at + 2])[0] | 0x1
        data[at + flag_at:at + flag_at + 2] = struct.pack("<H", flags)
    path = folder / "work.zip"
    path.write_bytes(bytes(data))
    return path


def zip_unknown_method(folder: Path, module: str) -> Path:
    data = bytearray(_zip_bytes(f"{module}.py", GOOD, zipfile.ZIP_STORED))
    for signature, method_at in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):  # compression method 99 (AES)
        at = data.index(signature)
        data[at + method_at:at + method_at + 2] = struct.pack("<H", 99)
    path = folder / "work.zip"
    path.write_bytes(bytes(data))
    return path


def zip_truncated(folder: Path, module: str) -> Path:
    data = _zip_bytes(f"{module}.py", GOOD, zipfile.ZIP_DEFLATED)
    path = folder / "work.zip"
    path.write_bytes(data[: len(data) // 2])
    return path


BUILDERS: dict[str, Callable[[Path, str], Path]] = {
    f.__name__: f for f in (notebook_cells_not_a_list, notebook_source_of_numbers, notebook_deeply_nested, zip_bad_crc, zip_bad_deflate, zip_encrypted_member,
                            zip_unknown_method, zip_truncated)
}
