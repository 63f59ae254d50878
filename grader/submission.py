"""Read a submission into Python source: .py, .ipynb, a folder or a .zip.

Students send what they have: a file saved by Windows in cp1251, a notebook
with `!pip install` cells, a zip of their folder. We turn all of it into one
source text (or one clear Russian error naming the line), without executing
anything: execution happens only in the sandbox.
"""
from __future__ import annotations

import json
import re
import stat
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import datetime
from functools import wraps
from pathlib import Path, PurePosixPath

MAX_ZIP_FILES = 200
MAX_ZIP_BYTES = 20 * 1024 * 1024
MAX_SOURCE_BYTES = 5 * 1024 * 1024


class SubmissionError(Exception):
    """The submission cannot be read; str() is a Russian message for the student."""


@dataclass
class SubmissionSource:
    text: str
    origin: str
    notes: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- text decoding

def decode_source(data: bytes, origin: str) -> tuple[str, list[str]]:
    """UTF-8 (with or without BOM) or cp1251; CRLF normalized; Russian error otherwise."""
    notes: list[str] = []
    if not data.strip():
        raise SubmissionError(f"{origin}: файл пуст — сохраните решение и отправьте снова")
    if len(data) > MAX_SOURCE_BYTES:
        raise SubmissionError(f"{origin}: файл слишком большой ({len(data) // 1024} КБ)")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        notes.append("UTF-8 с BOM")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        text = _try_cp1251(data)
        if text is None:
            line = data[: exc.start].count(b"\n") + 1
            raise SubmissionError(
                f"{origin}, строка {line}: файл не в кодировке UTF-8 (байт 0x{data[exc.start]:02x}) и не похож на "
                "cp1251 — сохраните его в UTF-8") from None
        notes.append("кодировка cp1251 (Windows), перекодировано в UTF-8")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        raise SubmissionError(f"{origin}: в файле есть нулевые байты — это не текст программы")
    return text, notes


def _try_cp1251(data: bytes) -> str | None:
    try:
        text = data.decode("cp1251")
    except UnicodeDecodeError:
        return None
    # Almost any byte decodes to *something* in cp1251, so judge plausibility:
    # Russian text is mostly Cyrillic letters, and they stand next to each other
    # (Latin-1 "café" would decode to a lone Cyrillic letter inside a Latin word).
    non_ascii = [i for i, c in enumerate(text) if ord(c) > 127]
    if not non_ascii:
        return None
    cyrillic = [i for i in non_ascii if "CYRILLIC" in unicodedata.name(text[i], "") or text[i] in "«»—–№"]
    inside_latin = sum(1 for i in cyrillic if any(0 <= j < len(text) and text[j].isascii() and text[j].isalpha()
                                                  for j in (i - 1, i + 1)))
    plausible = len(cyrillic) / len(non_ascii) >= 0.8 and inside_latin <= 0.3 * len(cyrillic)
    return text if plausible else None


# ---------------------------------------------------------------- notebooks

_MAGIC = re.compile(r"^\s*(%|!)")


def notebook_source(data: bytes, origin: str) -> tuple[str, list[str]]:
    """Code cells in order; IPython magics and shell lines are commented out, never run."""
    text, notes = decode_source(data, origin)
    try:
        return _notebook_code(json.loads(text), origin, notes)
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
        # Any structure other than nbformat's (cells not a list, source of numbers, nesting past the
        # recursion limit) is a broken notebook, not a grader crash.
        raise SubmissionError(f"{origin}: файл не является корректным блокнотом Jupyter (.ipynb)") from None


def _notebook_code(notebook: dict, origin: str, notes: list[str]) -> tuple[str, list[str]]:
    cells = notebook["cells"]
    if not isinstance(cells, list):
        raise TypeError("cells")
    parts: list[str] = []
    skipped = 0
    for number, cell in enumerate(cells, start=1):
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else str(source)
        if source.lstrip().startswith("%%"):
            skipped += source.count("\n") + 1
            source = "\n".join("# " + line for line in source.splitlines())
        lines = []
        for line in source.splitlines():
            if _MAGIC.match(line):
                skipped += 1
                line = "# " + line
            lines.append(line)
        parts.append(f"# --- ячейка {number} ---\n" + "\n".join(lines))
    if not parts:
        raise SubmissionError(f"{origin}: в блокноте нет ни одной ячейки с кодом")
    if skipped:
        notes.append(f"пропущено строк с магическими командами IPython и '!': {skipped}")
    return "\n\n".join(parts) + "\n", notes


