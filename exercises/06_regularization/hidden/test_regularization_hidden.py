"""Скрытые (оценивающие) тесты задания 06 «Борьба с переобучением».

Dropout проверяется по свойствам (контракт не фиксирует, как именно тянуть случайные числа):
форма и тип маски, out = x·mask/(1 − p), доля оставленных ≈ 1 − p, среднее сохраняется,
один seed — один результат. Штрафы — по формулам (независимый расчёт здесь же), ранняя
остановка — на подобранных историях и на случайных историях против эталона.
"""
import math

import numpy as np
import pytest

from grader.testing import (assert_close, assert_float, assert_gradient, assert_true, no_warnings, points, rule,
                            raises_value_error, reference, unchanged)

ref = reference("regularization")


WORKS_FIRST = "ValueError засчитывается только вместе с верным результатом на допустимых аргументах"


def shape_text(shape):
    return "(" + ", ".join(map(str, shape)) + (",)" if len(shape) == 1 else ")")


def unpack_dropout(result, x_shape, what):
    """(out, mask) from dropout_forward, with the mask as a bool array of x's shape."""
    assert_true(isinstance(result, (tuple, list)) and len(result) == 2,
                f"{what}: ожидалась пара (out, mask), получено {type(result).__name__}")
    out, mask = result
    out = np.asarray(out, dtype=np.float64)
    assert_true(mask is not None, f"{what}: в режиме обучения маска не должна быть None")
    mask = np.asarray(mask)
    assert_true(mask.shape == x_shape, f"{what}: маска должна иметь форму {x_shape}, получена {mask.shape}")
    assert_true(out.shape == x_shape, f"{what}: out должен иметь форму {x_shape}, получена {out.shape}")
    assert_true(np.isin(mask, [0, 1]).all(),
                f"{what}: маска должна состоять из True/False (оставлен/выключен), в ней есть другие значения")
    return out, mask.astype(bool)


# ============================================================== dropout_forward (25)

@rule("dropout-formula")
@points(5, "dropout_forward")
@pytest.mark.parametrize("shape, p", [((1000,), 0.3), ((20, 30), 0.5), ((4, 5, 6), 0.1)])
def test_dropout_forward_formula(student, shape, p):
    rng = np.random.default_rng([61, *shape])
    x = rng.normal(size=shape) * 3
    what = f"dropout_forward(x формы {shape_text(shape)}, p={p}, seed=7)"
    out, mask = unpack_dropout(student.dropout_forward(x, p, seed=7), shape, what)
    assert_close(out, np.where(mask, x / (1 - p), 0.0), rtol=1e-12, atol=0,
                 what=f"{what}: out должен равняться x·mask/(1 − p)")
    assert_true(np.all(out[~mask] == 0.0), f"{what}: выключенные элементы должны быть ровно 0")


@rule("dropout-mask-bool")
@points(2, "dropout_forward")
def test_dropout_forward_mask_is_boolean(student):
    x = np.arange(12.0).reshape(3, 4) - 5
    _, mask = student.dropout_forward(x, 0.5, seed=3)
    mask = np.asarray(mask)
    assert_true(mask.dtype == np.bool_ and mask.shape == (3, 4),
                f"dropout_forward(x формы (3, 4), p=0.5): маска должна быть булевым массивом формы (3, 4) "
                f"(True — элемент оставлен), получен массив dtype {mask.dtype} формы {mask.shape}")


@rule("dropout-keep-fraction")
@points(5, "dropout_forward")
@pytest.mark.parametrize("p", [0.1, 0.5, 0.8])
def test_dropout_forward_kept_fraction(student, p):
    x = np.random.default_rng(62).normal(size=(400, 250)) + 5.0  # no zeros in x
    what = f"dropout_forward(x формы (400, 250), p={p}, seed=11)"
    out, mask = unpack_dropout(student.dropout_forward(x, p, seed=11), x.shape, what)
    kept = float(mask.mean())
    assert_true(abs(kept - (1 - p)) < 0.01,
                f"{what}: доля оставленных элементов должна быть около 1 − p = {1 - p:g} "
                f"(p — вероятность ВЫКЛЮЧИТЬ элемент), получено {kept:.4f}")
    nonzero = float(np.mean(out != 0))
    assert_true(abs(nonzero - kept) < 1e-12,
                f"{what}: ненулевые элементы out должны совпадать с маской (доля ненулевых {nonzero:.4f}, "
                f"доля True в маске {kept:.4f})")


