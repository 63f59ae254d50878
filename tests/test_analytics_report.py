"""`nngrader demo-class` then `nngrader report`: pages, figures and CSV from a gradebook, end to end."""
import csv
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from grader.cli import app

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo")
    url = f"sqlite:///{folder / 'demo.sqlite'}"
    result = runner.invoke(app, ["demo-class", "--db", url, "--students", "40", "--course", str(ROOT)])
    assert result.exit_code == 0, result.output
    out = folder / "report"
    result = runner.invoke(app, ["report", "all", "--db", url, "--out", str(out), "--course", str(ROOT)])
    assert result.exit_code == 0, result.output
    return url, out


def _rows(path):
    with open(path, encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


def test_report_has_a_page_per_assignment_and_quiz(demo):
    _, out = demo
    index = (out / "index.html").read_text(encoding="utf-8")
    for page in ("02_activations.html", "08_training.html", "quiz_midterm.html", "quiz_final.html"):
        assert (out / page).is_file()
        assert page in index
    page = (out / "02_activations.html").read_text(encoding="utf-8")
    assert page.count("<svg") >= 4  # scores, functions, heat map, timeline
    assert "Самые частые ошибки" in page and "Теория и код расходятся" in page


def test_item_csv_has_the_promised_columns_and_sane_values(demo):
    _, out = demo
    rows = _rows(out / "items_final.csv")
    assert rows and {"question_id", "n", "facility", "discrimination"} <= set(rows[0])
    for row in rows:
        assert int(row["n"]) >= 1
        assert 0.0 <= float(row["facility"]) <= 100.0


def test_mistakes_count_students_with_the_hint(demo):
    url, out = demo
    from grader.gradebook import Gradebook
    rows = _rows(out / "mistakes_02_activations.csv")
    assert rows
    top = rows[0]
    with Gradebook(url) as book:
        current = book.current("02_activations")
    shown = sum(1 for r in current if any(o.mutant_id == top["mutant_id"] for o in r.outcomes))
    assert int(top["students"]) == shown
    assert float(top["share"]) == pytest.approx(shown / len(current), abs=1e-4)


def test_distractor_counts_add_up_to_the_answers(demo):
    _, out = demo
    options = _rows(out / "options_midterm.csv")
    items = {r["question_id"]: r for r in _rows(out / "items_midterm.csv")}
    single = [r for r in options if items[r["question_id"]]["type"] == "single"]
    assert single
    for qid in {r["question_id"] for r in single}:
        chosen = sum(int(r["chosen"]) for r in single if r["question_id"] == qid)
        assert chosen == int(items[qid]["n"])  # every simulated answer names exactly one option


def test_report_without_gradebook_says_what_to_do(tmp_path):
    result = runner.invoke(app, ["report", "--db", f"sqlite:///{tmp_path / 'none.sqlite'}", "--out",
                                 str(tmp_path / "r"), "--course", str(ROOT)])
    assert result.exit_code == 2
    text = " ".join(result.output.split())  # rich wraps long lines
    assert "не найден" in text and "nngrader grade" in text


def test_unknown_target_lists_what_exists(demo, tmp_path):
    url, _ = demo
    result = runner.invoke(app, ["report", "99_nothing", "--db", url, "--out", str(tmp_path / "r"),
                                 "--course", str(ROOT)])
    assert result.exit_code == 2
    text = " ".join(result.output.split())
    assert "02_activations" in text and "midterm" in text


def test_demo_class_never_overwrites_a_gradebook(tmp_path):
    path = tmp_path / "real.sqlite"
    path.write_bytes(b"")
    result = runner.invoke(app, ["demo-class", "--db", f"sqlite:///{path}", "--students", "5", "--course", str(ROOT)])
    assert result.exit_code == 2 and "уже существует" in " ".join(result.output.split())
    assert os.path.getsize(path) == 0
