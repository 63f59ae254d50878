"""`nngrader similarity` end to end: a class folder or the gradebook in, CSV and Russian HTML out."""
from __future__ import annotations

import csv
import importlib.util
import shutil
import sys
from datetime import datetime, timezone
from pathlib import Path

from typer.testing import CliRunner

from grader.cli import app
from grader.gradebook import Gradebook
from grader.records import SubmissionRecord

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "similarity_corpus"
ORIGINALS = sorted((CORPUS / "02_activations" / "originals").glob("*.py"))


def _disguise():
    spec = importlib.util.spec_from_file_location("similarity_corpus_disguise_cli", CORPUS / "disguise.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def make_class(root: Path) -> Path:
    """Five independent students, a ring of three copiers (one hands in a notebook), one syntax error."""
    disguise = _disguise()
    klass = root / "class"
    for number, original in enumerate(ORIGINALS[:5]):
        folder = klass / f"student_{number}" / "02_activations"
        folder.mkdir(parents=True)
        shutil.copy(original, folder / "activations.py")
    source = ORIGINALS[3].read_text(encoding="utf-8")
    for name, level in (("copier_a", 2), ("copier_b", 4)):
        folder = klass / name / "02_activations"
        folder.mkdir(parents=True)
        code = disguise.disguise(source, level, seed=level, api=disguise.API_02)
        if name == "copier_b":
            (folder / "activations.ipynb").write_text(disguise.as_notebook(code), encoding="utf-8")
        else:
            (folder / "activations.py").write_text(code, encoding="utf-8")
    broken = klass / "broken" / "02_activations"
    broken.mkdir(parents=True)
    (broken / "activations.py").write_text("def relu(x)\n    return x\n", encoding="utf-8")
    return klass


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_class_folder_to_csv_and_html(tmp_path):
    klass = make_class(tmp_path)
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["similarity", "02", str(klass), "--out", str(out), "--course", str(ROOT)])
    assert result.exit_code == 0, result.output
    assert "не доказательство" in result.output
    rows = _rows(out / "pairs.csv")
    assert len(rows) == 7 * 6 // 2                       # every pair of the 7 readable submissions, once
    assert {"student_a", "student_b", "score", "relu", "softmax_jacobian"} <= set(rows[0])
    scores = [float(r["score"]) for r in rows]
    assert scores == sorted(scores, reverse=True) and all(0 <= s <= 1 for s in scores)
    ring = {"student_3", "copier_a", "copier_b"}
    assert all({r["student_a"], r["student_b"]} <= ring for r in rows[:3])
    assert all(float(r["score"]) < 0.3 for r in rows[3:])
    clusters = _rows(out / "clusters.csv")
    assert len(clusters) == 1 and set(clusters[0]["students"].split()) == ring
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "Похожесть — не доказательство списывания" in index
    assert "broken" in index and "синтаксическая ошибка" in index   # unreadable submissions are listed
    page = (out / "pair_001.html").read_text(encoding="utf-8")
    assert 'class="f0"' in page and "Совпадающие фрагменты" in page
    assert page.count('class="f0"') >= 4                              # the same fragment coloured on both sides


def test_gradebook_mode_reads_the_graded_files(tmp_path):
    klass = make_class(tmp_path)
    url = f"sqlite:///{tmp_path / 'gb.sqlite'}"
    with Gradebook(url) as gradebook:
        for folder in sorted(klass.iterdir()):
            path = next((folder / "02_activations").iterdir())
            gradebook.save(SubmissionRecord(
                student_id=folder.name, student_name=folder.name, assignment_id="02_activations",
                source_path=str(path), content_hash=folder.name, submitted_at=datetime.now(timezone.utc),
                late_days=0, penalty_percent=0.0, isolation="full", raw_score=100.0, score=100.0,
                max_score=100.0, status="graded"))
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["similarity", "02", "--gradebook", "--db", url, "--out", str(out),
                                      "--course", str(ROOT)])
    assert result.exit_code == 0, result.output
    rows = _rows(out / "pairs.csv")
    assert len(rows) == 21
    assert {rows[0]["student_a"], rows[0]["student_b"]} <= {"student_3", "copier_a", "copier_b"}


def test_path_or_gradebook_is_required(tmp_path):
    result = CliRunner().invoke(app, ["similarity", "02", "--course", str(ROOT)])
    assert result.exit_code == 2
    assert "--gradebook" in result.output


def test_student_code_and_names_are_escaped_in_html(tmp_path):
    klass = tmp_path / "class"
    payload = ORIGINALS[0].read_text(encoding="utf-8") + '\n\ndef evil():\n    return "</td><script>alert(1)</script>"\n'
    for name in ("<img src=x onerror=alert(1)>", "eve"):
        folder = klass / name / "02_activations"
        folder.mkdir(parents=True)
        (folder / "activations.py").write_text(payload, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["similarity", "02", str(klass), "--out", str(out), "--course", str(ROOT),
                                      "--keep-reference"])
    assert result.exit_code == 0, result.output
    pages = [p.read_text(encoding="utf-8") for p in out.glob("*.html")]
    assert len(pages) == 2  # index and the one pair
    for page in pages:
        assert "<script>" not in page and "<img src=x" not in page
    assert any("&lt;script&gt;" in page for page in pages)
