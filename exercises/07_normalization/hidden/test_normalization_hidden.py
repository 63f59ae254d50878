"""Скрытые тесты задания 07 (нормализация и инициализация).

Batchnorm сравнивается с эталоном (формулы однозначны); инициализации и
layer_gradient_norms — по свойствам, потому что случайные числа и детали
случайной сети (размер батча, вид входа) контракт оставляет на выбор студента.
"""
import numpy as np
import pytest

from grader.testing import (assert_close, assert_true, central_gradient, no_warnings, points, rule,
                            raises_value_error, reference, unchanged)

ref = reference("normalization")

EPS = 1e-5
WORKS_FIRST = "ValueError засчитывается только вместе с верным результатом на допустимых аргументах"


def _bn_inputs(m, d, seed, scale=1.0, shift=0.0):
    rng = np.random.default_rng(seed)
    x = rng.normal(shift, scale, size=(m, d))
    gamma = rng.normal(1.0, 0.5, size=d)
    beta = rng.normal(0.0, 1.0, size=d)
    return x, gamma, beta


def _state(d, seed):
    rng = np.random.default_rng(seed)
    return {"running_mean": rng.normal(0.0, 2.0, size=d), "running_var": rng.uniform(0.2, 3.0, size=d)}


def _bn_outputs(result, what):
    assert_true(isinstance(result, (tuple, list)) and len(result) == 3,
                f"{what}: ожидался кортеж (out, cache, state), получено {type(result).__name__}"
                + (f" из {len(result)} элементов" if isinstance(result, (tuple, list)) else ""))
    out, cache, state = result
    assert_true(isinstance(state, dict) and "running_mean" in state and "running_var" in state,
                f"{what}: state должен быть словарём с ключами running_mean и running_var")
    return out, cache, state


def _grads(result, what):
    assert_true(isinstance(result, (tuple, list)) and len(result) == 3,
                f"{what}: ожидался кортеж (dx, dgamma, dbeta)")
    return result


# ------------------------------------------------------------------ batchnorm_forward (30)

@rule("bn-training")
@points(9, "batchnorm_forward")
@pytest.mark.parametrize("m, d, seed", [(2, 4, 1), (8, 3, 2), (64, 6, 3)])
def test_batchnorm_forward_training(student, m, d, seed):
    x, gamma, beta = _bn_inputs(m, d, seed, scale=2.0, shift=-1.5)
    exp_out, _, exp_state = ref.batchnorm_forward(x, gamma, beta)
    out, _, state = _bn_outputs(student.batchnorm_forward(x, gamma, beta), f"batchnorm_forward для x формы {(m, d)}")
    assert_close(out, exp_out, rtol=1e-7, atol=1e-9,
                 what=f"out в режиме обучения для случайного x формы {(m, d)}")
    assert_close(state["running_mean"], exp_state["running_mean"], what=f"running_mean после первого шага (x формы {(m, d)})")
    assert_close(state["running_var"], exp_state["running_var"], what=f"running_var после первого шага (x формы {(m, d)})")


@rule("bn-single-sample")
@points(3, "batchnorm_forward")
def test_batchnorm_forward_single_sample(student):
    x, gamma, beta = _bn_inputs(1, 5, 4)
    with no_warnings("batchnorm_forward для батча из одного примера"):
        out, _, state = _bn_outputs(student.batchnorm_forward(x, gamma, beta), "batchnorm_forward для одного примера")
    assert_close(out, beta[None, :], what="out для батча из одного примера (дисперсия батча равна нулю, out = beta)")
    assert_close(state["running_var"], np.full(5, 0.9), what="running_var после шага на одном примере")


