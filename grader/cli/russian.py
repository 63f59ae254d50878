"""Russian for the command line's own messages: usage errors, help headings, "Aborted".

Typer vendors its copy of click with the English texts written into the code
(no gettext catalogue to hook into), so the texts are translated where they
reach the person: the error panel, the usage line, the help panels and the
help of the --help option. `install()` is idempotent and called by grader/cli/__init__.py.
"""
from __future__ import annotations

import re
from typing import Any

_LABELS = {"file": "файл", "dir": "каталог", "directory": "каталог", "path": "путь"}
_KINDS = {"argument": "аргумент", "option": "параметр", "parameter": "параметр"}
_TYPES = {"integer": "целое число", "int": "целое число", "float": "число", "number": "число",
          "boolean": "да/нет (true/false)", "bool": "да/нет (true/false)"}


def _quote(text: str) -> str:
    return re.sub(r"'([^']*)'", r"«\1»", text)


def _missing(m: re.Match) -> str:
    kind = _KINDS.get(m.group(1), m.group(1))
    return f"Не указан {kind}{_quote(m.group(2) or '')}."


def _not_exist(m: re.Match) -> str:
    return f"{_LABELS.get(m.group(1).lower(), m.group(1)).capitalize()} «{m.group(2)}» не существует."


def _path_kind(m: re.Match) -> str:
    label = _LABELS.get(m.group(1).lower(), m.group(1)).capitalize()
    what = {"is a file.": "— это файл, а нужен каталог.", "is a directory.": "— это каталог, а нужен файл.",
            "is not readable.": "недоступен для чтения.", "is not writable.": "недоступен для записи."}[m.group(3)]
    return f"{label} «{m.group(2)}» {what}"


def _invalid_type(m: re.Match) -> str:
    return f"«{m.group(1)}» — не {_TYPES.get(m.group(2).lower(), m.group(2))}."


# (pattern, replacement) in order; applied to every message the CLI itself writes.
_RULES: list[tuple[re.Pattern, Any]] = [(re.compile(p, re.IGNORECASE if i else 0), r) for i, (p, r) in enumerate([
    (r"^Usage: ", "Использование: "),
    (r"Missing (argument|option|parameter)((?: '[^']*'(?: / '[^']*')*)?)\.", _missing),
    (r"Missing (parameter): (\S+)", lambda m: f"Не указан параметр «{m.group(2)}»"),
    (r"Missing command\.", "Не указана команда."),
    (r"No such command '([^']*)'\.", r"Нет такой команды «\1»."),
    (r"No such option: (\S+)", r"Нет такого параметра: \1"),
    (r"\(Possible options: ([^)]*)\)", r"(возможные параметры: \1)"),
    (r"Did you mean (.+)\?", lambda m: f"Возможно, имелось в виду {_quote(m.group(1))}?"),
    (r"Got unexpected extra arguments? ?\(s\)? \((.*)\)", r"Лишние аргументы: \1"),
    (r"Got unexpected extra argument\(s\) \((.*)\)", r"Лишние аргументы: \1"),
    (r"Option '([^']*)' requires an argument\.", r"Параметру «\1» нужно значение."),
    (r"Option '([^']*)' requires (\d+) arguments\.", r"Параметру «\1» нужно значений: \2."),
    (r"Option '([^']*)' does not take a value\.", r"Параметр «\1» не принимает значения."),
    (r"Invalid value for ([^:]+): ", lambda m: f"Недопустимое значение {_quote(m.group(1))}: "),
    (r"Invalid value: ", "Недопустимое значение: "),
    (r"\b(File|Dir|Directory|Path) '([^']*)' does not exist\.", _not_exist),
    (r"\b(File|Dir|Directory|Path) '([^']*)' (is a file\.|is a directory\.|is not readable\.|is not writable\.)",
     _path_kind),
    (r"Value '([^']*)' is not a valid (\w+)\.", _invalid_type),
    (r"'([^']*)' is not a valid (integer|float|boolean)\.", _invalid_type),
    (r"'([^']*)' is not one of (.+)\.", lambda m: f"«{m.group(1)}» — не одно из: {_quote(m.group(2))}."),
    (r"Input should be a valid integer[^.\n]*", "нужно целое число"),
    (r"Input should be a valid number[^.\n]*", "нужно число"),
    (r"Input should be a valid boolean[^.\n]*", "нужно да/нет (true/false)"),
    (r"Show this message and exit\.", "Показать эту справку и выйти."),
    (r"\[OPTIONS\]", "[ПАРАМЕТРЫ]"),
    (r"COMMAND \[ARGS\]\.\.\.", "КОМАНДА [АРГУМЕНТЫ]..."),
    (r"\bAborted[.!]", "Прервано."),
])]


