"""The bundle's README: the statement plus how to check yourself with what is in the folder."""
from __future__ import annotations

from ..course import Assignment


def install_lines(wheel: str | None) -> list[str]:
    if wheel is None:
        return ["Нужен движок курса: `pip install nngrader` (для блокнота — `pip install \"nngrader[jupyter]\"`). "
                "Затем в этой папке:"]
    return [f"Нужен движок курса — он лежит в этой папке (`{wheel}`). Установите его отсюда, "
            "без обращения к каталогу пакетов за самим движком:",
            "",
            "```bash",
            f"pip install {wheel}",
            "```",
            "",
            "Его зависимости (numpy, pytest и др.) pip возьмёт из PyPI; без интернета, если они уже "
            f"установлены: `pip install --no-deps {wheel}`. Затем в этой папке:"]


def self_check_section(assignment: Assignment, formats: tuple[str, ...], has_quiz: bool,
                       wheel: str | None = None) -> str:
    m = assignment.module
    files = []
    if "py" in formats:
        files.append(f"- `{m}.py` — заготовка решения для работы в редакторе;")
    if "ipynb" in formats:
        files.append(f"- `{m}.ipynb` — то же задание блокнотом Jupyter: условие, ячейки функций и самопроверка;")
    files.append(f"- `test_{m}.py` — публичные тесты;")
    if has_quiz:
        files.append("- `quiz.yaml` — вопросы по теории для самопроверки (с ответами и объяснениями);")
    if wheel is not None:
        files.append(f"- `{wheel}` — движок курса для самопроверки (без эталона и скрытых тестов);")
    files.append("- `.nngrader.yaml` — служебный файл задания для самопроверки, не удаляйте его.")
    submit = (f"Сдайте **один** файл: `{m}.py` или `{m}.ipynb`." if len(formats) > 1
              else f"Сдайте файл `{m}.{formats[0]}`.")
    example = f"{m}.py" if "py" in formats else f"{m}.ipynb"
    text = [
        "## Что в этой папке и как проверить себя",
        "",
        *files,
        "",
        submit,
        "",
        *install_lines(wheel),
        "",
        "```bash",
        f"nngrader check {example}    # публичные тесты, итог по каждой функции на русском",
        f"pytest test_{m}.py",
        "```",
        "",
    ]
    if "ipynb" in formats:
        text += ["В блокноте: `check(\"имя_функции\")` — публичные тесты одной функции, `check()` — всех.", ""]
    if has_quiz:
        text += [f"Теория: `nngrader quiz take {assignment.topic} --bank quiz.yaml`.", ""]
    return "\n".join(text)


def bundle_readme(statement: str, assignment: Assignment, formats: tuple[str, ...], has_quiz: bool,
                  wheel: str | None = None) -> str:
    if wheel is not None:  # the statement's generic install line would send the student to an index
        statement = statement.replace("`pip install nngrader`", f"`pip install {wheel}` (файл в этой папке)")
    return statement.rstrip("\n") + "\n\n" + self_check_section(assignment, formats, has_quiz, wheel)