@rule("bn-running-stats")
@points(4, "batchnorm_forward")
def test_batchnorm_forward_state_chain(student):
    d = 4
    state = None
    exp_state = None
    for step in range(3):
        x, gamma, beta = _bn_inputs(16, d, 10 + step, scale=1.0 + step, shift=step)
        exp_out, _, exp_state = ref.batchnorm_forward(x, gamma, beta, state=exp_state, momentum=0.8)
        out, _, state = _bn_outputs(student.batchnorm_forward(x, gamma, beta, state=state, momentum=0.8),
                                    "batchnorm_forward с momentum=0.8")
        assert_close(out, exp_out, what=f"out на шаге {step + 1} из 3 (momentum=0.8)")
    assert_close(state["running_mean"], exp_state["running_mean"],
                 what="running_mean после трёх шагов обучения с momentum=0.8 (state передаётся от шага к шагу)")
    assert_close(state["running_var"], exp_state["running_var"],
                 what="running_var после трёх шагов обучения с momentum=0.8 (state передаётся от шага к шагу)")


@rule("bn-eval")
@points(5, "batchnorm_forward")
def test_batchnorm_forward_eval(student):
    d = 5
    x, gamma, beta = _bn_inputs(7, d, 20, scale=3.0, shift=1.0)
    state = _state(d, 21)
    exp_out, _, _ = ref.batchnorm_forward(x, gamma, beta, state=state, training=False)
    out, _, new_state = _bn_outputs(student.batchnorm_forward(x, gamma, beta, state=state, training=False),
                                    "batchnorm_forward(training=False)")
    assert_close(out, exp_out, what="out в режиме применения (должны использоваться running-статистики, а не статистики батча)")
    assert_close(new_state["running_mean"], state["running_mean"], what="running_mean в режиме применения (не должен меняться)")
    assert_close(new_state["running_var"], state["running_var"], what="running_var в режиме применения (не должен меняться)")
    out0, _, _ = _bn_outputs(student.batchnorm_forward(x, gamma, beta, training=False),
                             "batchnorm_forward(training=False, state=None)")
    assert_close(out0, gamma * x / np.sqrt(1.0 + EPS) + beta,
                 what="out в режиме применения с state=None (начальные статистики: нули и единицы)")


@rule("bn-eps")
@points(4, "batchnorm_forward")
def test_batchnorm_forward_eps(student):
    x, gamma, beta = _bn_inputs(10, 3, 30)
    x[:, 1] = 5.0 + 1e-3 * x[:, 1]  # дисперсия порядка 1e-6 < eps
    exp_out, _, _ = ref.batchnorm_forward(x, gamma, beta)
    out, _, _ = _bn_outputs(student.batchnorm_forward(x, gamma, beta), "batchnorm_forward")
    assert_close(out, exp_out, rtol=1e-6, atol=1e-9,
                 what="out для признака с дисперсией порядка 1e-6 (меньше eps): eps стоит под корнем")
    exp_out, _, _ = ref.batchnorm_forward(x, gamma, beta, eps=1e-2)
    out, _, _ = _bn_outputs(student.batchnorm_forward(x, gamma, beta, eps=1e-2), "batchnorm_forward(eps=1e-2)")
    assert_close(out, exp_out, rtol=1e-6, atol=1e-9, what="out при eps=1e-2 (аргумент eps должен использоваться)")


@rule("bn-large-values")
@points(2, "batchnorm_forward")
def test_batchnorm_forward_large_values(student):
    rng = np.random.default_rng(40)
    x = rng.uniform(-1e4, 1e4, size=(32, 4))
    gamma, beta = rng.normal(1.0, 0.5, size=4), rng.normal(0.0, 1.0, size=4)
    exp_out, _, exp_state = ref.batchnorm_forward(x, gamma, beta)
    with no_warnings("batchnorm_forward для x со значениями до ±1e4"):
        out, _, state = _bn_outputs(student.batchnorm_forward(x, gamma, beta), "batchnorm_forward")
    assert_close(out, exp_out, rtol=1e-6, atol=1e-8, what="out для x со значениями до ±1e4")
    assert_close(state["running_var"], exp_state["running_var"], rtol=1e-7, what="running_var для x со значениями до ±1e4")