# ---------------------------------------------------------------- folders and archives

def _is_code_file(name: str) -> bool:
    path = PurePosixPath(name)
    return (path.suffix in (".py", ".ipynb") and not path.name.startswith(("test_", ".")) and path.name != "conftest.py"
            and "__MACOSX" not in path.parts and ".ipynb_checkpoints" not in path.parts)


def _stub_functions(text: str) -> tuple[set[str], set[str]] | None:
    """(functions whose body only raises NotImplementedError / passes, the other functions); None if unparsable."""
    import ast
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        return None
    stubs, real = set(), set()
    for node in tree.body:
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        body = list(node.body)
        if body and isinstance(body[0], ast.Expr) and isinstance(getattr(body[0], "value", None), ast.Constant) \
                and isinstance(body[0].value.value, str):
            body = body[1:]  # the docstring
        stub = all(isinstance(b, ast.Pass) or (isinstance(b, ast.Expr) and isinstance(b.value, ast.Constant))
                   or (isinstance(b, ast.Raise) and "NotImplementedError" in ast.dump(b)) for b in body)
        (stubs if stub else real).add(node.name)
    return stubs, real


def is_untouched_starter(text: str, starter: str | None = None) -> bool:
    """Nothing of the assignment filled in: the starter itself, or every function still a stub."""
    if starter is not None and " ".join(text.split()) == " ".join(starter.split()):
        return True
    mine = _stub_functions(text)
    if mine is None:
        return False
    stubs, real = mine
    if starter is not None:
        theirs = _stub_functions(starter)
        if theirs is not None and theirs[0]:
            return theirs[0] <= stubs  # every function the starter left to do is still to do
    return bool(stubs) and not real


@dataclass
class _Choice:
    name: str
    notes: list[str] = field(default_factory=list)


def _pick(names: list[str], module: str, origin: str, read=None, newest: dict[str, float] | None = None,
          starter: str | None = None) -> _Choice:
    """The file of the assignment inside a folder or archive.

    With several code files, the untouched starter never wins over a filled file: among
    the filled ones the exact module name wins, then a name containing it, then the newest.
    `read(name) -> bytes` lets us look inside; the notes say what was chosen and why."""
    candidates = [n for n in names if _is_code_file(n)]
    if not candidates:
        raise SubmissionError(f"{origin}: не найден файл {module}.py или {module}.ipynb")
    if len(candidates) == 1 and read is None:
        return _Choice(candidates[0])
    untouched = {n for n in candidates if read is not None and _looks_untouched(read, n, starter)}
    filled = [n for n in candidates if n not in untouched]
    pool = filled or candidates

    def rank(n: str) -> tuple:
        stem = PurePosixPath(n).stem
        closeness = 0 if stem == module else 1 if module in stem.casefold() else 2
        return (closeness, -(newest or {}).get(n, 0.0), PurePosixPath(n).suffix != ".py", len(n), n)

    pool.sort(key=rank)
    if len(pool) > 1 and rank(pool[0])[0] == 2:
        raise SubmissionError(f"{origin}: несколько файлов решения ({', '.join(sorted(pool)[:5])}), "
                              f"а нужен один: назовите его {module}.py")
    chosen = pool[0]
    notes = []
    others = [n for n in candidates if n != chosen]
    if others:
        why = ", ".join(f"«{n}»" + (" — нетронутая заготовка" if n in untouched else "") for n in sorted(others))
        notes.append(f"файлов решения несколько: проверен «{chosen}», не проверялись {why}")
    elif chosen in untouched:
        notes.append(f"«{chosen}» не отличается от заготовки — решение не заполнено")
    if chosen in untouched and others:
        notes.append("все файлы решения — нетронутые заготовки")
    return _Choice(chosen, notes)


