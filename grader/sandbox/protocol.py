"""Plain-data messages between the trusted grader and the sandboxed worker.

A message is a JSON header plus raw binary blobs for arrays. JSON decoding
cannot execute code (unlike pickle), and arrays are rebuilt with
`np.frombuffer` from a whitelisted numeric dtype, so nothing the worker sends
can be more than data: no object arrays, no ndarray subclasses, no pickles.

Everything that crosses back to the trusted side is bounded, because the
worker (or student code writing to its file descriptors) can forge any frame:

  header (JSON)      ≤ MAX_HEADER_BYTES (4 MiB: parsing costs ~50× its size in RAM)
  all blobs          ≤ MAX_MESSAGE_BYTES (256 MiB), at most MAX_BLOBS (10 000) of them
  decoded values     ≤ MAX_DEPTH (64) levels, ≤ MAX_NODES (1 000 000) items, ≤ 32 dimensions
  reply metadata     type names ≤ 100 characters (identifiers), messages ≤ 2 000,
                     tracebacks ≤ 4 000, stdout/stderr ≤ 64 KiB each, ≤ 20 warnings
                     (≤ 500 characters), ≤ 1 000 mutated paths; lone surrogates replaced

and every read and write of the trusted side takes a deadline (`ChannelTimeout`).

This module is imported on both sides; it must depend on nothing but the
standard library and numpy.
"""
from __future__ import annotations

import json
import math
import select
import struct
import time
from typing import Any, BinaryIO, Callable

import numpy as np

MAX_HEADER_BYTES = 4 * 1024 * 1024
MAX_MESSAGE_BYTES = 256 * 1024 * 1024
MAX_BLOBS = 10_000
MAX_DEPTH = 64
MAX_NODES = 1_000_000
MAX_NAME = 100
MAX_MESSAGE_TEXT = 2000
MAX_TRACEBACK = 4000
MAX_OUTPUT = 64 * 1024 + 100  # the worker keeps 64 KiB of output plus a note of how much it dropped
MAX_WARNINGS = 20
MAX_WARNING_TEXT = 500
MAX_MUTATED = 1000
_ALLOWED_KINDS = set("biufc")  # bool, signed, unsigned, float, complex


_TOO_BIG = ("ответ слишком большой (больше 4 МиБ списков и чисел или 256 МиБ массивов): возвращайте массивы "
            "NumPy, а не списки")


class ProtocolError(Exception):
    """The other side sent something that is not plain data."""


class ChannelTimeout(ProtocolError):
    """The other side did not finish a frame (or stopped reading) before the deadline."""


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
    """The inverse of `encode`, accepting only the shapes `encode` produces, within the bounds above."""
    return _Decoder(blobs, make_callback).run(tree, 0)


class _Decoder:
    def __init__(self, blobs: list, make_callback: Callable[[int], Any] | None):
        self.blobs, self.make_callback, self.nodes = blobs, make_callback, 0

    def run(self, tree: Any, depth: int) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise ProtocolError("слишком много элементов в значении")
        if depth > MAX_DEPTH:
            raise ProtocolError("слишком глубоко вложенная структура")
        if tree is None or isinstance(tree, (bool, int, float, str)):
            return tree
        if isinstance(tree, list):
            return [self.run(v, depth + 1) for v in tree]
        if not isinstance(tree, dict) or len(tree) == 0:
            raise ProtocolError("неожиданная структура сообщения")
        if "__nd__" in tree or "__np__" in tree:
            return self.array(tree)
        if "__tuple__" in tree and isinstance(tree["__tuple__"], list):
            return tuple(self.run(v, depth + 1) for v in tree["__tuple__"])
        if "__dict__" in tree and isinstance(tree["__dict__"], list):
            out = {}
            for pair in tree["__dict__"]:
                if not isinstance(pair, list) or len(pair) != 2:
                    raise ProtocolError("неожиданная структура сообщения")
                key = self.run(pair[0], depth + 1)
                try:
                    hash(key)
                except TypeError:
                    raise ProtocolError("недопустимый ключ словаря") from None
                out[key] = self.run(pair[1], depth + 1)
            return out
        if "__float__" in tree:
            text = tree["__float__"]
            if text not in ("nan", "inf", "-inf"):
                raise ProtocolError("неверное специальное число")
            return float(text)
        if "__bigint__" in tree:
            try:
                return int(str(tree["__bigint__"])[:5000])
            except ValueError:
                raise ProtocolError("неверное целое число") from None
        if "__callback__" in tree and self.make_callback is not None:
            return self.make_callback(int(tree["__callback__"]))
        raise ProtocolError("неизвестный тег в сообщении")

    def array(self, tree: dict) -> Any:
        blobs = self.blobs
        key = "__nd__" if "__nd__" in tree else "__np__"
        index = tree[key]
        if not isinstance(index, int) or isinstance(index, bool) or not 0 <= index < len(blobs):
            raise ProtocolError("ссылка на несуществующий блок данных")
        try:
            dtype = _check_dtype(np.dtype(str(tree.get("dtype"))[:32]))
            shape = tuple(int(s) for s in tree.get("shape", ())[:33])
        except (TypeError, ValueError):
            raise ProtocolError("неверный тип или форма массива") from None
        if len(shape) > 32 or any(s < 0 for s in shape) or math.prod(shape) * dtype.itemsize != len(blobs[index]):
            raise ProtocolError("размер массива не совпадает с его формой")
        blob = blobs[index]
        arr = np.frombuffer(blob, dtype=dtype).reshape(shape)
        if not isinstance(blob, bytearray) or any(b is blob for b in blobs[:index]):
            arr = arr.copy()  # read-only or shared buffer: the receiver must own a writable array
        return arr if key == "__nd__" else arr[()]