@rule("inputs-unchanged")
@points(2, "batchnorm_forward")
def test_batchnorm_forward_inputs_unchanged(student):
    x, gamma, beta = _bn_inputs(6, 3, 50)
    state = _state(3, 51)
    with unchanged(x, gamma, beta, state["running_mean"], state["running_var"],
                   names=("x", "gamma", "beta", "state['running_mean']", "state['running_var']")):
        _bn_outputs(student.batchnorm_forward(x, gamma, beta, state=state), "batchnorm_forward")
        _bn_outputs(student.batchnorm_forward(x, gamma, beta, state=state, training=False), "batchnorm_forward")


@rule("bn-bad-shapes")
@points(1, "batchnorm_forward")
def test_batchnorm_forward_bad_gamma(student):
    x, gamma, beta = _bn_inputs(5, 3, 60)
    expected = ref.batchnorm_forward(x, gamma, beta)[0]
    out, _, _ = _bn_outputs(student.batchnorm_forward(x, gamma, beta), "batchnorm_forward")
    assert_close(out, expected,
                 what=f"out для x формы (5, 3) и gamma, beta формы (3,) — {WORKS_FIRST}")
    with raises_value_error("batchnorm_forward, x формы (5, 3) и gamma формы (4,)"):
        student.batchnorm_forward(x, np.ones(4), beta)


# ------------------------------------------------------------------ batchnorm_backward (25)
#
# backward receives the cache of the student's OWN forward (its format is theirs). So that a mistake in
# forward (say, the unbiased variance) is not charged to backward again, the expected gradients are the
# statement's formulas for the normalization the student's forward actually applied: x̂ = (out − β)/γ,
# and inv_std is the slope of x̂ in x, column by column. If that forward is not a per-column affine map
# of x at all, the reference's forward stands in.

def _expected_backward(x, gamma, beta, out, dout, training, reference_cache):
    x_hat = inv_std = None
    try:
        out = np.asarray(out, dtype=np.float64)
        if out.shape == x.shape and np.all(np.isfinite(out)) and np.all(np.abs(gamma) > 1e-3):
            x_hat = (out - beta) / gamma
            xc = x - x.mean(axis=0)
            inv_std = (xc * x_hat).sum(axis=0) / np.maximum((xc * xc).sum(axis=0), 1e-300)
            affine = x_hat - x_hat.mean(axis=0) - xc * inv_std
            spread = x_hat.var(axis=0)
            # Only a real normalization counts (a forward that returns beta would make any backward "right").
            normalized = np.all(inv_std > 0) and (not training or np.all((spread > 0.2) & (spread < 5.0)))
            if not normalized or not np.all(np.abs(affine) <= 1e-7 * (1 + np.abs(x_hat))):
                x_hat = None
    except (TypeError, ValueError):
        x_hat = None
    if x_hat is None:
        return ref.batchnorm_backward(dout, reference_cache)
    dbeta, dgamma = dout.sum(axis=0), (dout * x_hat).sum(axis=0)
    if not training:
        return dout * gamma * inv_std, dgamma, dbeta
    m = x.shape[0]
    return gamma * inv_std / m * (m * dout - dbeta - x_hat * dgamma), dgamma, dbeta


@rule("bn-backward-training")
@points(12, "batchnorm_backward")
@pytest.mark.parametrize("m, d, seed", [(2, 4, 101), (16, 3, 102), (64, 6, 103)])
def test_batchnorm_backward_training(student, m, d, seed):
    x, gamma, beta = _bn_inputs(m, d, seed, scale=1.5, shift=0.5)
    dout = np.random.default_rng(seed + 1000).normal(size=(m, d))
    _, ref_cache, _ = ref.batchnorm_forward(x, gamma, beta)
    out, cache, _ = _bn_outputs(student.batchnorm_forward(x.copy(), gamma.copy(), beta.copy()), "batchnorm_forward")
    exp_dx, exp_dgamma, exp_dbeta = _expected_backward(x, gamma, beta, out, dout, True, ref_cache)
    dx, dgamma, dbeta = _grads(student.batchnorm_backward(dout.copy(), cache), "batchnorm_backward")
    scale = float(np.abs(exp_dx).max())
    assert_close(dx, exp_dx, rtol=1e-6, atol=1e-9 * scale, what=f"dx в режиме обучения (x формы {(m, d)})")
    assert_close(dgamma, exp_dgamma, rtol=1e-7, atol=1e-9, what=f"dgamma (x формы {(m, d)})")
    assert_close(dbeta, exp_dbeta, rtol=1e-7, atol=1e-9, what=f"dbeta (x формы {(m, d)})")