@rule("dropout-mean")
@points(3, "dropout_forward")
def test_dropout_forward_preserves_mean(student):
    x = np.ones((500, 400))
    out, _ = unpack_dropout(student.dropout_forward(x, 0.4, seed=5), x.shape,
                            "dropout_forward(x из единиц формы (500, 400), p=0.4)")
    mean = float(out.mean())
    assert_true(abs(mean - 1.0) < 0.02,
                f"dropout_forward(x из единиц, p=0.4): среднее выхода должно остаться около 1 (inverted dropout "
                f"сохраняет матожидание), получено {mean:.4f}")
    rng = np.random.default_rng(63)
    z = rng.uniform(1.0, 3.0, size=(300, 300))
    out, _ = unpack_dropout(student.dropout_forward(z, 0.25, seed=6), z.shape,
                            "dropout_forward(x формы (300, 300), p=0.25)")
    ratio = float(out.sum() / z.sum())
    assert_true(abs(ratio - 1.0) < 0.02,
                f"dropout_forward(положительный x формы (300, 300), p=0.25): сумма выхода должна быть близка к "
                f"сумме входа, отношение получилось {ratio:.4f}")


@rule("dropout-seed")
@points(2, "dropout_forward")
def test_dropout_forward_seed_determinism(student):
    x = np.random.default_rng(64).normal(size=(50, 40))
    out1, mask1 = unpack_dropout(student.dropout_forward(x, 0.5, seed=123), x.shape, "dropout_forward(..., seed=123)")
    out2, mask2 = unpack_dropout(student.dropout_forward(x, 0.5, seed=123), x.shape,
                                 "dropout_forward(..., seed=123), второй вызов")
    assert_true(np.array_equal(mask1, mask2) and np.array_equal(out1, out2),
                "dropout_forward с одним и тем же seed=123 дал разные результаты: случайность должна браться "
                "из генератора с этим seed")
    _, mask3 = unpack_dropout(student.dropout_forward(x, 0.5, seed=124), x.shape, "dropout_forward(..., seed=124)")
    assert_true(not np.array_equal(mask1, mask3),
                "dropout_forward с seed=123 и seed=124 дал одинаковые маски из 2000 элементов: seed должен "
                "влиять на маску")


@rule("dropout-p-zero")
@points(2, "dropout_forward")
def test_dropout_forward_p_zero(student):
    x = np.random.default_rng(65).normal(size=(6, 7))
    out, mask = unpack_dropout(student.dropout_forward(x, 0.0, seed=1), x.shape, "dropout_forward(x, p=0)")
    assert_true(mask.all(), "dropout_forward(x, p=0): при p = 0 ни один элемент не выключается — маска вся из True")
    assert_close(out, x, rtol=1e-15, atol=0, what="dropout_forward(x формы (6, 7), p=0): out должен совпасть с x")


@rule("dropout-eval")
@points(2, "dropout_forward")
def test_dropout_forward_eval_mode(student):
    x = np.random.default_rng(66).normal(size=(5, 8))
    with unchanged(x, names=("x",)):
        result = student.dropout_forward(x, 0.5, training=False, seed=3)
    assert_true(isinstance(result, (tuple, list)) and len(result) == 2,
                "dropout_forward(..., training=False): ожидалась пара (x, None)")
    out, mask = result
    assert_true(mask is None, f"dropout_forward(..., training=False): маска должна быть None, получено {type(mask).__name__}")
    assert_close(out, x, rtol=0, atol=0,
                 what="dropout_forward(x, p=0.5, training=False): при применении сети x возвращается без изменений")


