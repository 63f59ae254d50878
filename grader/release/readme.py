"""The bundle's README: the statement plus how to check yourself with what is in the folder."""
from __future__ import annotations

from ..course import Assignment


def self_check_section(assignment: Assignment, formats: tuple[str, ...], has_quiz: bool) -> str:
    m = assignment.module
    files = []
    if "py" in formats:
        files.append(f"- `{m}.py` — заготовка решения для работы в редакторе;")
    if "ipynb" in formats:
        files.append(f"- `{m}.ipynb` — то же задание блокнотом Jupyter: условие, ячейки функций и самопроверка;")
    files.append(f"- `test_{m}.py` — публичные тесты;")
    if has_quiz:
        files.append("- `quiz.yaml` — вопросы по теории для самопроверки (с ответами и объяснениями);")
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
        "Нужен движок курса: `pip install nngrader` (для блокнота — `pip install \"nngrader[jupyter]\"`). "
        "Затем в этой папке:",
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


def bundle_readme(statement: str, assignment: Assignment, formats: tuple[str, ...], has_quiz: bool) -> str:
    return statement.rstrip("\n") + "\n\n" + self_check_section(assignment, formats, has_quiz)