def _text(value: Any, limit: int) -> str:
    """A bounded, encodable string (JSON may carry lone surrogates that no database can store)."""
    text = value if isinstance(value, str) else str(value)
    return text[:limit].encode("utf-8", "replace").decode("utf-8")


def _name(value: Any) -> str:
    text = _text(value, MAX_NAME)
    return text if text.isidentifier() else "Exception"


def bound_reply(header: dict) -> dict:
    """Clip every metadata field of a reply from the worker to the bounds above (values are decoded later)."""
    for key in ("stdout", "stderr"):
        if key in header:
            header[key] = _text(header[key] or "", MAX_OUTPUT)
    error = header.get("error")
    if error is not None:
        error = error if isinstance(error, dict) else {"message": error}
        line = error.get("line")
        header["error"] = {"type": _name(error.get("type", "Exception")), "base": _name(error.get("base", "Exception")),
                           "message": _text(error.get("message", ""), MAX_MESSAGE_TEXT),
                           "line": line if isinstance(line, int) and not isinstance(line, bool) else None,
                           "traceback": _text(error.get("traceback", ""), MAX_TRACEBACK)}
    warnings_in = header.get("warnings")
    if warnings_in is not None:
        items = warnings_in[:MAX_WARNINGS] if isinstance(warnings_in, list) else []
        header["warnings"] = [{"category": _name(w.get("category", "UserWarning")),
                               "message": _text(w.get("message", ""), MAX_WARNING_TEXT)}
                              for w in items if isinstance(w, dict)]
    mutated = header.get("mutated")
    if mutated is not None:
        items = mutated[:MAX_MUTATED] if isinstance(mutated, list) else []
        header["mutated"] = [[p if isinstance(p, int) and not isinstance(p, bool) else _text(p, MAX_NAME)
                              for p in path[:MAX_DEPTH]] for path in items if isinstance(path, list)]
    return header


def write_message(stream: BinaryIO, message: dict, blobs: list, deadline: float | None = None) -> None:
    """Header, then each blob with its size; blobs are written from their own memory (no joined copy).

    With a `deadline` (time.monotonic()), a reader that stops reading raises ChannelTimeout."""
    header = json.dumps(message, ensure_ascii=False, allow_nan=False).encode("utf-8")
    sizes = [len(memoryview(blob).cast("B")) for blob in blobs]
    if len(header) > MAX_HEADER_BYTES or sum(sizes) > MAX_MESSAGE_BYTES or len(blobs) > MAX_BLOBS:
        raise ProtocolError(_TOO_BIG)  # refused before a byte is written: the channel stays in sync
    _write_all(stream, struct.pack("<QI", len(header), len(blobs)) + header, deadline)
    for blob, size in zip(blobs, sizes):
        _write_all(stream, struct.pack("<Q", size), deadline)
        _write_all(stream, blob, deadline)
    stream.flush()


def _wait(stream: BinaryIO, for_write: bool, deadline: float | None) -> None:
    """Block until the stream is ready, or raise ChannelTimeout at the deadline."""
    remaining = None if deadline is None else deadline - time.monotonic()
    if remaining is not None and remaining <= 0:
        raise ChannelTimeout("истёк срок обмена данными")
    ready = select.select([], [stream], [], remaining) if for_write else select.select([stream], [], [], remaining)
    if not any(ready):
        raise ChannelTimeout("истёк срок обмена данными")


def _write_all(stream: BinaryIO, data, deadline: float | None = None) -> None:
    view = memoryview(data).cast("B")
    while view:
        if deadline is not None:
            _wait(stream, True, deadline)
        written = stream.write(view)  # None: a non-blocking pipe is full
        if written is None:
            if deadline is None:
                _wait(stream, True, None)
            continue
        view = view[written:]


def _read_exact(stream: BinaryIO, n: int, deadline: float | None = None) -> bytearray:
    buffer = bytearray(n)
    view = memoryview(buffer)
    while view:
        if deadline is not None:
            _wait(stream, False, deadline)
        got = stream.readinto(view)  # None: a non-blocking pipe is empty for now
        if got is None:
            if deadline is None:
                _wait(stream, False, None)
            continue
        if not got:
            raise EOFError("канал закрыт")
        view = view[got:]
    return buffer


def read_message(stream: BinaryIO, deadline: float | None = None) -> tuple[dict, list[bytearray]]:
    """One frame; with a `deadline`, a sender that stops mid-frame raises ChannelTimeout.

    Replies (op "reply") come back with their metadata bounded (see bound_reply)."""
    header_len, n_blobs = struct.unpack("<QI", _read_exact(stream, 12, deadline))
    if header_len > MAX_HEADER_BYTES or n_blobs > MAX_BLOBS:
        raise ProtocolError(_TOO_BIG)
    try:
        header = json.loads(_read_exact(stream, header_len, deadline).decode("utf-8"))
    except (ValueError, RecursionError):
        raise ProtocolError("заголовок сообщения не читается") from None
    if not isinstance(header, dict):
        raise ProtocolError("заголовок сообщения не словарь")
    blobs, total = [], 0
    for _ in range(n_blobs):
        (size,) = struct.unpack("<Q", _read_exact(stream, 8, deadline))
        total += size
        if total > MAX_MESSAGE_BYTES:
            raise ProtocolError(_TOO_BIG)
        blobs.append(_read_exact(stream, size, deadline))
    if header.get("op") == "reply":
        bound_reply(header)
    return header, blobs