@rule("dropout-invalid-p")
@points(2, "dropout_forward")
@pytest.mark.parametrize("p", [1.0, -0.1, 1.5])
def test_dropout_forward_invalid_p(student, p):
    x = np.arange(1.0, 7.0).reshape(2, 3)
    what = f"dropout_forward(x формы (2, 3), p=0.5, seed=0) — {WORKS_FIRST}"
    doubled = 2.0 * x
    out, mask = unpack_dropout(student.dropout_forward(x, 0.5, seed=0), x.shape, what)
    assert_close(out, np.where(mask, doubled, 0.0), rtol=1e-12, atol=0, what=what)
    with raises_value_error(f"dropout_forward(x, p={p}) — p должно лежать в [0, 1)"):
        student.dropout_forward(np.ones((2, 3)), p, seed=0)


@rule("dropout-independent")
@points(2, "dropout_forward")
def test_dropout_forward_independent_units(student):
    x = np.random.default_rng(67).normal(size=(1000, 20))
    what = "dropout_forward(x формы (1000, 20), p=0.5)"
    with unchanged(x, names=("x",)):
        _, mask = unpack_dropout(student.dropout_forward(x, 0.5, seed=8), x.shape, what)
    same_rows = float(np.mean(np.all(mask == mask[0], axis=1)))
    same_cols = float(np.mean(np.all(mask == mask[:, :1], axis=0)))
    assert_true(same_rows < 0.5 and same_cols < 0.5,
                f"{what}: каждый элемент должен выключаться независимо, а маска одинакова для "
                f"{'всех примеров батча' if same_rows >= 0.5 else 'всех признаков примера'}")


# ============================================================== dropout_backward (10)

@rule("dropout-backward-formula")
@points(4, "dropout_backward")
@pytest.mark.parametrize("shape, p", [((8, 5), 0.5), ((3, 4, 5), 0.2)])
def test_dropout_backward_formula(student, shape, p):
    rng = np.random.default_rng([71, *shape])
    dout = rng.normal(size=shape)
    mask = rng.random(shape) >= p
    expected = np.where(mask, dout / (1 - p), 0.0)
    what = f"dropout_backward(dout формы {shape_text(shape)}, булева маска, p={p})"
    dx = student.dropout_backward(dout, mask, p)
    assert_close(dx, expected, rtol=1e-12, atol=0, what=f"{what}: dx = dout·mask/(1 − p)")


@rule("dropout-backward-formula")
@points(2, "dropout_backward")
def test_dropout_backward_p_zero(student):
    dout = np.random.default_rng(72).normal(size=(4, 6))
    dx = student.dropout_backward(dout, np.ones((4, 6), dtype=bool), 0.0)
    assert_close(dx, dout, rtol=1e-15, atol=0,
                 what="dropout_backward(dout, маска из одних True, p=0): градиент проходит без изменений")


@rule("inputs-unchanged")
@points(2, "dropout_backward")
def test_dropout_backward_inputs_unchanged(student):
    rng = np.random.default_rng(73)
    dout = rng.normal(size=(10, 3))
    mask = rng.random((10, 3)) >= 0.3
    expected = np.where(mask, dout / 0.7, 0.0)
    with unchanged(dout, mask, names=("dout", "mask")):
        dx = student.dropout_backward(dout, mask, 0.3)
    assert_close(dx, expected, rtol=1e-12, atol=0, what="dropout_backward(dout формы (10, 3), p=0.3)")


@rule("dropout-backward-shape-mismatch")
@points(2, "dropout_backward")
def test_dropout_backward_shape_mismatch(student):
    mask = np.array([[True, False, True, True], [False, True, True, False], [True, True, False, True]])
    dout = np.arange(12.0).reshape(3, 4) - 4
    expected = np.where(mask, 2.0 * dout, 0.0)
    assert_close(student.dropout_backward(dout, mask, 0.5), expected, rtol=1e-12, atol=0,
                 what=f"dropout_backward(dout формы (3, 4), mask формы (3, 4), p=0.5) — {WORKS_FIRST}")
    with raises_value_error("dropout_backward(dout формы (3, 4), mask формы (4, 3))"):
        student.dropout_backward(np.ones((3, 4)), np.ones((4, 3), dtype=bool), 0.5)


