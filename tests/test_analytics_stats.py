"""Item analysis numbers against independent computations (stdlib `statistics`, hand-worked values)
and against a simulated class whose item parameters are known."""
import math
import statistics

import numpy as np
import pytest

from grader.analytics.classdata import Answer, QuestionInfo, QuizData
from grader.analytics.itemstats import (cronbach_alpha, efficiency, item_stats, kr20, quiz_stats, spearman,
                                        upper_lower)
from grader.analytics.quizstats import analyse
from grader.analytics.simulate import simulate_items

# 6 attempts × 3 items, scores out of 1 (item 3 gives partial credit).
MATRIX = [[1, 1, 1.0],
          [1, 0, 0.5],
          [0, 1, 0.5],
          [1, 1, 0.0],
          [0, 0, 0.5],
          [0, 0, 0.0]]


def _column(i):
    return [row[i] for row in MATRIX]


def _totals():
    return [sum(row) for row in MATRIX]


def test_facility_and_sd_are_moodles_percentages():
    for i in range(3):
        x = _column(i)
        s = item_stats(x, _totals())
        assert s.n == 6
        assert s.facility == pytest.approx(100 * statistics.mean(x))
        assert s.sd == pytest.approx(100 * statistics.stdev(x))  # sample SD, divisor n - 1


def test_discrimination_correlates_with_the_rest_of_the_test():
    for i in range(3):
        x = _column(i)
        rest = [t - v for t, v in zip(_totals(), x)]
        s = item_stats(x, _totals())
        assert s.discrimination == pytest.approx(100 * statistics.correlation(x, rest))


def test_discrimination_by_hand():
    # Item 1: x = 1,1,0,1,0,0; rest = 2,0.5,1.5,1,0.5,0 — worked on paper.
    x = _column(0)
    rest = [2, 0.5, 1.5, 1, 0.5, 0]
    mx, mr = 0.5, 5.5 / 6
    cov = sum((a - mx) * (b - mr) for a, b in zip(x, rest)) / 5
    sx = math.sqrt(sum((a - mx) ** 2 for a in x) / 5)
    sr = math.sqrt(sum((b - mr) ** 2 for b in rest) / 5)
    assert cov == pytest.approx(0.15)
    assert item_stats(x, _totals()).discrimination == pytest.approx(100 * cov / (sx * sr))


def test_discriminative_efficiency_is_covariance_over_its_maximum():
    x = np.array(_column(0), float)
    rest = np.array(_totals()) - x
    # Largest covariance for these values: both sorted ascending → x = 0,0,0,1,1,1 with rest 0,.5,.5,1,1.5,2.
    c_max = statistics.covariance([0, 0, 0, 1, 1, 1], [0, 0.5, 0.5, 1, 1.5, 2])
    assert efficiency(x, rest) == pytest.approx(100 * statistics.covariance(list(x), list(rest)) / c_max)
    assert efficiency(np.array([0, 0, 1, 1.0]), np.array([0, 1, 2, 3.0])) == pytest.approx(100.0)
    assert efficiency(np.array([1, 1, 0, 0.0]), np.array([0, 1, 2, 3.0])) == pytest.approx(-100.0)


def test_upper_lower_27_percent():
    # 10 attempts → top and bottom 3 by total (27 % of 10, rounded).
    x = np.array([0, 0, 1, 0, 1, 1, 0, 1, 1, 1], float)
    total = np.arange(10, dtype=float)
    assert upper_lower(x, total, 0, 1) == pytest.approx(100 * (1.0 - 1 / 3))


def test_cronbach_alpha_two_ways_and_against_stdlib():
    rng = np.random.default_rng(1)
    binary = (rng.random((40, 8)) < np.linspace(0.2, 0.8, 8)).astype(float)
    binary[:, :4] = np.maximum(binary[:, :4], binary[:, 4:])  # some shared variance
    assert kr20(binary) == pytest.approx(cronbach_alpha(binary))
    p = 3
    item_vars = sum(statistics.variance(_column(i)) for i in range(p))
    expected = p / (p - 1) * (1 - item_vars / statistics.variance(_totals()))
    assert cronbach_alpha(MATRIX) == pytest.approx(expected)
    assert math.isnan(kr20(MATRIX))  # partial credit: KR-20 does not apply


def test_whole_test_statistics():
    t = quiz_stats(MATRIX, [1, 1, 1])
    percents = [100 * s / 3 for s in _totals()]
    assert t.mean == pytest.approx(statistics.mean(percents))
    assert t.median == pytest.approx(statistics.median(percents))
    assert t.sd == pytest.approx(statistics.stdev(percents))
    assert t.sem == pytest.approx(t.sd * math.sqrt(1 - t.alpha))


def test_spearman_with_ties():
    a = [1, 2, 2, 3, 4]
    b = [10, 20, 25, 30, 35]
    # Ranks of a with ties averaged: 1, 2.5, 2.5, 4, 5.
    assert spearman(a, b) == pytest.approx(statistics.correlation([1, 2.5, 2.5, 4, 5], [1, 2, 3, 4, 5]))


def test_constant_item_has_undefined_discrimination_and_is_flagged():
    x = [1.0] * 12
    total = list(range(12))
    s = item_stats(x, total)
    assert math.isnan(s.discrimination)
    assert any("слишком лёгкий" in f for f in s.flags)


def _quiz_from_matrix(scores: np.ndarray) -> QuizData:
    data = QuizData("sim", "Модель 2PL")
    for s, row in enumerate(scores):
        sid = f"s{s}"
        data.totals[sid] = (float(row.sum()), float(row.size))
        for i, value in enumerate(row):
            qid = f"q{i:02d}"
            data.questions.setdefault(qid, QuestionInfo(qid, "sim", "truefalse", "", ["да", "нет"], {0}))
            data.answers.append(Answer(sid, qid, i + 1, float(value), 1.0, "да" if value else "нет",
                                       (0,) if value else (1,)))
    return data


def test_simulated_class_comes_back_in_the_right_order():
    sim = simulate_items(students=500, items=30, flat_items=3, seed=7)
    report = analyse(_quiz_from_matrix(sim.scores))
    facility = {q.question_id: q.stats.facility for q in report.questions}
    order = [facility[f"q{i:02d}"] for i in range(30)]
    assert spearman(-sim.difficulty, order) >= 0.9
    flagged = {q.question_id for q in report.questions if any("дискриминац" in f for f in q.flags)}
    flat = {f"q{i:02d}" for i in range(27, 30)}
    assert flat <= flagged
    # Items with real discrimination are not called weak, except a few extreme ones (very easy/hard).
    assert len(flagged - flat) <= 3
    assert report.test is not None and 0.7 < report.test.alpha < 1


def test_unchosen_distractor_is_flagged():
    data = QuizData("q", "тест")
    for s in range(20):
        sid = f"s{s}"
        right = s % 2 == 0
        data.totals[sid] = (float(right) + s / 40, 2.0)
        data.answers.append(Answer(sid, "x", 1, float(right), 1.0, "1", (0,) if right else (1,)))
    data.questions["x"] = QuestionInfo("x", "t", "single", "вопрос", ["верный", "частый", "никем не выбранный"], {0})
    row = analyse(data).questions[0]
    assert [o.chosen for o in row.options] == [10, 10, 0]
    assert any("никто не выбрал: 3" in f for f in row.flags)