@rule("bn-backward-training")
@points(5, "batchnorm_backward")
def test_batchnorm_backward_numerical(student):
    m, d = 5, 3
    x, gamma, beta = _bn_inputs(m, d, 110)
    x[:, 2] = 2.0 + 1e-2 * x[:, 2]
    dout = np.random.default_rng(111).normal(size=(m, d))
    _, cache, _ = _bn_outputs(student.batchnorm_forward(x, gamma, beta), "batchnorm_forward")
    dx, dgamma, dbeta = _grads(student.batchnorm_backward(dout, cache), "batchnorm_backward")

    def loss(x_, g_, b_):
        return float(np.sum(ref.batchnorm_forward(x_, g_, b_)[0] * dout))

    for name, got, num in (
        ("dx", dx, central_gradient(lambda v: loss(v, gamma, beta), x)),
        ("dgamma", dgamma, central_gradient(lambda v: loss(x, v, beta), gamma)),
        ("dbeta", dbeta, central_gradient(lambda v: loss(x, gamma, v), beta)),
    ):
        assert_close(got, num, rtol=1e-5, atol=1e-6,
                     what=f"{name} в сравнении с численным градиентом (центральные разности) для x формы {(m, d)}")


@rule("bn-backward-eval")
@points(4, "batchnorm_backward")
def test_batchnorm_backward_eval(student):
    m, d = 6, 4
    x, gamma, beta = _bn_inputs(m, d, 120, scale=2.0)
    state = _state(d, 121)
    dout = np.random.default_rng(122).normal(size=(m, d))
    _, ref_cache, _ = ref.batchnorm_forward(x, gamma, beta, state=state, training=False)
    out, cache, _ = _bn_outputs(student.batchnorm_forward(x.copy(), gamma.copy(), beta.copy(),
                                                          state={k: v.copy() for k, v in state.items()},
                                                          training=False),
                                "batchnorm_forward(training=False)")
    exp = _expected_backward(x, gamma, beta, out, dout, False, ref_cache)
    dx, dgamma, dbeta = _grads(student.batchnorm_backward(dout.copy(), cache), "batchnorm_backward")
    assert_close(dx, exp[0], rtol=1e-7,
                 what="dx для кэша из режима применения (running-статистики — константы)")
    assert_close(dgamma, exp[1], rtol=1e-7, what="dgamma для кэша из режима применения")
    assert_close(dbeta, exp[2], rtol=1e-7, what="dbeta для кэша из режима применения")


@rule("inputs-unchanged")
@points(2, "batchnorm_backward")
def test_batchnorm_backward_dout_unchanged(student):
    x, gamma, beta = _bn_inputs(8, 3, 130)
    dout = np.random.default_rng(131).normal(size=(8, 3))
    _, cache, _ = _bn_outputs(student.batchnorm_forward(x, gamma, beta), "batchnorm_forward")
    with unchanged(dout, names=("dout",)):
        _grads(student.batchnorm_backward(dout, cache), "batchnorm_backward")


@rule("bn-bad-shapes")
@points(2, "batchnorm_backward")
def test_batchnorm_backward_bad_dout(student):
    x, gamma, beta = _bn_inputs(4, 3, 140)
    dout = np.random.default_rng(141).normal(size=(4, 3))
    ref_cache = ref.batchnorm_forward(x, gamma, beta)[1]
    out, cache, _ = _bn_outputs(student.batchnorm_forward(x.copy(), gamma.copy(), beta.copy()), "batchnorm_forward")
    exp = _expected_backward(x, gamma, beta, out, dout, True, ref_cache)
    dx, dgamma, dbeta = _grads(student.batchnorm_backward(dout.copy(), cache), "batchnorm_backward")
    for name, got, want in (("dx", dx, exp[0]), ("dgamma", dgamma, exp[1]), ("dbeta", dbeta, exp[2])):
        assert_close(got, want, rtol=1e-6, atol=1e-9, what=f"{name} для dout формы (4, 3) — {WORKS_FIRST}")
    with raises_value_error("batchnorm_backward: dout формы (5, 3), а прямой проход был для x формы (4, 3)"):
        student.batchnorm_backward(np.ones((5, 3)), cache)