# ============================================================== L2 / L1 penalties

def penalty_case(kind):
    """Lists of weight arrays for the penalty tests: ('one', 'net', 'huge')."""
    rng = np.random.default_rng({"one": 81, "net": 82, "huge": 83}[kind])
    if kind == "one":
        return [rng.normal(size=(5, 4))], 0.3
    if kind == "net":
        return [rng.normal(size=(3, 4)), rng.normal(size=(4,)), rng.normal(size=(4, 2)) * 2, rng.normal(size=(2,))], 0.01
    return [rng.uniform(-1e4, 1e4, size=(6, 6)), rng.uniform(-1e4, 1e4, size=(3,))], 2.5


CASE_TEXT = {
    "one": "список из одной матрицы (5, 4), lam=0.3",
    "net": "список [W1 (3, 4), b1 (4,), W2 (4, 2), b2 (2,)], lam=0.01",
    "huge": "список [W (6, 6), b (3,)] со значениями до ±1e4, lam=2.5",
}


@rule("l2-penalty-formula")
@points(6, "l2_penalty")
@pytest.mark.parametrize("kind", ["one", "net", "huge"])
def test_l2_penalty_formula(student, kind):
    weights, lam = penalty_case(kind)
    expected = lam / 2 * math.fsum(float(v) ** 2 for w in weights for v in w.ravel())
    value = assert_float(student.l2_penalty(weights, lam), f"l2_penalty: {CASE_TEXT[kind]}")
    assert_close(value, expected, rtol=1e-9, atol=0, what=f"l2_penalty: {CASE_TEXT[kind]}")


@rule("penalty-zero")
@points(2, "l2_penalty")
def test_l2_penalty_zero(student):
    weights = [np.random.default_rng(84).normal(size=(3, 3)), np.ones(2)]
    value = assert_float(student.l2_penalty(weights, 0.0), "l2_penalty(weights, lam=0)")
    assert_close(value, 0.0, atol=0, what="l2_penalty(weights, lam=0)")
    value = assert_float(student.l2_penalty([np.zeros((2, 5)), np.zeros(3)], 0.7), "l2_penalty(нулевые веса, lam=0.7)")
    assert_close(value, 0.0, atol=0, what="l2_penalty(нулевые веса, lam=0.7)")


@rule("inputs-unchanged")
@points(2, "l2_penalty")
def test_l2_penalty_inputs_unchanged(student):
    rng = np.random.default_rng(85)
    w1, w2 = rng.normal(size=(4, 4)), rng.normal(size=(4,))
    expected = 0.5 / 2 * (np.sum(w1**2) + np.sum(w2**2))
    with unchanged(w1, w2, names=("weights[0]", "weights[1]")):
        value = student.l2_penalty([w1, w2], 0.5)
    assert_close(assert_float(value, "l2_penalty([W (4, 4), b (4,)], 0.5)"), expected, rtol=1e-9,
                 what="l2_penalty([W (4, 4), b (4,)], lam=0.5)")


@rule("l2-grad-formula")
@points(5, "l2_grad")
@pytest.mark.parametrize("shape", [(7,), (4, 5), (2, 3, 4)])
def test_l2_grad_formula(student, shape):
    rng = np.random.default_rng([86, *shape])
    w, lam = rng.normal(size=shape) * 10, 0.37
    expected = lam * w
    assert_close(student.l2_grad(w, lam), expected, rtol=1e-12, atol=0,
                 what=f"l2_grad(w формы {shape_text(shape)}, lam=0.37)")