def translate(text: str) -> str:
    """The Russian form of a message of typer/click; text it does not know stays as it is."""
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    return text


_installed = False


def install() -> None:
    """Make typer/click speak Russian in this process (usage errors, help headings, --help).

    Written against typer 0.2x (vendored click); every hook is optional, so another typer
    version degrades to English messages instead of breaking the command line.
    """
    global _installed
    if _installed:
        return
    _installed = True
    try:
        from typer import rich_utils
    except ImportError:  # pragma: no cover - typer without rich
        rich_utils = None
    try:
        from typer import _click
    except ImportError:  # pragma: no cover - typer releases that use the click package
        import click as _click
    if rich_utils is not None:
        _install_rich(rich_utils)
    for owner, name in ((_click.core.Command, "get_usage"), (_click.core.Context, "get_usage")):
        if hasattr(owner, name):
            setattr(owner, name, _translated(getattr(owner, name)))
    try:
        from typer import core
        display_type = core._TyperParameter.display_type
    except (ImportError, AttributeError):  # pragma: no cover - older typer: no type column
        pass
    else:
        names = {"<str>": "<текст>", "<int>": "<целое>", "<float>": "<число>", "<path>": "<путь>",
                 "<file>": "<файл>", "<dir>": "<каталог>", "<bool>": "", "<Path>": "<путь>"}
        core._TyperParameter.display_type = lambda self, ctx: (
            lambda shown: names.get(shown, shown) if shown else shown)(display_type(self, ctx))
    usage_error = getattr(_click.exceptions, "UsageError", None)
    if usage_error is not None:
        usage_error.show = _plain_show(usage_error.show)


def _translated(method):
    def wrapper(*args, **kwargs):
        return translate(method(*args, **kwargs))
    return wrapper


def _install_rich(rich_utils) -> None:
    texts = {"ARGUMENTS_PANEL_TITLE": "Аргументы", "OPTIONS_PANEL_TITLE": "Параметры",
             "COMMANDS_PANEL_TITLE": "Команды", "ERRORS_PANEL_TITLE": "Ошибка", "ABORTED_TEXT": "Прервано.",
             "RICH_HELP": "Подробнее: [blue]{command_path} {help_option}[/]",
             "DEFAULT_STRING": "[по умолчанию: {}]", "REQUIRED_LONG_STRING": "[обязательно]",
             "ENVVAR_STRING": "[переменная окружения: {}]", "DEPRECATED_STRING": "(устарело) "}
    for name, text in texts.items():
        if hasattr(rich_utils, name):
            setattr(rich_utils, name, text)
    highlighter = getattr(rich_utils, "OptionHighlighter", None)
    if highlighter is not None:
        highlighter.highlights = [*highlighter.highlights, r"(?P<usage>Использование: )"]
    make_rich_text = getattr(rich_utils, "_make_rich_text", None)
    if make_rich_text is not None:
        rich_utils._make_rich_text = lambda *, text, **kw: make_rich_text(text=translate(text), **kw)
    format_error = getattr(rich_utils, "rich_format_error", None)
    if format_error is not None:
        def rich_format_error(self) -> None:
            message = self.format_message
            self.format_message = lambda: translate(message())
            format_error(self)

        rich_utils.rich_format_error = rich_format_error


def _plain_show(original):
    """The non-rich fallback (no terminal markup): translated the same way."""
    def show(self, file=None) -> None:
        import io
        import sys

        buffer = io.StringIO()
        original(self, buffer)
        text = buffer.getvalue().replace("Error: ", "Ошибка: ")
        text = re.sub(r"Try '([^']*)' for help\.", r"Подробнее: \1", text)
        (file or sys.stderr).write(translate(text))
    return show