# ------------------------------------------------------------------ initializers (12 + 12)

N_IN, N_OUT = 400, 200  # неквадратная матрица: n_in и n_out нельзя перепутать


def _weights(value, shape, what):
    assert_true(isinstance(value, np.ndarray), f"{what}: ожидался массив NumPy, получено {type(value).__name__}")
    assert_true(value.shape == shape, f"{what}: неверная форма — получено {value.shape}, ожидалось {shape}")
    assert_true(value.dtype == np.float64, f"{what}: ожидался dtype float64, получено {value.dtype}")
    assert_true(bool(np.all(np.isfinite(value))), f"{what}: в весах есть nan или inf")
    return value


def _check_variance(w, var, what):
    got = float(w.var())
    assert_true(abs(got / var - 1.0) < 0.03,
                f"{what}: выборочная дисперсия весов {got:.6g}, а по формуле должна быть {var:.6g} "
                f"(матрица {w.shape[0]}×{w.shape[1]}, допуск 3 %)")
    assert_true(abs(float(w.mean())) < 5 * np.sqrt(var / w.size),
                f"{what}: среднее весов {float(w.mean()):.3g} заметно отличается от нуля")


def _check_uniform(w, limit, what):
    assert_true(float(np.abs(w).max()) <= limit * (1 + 1e-12),
                f"{what}: есть веса вне [-{limit:.6g}, {limit:.6g}] (максимум |w| = {float(np.abs(w).max()):.6g})")
    assert_true(float(np.abs(w).max()) >= 0.99 * limit,
                f"{what}: максимум |w| = {float(np.abs(w).max()):.6g}, а на матрице такого размера он должен "
                f"почти достигать границы {limit:.6g}")


def _check_uniform_bounds(w, limit, what):
    assert_true(float(np.abs(w).max()) <= limit * (1 + 1e-12) and float(np.abs(w).max()) > 0,
                f"{what}: веса должны лежать в [-{limit:.6g}, {limit:.6g}] (максимум |w| = {float(np.abs(w).max()):.6g})")


def _check_normal(w, var, what):
    tail = float(np.mean(np.abs(w) > np.sqrt(3.0 * var)))
    assert_true(0.07 < tail < 0.097,
                f"{what}: доля весов с |w| > sqrt(3)·σ равна {tail:.3f}, а у нормального распределения "
                "она около 0.083 (похоже, распределение не нормальное)")


INITS = {
    "xavier_init": (lambda n_in, n_out: 2.0 / (n_in + n_out), "uniform"),
    "he_init": (lambda n_in, n_out: 2.0 / n_in, "normal"),
}


