"""Build the whole report from a gradebook: what `nngrader report` and the site's report pages call."""
from __future__ import annotations

from pathlib import Path


def build_report(loaded, book, out: Path, assignments=None, quizzes=None, say=lambda text: None):
    """Write the report of `assignments` and `quizzes` (default: all of the course) into `out`.

    Returns (index path, assignment pages, quiz pages); the site calls it too."""
    from ..quiz.bank import load_course_bank
    from ..quiz.config import load_quiz_config
    from .classdata import load_assignment, load_quiz
    from .report import write_assignment, write_index, write_quiz

    course = loaded.course
    assignments = list(course.assignments) if assignments is None else assignments
    quizzes = [q.id for q in course.quizzes] if quizzes is None else quizzes
    out.mkdir(parents=True, exist_ok=True)
    bank, config = load_course_bank(loaded.root), load_quiz_config(loaded.root)
    # Every quiz feeds the "theory vs code" comparison, even when only an assignment is asked for.
    quiz_data = []
    for quiz in course.quizzes:
        say(f"Читаю ответы теста {quiz.id}…")
        quiz_data.append(load_quiz(book, bank, config, quiz.id))
    quiz_pages = []
    for data in quiz_data:
        if data.quiz_id in quizzes and data.answers:
            say(f"Анализ вопросов теста {data.quiz_id}…")
            quiz_pages.append(write_quiz(out, data))
    pages, topics = [], {}
    for spec in assignments:
        say(f"Задание {spec.id}…")
        data = load_assignment(book, loaded, spec)
        if not data.students:
            continue
        page = write_assignment(out, data, quiz_data)
        pages.append(page)
        topics[page.page] = spec.topic
    index = write_index(out, f"{course.title}: отчёт по группе", pages, quiz_pages, bank.topic_title, topics)
    return index, pages, quiz_pages
