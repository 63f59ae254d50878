"""Per-student variants: deterministic, distinct, following the quiz definition."""
from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from grader.quiz import responses, scoring
from grader.quiz.bank import load_course_bank
from grader.quiz.config import QuizDef, load_quiz_config
from grader.quiz.params import placeholders, render_stem
from grader.quiz.reference import Reference
from grader.quiz.rng import derive_seed
from grader.quiz.variants import allocate, build_variant, resolve_quiz

COURSE = Path(__file__).parent / "quiz_fixtures" / "course"
SECRET = "секрет-курса"


@pytest.fixture(scope="module")
def bank():
    return load_course_bank(COURSE)


@pytest.fixture(scope="module")
def midterm():
    return load_quiz_config(COURSE).quiz("midterm")


@pytest.fixture(scope="module")
def reference():
    return Reference(COURSE / "solutions")


def signature(variant):
    return [(vq.id, vq.layout()["o"], vq.layout()["l"], vq.layout()["r"], vq.layout()["i"],
             vq.params, vq.key) for vq in variant.questions]


def test_same_student_same_variant(bank, midterm, reference):
    a = build_variant(bank, midterm, SECRET, "s001", reference)
    b = build_variant(load_course_bank(COURSE), midterm, SECRET, "s001", Reference(COURSE / "solutions"))
    assert signature(a) == signature(b)
    assert a.fingerprint == b.fingerprint
    assert a.seed == derive_seed(SECRET, "s001", "midterm")


def test_seed_is_stable_across_processes():
    # hash() is salted per process; the seed must not be.
    code = ("from grader.quiz.rng import derive_seed, HashRng;"
            "print(derive_seed('a', 'b', 'c'), HashRng('k').permutation(6, 'x'))")
    outs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           env={"PYTHONHASHSEED": str(s), "PATH": ""}, cwd=Path(__file__).parents[1],
                           check=True).stdout for s in (1, 2)}
    assert len(outs) == 1


def test_students_rarely_share_a_variant(bank, midterm, reference):
    prints = [build_variant(bank, midterm, SECRET, f"s{i:03d}", reference).fingerprint for i in range(60)]
    assert len(set(prints)) == 60
    question_sets = Counter(frozenset(vq.id for vq in
                                      build_variant(bank, midterm, SECRET, f"s{i:03d}", reference).questions)
                            for i in range(60))
    assert len(question_sets) > 30  # different questions, not only a different order


def test_secret_and_quiz_change_the_variant(bank, midterm, reference):
    base = build_variant(bank, midterm, SECRET, "s001", reference).fingerprint
    assert build_variant(bank, midterm, "другой", "s001", reference).fingerprint != base
    other = midterm.model_copy(update={"id": "final"})
    assert build_variant(bank, other, SECRET, "s001", reference).fingerprint != base


def test_difficulty_mix_and_size(bank, midterm, reference):
    for i in range(20):
        variant = build_variant(bank, midterm, SECRET, f"s{i}", reference)
        assert len(variant.questions) == 8
        levels = Counter(vq.q.difficulty for vq in variant.questions)
        assert levels == {1: 3, 2: 3, 3: 2}
        assert {vq.topic for vq in variant.questions} == {"neuron", "activations"}
        assert len({vq.id for vq in variant.questions}) == 8
        assert [vq.number for vq in variant.questions] == list(range(1, 9))


def test_allocate_moves_missing_questions_to_other_levels():
    assert allocate(10, {1: 0.4, 2: 0.4, 3: 0.2}, {1: 10, 2: 10, 3: 10}) == {1: 4, 2: 4, 3: 2}
    assert allocate(8, {1: 0.4, 2: 0.4, 3: 0.2}, {1: 10, 2: 10, 3: 10}) == {1: 3, 2: 3, 3: 2}
    assert allocate(10, {1: 0.0, 2: 0.0, 3: 1.0}, {1: 10, 2: 10, 3: 4}) == {1: 0, 2: 6, 3: 4}


def test_topic_self_check_takes_every_question(bank, reference):
    quiz = resolve_quiz("neuron", load_quiz_config(COURSE), bank)
    variant = build_variant(bank, quiz, SECRET, "self", reference)
    assert sorted(vq.id for vq in variant.questions) == sorted(q.id for q in bank.for_topics(["neuron"]))