@rule("l2-grad-is-gradient")
@points(3, "l2_grad")
def test_l2_grad_is_gradient_of_penalty(student):
    rng = np.random.default_rng(87)
    w, lam = rng.normal(size=(3, 4)), 0.8
    point = w.copy()
    assert_gradient(student.l2_grad(w, lam), lambda v: lam / 2 * float(np.sum(v**2)), point, tol=1e-6,
                    what="l2_grad(w формы (3, 4), lam=0.8) как градиент штрафа lam/2·Σw²")


@rule("l2-grad-formula")
@points(2, "l2_grad")
def test_l2_grad_zero_lam_and_unchanged(student):
    w = np.random.default_rng(88).normal(size=(5, 2))
    with unchanged(w, names=("w",)):
        g0 = student.l2_grad(w, 0.0)
    assert_close(g0, np.zeros((5, 2)), atol=0, what="l2_grad(w формы (5, 2), lam=0)")
    expected = 1.5 * w
    with unchanged(w, names=("w",)):
        g = student.l2_grad(w, 1.5)
    assert_close(g, expected, rtol=1e-12, what="l2_grad(w формы (5, 2), lam=1.5)")


@rule("l1-penalty-formula")
@points(6, "l1_penalty")
@pytest.mark.parametrize("kind", ["one", "net", "huge"])
def test_l1_penalty_formula(student, kind):
    weights, lam = penalty_case(kind)
    expected = lam * math.fsum(abs(float(v)) for w in weights for v in w.ravel())
    value = assert_float(student.l1_penalty(weights, lam), f"l1_penalty: {CASE_TEXT[kind]}")
    assert_close(value, expected, rtol=1e-9, atol=0, what=f"l1_penalty: {CASE_TEXT[kind]}")


@rule("penalty-zero")
@points(2, "l1_penalty")
def test_l1_penalty_zero(student):
    weights = [np.random.default_rng(89).normal(size=(3, 3)), -np.ones(2)]
    value = assert_float(student.l1_penalty(weights, 0.0), "l1_penalty(weights, lam=0)")
    assert_close(value, 0.0, atol=0, what="l1_penalty(weights, lam=0)")
    value = assert_float(student.l1_penalty([np.zeros((2, 5)), np.zeros(3)], 0.7), "l1_penalty(нулевые веса, lam=0.7)")
    assert_close(value, 0.0, atol=0, what="l1_penalty(нулевые веса, lam=0.7)")


@rule("inputs-unchanged")
@points(2, "l1_penalty")
def test_l1_penalty_inputs_unchanged(student):
    rng = np.random.default_rng(90)
    w1, w2 = rng.normal(size=(4, 4)), rng.normal(size=(4,))
    expected = 0.5 * (np.sum(np.abs(w1)) + np.sum(np.abs(w2)))
    with unchanged(w1, w2, names=("weights[0]", "weights[1]")):
        value = student.l1_penalty([w1, w2], 0.5)
    assert_close(assert_float(value, "l1_penalty([W (4, 4), b (4,)], 0.5)"), expected, rtol=1e-9,
                 what="l1_penalty([W (4, 4), b (4,)], lam=0.5)")


@rule("l1-grad-formula")
@points(3, "l1_grad")
@pytest.mark.parametrize("shape", [(9,), (3, 2, 4)])
def test_l1_grad_formula(student, shape):
    rng = np.random.default_rng([91, *shape])
    w = rng.normal(size=shape) * 5
    expected = 0.25 * np.sign(w)
    assert_close(student.l1_grad(w, 0.25), expected, rtol=1e-12, atol=0,
                 what=f"l1_grad(w формы {shape_text(shape)}, lam=0.25)")


@rule("l1-grad-zero-at-zero")
@points(3, "l1_grad")
def test_l1_grad_zero_at_zero(student):
    w = np.array([[-2.0, 0.0, 3.0], [0.0, 1e-300, -0.0], [-1e4, 0.0, 5.0]])
    expected = 0.5 * np.array([[-1.0, 0.0, 1.0], [0.0, 1.0, 0.0], [-1.0, 0.0, 1.0]])
    with no_warnings("l1_grad для w с нулевыми элементами"):
        g = student.l1_grad(w, 0.5)
    assert_close(g, expected, rtol=1e-12, atol=0,
                 what="l1_grad(w с нулями, lam=0.5): в точке w = 0 (суб)градиент равен 0")