def _make_init_tests(name):
    var_of, default = INITS[name]

    @rule("init-shape-seed")
    @points(2, name)
    def test_shape_and_seed(student):
        fn = getattr(student, name)
        for shape in ((1, 1), (3, 7), (10, 2)):
            _weights(fn(*shape, seed=3), shape, f"{name}{shape}")
        a = _weights(fn(5, 4, seed=11), (5, 4), f"{name}(5, 4, seed=11)")
        assert_close(fn(5, 4, seed=11), a, rtol=0, atol=0, what=f"{name}(5, 4, seed=11) при повторном вызове с тем же seed")
        b = _weights(fn(5, 4, seed=12), (5, 4), f"{name}(5, 4, seed=12)")
        assert_true(not np.array_equal(a, b), f"{name}: при seed=11 и seed=12 получились одинаковые веса")
        c, e = fn(5, 4), fn(5, 4)
        assert_true(not np.array_equal(np.asarray(c), np.asarray(e)),
                    f"{name}(5, 4) без seed дважды вернула одинаковые веса: при seed=None веса должны быть случайными")

    @rule("init-uniform")
    @points(4, name)
    def test_uniform(student):
        fn = getattr(student, name)
        var = var_of(N_IN, N_OUT)
        what = f"{name}({N_IN}, {N_OUT}, distribution='uniform')"
        w = _weights(fn(N_IN, N_OUT, seed=21, distribution="uniform"), (N_IN, N_OUT), what)
        _check_uniform(w, np.sqrt(3.0 * var), what)
        _check_variance(w, var, what)
        if default == "uniform":
            what = f"{name}({N_OUT}, {N_IN}) с распределением по умолчанию (равномерным)"
            var = var_of(N_OUT, N_IN)
            w = _weights(fn(N_OUT, N_IN, seed=22), (N_OUT, N_IN), what)
            _check_uniform(w, np.sqrt(3.0 * var), what)
            _check_variance(w, var, what)

    @rule("init-normal")
    @points(4, name)
    def test_normal(student):
        fn = getattr(student, name)
        var = var_of(N_IN, N_OUT)
        what = f"{name}({N_IN}, {N_OUT}, distribution='normal')"
        w = _weights(fn(N_IN, N_OUT, seed=31, distribution="normal"), (N_IN, N_OUT), what)
        _check_variance(w, var, what)
        _check_normal(w, var, what)
        if default == "normal":
            what = f"{name}({N_OUT}, {N_IN}) с распределением по умолчанию (нормальным)"
            var = var_of(N_OUT, N_IN)
            w = _weights(fn(N_OUT, N_IN, seed=32), (N_OUT, N_IN), what)
            _check_variance(w, var, what)
            _check_normal(w, var, what)

    @rule("init-bad-distribution")
    @points(2, name)
    def test_bad_distribution(student):
        what = f"{name}(4, 3, seed=0, distribution='uniform') — {WORKS_FIRST}"
        w = _weights(getattr(student, name)(4, 3, seed=0, distribution="uniform"), (4, 3), what)
        _check_uniform_bounds(w, np.sqrt(3.0 * var_of(4, 3)), what)
        with raises_value_error(f"{name}(4, 3, distribution='gaussian')"):
            getattr(student, name)(4, 3, seed=0, distribution="gaussian")

    return test_shape_and_seed, test_uniform, test_normal, test_bad_distribution


(test_xavier_shape_and_seed, test_xavier_uniform, test_xavier_normal,
 test_xavier_bad_distribution) = _make_init_tests("xavier_init")
(test_he_shape_and_seed, test_he_uniform, test_he_normal,
 test_he_bad_distribution) = _make_init_tests("he_init")


# ------------------------------------------------------------------ layer_gradient_norms (21)

def _norms(student, depth, width, activation, init, seed=0):
    what = f"layer_gradient_norms(depth={depth}, width={width}, activation={activation!r}, init={init!r}, seed={seed})"
    result = student.layer_gradient_norms(depth, width, activation, init, seed=seed)
    assert_true(isinstance(result, (list, tuple, np.ndarray)),
                f"{what}: ожидался список чисел, получено {type(result).__name__}")
    try:
        norms = np.asarray(result, dtype=np.float64)
    except (TypeError, ValueError):
        raise AssertionError(f"{what}: ожидался список чисел") from None
    assert_true(norms.shape == (depth,), f"{what}: ожидался список из {depth} чисел (по одному на слой), "
                                         f"получено форму {norms.shape}")
    assert_true(bool(np.all(np.isfinite(norms))) and bool(np.all(norms >= 0)),
                f"{what}: нормы должны быть конечными неотрицательными числами, получено {norms.tolist()}")
    return norms, what


@rule("lgn-format")
@points(3, "layer_gradient_norms")
@pytest.mark.parametrize("depth, width, activation, init", [
    (1, 4, "relu", "he"), (3, 10, "tanh", "xavier"), (6, 8, "sigmoid", "small")])