def test_unknown_quiz_lists_what_exists(bank):
    with pytest.raises(Exception, match="midterm, neuron, activations"):
        resolve_quiz("nope", load_quiz_config(COURSE), bank)


def test_no_shuffle_keeps_bank_order_and_options(bank, reference):
    quiz = QuizDef(id="plain", topics=["neuron"], shuffle=False)
    variant = build_variant(bank, quiz, SECRET, "s1", reference)
    assert [vq.id for vq in variant.questions] == [q.id for q in bank.for_topics(["neuron"])]
    single = variant.questions[0]
    assert single.option_order == [0, 1, 2] and single.key == 1


def test_matching_and_ordering_are_always_shuffled(bank, reference):
    quiz = QuizDef(id="plain", topics=["neuron", "activations"], shuffle=False)
    for i in range(30):
        for vq in build_variant(bank, quiz, SECRET, f"s{i}", reference).questions:
            if vq.type == "ordering":
                assert vq.key != tuple(range(1, len(vq.key) + 1))
            if vq.type == "matching":
                assert vq.key != {k: k - 1 for k in vq.key}


def test_keys_follow_the_shown_order(bank, midterm, reference):
    for i in range(30):
        for vq in build_variant(bank, midterm, SECRET, f"s{i}", reference).questions:
            q = vq.q
            if vq.type == "single":
                assert q.options[vq.option_order[vq.key - 1]].correct
            elif vq.type == "multiple":
                assert {n for n in vq.key} == {p + 1 for p, o in enumerate(vq.option_order) if q.options[o].correct}
            elif vq.type == "matching":
                for left, right in vq.key.items():
                    assert vq.left_order[left - 1] == vq.right_order[right]
            elif vq.type == "ordering":
                assert [vq.shown_items()[n - 1] for n in vq.key] == list(q.items)
            # The key typed back in scores full marks.
            typed = responses.format_response(vq, vq.key)
            assert scoring.score(vq, responses.parse(vq, typed)) == 1.0


def test_param_values_match_the_stem_and_the_reference(bank, reference):
    quiz = QuizDef(id="p", topics=["neuron", "activations"])
    for i in range(50):
        variant = build_variant(bank, quiz, SECRET, f"s{i}", reference)
        by_id = {vq.id: vq for vq in variant.questions}
        sig = by_id["activations-002"]
        x = sig.params["x"]
        assert -3.0 <= x <= 3.0 and round(x, 1) == x
        assert f"$\\sigma({x:.1f})$" in sig.stem
        assert sig.key == pytest.approx(1 / (1 + 2.718281828459045 ** -x))
        neuron = by_id["neuron-004"]
        assert "$\\mathbf{x}$" in neuron.stem  # LaTeX argument, not a placeholder
        assert not placeholders(neuron.stem)
        p = neuron.params
        assert neuron.key == pytest.approx(p["x"] * p["w"] + p["b"])
        assert "-0.0" not in neuron.stem


def test_placeholders_skip_latex_arguments():
    stem = r"$\frac{a}{b}$, $x_{i}$, $e^{x}$, $\mathrm{x}$, $({x}, {y})$, {z}"
    assert [name for _, name in placeholders(stem)] == ["x", "y", "z"]
    assert render_stem(stem, {"x": 1, "y": 2}) == r"$\frac{a}{b}$, $x_{i}$, $e^{x}$, $\mathrm{x}$, $(1, 2)$, {z}"


def test_missing_reference_marks_question_unavailable(bank):
    quiz = QuizDef(id="p", topics=["activations"])
    variant = build_variant(bank, quiz, SECRET, "s", Reference(None))
    sig = next(vq for vq in variant.questions if vq.id == "activations-002")
    assert sig.key is None and "activations.py" in sig.unavailable
    softmax = next(vq for vq in variant.questions if vq.id == "activations-009")
    assert softmax.unavailable is None  # numpy only: no reference needed
    assert re.search(r"\$z = \((1|2|3), \d\.\d, 0\)\$", softmax.stem)