def _looks_untouched(read, name: str, starter: str | None) -> bool:
    try:
        data = read(name)
        text = notebook_source(data, name)[0] if name.endswith(".ipynb") else decode_source(data, name)[0]
    except SubmissionError:
        return False
    return is_untouched_starter(text, starter)


def _zip_member(path: Path, module: str, starter: str | None = None) -> tuple[bytes, str, list[str]]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError):
        raise SubmissionError(f"{path.name}: архив повреждён или это не zip") from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_ZIP_FILES:
            raise SubmissionError(f"{path.name}: в архиве слишком много файлов ({len(infos)} > {MAX_ZIP_FILES})")
        safe: dict[str, zipfile.ZipInfo] = {}
        total = 0
        for info in infos:
            name = info.filename.replace("\\", "/")
            parts = PurePosixPath(name).parts
            if name.startswith("/") or ".." in parts or (parts and ":" in parts[0]):
                raise SubmissionError(f"{path.name}: недопустимый путь в архиве «{info.filename}»")
            if stat.S_ISLNK(info.external_attr >> 16):
                continue  # links are never followed
            total += info.file_size
            if total > MAX_ZIP_BYTES:
                raise SubmissionError(f"{path.name}: архив распаковывается в слишком большой объём")
            if not info.is_dir():
                safe[name] = info
        def read(name: str) -> bytes:
            try:
                with archive.open(safe[name]) as member:
                    return member.read(MAX_SOURCE_BYTES + 1)  # bounded even if the header lies about the size
            except NotImplementedError:  # before RuntimeError, its base class
                raise SubmissionError(f"{path.name}: файл «{name}» сжат неподдерживаемым методом — "
                                      "создайте обычный zip (сжатие deflate)") from None
            except RuntimeError:  # zipfile's word for "encrypted"
                raise SubmissionError(f"{path.name}: файл «{name}» в архиве зашифрован паролем — "
                                      "отправьте архив без пароля") from None
            except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError):  # bad CRC, bad deflate data
                raise SubmissionError(f"{path.name}: файл «{name}» в архиве повреждён — создайте архив заново") from None

        newest = {name: _entry_time(info) for name, info in safe.items() if _is_code_file(name)}
        choice = _pick(list(safe), module, path.name, read=read, newest=newest, starter=starter)
        return read(choice.name), f"{path.name}/{choice.name}", choice.notes


def _entry_time(info: zipfile.ZipInfo) -> float:
    try:
        return datetime(*info.date_time).timestamp()
    except (ValueError, OverflowError):
        return 0.0


def _folder_member(path: Path, module: str, starter: str | None = None) -> tuple[bytes, str, list[str]]:
    names = []
    for file in sorted(path.rglob("*"))[: MAX_ZIP_FILES * 5]:
        if file.is_symlink() or not file.is_file():
            continue
        names.append(file.relative_to(path).as_posix())

    def read(name: str) -> bytes:
        with open(path / name, "rb") as handle:
            return handle.read(MAX_SOURCE_BYTES + 1)

    newest = {n: (path / n).stat().st_mtime for n in names if _is_code_file(n)}
    choice = _pick(names, module, path.name, read=read, newest=newest, starter=starter)
    return read(choice.name), f"{path.name}/{choice.name}", choice.notes


def _only_submission_errors(read):
    """Whatever a file does to the reader (a zip member that cannot be opened, a parser's recursion
    limit, memory), the caller gets one SubmissionError with a Russian message: one bad file never
    stops a class."""
    @wraps(read)
    def guarded(path: Path, module: str, starter: str | None = None) -> SubmissionSource:
        try:
            return read(path, module, starter)
        except SubmissionError:
            raise
        except RecursionError:
            raise SubmissionError(f"{Path(path).name}: слишком глубокая вложенность — файл не удаётся разобрать") from None
        except MemoryError:
            raise SubmissionError(f"{Path(path).name}: файл слишком большой, чтобы его прочитать") from None
        except Exception as exc:  # noqa: BLE001 - the point: no other exception leaves the reader
            raise SubmissionError(f"{Path(path).name}: файл не удаётся прочитать ({type(exc).__name__}) — "
                                  "проверьте, что это .py, .ipynb или обычный zip") from None
    return guarded


