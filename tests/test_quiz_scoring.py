"""Scoring rules of docs/quiz_format.md and parsing of typed answers."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from grader.quiz.responses import ResponseError, format_response, parse
from grader.quiz.scoring import score


def vq(kind, key, n=4, tolerance=0.0):
    """A stand-in variant question: only what parse/score read."""
    order = list(range(n))
    return SimpleNamespace(type=kind, key=key, option_order=order, left_order=order, item_order=order,
                           q=SimpleNamespace(tolerance=tolerance))


def test_single_and_truefalse():
    q = vq("single", 2)
    assert score(q, parse(q, "2")) == 1.0
    assert score(q, parse(q, " 3 ")) == 0.0
    tf = vq("truefalse", False)
    for word, points in (("нет", 1.0), ("Нет", 1.0), ("неверно", 1.0), ("да", 0.0), ("false", 1.0)):
        assert score(tf, parse(tf, word)) == points
    assert score(tf, parse(tf, False)) == 1.0  # YAML already typed it


@pytest.mark.parametrize("typed, expected", [
    ("1,3", 1.0), ("3 1", 1.0), ("1", 0.5), ("1,2", 0.0), ("1,3,4", 0.5), ("2,4", 0.0), ("1,2,3,4", 0.0),
])
def test_multiple_partial_credit(typed, expected):
    q = vq("multiple", frozenset({1, 3}))
    assert score(q, parse(q, typed)) == pytest.approx(expected)


def test_multiple_three_correct():
    q = vq("multiple", frozenset({1, 2, 3}), n=5)
    assert score(q, parse(q, [1, 2])) == pytest.approx(2 / 3)
    assert score(q, parse(q, "1 2 5")) == pytest.approx(1 / 3)


def test_numeric_tolerance_and_decimal_comma():
    q = vq("numeric", 0.6931, tolerance=0.001)
    assert score(q, parse(q, "0.693")) == 1.0
    assert score(q, parse(q, "0,6935")) == 1.0
    assert score(q, parse(q, "0.69")) == 0.0
    exact = vq("numeric", 0.3, tolerance=0.0)
    assert score(exact, parse(exact, 0.1 + 0.2)) == 1.0  # float noise is not an error
    assert score(vq("param_numeric", -1.25, tolerance=0.01), -1.255) == 1.0


def test_matching_share_of_pairs():
    q = vq("matching", {1: 1, 2: 0, 3: 2}, n=3)
    assert score(q, parse(q, "1-b 2-a 3-c")) == 1.0
    assert score(q, parse(q, "1-b 2-c 3-a")) == pytest.approx(1 / 3)
    assert score(q, parse(q, "1b, 2а")) == pytest.approx(2 / 3)  # Cyrillic «а», third pair missing
    assert score(q, parse(q, {1: "b", 2: "a", 3: "c"})) == 1.0


def test_ordering_neighbour_pairs():
    q = vq("ordering", (2, 4, 1, 3))
    assert score(q, parse(q, "2 4 1 3")) == 1.0
    assert score(q, parse(q, "3 1 4 2")) == 0.0  # reversed
    assert score(q, parse(q, "4 1 3 2")) == pytest.approx(2 / 3)  # 2 is misplaced
    assert score(q, parse(q, [2, 1, 4, 3])) == pytest.approx(2 / 3)
    assert score(q, parse(q, [4, 3, 2, 1])) == pytest.approx(1 / 3)


@pytest.mark.parametrize("kind, key, typed, fragment", [
    ("single", 1, "5", "от 1 до 4"),
    ("single", 1, "1,2", "ровно один"),
    ("single", 1, "b", "не номер"),
    ("truefalse", True, "может быть", "«да» или «нет»"),
    ("numeric", 1.0, "abc", "не число"),
    ("ordering", (1, 2, 3, 4), "1 2 3", "каждый ровно один раз"),
    ("ordering", (1, 2, 3, 4), "1 1 2 3", "каждый ровно один раз"),
    ("matching", {1: 0, 2: 1}, "1-z", "вне списка"),
    ("matching", {1: 0, 2: 1}, "1-a 1-b", "дважды"),
    ("matching", {1: 0, 2: 1}, "что-то", "пример: 1-b"),
])
def test_unreadable_answers_say_what_is_expected(kind, key, typed, fragment):
    q = vq(kind, key, n=4 if kind != "matching" else 2)
    with pytest.raises(ResponseError, match=fragment):
        parse(q, typed)


def test_format_response_round_trips():
    cases = [vq("single", 3), vq("multiple", frozenset({1, 4})), vq("truefalse", True),
             vq("numeric", -0.125), vq("matching", {1: 2, 2: 0, 3: 1}, n=3), vq("ordering", (3, 1, 2), n=3)]
    for q in cases:
        assert parse(q, format_response(q, q.key)) == q.key
