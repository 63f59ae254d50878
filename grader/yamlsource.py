"""YAML loading that remembers where every value came from (the one loader of the project).

Errors must name the file, the line and the key, so we compose PyYAML's node
tree (which keeps each node's start mark), construct the data from that same
tree (one parse, not two) and record the 1-based line of every key and item.
Duplicate mapping keys, which PyYAML silently merges, are recorded too.
Users: course.yaml (grader/course.py), the question bank and quiz answer
files (grader/quiz).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

import yaml

Loc = tuple  # keys and indexes from the document root, e.g. ("questions", 3, "stem")

# PyYAML's problems, in Russian (the rest of the message is ours already).
_PROBLEMS = {
    "could not find expected ':'": "не найдено ожидаемое «:» (ключ без двоеточия?)",
    "mapping values are not allowed here": "здесь нельзя начинать «ключ: значение» "
                                           "(двоеточие внутри значения? возьмите его в кавычки)",
    "found character '\\t' that cannot start any token": "символ табуляции: отступы в YAML — только пробелы",
    "found unexpected end of stream": "файл оборвался (не закрыта кавычка или скобка?)",
    "did not find expected key": "не найден ожидаемый ключ (сбит отступ?)",
    "did not find expected '-' indicator": "не найден ожидаемый «-» элемента списка (сбит отступ?)",
    "found undefined alias": "ссылка на неопределённый якорь (*имя)",
    "expected <document start>, but found '<block mapping start>'": "сбит отступ в начале файла",
    "found unknown escape character": "неизвестная escape-последовательность в строке в двойных кавычках "
                                      "(обратную косую черту пишите как \\\\)",
    "found a tab character that violates indentation": "символ табуляции в отступе: используйте пробелы",
    "expected ',' or ']', but got": "ожидалась «,» или «]» в списке",
    "expected ',' or '}', but got": "ожидалась «,» или «}» в словаре",
    "while scanning a quoted scalar": "не закрыта кавычка",
}


def _russian_problem(problem: str | None) -> str:
    text = (problem or "").strip()
    for english, russian in _PROBLEMS.items():
        if text.startswith(english):
            return russian
    return text or "неизвестная ошибка"


class YamlSourceError(Exception):
    """A YAML file that cannot be read or parsed; str() is one Russian line `path:line: …`."""

    def __init__(self, message: str, path: Path | str | None = None, line: int | None = None):
        self.message = message  # without the location
        self.path = path
        self.line = line
        where = "" if path is None else f"{path}{'' if line is None else f':{line}'}: "
        if path is None and line is not None:
            where = f"строка {line}: "
        super().__init__(where + message)


@dataclass
class YamlDocument:
    path: Path | None
    data: Any
    root: yaml.Node | None
    lines: dict[Loc, int] = field(default_factory=dict)  # loc -> 1-based line (of the key, for mappings)
    duplicates: list[tuple[int, str]] = field(default_factory=list)  # (line, key) of repeated keys

    def line_of(self, loc: Sequence[str | int]) -> int | None:
        """1-based line of `loc`, or of its deepest existing ancestor."""
        found: Loc = ()
        for part in loc:
            # Mapping keys are stored as their YAML text: an int key 1 is "1".
            for key in (part, str(part)):
                if found + (key,) in self.lines:
                    found += (key,)
                    break
            else:
                break
        return self.lines.get(found)

    line = line_of  # the name the quiz modules use


def parse_yaml(text: str, path: Path | str | None = None) -> YamlDocument:
    """Parse one YAML document from `text`; a syntax error is a Russian YamlSourceError."""
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem if exc.problem else exc.context
        raise YamlSourceError(f"ошибка синтаксиса YAML: {_russian_problem(problem)}", path,
                              mark.line + 1 if mark else None) from None
    except yaml.YAMLError as exc:
        raise YamlSourceError(f"ошибка YAML: {exc}", path) from None
    finally:
        loader.dispose()
    doc = YamlDocument(Path(path) if path is not None else None, data, node)
    if node is not None:
        _walk(node, (), doc)
    return doc


def load_yaml(path: Path) -> YamlDocument:
    """Read and parse `path` (UTF-8, a BOM is fine); every failure is a Russian YamlSourceError."""
    try:
        text = Path(path).read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise YamlSourceError("файл не найден", path) from None
    except UnicodeDecodeError as exc:
        raise YamlSourceError(f"файл не в кодировке UTF-8 (байт {exc.start}): сохраните его в UTF-8", path) from None
    except OSError as exc:
        raise YamlSourceError(f"не удалось прочитать файл: {exc.strerror or exc}", path) from None
    return parse_yaml(text, path)


def _walk(node: yaml.Node, loc: Loc, doc: YamlDocument) -> None:
    doc.lines.setdefault(loc, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: set = set()
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else key_node.start_mark.line
            if key in seen:
                doc.duplicates.append((key_node.start_mark.line + 1, str(key)))
            seen.add(key)
            # The key's line is where a reader looks for the field.
            doc.lines.setdefault(loc + (key,), key_node.start_mark.line + 1)
            _walk(value_node, loc + (key,), doc)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, loc + (i,), doc)
