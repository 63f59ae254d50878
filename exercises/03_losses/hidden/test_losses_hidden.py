"""Скрытые тесты задания 03 (функции потерь).

Значения сравниваются с эталоном на случайных входах с фиксированным зерном, градиенты — ещё и
с центральными разностями. Устойчивость проверяется по значениям (там, где наивная формула даёт
inf/nan или теряет точность); предупреждения — только в одном тесте, где их запрещает условие.
Баллы за ValueError даются только вместе с верным значением на правильных входах. Крайние случаи: вероятности ровно 0 и 1, логиты до ±1e4, один пример,
целые и one-hot метки, неверные формы и метки. Баллы каждой функции в сумме равны course.yaml.
"""
import math

import numpy as np
import pytest

from grader.testing import (assert_close, assert_float, assert_gradient, assert_true, no_warnings, points,
                            raises_value_error, reference, rule, unchanged)

ref = reference("losses")

RTOL = 1e-7


def _rng(seed):
    return np.random.default_rng(seed)


def _labels01(rng, shape):
    return rng.integers(0, 2, size=shape).astype(np.float64)


def _probs(rng, shape, low=0.02, high=0.98):
    return rng.uniform(low, high, size=shape)


def _softmax_rows(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def _works(student, function, args, what):
    """Validation points need a working computation: the same function on valid inputs first."""
    assert_close(getattr(student, function)(*args), getattr(ref, function)(*args), rtol=1e-7, atol=1e-12,
                 what=f"{what} (верные входы)")


def _as_pair(result, what):
    assert_true(isinstance(result, (tuple, list)) and len(result) == 2,
                f"{what}: ожидался кортеж (loss, dlogits) из двух элементов, получено {type(result).__name__}"
                + (f" длины {len(result)}" if isinstance(result, (tuple, list)) else ""))
    return result


# =================================================================== mse (8)

@rule("mse")
@points(4, "mse")
@pytest.mark.parametrize("shape", [(7,), (5, 3), (1, 1), (4, 2, 3)])
def test_mse_random(student, shape):
    rng = _rng(301)
    y_true = rng.normal(size=shape) * 3
    y_pred = y_true + rng.normal(size=shape)
    with unchanged(y_true, y_pred, names=("y_true", "y_pred")):
        loss = assert_float(student.mse(y_true, y_pred), what=f"mse для массивов формы {shape}")
    assert_close(loss, ref.mse(y_true, y_pred), rtol=RTOL, what=f"mse для случайных массивов формы {shape}")


@rule("mse")
@points(2, "mse")
def test_mse_large_values_and_zero(student):
    rng = _rng(302)
    y = rng.normal(size=(6, 2)) * 1e4
    assert_close(assert_float(student.mse(y, y.copy()), what="mse при y_pred == y_true"), 0.0,
                 what="mse при идеальном предсказании")
    y_pred = y + rng.normal(size=y.shape) * 1e3
    assert_close(student.mse(y.copy(), y_pred.copy()), ref.mse(y, y_pred), rtol=RTOL,
                 what="mse для значений порядка 1e4 (матрица 6×2)")


@rule("shapes-must-match")
@points(2, "mse")
def test_mse_rejects_column_vs_row(student):
    _works(student, "mse", (np.arange(4.0), np.arange(4.0)[::-1]), "mse для векторов формы (4,)")
    y_true = np.arange(4.0)
    y_pred = np.arange(4.0).reshape(4, 1) + 0.5
    with raises_value_error("mse для y_true формы (4,) и y_pred формы (4, 1)"):
        student.mse(y_true, y_pred)


# =================================================================== mse_grad (8)

@rule("mse-grad")
@points(3, "mse_grad")
@pytest.mark.parametrize("shape", [(6,), (3, 5), (2, 2, 2)])
def test_mse_grad_random(student, shape):
    rng = _rng(311)
    y_true = rng.normal(size=shape)
    y_pred = rng.normal(size=shape)
    with unchanged(y_true, y_pred, names=("y_true", "y_pred")):
        grad = student.mse_grad(y_true, y_pred)
    assert_close(grad, ref.mse_grad(y_true, y_pred), rtol=RTOL, atol=1e-12,
                 what=f"mse_grad для случайных массивов формы {shape}")


@rule("grad-numerical")
@points(3, "mse_grad")
def test_mse_grad_matches_numerical(student):
    rng = _rng(312)
    y_true = rng.normal(size=(3, 4))
    y_pred = rng.normal(size=(3, 4))
    assert_gradient(student.mse_grad(y_true.copy(), y_pred.copy()), lambda yp: ref.mse(y_true, yp), y_pred, tol=1e-6,
                    what="mse_grad (матрица 3×4) по сравнению с численным градиентом mse")


@rule("shapes-must-match")
@points(2, "mse_grad")
def test_mse_grad_rejects_column_vs_row(student):
    _works(student, "mse_grad", (np.zeros(3), np.arange(3.0)), "mse_grad для векторов формы (3,)")
    with raises_value_error("mse_grad для y_true формы (3,) и y_pred формы (3, 1)"):
        student.mse_grad(np.zeros(3), np.ones((3, 1)))


# =================================================================== binary_cross_entropy (12)

@rule("bce")
@points(4, "binary_cross_entropy")
@pytest.mark.parametrize("shape", [(10,), (4, 5), (1,)])
def test_bce_random(student, shape):
    rng = _rng(321)
    y = _labels01(rng, shape)
    p = _probs(rng, shape)
    with unchanged(y, p, names=("y_true", "p")):
        loss = assert_float(student.binary_cross_entropy(y, p), what=f"binary_cross_entropy для формы {shape}")
    assert_close(loss, ref.binary_cross_entropy(y, p), rtol=RTOL,
                 what=f"binary_cross_entropy для случайных меток 0/1 и вероятностей формы {shape}")


@rule("soft-labels")
@points(2, "binary_cross_entropy")
def test_bce_soft_labels(student):
    rng = _rng(322)
    y = rng.uniform(0, 1, size=(6, 3))
    p = _probs(rng, (6, 3))
    assert_close(student.binary_cross_entropy(y.copy(), p.copy()), ref.binary_cross_entropy(y, p), rtol=RTOL,
                 what="binary_cross_entropy для дробных меток из [0, 1] (матрица 6×3)")


@rule("clip-eps")
@points(3, "binary_cross_entropy")
def test_bce_probabilities_exactly_zero_and_one(student):
    y = np.array([1.0, 0.0, 1.0, 0.0, 1.0, 0.0])
    p = np.array([0.0, 1.0, 1.0, 0.0, 0.3, 0.6])
    loss = assert_float(student.binary_cross_entropy(y.copy(), p.copy()),
                        what="binary_cross_entropy при p = 0 и p = 1")
    # Разные способы обрезки дают разницу порядка 1e-6 в ln(1 - (1 - eps)): допуск 1e-4.
    assert_close(loss, ref.binary_cross_entropy(y, p), rtol=1e-4,
                 what="binary_cross_entropy при вероятностях ровно 0 и 1 (eps = 1e-12)")


@rule("clip-eps")
@points(2, "binary_cross_entropy")
def test_bce_custom_eps(student):
    y = np.array([1.0, 0.0])
    p = np.array([0.0, 1.0])
    loss = student.binary_cross_entropy(y, p, eps=1e-3)
    assert_close(loss, -math.log(1e-3), rtol=1e-6,
                 what="binary_cross_entropy для уверенно неверных ответов при eps = 1e-3")


@rule("shapes-must-match")
@points(1, "binary_cross_entropy")
def test_bce_rejects_mismatched_shapes(student):
    _works(student, "binary_cross_entropy", (np.array([1.0, 0.0, 1.0, 0.0]), np.array([0.9, 0.2, 0.6, 0.5])), "binary_cross_entropy для векторов формы (4,)")
    with raises_value_error("binary_cross_entropy для y_true формы (4,) и p формы (4, 1)"):
        student.binary_cross_entropy(np.array([1.0, 0.0, 1.0, 0.0]), np.full((4, 1), 0.5))


# =================================================================== binary_cross_entropy_grad (10)

@rule("bce-grad")
@points(4, "binary_cross_entropy_grad")
@pytest.mark.parametrize("kind", ["вектор 0/1", "матрица 0/1", "один пример", "дробные метки"],
                         ids=["vector", "matrix", "single", "soft"])
def test_bce_grad_random(student, kind):
    rng = _rng(331)
    shape = {"вектор 0/1": (8,), "матрица 0/1": (3, 4), "один пример": (1,), "дробные метки": (5, 2)}[kind]
    y = rng.uniform(0, 1, size=shape) if kind == "дробные метки" else _labels01(rng, shape)
    p = _probs(rng, shape)
    with unchanged(y, p, names=("y_true", "p")):
        grad = student.binary_cross_entropy_grad(y, p)
    assert_close(grad, ref.binary_cross_entropy_grad(y, p), rtol=1e-6, atol=1e-12,
                 what=f"binary_cross_entropy_grad ({kind}, форма {shape})")


@rule("grad-numerical")
@points(3, "binary_cross_entropy_grad")
def test_bce_grad_matches_numerical(student):
    rng = _rng(332)
    y = _labels01(rng, (2, 5))
    p = _probs(rng, (2, 5), 0.1, 0.9)
    assert_gradient(student.binary_cross_entropy_grad(y.copy(), p.copy()), lambda q: ref.binary_cross_entropy(y, q), p,
                    tol=1e-6, what="binary_cross_entropy_grad (матрица 2×5) по сравнению с численным градиентом")


@rule("clip-eps")
@points(2, "binary_cross_entropy_grad")
def test_bce_grad_probabilities_exactly_zero_and_one(student):
    y = np.array([1.0, 0.0, 1.0, 0.0, 1.0, 0.0])
    p = np.array([0.0, 1.0, 1.0, 0.0, 0.3, 0.6])
    grad = student.binary_cross_entropy_grad(y.copy(), p.copy())
    grad = np.asarray(grad, dtype=np.float64)
    assert_true(grad.shape == p.shape, f"binary_cross_entropy_grad: форма {grad.shape}, ожидалась {p.shape}")
    assert_true(bool(np.all(np.isfinite(grad))),
                "binary_cross_entropy_grad при p = 0 или p = 1 вернул nan или inf — обрежьте p в [eps, 1 − eps]")
    # В точках без обрезки значения обязаны совпадать с формулой.
    assert_close(grad[4:], ref.binary_cross_entropy_grad(y, p)[4:], rtol=1e-6,
                 what="binary_cross_entropy_grad в точках p = 0.3 и p = 0.6 того же массива")


@rule("shapes-must-match")
@points(1, "binary_cross_entropy_grad")
def test_bce_grad_rejects_mismatched_shapes(student):
    _works(student, "binary_cross_entropy_grad", (np.array([1.0, 0.0, 1.0]), np.array([0.9, 0.2, 0.6])), "binary_cross_entropy_grad для векторов формы (3,)")
    with raises_value_error("binary_cross_entropy_grad для y_true формы (3,) и p формы (3, 1)"):
        student.binary_cross_entropy_grad(np.array([1.0, 0.0, 1.0]), np.full((3, 1), 0.5))


# =================================================================== bce_with_logits (16)

@rule("bce-logits")
@points(4, "bce_with_logits")
@pytest.mark.parametrize("shape", [(9,), (5, 4), (1,)])
def test_bce_with_logits_random(student, shape):
    rng = _rng(341)
    y = _labels01(rng, shape)
    z = rng.normal(size=shape) * 3
    with unchanged(y, z, names=("y_true", "z")):
        loss = assert_float(student.bce_with_logits(y, z), what=f"bce_with_logits для формы {shape}")
    assert_close(loss, ref.bce_with_logits(y, z), rtol=RTOL, atol=1e-12,
                 what=f"bce_with_logits для случайных меток 0/1 и логитов формы {shape}")


@rule("soft-labels")
@points(2, "bce_with_logits")
def test_bce_with_logits_soft_labels(student):
    rng = _rng(342)
    y = rng.uniform(0, 1, size=(4, 6))
    z = rng.normal(size=(4, 6)) * 4
    assert_close(student.bce_with_logits(y.copy(), z.copy()), ref.bce_with_logits(y, z), rtol=RTOL, atol=1e-12,
                 what="bce_with_logits для дробных меток (матрица 4×6)")


@rule("bce-logits")
@points(2, "bce_with_logits")
def test_bce_with_logits_zero_logits(student):
    y = np.array([[0.0, 1.0], [1.0, 1.0], [0.0, 0.0]])
    loss = student.bce_with_logits(y, np.zeros((3, 2)))
    assert_close(loss, math.log(2.0), rtol=1e-12, what="bce_with_logits при нулевых логитах (ответ ln 2)")


@rule("logits-stable")
@points(4, "bce_with_logits")
@pytest.mark.parametrize("case", ["верные", "неверные"], ids=["right", "wrong"])
def test_bce_with_logits_huge_logits(student, case):
    z = np.array([1e4, -1e4, 1e4, -1e4])
    y = np.array([1.0, 0.0, 1.0, 0.0]) if case == "верные" else np.array([0.0, 1.0, 0.0, 1.0])
    expected = 0.0 if case == "верные" else 1e4
    loss = assert_float(student.bce_with_logits(y, z), what="bce_with_logits при z = ±1e4")
    assert_close(loss, expected, rtol=1e-12, atol=1e-12,
                 what=f"bce_with_logits при z = ±1e4, уверенные {case} ответы")


@rule("logits-precise")
@points(3, "bce_with_logits")
def test_bce_with_logits_large_moderate_logits(student):
    z = np.array([30.0, -30.0, 40.0, -40.0, 100.0, -100.0, 800.0, -800.0])
    y = np.array([0.0, 1.0, 1.0, 0.0, 0.0, 1.0, 0.0, 1.0])
    loss = student.bce_with_logits(y.copy(), z.copy())
    assert_close(loss, ref.bce_with_logits(y, z), rtol=1e-10,
                 what="bce_with_logits при |z| от 30 до 800 (σ(z) округляется до 0 или 1)")


@rule("shapes-must-match")
@points(1, "bce_with_logits")
def test_bce_with_logits_rejects_mismatched_shapes(student):
    _works(student, "bce_with_logits", (np.array([1.0, 0.0, 1.0]), np.array([2.0, -1.0, 0.5])), "bce_with_logits для векторов формы (3,)")
    with raises_value_error("bce_with_logits для y_true формы (3,) и z формы (3, 1)"):
        student.bce_with_logits(np.array([1.0, 0.0, 1.0]), np.zeros((3, 1)))


# =================================================================== bce_with_logits_grad (10)

@rule("bce-logits-grad")
@points(3, "bce_with_logits_grad")
@pytest.mark.parametrize("shape", [(7,), (3, 6), (1,)])
def test_bce_with_logits_grad_random(student, shape):
    rng = _rng(351)
    y = _labels01(rng, shape)
    z = rng.normal(size=shape) * 3
    with unchanged(y, z, names=("y_true", "z")):
        grad = student.bce_with_logits_grad(y, z)
    assert_close(grad, ref.bce_with_logits_grad(y, z), rtol=1e-7, atol=1e-13,
                 what=f"bce_with_logits_grad для логитов формы {shape}")


@rule("grad-numerical")
@points(3, "bce_with_logits_grad")
def test_bce_with_logits_grad_matches_numerical(student):
    rng = _rng(352)
    y = rng.uniform(0, 1, size=(3, 3))
    z = rng.normal(size=(3, 3)) * 2
    assert_gradient(student.bce_with_logits_grad(y.copy(), z.copy()), lambda v: ref.bce_with_logits(y, v), z, tol=1e-6,
                    what="bce_with_logits_grad (матрица 3×3) по сравнению с численным градиентом")


@rule("logits-stable")
@points(2, "bce_with_logits_grad")
def test_bce_with_logits_grad_huge_logits(student):
    z = np.array([1e4, 1e4, -1e4, -1e4])
    y = np.array([1.0, 0.0, 1.0, 0.0])
    grad = student.bce_with_logits_grad(y, z)
    assert_close(grad, [0.0, 0.25, -0.25, 0.0], rtol=1e-12, atol=1e-15,
                 what="bce_with_logits_grad при z = ±1e4 (σ ровно 0 или 1, N = 4)")


@rule("logits-no-warnings")
@points(1, "bce_with_logits_grad")
def test_bce_with_logits_grad_no_overflow_warning(student):
    z = np.array([1e4, -1e4, 800.0, -800.0, 0.5])
    y = np.array([1.0, 1.0, 0.0, 0.0, 1.0])
    with no_warnings("bce_with_logits_grad при z = ±1e4"):
        grad = student.bce_with_logits_grad(y, z)
    assert_close(grad, ref.bce_with_logits_grad(y, z), rtol=1e-12, atol=1e-15,
                 what="bce_with_logits_grad при z = ±1e4, ±800, 0.5")


@rule("shapes-must-match")
@points(1, "bce_with_logits_grad")
def test_bce_with_logits_grad_rejects_mismatched_shapes(student):
    _works(student, "bce_with_logits_grad", (np.array([1.0, 0.0]), np.array([2.0, -1.0])), "bce_with_logits_grad для векторов формы (2,)")
    with raises_value_error("bce_with_logits_grad для y_true формы (2,) и z формы (2, 1)"):
        student.bce_with_logits_grad(np.array([1.0, 0.0]), np.zeros((2, 1)))


# =================================================================== categorical_cross_entropy (16)

@rule("cce-labels")
@points(5, "categorical_cross_entropy")
@pytest.mark.parametrize("shape", [(6, 4), (1, 3), (10, 2), (5, 5)])
def test_cce_integer_labels_random(student, shape):
    rng = _rng(361)
    m, k = shape
    p = _softmax_rows(rng.normal(size=shape) * 2)
    y = rng.integers(0, k, size=m)
    with unchanged(y, p, names=("y_true", "p")):
        loss = assert_float(student.categorical_cross_entropy(y, p),
                            what=f"categorical_cross_entropy для p формы {shape}")
    assert_close(loss, ref.categorical_cross_entropy(y, p), rtol=RTOL,
                 what=f"categorical_cross_entropy с целыми метками, p формы {shape}")


@rule("cce-one-hot")
@points(3, "categorical_cross_entropy")
@pytest.mark.parametrize("shape", [(7, 3), (4, 4)])
def test_cce_one_hot_labels(student, shape):
    rng = _rng(362)
    m, k = shape
    p = _softmax_rows(rng.normal(size=shape))
    labels = rng.integers(0, k, size=m)
    one_hot = np.eye(k)[labels]
    with unchanged(one_hot, p, names=("y_true", "p")):
        loss = assert_float(student.categorical_cross_entropy(one_hot, p),
                            what=f"categorical_cross_entropy с one-hot метками {shape}")
    assert_close(loss, ref.categorical_cross_entropy(labels, p), rtol=RTOL,
                 what=f"categorical_cross_entropy с one-hot метками формы {shape}")


@rule("clip-eps")
@points(3, "categorical_cross_entropy")
def test_cce_zero_probability_of_true_class(student):
    p = np.array([[0.0, 0.5, 0.5], [0.2, 0.8, 0.0], [0.1, 0.1, 0.8]])
    y = np.array([0, 2, 2])
    loss = assert_float(student.categorical_cross_entropy(y.copy(), p.copy()),
                        what="categorical_cross_entropy при p = 0 для верного класса")
    assert_close(loss, ref.categorical_cross_entropy(y, p), rtol=1e-9,
                 what="categorical_cross_entropy при нулевой вероятности верного класса (eps = 1e-12)")


@rule("clip-eps")
@points(2, "categorical_cross_entropy")
def test_cce_custom_eps(student):
    p = np.array([[0.0, 0.5, 0.5], [0.5, 0.5, 0.0]])
    y = np.array([0, 2])
    loss = student.categorical_cross_entropy(y, p, eps=1e-3)
    assert_close(loss, -math.log(1e-3), rtol=1e-9,
                 what="categorical_cross_entropy при eps = 1e-3 и нулевой вероятности верного класса")


@rule("labels-range")
@points(2, "categorical_cross_entropy")
@pytest.mark.parametrize("bad", [3, -1])
def test_cce_rejects_out_of_range_labels(student, bad):
    _works(student, "categorical_cross_entropy", (np.array([0, 2]), np.array([[0.7, 0.2, 0.1], [0.1, 0.3, 0.6]])), "categorical_cross_entropy с метками [0, 2]")
    p = np.full((2, 3), 1 / 3)
    y = np.array([0, bad])
    with raises_value_error(f"categorical_cross_entropy с меткой {bad} при k = 3 классах"):
        student.categorical_cross_entropy(y, p)


@rule("shapes-must-match")
@points(1, "categorical_cross_entropy")
def test_cce_rejects_mismatched_one_hot(student):
    _works(student, "categorical_cross_entropy", (np.eye(3)[[0, 2, 1]], np.array([[0.7, 0.2, 0.1], [0.1, 0.3, 0.6], [0.2, 0.5, 0.3]])), "categorical_cross_entropy с one-hot метками (3, 3)")
    p = np.full((3, 3), 1 / 3)
    with raises_value_error("categorical_cross_entropy для one-hot формы (3, 4) и p формы (3, 3)"):
        student.categorical_cross_entropy(np.eye(4)[:3], p)


# =================================================================== softmax_cross_entropy (20)

@rule("sce")
@points(7, "softmax_cross_entropy")
@pytest.mark.parametrize("shape", [(5, 3), (1, 4), (16, 10), (8, 2)])
def test_softmax_cross_entropy_random(student, shape):
    rng = _rng(371)
    m, k = shape
    z = rng.normal(size=shape) * 2
    y = rng.integers(0, k, size=m)
    with unchanged(z, y, names=("logits", "y")):
        loss, dlogits = _as_pair(student.softmax_cross_entropy(z, y), "softmax_cross_entropy")
    ref_loss, ref_d = ref.softmax_cross_entropy(z, y)
    assert_close(assert_float(loss, what="loss"), ref_loss, rtol=RTOL,
                 what=f"loss в softmax_cross_entropy для логитов формы {shape}")
    assert_close(dlogits, ref_d, rtol=1e-7, atol=1e-13,
                 what=f"dlogits в softmax_cross_entropy для логитов формы {shape}")


@rule("grad-numerical")
@points(3, "softmax_cross_entropy")
def test_softmax_cross_entropy_grad_matches_numerical(student):
    rng = _rng(372)
    z = rng.normal(size=(3, 4))
    y = np.array([2, 0, 3])
    _, dlogits = _as_pair(student.softmax_cross_entropy(z.copy(), y.copy()), "softmax_cross_entropy")
    assert_gradient(dlogits, lambda v: ref.softmax_cross_entropy(v, y)[0], z, tol=1e-6,
                    what="dlogits (логиты 3×4) по сравнению с численным градиентом потери")


@rule("logits-stable")
@points(5, "softmax_cross_entropy")
def test_softmax_cross_entropy_huge_logits(student):
    z = np.array([[1e4, 0.0, -1e4]] * 3)
    y = np.array([0, 1, 2])
    loss, dlogits = _as_pair(student.softmax_cross_entropy(z, y), "softmax_cross_entropy")
    assert_close(assert_float(loss, what="loss"), 1e4, rtol=1e-12,
                 what="loss при логитах [1e4, 0, −1e4] и метках 0, 1, 2 (потери 0, 1e4, 2e4)")
    expected = np.array([[0.0, 0.0, 0.0], [1.0, -1.0, 0.0], [1.0, 0.0, -1.0]]) / 3
    assert_close(dlogits, expected, rtol=1e-12, atol=1e-15, what="dlogits при логитах [1e4, 0, −1e4]")


@rule("logits-stable")
@points(3, "softmax_cross_entropy")
def test_softmax_cross_entropy_large_shift(student):
    rng = _rng(373)
    z = rng.normal(size=(6, 5)) * 3 + 1e4
    y = rng.integers(0, 5, size=6)
    loss, dlogits = _as_pair(student.softmax_cross_entropy(z.copy(), y.copy()), "softmax_cross_entropy")
    ref_loss, ref_d = ref.softmax_cross_entropy(z, y)
    assert_close(loss, ref_loss, rtol=1e-9, what="loss для логитов, сдвинутых на 1e4 (6×5)")
    assert_close(dlogits, ref_d, rtol=1e-7, atol=1e-12, what="dlogits для логитов, сдвинутых на 1e4 (6×5)")


@rule("labels-range")
@points(2, "softmax_cross_entropy")
@pytest.mark.parametrize("bad", [4, -1])
def test_softmax_cross_entropy_rejects_out_of_range_labels(student, bad):
    z0, y0 = np.array([[2.0, 1.0, 0.0, -1.0], [0.5, 0.5, 3.0, 0.0]]), np.array([0, 2])
    loss0, d0 = _as_pair(student.softmax_cross_entropy(z0, y0), "softmax_cross_entropy")
    ref_loss0, ref_d0 = ref.softmax_cross_entropy(z0, y0)
    assert_close(loss0, ref_loss0, rtol=RTOL, what="loss в softmax_cross_entropy для верных меток [0, 2]")
    assert_close(d0, ref_d0, rtol=1e-7, atol=1e-13, what="dlogits в softmax_cross_entropy для верных меток [0, 2]")
    z = np.zeros((3, 4))
    y = np.array([0, bad, 1])
    with raises_value_error(f"softmax_cross_entropy с меткой {bad} при k = 4 классах"):
        student.softmax_cross_entropy(z, y)
