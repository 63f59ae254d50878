"""The command line's own messages (usage errors, help headings, --help) are Russian."""
from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from grader.cli import app
from grader.cli.russian import translate

ENGLISH = re.compile(r"Usage:|Missing (argument|option|command)|No such (command|option)|Show this message|"
                     r"for help|Try '|Error\b|Options\b|Arguments\b|Commands\b|\[default|\[required\]|Aborted|"
                     r"Invalid value|does not exist|Got unexpected|requires an argument|<str>|<int>")


@pytest.mark.parametrize("args, expected", [
    (["grade"], "Не указан аргумент «assignment»"),
    (["nosuch"], "Нет такой команды «nosuch»"),
    (["grde", "2"], "Возможно, имелось в виду «grade»"),
    (["export", "--format"], "Параметру «--format» нужно значение"),
    (["export", "--jobs", "3"], "Нет такого параметра: --jobs"),
    (["grade", "--jobs", "x", "2"], "нужно целое число"),
    (["test", "2", "/nonexistent/file.py"], "«/nonexistent/file.py» не существует"),
    (["check", "a.py", "extra"], "Лишние аргументы: extra"),
])
def test_usage_errors_are_russian(args, expected):
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert expected in result.output
    assert "Использование:" in result.output or "--format" in args
    assert not ENGLISH.search(result.output), result.output


@pytest.mark.parametrize("args", [[], ["--help"], ["grade", "--help"], ["export", "--help"], ["quiz", "--help"]])
def test_help_is_russian(args):
    result = CliRunner().invoke(app, args)
    assert "Использование:" in result.output
    assert "Показать эту справку и выйти." in result.output
    assert not ENGLISH.search(result.output), result.output


def test_unknown_text_is_left_alone():
    assert translate("журнал оценок пуст") == "журнал оценок пуст"
    assert translate("Usage: nngrader [OPTIONS] COMMAND [ARGS]...") == \
        "Использование: nngrader [ПАРАМЕТРЫ] КОМАНДА [АРГУМЕНТЫ]..."
