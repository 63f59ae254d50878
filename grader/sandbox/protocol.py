"""Plain-data messages between the trusted grader and the sandboxed worker.

A message is a JSON header plus raw binary blobs for arrays. JSON decoding
cannot execute code (unlike pickle), and arrays are rebuilt with
`np.frombuffer` from a whitelisted numeric dtype, so nothing the worker sends
can be more than data: no object arrays, no ndarray subclasses, no pickles.

This module is imported on both sides; it must depend on nothing but the
standard library and numpy.
"""
from __future__ import annotations

import json
import math
import struct
from typing import Any, BinaryIO, Callable

import numpy as np

MAX_MESSAGE_BYTES = 512 * 1024 * 1024
_ALLOWED_KINDS = set("biufc")  # bool, signed, unsigned, float, complex


class ProtocolError(Exception):
    """The other side sent something that is not plain data."""


class Callback:
    """A trusted-side callable handed to student code, referenced by id."""

    def __init__(self, ident: int):
        self.ident = ident


def _check_dtype(dtype: np.dtype) -> np.dtype:
    if dtype.kind not in _ALLOWED_KINDS or dtype.fields is not None or dtype.subdtype is not None:
        raise ProtocolError(f"недопустимый тип массива {dtype}: разрешены только числовые массивы")
    return dtype


def encode(value: Any, blobs: list[bytes], callbacks: Callable[[Callable], int] | None = None) -> Any:
    """Value -> JSON-able tree; arrays go to `blobs`. Anything else is refused."""
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return value if abs(value) < 2**63 else {"__bigint__": str(value)}
    if isinstance(value, float):
        return value if math.isfinite(value) else {"__float__": repr(value)}
    if type(value) is np.ndarray:
        _check_dtype(value.dtype)
        # The array's own memory is sent as is: no copy on the way out.
        blobs.append(memoryview(np.ascontiguousarray(value).reshape(-1)).cast("B"))
        return {"__nd__": len(blobs) - 1, "dtype": value.dtype.str, "shape": list(value.shape)}
    if isinstance(value, np.ndarray):
        raise ProtocolError(f"подкласс ndarray ({type(value).__name__}) не передаётся: верните обычный np.ndarray")
    if isinstance(value, np.generic):
        arr = np.asarray(value)
        _check_dtype(arr.dtype)
        blobs.append(arr.tobytes())
        return {"__np__": len(blobs) - 1, "dtype": arr.dtype.str}
    if isinstance(value, tuple):
        return {"__tuple__": [encode(v, blobs, callbacks) for v in value]}
    if isinstance(value, list):
        return [encode(v, blobs, callbacks) for v in value]
    if isinstance(value, dict):
        return {"__dict__": [[encode(k, blobs, callbacks), encode(v, blobs, callbacks)] for k, v in value.items()]}
    if callable(value) and callbacks is not None:
        return {"__callback__": callbacks(value)}
    raise ProtocolError(f"значение типа {type(value).__name__} нельзя передать: допустимы числа, строки, "
                        "None, списки, кортежи, словари и числовые массивы NumPy")


def decode(tree: Any, blobs: list[bytes], make_callback: Callable[[int], Any] | None = None) -> Any:
    """The inverse of `encode`, accepting only the shapes `encode` produces."""
    if tree is None or isinstance(tree, (bool, int, float, str)):
        return tree
    if isinstance(tree, list):
        return [decode(v, blobs, make_callback) for v in tree]
    if not isinstance(tree, dict) or len(tree) == 0:
        raise ProtocolError("неожиданная структура сообщения")
    if "__nd__" in tree or "__np__" in tree:
        key = "__nd__" if "__nd__" in tree else "__np__"
        index = tree[key]
        if not isinstance(index, int) or not 0 <= index < len(blobs):
            raise ProtocolError("ссылка на несуществующий блок данных")
        dtype = _check_dtype(np.dtype(str(tree["dtype"])))
        shape = tuple(int(s) for s in tree.get("shape", ()))
        if any(s < 0 for s in shape) or math.prod(shape) * dtype.itemsize != len(blobs[index]):
            raise ProtocolError("размер массива не совпадает с его формой")
        blob = blobs[index]
        arr = np.frombuffer(blob, dtype=dtype).reshape(shape)
        if not isinstance(blob, bytearray) or any(b is blob for b in blobs[:index]):
            arr = arr.copy()  # read-only or shared buffer: the receiver must own a writable array
        return arr if key == "__nd__" else arr[()]
    if "__tuple__" in tree:
        return tuple(decode(v, blobs, make_callback) for v in tree["__tuple__"])
    if "__dict__" in tree:
        out = {}
        for pair in tree["__dict__"]:
            key = decode(pair[0], blobs, make_callback)
            if isinstance(key, np.ndarray):
                raise ProtocolError("массив не может быть ключом словаря")
            out[key] = decode(pair[1], blobs, make_callback)
        return out
    if "__float__" in tree:
        text = tree["__float__"]
        if text not in ("nan", "inf", "-inf"):
            raise ProtocolError("неверное специальное число")
        return float(text)
    if "__bigint__" in tree:
        return int(str(tree["__bigint__"]))
    if "__callback__" in tree and make_callback is not None:
        return make_callback(int(tree["__callback__"]))
    raise ProtocolError("неизвестный тег в сообщении")


def write_message(stream: BinaryIO, message: dict, blobs: list) -> None:
    """Header, then each blob with its size; blobs are written from their own memory (no joined copy)."""
    header = json.dumps(message, ensure_ascii=False, allow_nan=False).encode("utf-8")
    sizes = [len(memoryview(blob).cast("B")) for blob in blobs]
    _write_all(stream, struct.pack("<QI", len(header), len(blobs)) + header)
    for blob, size in zip(blobs, sizes):
        _write_all(stream, struct.pack("<Q", size))
        _write_all(stream, blob)
    stream.flush()


def _write_all(stream: BinaryIO, data) -> None:
    view = memoryview(data).cast("B")
    while view:
        written = stream.write(view)
        if written is None:
            continue
        view = view[written:]


def _read_exact(stream: BinaryIO, n: int) -> bytearray:
    buffer = bytearray(n)
    view = memoryview(buffer)
    while view:
        got = stream.readinto(view)
        if not got:
            raise EOFError("канал закрыт")
        view = view[got:]
    return buffer


def read_message(stream: BinaryIO) -> tuple[dict, list[bytearray]]:
    header_len, n_blobs = struct.unpack("<QI", _read_exact(stream, 12))
    if header_len > MAX_MESSAGE_BYTES or n_blobs > 100_000:
        raise ProtocolError("сообщение слишком большое")
    header = json.loads(_read_exact(stream, header_len).decode("utf-8"))
    if not isinstance(header, dict):
        raise ProtocolError("заголовок сообщения не словарь")
    blobs, total = [], header_len
    for _ in range(n_blobs):
        (size,) = struct.unpack("<Q", _read_exact(stream, 8))
        total += size
        if total > MAX_MESSAGE_BYTES:
            raise ProtocolError("сообщение слишком большое")
        blobs.append(_read_exact(stream, size))
    return header, blobs