@rule("l1-grad-is-gradient")
@points(2, "l1_grad")
def test_l1_grad_is_gradient_of_penalty(student):
    rng = np.random.default_rng(92)
    w = rng.choice([-1.0, 1.0], size=(4, 3)) * rng.uniform(0.1, 2.0, size=(4, 3))
    lam, point = 0.6, w.copy()
    assert_gradient(student.l1_grad(w, lam), lambda v: lam * float(np.sum(np.abs(v))), point, tol=1e-6,
                    what="l1_grad(w формы (4, 3) без нулей, lam=0.6) как градиент штрафа lam·Σ|w|")


@rule("inputs-unchanged")
@points(2, "l1_grad")
def test_l1_grad_inputs_unchanged(student):
    w = np.random.default_rng(93).normal(size=(6,))
    expected = 2.0 * np.sign(w)
    with unchanged(w, names=("w",)):
        g = student.l1_grad(w, 2.0)
    assert_close(g, expected, rtol=1e-12, what="l1_grad(w формы (6,), lam=2)")


# ============================================================== early_stopping (25)

def check_epochs(result, expected, call):
    """Compare (stop_epoch, best_epoch) with the expected pair; epochs are integers or None."""
    ok_shape = isinstance(result, (tuple, list)) and len(result) == 2
    assert_true(ok_shape, f"{call}: ожидалась пара (stop_epoch, best_epoch), получено {result!r}")
    got = []
    for value, name in zip(result, ("stop_epoch", "best_epoch")):
        if value is None:
            got.append(None)
            continue
        is_number = isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, (bool, np.bool_))
        assert_true(is_number and float(value) == int(value),
                    f"{call}: {name} должен быть целым номером эпохи или None, получено {value!r}")
        got.append(int(value))
    assert_true(tuple(got) == tuple(expected), f"{call}: ожидалось {tuple(expected)}, получено {tuple(got)}")


CRAFTED = [
    # the README example, then the same history with other patience values
    ([5, 4, 3, 3.5, 3.6, 3.7, 3.8, 3.9], 3, (5, 2)),
    ([5, 4, 3, 3.5, 3.6, 3.7, 3.8, 3.9], 6, (None, 2)),
    ([5, 4, 3, 3.5, 3.6, 3.7, 3.8, 3.9], 5, (7, 2)),       # stop exactly at the last index
    ([5, 4, 3, 3.5, 2.5, 2.6, 2.7, 2.8, 2.9], 3, (7, 4)),   # a later improvement resets the count
    ([5, 4, 3, 2, 1], 2, (None, 4)),                         # always improving
    ([1.0, 1.0, 1.0, 1.0], 3, (3, 0)),                       # an equal loss is not an improvement
    ([3, 2, 2.5, 1], 1, (2, 1)),                             # patience 1
    ([5, 4, 3, 3.5, 3.6, 3.7, 0.1], 3, (5, 2)),              # what comes after the stop is ignored
    ([0.7], 1, (None, 0)),                                   # a single epoch
    # the README's worked example: epoch 4 = 1 + 3 improves, so it is not a stop epoch
    ([3.0, 2.5, 2.6, 2.7, 2.4, 2.8, 2.9, 3.0], 3, (7, 4)),
    ([3.0, 2.5, 2.6, 2.7, 2.4, 2.8, 2.9, 3.0], 4, (None, 4)),
    # an improvement exactly at best_epoch + patience, then a plateau of equal losses
    ([4, 3, 3.5, 2, 2, 2, 2.5], 2, (5, 3)),
    # non-improving epochs before and after an improvement are not added up
    ([2, 3, 3, 1, 3, 3, 3], 3, (6, 3)),
]


