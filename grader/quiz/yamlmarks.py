"""Load YAML keeping the line of every node, so errors can say `file:57`.

yaml.safe_load forgets positions; composing the node graph first keeps each
node's start mark. Duplicate mapping keys (which PyYAML silently merges) are
reported too.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

Path_ = tuple  # path of keys / indexes from the document root


@dataclass
class Marked:
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)  # path -> 1-based line
    duplicates: list[tuple[int, str]] = field(default_factory=list)  # (line, key)

    def line(self, path: Path_) -> int | None:
        """Line of `path`, or of its closest existing ancestor."""
        path = tuple(path)
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path)


class MarkedYAMLError(Exception):
    def __init__(self, line: int | None, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


def load_marked(text: str) -> Marked:
    """Parse one YAML document; raise MarkedYAMLError with a Russian message."""
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return Marked(None)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise MarkedYAMLError(line, f"ошибка синтаксиса YAML: {exc.problem or exc}") from None
    except yaml.YAMLError as exc:
        raise MarkedYAMLError(None, f"ошибка YAML: {exc}") from None
    finally:
        loader.dispose()
    marked = Marked(data)
    _walk(node, (), marked)
    return marked


def _walk(node: yaml.Node, path: Path_, out: Marked) -> None:
    out.lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: set = set()
        for key_node, value_node in node.value:
            key = key_node.value
            if key in seen:
                out.duplicates.append((key_node.start_mark.line + 1, str(key)))
            seen.add(key)
            # The key's line is where a reader looks for the field.
            out.lines.setdefault(path + (key,), key_node.start_mark.line + 1)
            _walk(value_node, path + (key,), out)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, path + (i,), out)