@_only_submission_errors
def read_submission(path: Path, module: str, starter: str | None = None) -> SubmissionSource:
    """Source text of a submission, checked for syntax; never executes it.

    `starter` (the assignment's starter text) lets a folder or zip with several files
    prefer the one the student actually filled in."""
    path = Path(path)
    if path.is_symlink():
        raise SubmissionError(f"{path.name}: решение — символическая ссылка; отправьте сам файл")
    if not path.exists():
        raise SubmissionError(f"{path}: файл не найден")
    if path.is_dir():
        archives = [p for p in path.iterdir() if p.suffix.lower() == ".zip" and p.is_file() and not p.is_symlink()]
        has_code = any(p.suffix in (".py", ".ipynb") for p in path.rglob("*") if p.is_file())
        if len(archives) == 1 and not has_code:  # an LMS folder holding the student's uploaded zip
            data, origin, chosen = _zip_member(archives[0], module, starter)
        else:
            data, origin, chosen = _folder_member(path, module, starter)
    elif path.suffix.lower() == ".zip":
        data, origin, chosen = _zip_member(path, module, starter)
    else:
        data, origin, chosen = path.read_bytes(), path.name, []
        if starter is not None and _looks_untouched(lambda _: data, path.name, starter):
            chosen = [f"«{path.name}» не отличается от заготовки — решение не заполнено"]
    if origin.endswith(".ipynb"):
        text, notes = notebook_source(data, origin)
    else:
        text, notes = decode_source(data, origin)
    notes = chosen + notes
    check_syntax(text, origin)
    return SubmissionSource(text, origin, notes)


def check_syntax(text: str, origin: str) -> None:
    try:
        compile(text, origin, "exec", dont_inherit=True)
    except IndentationError as exc:
        raise SubmissionError(f"{origin}, строка {exc.lineno}: ошибка отступа: {_ru(exc.msg)}") from None
    except SyntaxError as exc:
        raise SubmissionError(f"{origin}, строка {exc.lineno}: синтаксическая ошибка: {_ru(exc.msg)}") from None
    except (ValueError, MemoryError, RecursionError, OverflowError, SystemError) as exc:
        raise SubmissionError(f"{origin}: файл не удаётся разобрать как Python: {type(exc).__name__}") from None


_RU_SYNTAX = {
    "expected ':'": "пропущено двоеточие ':'",
    "invalid syntax": "неверный синтаксис",
    "expected an indented block": "ожидался блок с отступом",
    "unindent does not match any outer indentation level": "отступ не совпадает ни с одним внешним уровнем",
    "unexpected indent": "лишний отступ",
    "unterminated string literal": "незакрытая строка",
    "unexpected EOF while parsing": "файл оборвался посреди конструкции",
    "inconsistent use of tabs and spaces in indentation": "смешаны табуляции и пробелы в отступах",
}


def _ru(message: str) -> str:
    for english, russian in _RU_SYNTAX.items():
        if message.startswith(english):
            return f"{russian} ({message})"
    return message


# ---------------------------------------------------------------- homoglyphs

_HOMOGLYPHS = str.maketrans("асеорхуіАВСЕНКМОРТХ", "aceopxyiABCEHKMOPTX")


def homoglyph_of(wanted: str, defined: list[str]) -> str | None:
    """A defined name that equals `wanted` once Cyrillic look-alike letters are replaced."""
    for name in defined:
        if name != wanted and name.translate(_HOMOGLYPHS) == wanted:
            return name
    return None


def describe_homoglyph(name: str) -> str:
    letters = ", ".join(f"«{c}» (U+{ord(c):04X})" for c in name if c.translate(_HOMOGLYPHS) != c)
    return f"в имени «{name}» есть русские буквы, похожие на латинские: {letters}"