def test_lgn_format(student, depth, width, activation, init):
    _norms(student, depth, width, activation, init, seed=1)


@rule("lgn-vanishing")
@points(6, "layer_gradient_norms")
@pytest.mark.parametrize("width, seed", [(16, 2), (64, 3)])
def test_lgn_sigmoid_small_vanishes(student, width, seed):
    norms, what = _norms(student, 8, width, "sigmoid", "small", seed=seed)
    assert_true(bool(np.all(np.diff(norms) > 0)),
                f"{what}: с sigmoid и init='small' нормы должны строго расти от первого слоя к последнему "
                f"(список — первый слой первым), получено {norms.tolist()}")
    # Для слоёв 1..depth-1 каждый шаг назад умножает градиент примерно на 0.25 * 0.01 * sqrt(width).
    expected = 0.25 * 0.01 * np.sqrt(width)
    ratio = float(np.exp(np.mean(np.log(norms[1:-1] / norms[2:]))))
    assert_true(0.5 * expected < ratio < 2.0 * expected,
                f"{what}: норма градиента уменьшается от слоя к слою в среднем в {1 / ratio:.3g} раза, "
                f"а должна примерно в 1/(0.25·0.01·sqrt({width})) = {1 / expected:.3g} раза")


@rule("lgn-last-layer")
@points(3, "layer_gradient_norms")
@pytest.mark.parametrize("depth, width, seed", [(2, 16, 4), (5, 48, 5)])
def test_lgn_last_layer_scale(student, depth, width, seed):
    norms, what = _norms(student, depth, width, "sigmoid", "small", seed=seed)
    assert_true(0.1 < norms[-1] < 0.15,
                f"{what}: норма градиента последнего слоя {norms[-1]:.4g}, а при L = среднее выходов и "
                "sigmoid на последнем слое она должна быть около 0.125")


@rule("lgn-no-vanishing")
@points(4, "layer_gradient_norms")
@pytest.mark.parametrize("activation, init, seed", [("relu", "he", 6), ("tanh", "xavier", 7)])
def test_lgn_no_vanishing(student, activation, init, seed):
    norms, what = _norms(student, 8, 64, activation, init, seed=seed)
    ratio = float(np.exp(np.mean(np.log(norms[1:-1] / norms[2:]))))
    assert_true(0.5 < ratio < 2.0,
                f"{what}: при правильной инициализации норма градиента от слоя к слою должна меняться мало, "
                f"а она меняется в среднем в {ratio:.3g} раза за слой")
    assert_true(bool(np.all(norms[1:] > 0.05 * norms[-1])),
                f"{what}: у слоёв 2…8 нормы не должны затухать, получено {norms.tolist()}")


@rule("lgn-seed")
@points(2, "layer_gradient_norms")
def test_lgn_seed(student):
    a, what = _norms(student, 4, 12, "tanh", "he", seed=5)
    b, _ = _norms(student, 4, 12, "tanh", "he", seed=5)
    assert_close(b, a, rtol=0, atol=0, what=f"{what} при повторном вызове с тем же seed")
    c, _ = _norms(student, 4, 12, "tanh", "he", seed=6)
    assert_true(not np.array_equal(a, c), "layer_gradient_norms: при seed=5 и seed=6 получились одинаковые нормы")


@rule("lgn-invalid")
@points(3, "layer_gradient_norms")
@pytest.mark.parametrize("activation, init", [("softplus", "he"), ("relu", "zeros")])
def test_lgn_invalid(student, activation, init):
    norms, what = _norms(student, 3, 8, "sigmoid", "small", seed=1)
    assert_true(0.1 < norms[-1] < 0.15, f"{what}: норма градиента последнего слоя {norms[-1]:.4g}, а должна быть "
                                        f"около 0.125 — {WORKS_FIRST}")
    with raises_value_error(f"layer_gradient_norms(4, 8, {activation!r}, {init!r})"):
        student.layer_gradient_norms(4, 8, activation, init)
