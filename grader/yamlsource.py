"""YAML loading that remembers where every value came from.

Schema errors must name the file, the line and the key, so we keep the node
tree that PyYAML composes and map an error location back to a line number.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

import yaml


class YamlSourceError(Exception):
    """A YAML file that cannot be read or parsed; the message is Russian."""


@dataclass
class YamlDocument:
    path: Path
    data: Any
    root: yaml.Node | None

    def line_of(self, loc: Sequence[str | int]) -> int | None:
        """1-based line of the deepest node reachable along `loc` (keys and indices)."""
        node = self.root
        line = node.start_mark.line + 1 if node is not None else None
        for part in loc:
            if isinstance(node, yaml.MappingNode):
                match = next(
                    ((k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == str(part)),
                    None,
                )
                if match is None:
                    break
                line = match[0].start_mark.line + 1
                node = match[1]
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
                node = node.value[part]
                line = node.start_mark.line + 1
            else:
                break
        return line


def load_yaml(path: Path) -> YamlDocument:
    """Parse `path`; syntax errors become a one-line Russian YamlSourceError."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise YamlSourceError(f"{path}: файл не найден") from None
    except UnicodeDecodeError as exc:
        raise YamlSourceError(f"{path}: файл не в кодировке UTF-8 (байт {exc.start})") from None
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f":{mark.line + 1}" if mark else ""
        raise YamlSourceError(f"{path}{where}: ошибка синтаксиса YAML: {exc.problem or exc}") from None
    return YamlDocument(Path(path), data, root)