@rule("early-stopping-rule")
@points(10, "early_stopping")
@pytest.mark.parametrize("losses, patience, expected", CRAFTED)
def test_early_stopping_crafted(student, losses, patience, expected):
    result = student.early_stopping(list(losses), patience=patience)
    check_epochs(result, expected, f"early_stopping({losses}, patience={patience})")


# Multiples of 1/8: every comparison with min_delta is exact on any float path. Each history has gains
# smaller than, equal to and larger than min_delta, plateaus and rises, and is chosen so that every
# typical mistake of mutants.py gives an answer of its own (the hint names the right one).
MIN_DELTA = [
    ([3.0, 2.875, 2.625, 2.375, 2.5, 2.25, 2.375, 2.0, 2.25], 3, 0.25, (8, 5)),
    ([3.0, 2.75, 2.375, 2.125, 2.0, 2.0, 1.875, 1.875], 2, 0.25, (6, 4)),
    ([3.0, 3.0, 2.875, 2.5, 2.375, 2.25, 2.125, 2.0, 1.875, 2.125], 3, 0.25, (9, 6)),
]


@rule("early-stopping-min-delta")
@points(5, "early_stopping")
@pytest.mark.parametrize("losses, patience, min_delta, expected", MIN_DELTA)
def test_early_stopping_min_delta(student, losses, patience, min_delta, expected):
    result = student.early_stopping(list(losses), patience=patience, min_delta=min_delta)
    check_epochs(result, expected, f"early_stopping({losses}, patience={patience}, min_delta={min_delta})")


@rule("early-stopping-defaults")
@points(3, "early_stopping")
def test_early_stopping_defaults_and_numpy_input(student):
    history = np.array([1.0, 0.5] + [0.6] * 10)
    with unchanged(history, names=("val_losses",)):
        result = student.early_stopping(history)
    check_epochs(result, (6, 1), "early_stopping(массив NumPy [1.0, 0.5, 0.6 × 10]) с patience=5 по умолчанию")
    result = student.early_stopping([1.0, 0.5] + [0.6] * 4)
    check_epochs(result, (None, 1), "early_stopping([1.0, 0.5, 0.6 × 4]) с patience=5 по умолчанию")


def random_history(seed):
    """A noisy validation curve: falls, then drifts up; values are multiples of 1/8."""
    rng = np.random.default_rng([95, seed])
    n = int(rng.integers(15, 40))
    t = np.arange(n)
    curve = 8 * (3.0 / (1 + 0.3 * t) + 0.02 * t) + rng.integers(-2, 3, size=n)
    return (np.round(curve) / 8).tolist()


@rule("early-stopping-rule")
@points(5, "early_stopping")
@pytest.mark.parametrize("seed, patience, min_delta", [(23, 4, 0.25), (8, 4, 0.375), (59, 3, 0.0), (58, 2, 0.25),
                                                       (5, 4, 0.375), (40, 3, 0.0)])
def test_early_stopping_random_histories(student, seed, patience, min_delta):
    losses = random_history(seed)
    expected = ref.early_stopping(losses, patience=patience, min_delta=min_delta)
    result = student.early_stopping(losses, patience=patience, min_delta=min_delta)
    shown = ", ".join(f"{v:g}" for v in losses)
    check_epochs(result, expected, f"early_stopping([{shown}], patience={patience}, min_delta={min_delta})")


@rule("early-stopping-invalid")
@points(2, "early_stopping")
@pytest.mark.parametrize("kwargs", [{"patience": 0}, {"patience": 3, "min_delta": -0.1}])
def test_early_stopping_invalid(student, kwargs):
    args = ", ".join(f"{k}={v}" for k, v in kwargs.items())
    check_epochs(student.early_stopping([1.0, 0.9, 0.95, 0.97], patience=2), (3, 1),
                 f"early_stopping([1.0, 0.9, 0.95, 0.97], patience=2) — {WORKS_FIRST}")
    with raises_value_error(f"early_stopping([1.0, 0.9, 0.95], {args})"):
        student.early_stopping([1.0, 0.9, 0.95], **kwargs)
