"""Скрытые тесты задания 04 (обратное распространение).

Результаты сравниваются с эталоном на случайных входах с фиксированным зерном и с независимым
оракулом — центральными разностями прямого прохода. Проверяются формы, один пример в батче, Z = 0
в ReLU, нули в relative_error, большие логиты, неизменность входов и ValueError (баллы за ValueError — только
вместе с верным результатом на правильных входах). Устойчивость проверяется по значениям.
Баллы каждой функции в сумме равны course.yaml.
"""
import numpy as np
import pytest

from grader.testing import (assert_close, assert_float, assert_true, central_gradient, points,
                            raises_value_error, reference, rule, unchanged)

ref = reference("backprop")


def _rng(seed):
    return np.random.default_rng(seed)


def _triple(result, what):
    assert_true(isinstance(result, (tuple, list)) and len(result) == 3,
                f"{what}: ожидался кортеж (dX, dW, db) из трёх массивов, получено {type(result).__name__}"
                + (f" длины {len(result)}" if isinstance(result, (tuple, list)) else ""))
    return result


def _loss_grads(result, what):
    assert_true(isinstance(result, (tuple, list)) and len(result) == 2,
                f"{what}: ожидался кортеж (loss, grads) из двух элементов, получено {type(result).__name__}")
    loss, grads = result
    assert_true(isinstance(grads, dict), f"{what}: второй элемент должен быть словарём градиентов, "
                                         f"получено {type(grads).__name__}")
    missing = [k for k in ("W1", "b1", "W2", "b2") if k not in grads]
    assert_true(not missing, f"{what}: в словаре градиентов нет ключей {', '.join(missing)}")
    return assert_float(loss, what=f"{what}: loss"), grads


# =================================================================== dense_backward (20)

DENSE_SHAPES = [(5, 3, 4), (1, 4, 2), (7, 2, 6), (3, 5, 1), (2, 1, 3)]


@rule("dense-backward")
@points(10, "dense_backward")
@pytest.mark.parametrize("m,n_in,n_out", DENSE_SHAPES)
def test_dense_backward_random(student, m, n_in, n_out):
    rng = _rng(401)
    dZ = rng.normal(size=(m, n_out))
    X = rng.normal(size=(m, n_in))
    W = rng.normal(size=(n_in, n_out))
    with unchanged(dZ, X, W, names=("dZ", "X", "W")):
        dX, dW, db = _triple(student.dense_backward(dZ, X, W), "dense_backward")
    rX, rW, rb = ref.dense_backward(dZ, X, W)
    where = f"m = {m}, n_in = {n_in}, n_out = {n_out}"
    assert_close(dX, rX, rtol=1e-7, atol=1e-12, what=f"dX при {where}")
    assert_close(dW, rW, rtol=1e-7, atol=1e-12, what=f"dW при {where}")
    assert_close(db, rb, rtol=1e-7, atol=1e-12, what=f"db при {where}")


@rule("grad-numerical")
@points(6, "dense_backward")
@pytest.mark.parametrize("which", ["dX", "dW", "db"])
def test_dense_backward_matches_numerical(student, which):
    """Оракул: L = Σ G ⊙ (X W + b) имеет ∂L/∂Z = G; сравниваем с центральными разностями."""
    rng = _rng(402)
    m, n_in, n_out = 4, 3, 2
    G = rng.normal(size=(m, n_out))
    X = rng.normal(size=(m, n_in))
    W = rng.normal(size=(n_in, n_out))
    b = rng.normal(size=n_out)
    result = dict(zip(("dX", "dW", "db"), _triple(student.dense_backward(G.copy(), X.copy(), W.copy()), "dense_backward")))
    f = {"dX": lambda v: float(np.sum(G * (v @ W + b))),
         "dW": lambda v: float(np.sum(G * (X @ v + b))),
         "db": lambda v: float(np.sum(G * (X @ W + v)))}[which]
    point = {"dX": X, "dW": W, "db": b}[which]
    assert_close(result[which], central_gradient(f, point), rtol=1e-6, atol=1e-8,
                 what=f"{which} по сравнению с численным градиентом L = Σ dZ ⊙ (X @ W + b) (m = 4, n_in = 3, n_out = 2)")


@rule("dense-backward")
@points(2, "dense_backward")
def test_dense_backward_integer_example(student):
    X = np.array([[1.0, 0.0, 2.0], [0.0, 1.0, -1.0]])
    W = np.array([[1.0, 2.0], [0.0, -1.0], [3.0, 1.0]])
    dZ = np.array([[1.0, -1.0], [2.0, 0.5]])
    dX, dW, db = _triple(student.dense_backward(dZ, X, W), "dense_backward")
    assert_close(dX, [[-1.0, 1.0, 2.0], [3.0, -0.5, 6.5]], what="dX для целочисленного примера 2×3, 3×2")
    assert_close(dW, [[1.0, -1.0], [2.0, 0.5], [0.0, -2.5]], what="dW для целочисленного примера 2×3, 3×2")
    assert_close(db, [3.0, -0.5], what="db для целочисленного примера (сумма двух строк dZ)")


@rule("shape-errors")
@points(2, "dense_backward")
@pytest.mark.parametrize("case", ["X_vs_W", "dZ_vs_X"])
def test_dense_backward_rejects_incompatible_shapes(student, case):
    rng = _rng(403)
    dZ0, X0, W0 = rng.normal(size=(4, 5)), rng.normal(size=(4, 3)), rng.normal(size=(3, 5))
    for name, got, want in zip(("dX", "dW", "db"), _triple(student.dense_backward(dZ0, X0, W0), "dense_backward"),
                               ref.dense_backward(dZ0, X0, W0)):
        assert_close(got, want, rtol=1e-7, atol=1e-12, what=f"{name} для верных форм dZ (4, 5), X (4, 3), W (3, 5)")
    if case == "X_vs_W":
        dZ, X, W = np.ones((4, 5)), np.ones((4, 3)), np.ones((2, 5))
        what = "dense_backward для X формы (4, 3) и W формы (2, 5)"
    else:
        dZ, X, W = np.ones((3, 5)), np.ones((4, 2)), np.ones((2, 5))
        what = "dense_backward для dZ формы (3, 5) и X формы (4, 2)"
    with raises_value_error(what):
        student.dense_backward(dZ, X, W)


# =================================================================== relu_backward (10)

def _with_zeros(rng, shape):
    Z = rng.normal(size=shape)
    Z[rng.random(size=shape) < 0.25] = 0.0
    return Z


@rule("relu-backward")
@points(4, "relu_backward")
@pytest.mark.parametrize("shape", [(9,), (4, 5), (2, 3, 4)])
def test_relu_backward_random(student, shape):
    rng = _rng(411)
    dA = rng.normal(size=shape)
    Z = _with_zeros(rng, shape)
    with unchanged(dA, Z, names=("dA", "Z")):
        dZ = student.relu_backward(dA, Z)
    assert_close(dZ, ref.relu_backward(dA, Z), rtol=0, atol=0,
                 what=f"relu_backward для формы {shape} (часть Z равна нулю)")


@rule("relu-backward-zero")
@points(2, "relu_backward")
def test_relu_backward_zero_input(student):
    dZ = student.relu_backward(np.array([5.0, 6.0, 7.0, 8.0]), np.array([-1.0, 0.0, 2.0, 0.0]))
    assert_close(dZ, [0.0, 0.0, 7.0, 0.0], rtol=0, atol=0,
                 what="relu_backward в точке Z = 0 (производная ReLU там считается равной 0)")


@rule("inputs-unchanged")
@points(2, "relu_backward")
def test_relu_backward_does_not_modify_dA(student):
    rng = _rng(412)
    dA = rng.normal(size=(6, 3))
    Z = rng.normal(size=(6, 3))
    expected = ref.relu_backward(dA, Z)
    with unchanged(dA, Z, names=("dA", "Z")):
        dZ = student.relu_backward(dA, Z)
    assert_close(dZ, expected, rtol=0, atol=0, what="relu_backward для формы (6, 3)")


@rule("relu-backward")
@points(1, "relu_backward")
def test_relu_backward_passes_gradient_where_positive(student):
    rng = _rng(413)
    dA = rng.normal(size=(3, 4)) * 1e4
    Z = rng.uniform(0.1, 5.0, size=(3, 4))
    assert_close(student.relu_backward(dA.copy(), Z.copy()), dA, rtol=0, atol=0,
                 what="relu_backward при Z > 0 везде: градиент должен пройти без изменений")


@rule("shape-errors")
@points(1, "relu_backward")
def test_relu_backward_rejects_mismatched_shapes(student):
    dA0, Z0 = np.array([1.0, -2.0, 3.0, 4.0]), np.array([0.5, 1.0, -1.0, 0.0])
    assert_close(student.relu_backward(dA0, Z0), ref.relu_backward(dA0, Z0), what="relu_backward для dA и Z формы (4,)")
    with raises_value_error("relu_backward для dA формы (4,) и Z формы (4, 1)"):
        student.relu_backward(np.ones(4), np.ones((4, 1)))


# =================================================================== sigmoid_backward (10)

@rule("sigmoid-backward")
@points(4, "sigmoid_backward")
@pytest.mark.parametrize("shape", [(8,), (3, 4), (2, 2, 3)])
def test_sigmoid_backward_random(student, shape):
    rng = _rng(421)
    dA = rng.normal(size=shape)
    Z = rng.normal(size=shape) * 3
    with unchanged(dA, Z, names=("dA", "Z")):
        dZ = student.sigmoid_backward(dA, Z)
    assert_close(dZ, ref.sigmoid_backward(dA, Z), rtol=1e-7, atol=1e-15,
                 what=f"sigmoid_backward для формы {shape}")


@rule("grad-numerical")
@points(2, "sigmoid_backward")
def test_sigmoid_backward_matches_numerical(student):
    rng = _rng(422)
    dA = rng.normal(size=(2, 5))
    Z = rng.normal(size=(2, 5)) * 2
    h = 1e-5

    def sig(v):
        return 0.5 * (1.0 + np.tanh(0.5 * v))

    numeric = dA * (sig(Z + h) - sig(Z - h)) / (2 * h)
    assert_close(student.sigmoid_backward(dA.copy(), Z.copy()), numeric, rtol=1e-6, atol=1e-10,
                 what="sigmoid_backward по сравнению с численной производной σ (матрица 2×5)")


@rule("sigmoid-backward-extremes")
@points(2, "sigmoid_backward")
def test_sigmoid_backward_extreme_and_zero(student):
    Z = np.array([0.0, 0.0, 50.0, -50.0, 1e4, -1e4])
    dA = np.array([1.0, -8.0, 1.0, 1.0, 3.0, 3.0])
    expected = ref.sigmoid_backward(dA, Z)
    dZ = np.asarray(student.sigmoid_backward(dA.copy(), Z.copy()), dtype=np.float64)
    assert_true(dZ.shape == Z.shape, f"sigmoid_backward: форма {dZ.shape}, ожидалась {Z.shape}")
    assert_true(bool(np.all(np.isfinite(dZ))), "sigmoid_backward при Z = ±1e4 вернул nan или inf")
    assert_close(dZ, expected, rtol=1e-7, atol=1e-15,
                 what="sigmoid_backward при Z = 0, ±50, ±1e4 (σ'(0) = 1/4, в хвостах почти 0)")


@rule("inputs-unchanged")
@points(1, "sigmoid_backward")
def test_sigmoid_backward_does_not_modify_dA(student):
    rng = _rng(423)
    dA = rng.normal(size=(4, 4))
    Z = rng.normal(size=(4, 4))
    expected = ref.sigmoid_backward(dA, Z)
    with unchanged(dA, Z, names=("dA", "Z")):
        dZ = student.sigmoid_backward(dA, Z)
    assert_close(dZ, expected, rtol=1e-7, atol=1e-15, what="sigmoid_backward для формы (4, 4)")


@rule("shape-errors")
@points(1, "sigmoid_backward")
def test_sigmoid_backward_rejects_mismatched_shapes(student):
    dA0, Z0 = np.array([1.0, -2.0, 3.0]), np.array([0.5, 0.0, -1.0])
    assert_close(student.sigmoid_backward(dA0, Z0), ref.sigmoid_backward(dA0, Z0),
                 what="sigmoid_backward для dA и Z формы (3,)")
    with raises_value_error("sigmoid_backward для dA формы (3,) и Z формы (3, 1)"):
        student.sigmoid_backward(np.ones(3), np.zeros((3, 1)))


# =================================================================== numerical_gradient (20)

def _poly(v):
    """Несепарабельная гладкая функция: (Σ c·x)² + Σ x³ + Σ sin(x)."""
    v = np.asarray(v, dtype=np.float64)
    c = np.linspace(0.5, 1.5, v.size).reshape(v.shape)
    return float(np.sum(c * v) ** 2 + np.sum(v ** 3) + np.sum(np.sin(v)))


def _poly_grad(x):
    c = np.linspace(0.5, 1.5, x.size).reshape(x.shape)
    return 2.0 * np.sum(c * x) * c + 3.0 * x ** 2 + np.cos(x)


@rule("numgrad-central")
@points(8, "numerical_gradient")
@pytest.mark.parametrize("shape", [(5,), (3, 4), (2, 2, 2), (1,)])
def test_numerical_gradient_smooth_function(student, shape):
    rng = _rng(431)
    x = rng.uniform(-1.5, 1.5, size=shape)
    g = student.numerical_gradient(_poly, x.copy())
    assert_close(g, _poly_grad(x), rtol=1e-7, atol=1e-7,
                 what=f"численный градиент гладкой несепарабельной функции, x формы {shape}")


@rule("numgrad-x-unchanged")
@points(3, "numerical_gradient")
def test_numerical_gradient_leaves_x_unchanged(student):
    rng = _rng(432)
    x = rng.normal(size=(3, 3)) * 3.7
    with unchanged(x, names=("x",)):
        g = student.numerical_gradient(_poly, x)
    assert_close(g, _poly_grad(x), rtol=1e-6, atol=1e-6, what="численный градиент для x формы (3, 3)")


@rule("numgrad-h")
@points(5, "numerical_gradient")
def test_numerical_gradient_uses_given_h(student):
    """Для f = Σx³ центральная разность с шагом h даёт ровно 3x² + h²."""
    x = np.array([[0.5, -1.0, 2.0], [1.5, 0.0, -0.25]])
    h = 0.1
    g = student.numerical_gradient(lambda v: float(np.sum(np.asarray(v) ** 3)), x.copy(), h=h)
    assert_close(g, 3 * x ** 2 + h ** 2, rtol=1e-9, atol=1e-9,
                 what="численный градиент Σx³ с шагом h = 0.1 (центральная разность даёт 3x² + h²)")


@rule("numgrad-shape")
@points(4, "numerical_gradient")
def test_numerical_gradient_linear_function(student):
    rng = _rng(433)
    A = rng.normal(size=(4, 3))
    x = rng.normal(size=(4, 3))
    g = student.numerical_gradient(lambda v: float(np.sum(A * np.asarray(v))), x.copy())
    assert_close(g, A, rtol=1e-6, atol=1e-8,
                 what="численный градиент линейной функции Σ A·x для x формы (4, 3) (f получает массив формы x)")


# =================================================================== relative_error (10)

@rule("relerr")
@points(2, "relative_error")
def test_relative_error_hand_example(student):
    err = assert_float(student.relative_error(np.array([1.0, 2.0, -4.0]), np.array([1.0, 3.0, -4.0])),
                       what="relative_error")
    assert_close(err, 0.2, rtol=1e-12, what="relative_error([1, 2, −4], [1, 3, −4]) = max(0, 1/5, 0)")


@rule("relerr-floor")
@points(2, "relative_error")
def test_relative_error_zeros(student):
    err = assert_float(student.relative_error(np.zeros((2, 3)), np.zeros((2, 3))),
                       what="relative_error для нулевых массивов")
    assert_close(err, 0.0, atol=0, what="relative_error двух нулевых массивов (ожидается 0, не nan)")


@rule("relerr-floor")
@points(2, "relative_error")
def test_relative_error_tiny_values_use_floor(student):
    a = np.array([1e-10, 3e-9, 0.0])
    b = np.array([0.0, 1e-9, 0.0])
    err = assert_float(student.relative_error(a.copy(), b.copy()), what="relative_error для очень маленьких чисел")
    assert_close(err, 0.2, rtol=1e-9,
                 what="relative_error для чисел порядка 1e-9 (знаменатель не меньше 1e-8)")


@rule("relerr")
@points(2, "relative_error")
def test_relative_error_random_matrices(student):
    rng = _rng(441)
    a = rng.normal(size=(5, 4))
    b = a + rng.normal(size=(5, 4)) * 1e-3
    b[2, 1] = -a[2, 1]
    err = assert_float(student.relative_error(a.copy(), b.copy()), what="relative_error для матриц 5×4")
    assert_close(err, ref.relative_error(a, b), rtol=1e-9,
                 what="relative_error для случайных матриц 5×4 (максимум по элементам)")


@rule("relerr")
@points(2, "relative_error")
def test_relative_error_symmetric_and_small(student):
    rng = _rng(442)
    a = rng.normal(size=20) * 10
    b = a * (1 + rng.uniform(-1e-7, 1e-7, size=20))
    e1 = assert_float(student.relative_error(a.copy(), b.copy()), what="relative_error(a, b)")
    e2 = assert_float(student.relative_error(b.copy(), a.copy()), what="relative_error(b, a)")
    assert_close(e1, ref.relative_error(a, b), rtol=1e-6, what="relative_error для почти равных векторов длины 20")
    assert_close(e2, e1, rtol=1e-12, what="relative_error(b, a) должна равняться relative_error(a, b)")


# =================================================================== mlp_loss_and_grads (30)

def _copy(params):
    return {key: np.array(value, copy=True) for key, value in params.items()}


def _mlp_case(seed, m, n, h, k, scale=1.0):
    rng = _rng(seed)
    params = {"W1": rng.normal(size=(n, h)) / np.sqrt(n), "b1": rng.normal(size=h) * 0.1,
              "W2": rng.normal(size=(h, k)) * scale / np.sqrt(h), "b2": rng.normal(size=k) * 0.1}
    X = rng.normal(size=(m, n))
    y = rng.integers(0, k, size=m)
    return params, X, y


@rule("mlp")
@points(12, "mlp_loss_and_grads")
@pytest.mark.parametrize("m,n,h,k", [(6, 4, 5, 3), (1, 3, 4, 2), (10, 2, 8, 4)])
def test_mlp_random(student, m, n, h, k):
    params, X, y = _mlp_case(451, m, n, h, k)
    copies = [params[key] for key in ("W1", "b1", "W2", "b2")]
    with unchanged(*copies, X, y, names=("W1", "b1", "W2", "b2", "X", "y")):
        loss, grads = _loss_grads(student.mlp_loss_and_grads(params, X, y), "mlp_loss_and_grads")
    ref_loss, ref_grads = ref.mlp_loss_and_grads(params, X, y)
    where = f"m = {m}, n = {n}, h = {h}, k = {k}"
    assert_close(loss, ref_loss, rtol=1e-7, what=f"loss двухслойной сети при {where}")
    for key in ("W1", "b1", "W2", "b2"):
        assert_close(grads[key], ref_grads[key], rtol=1e-6, atol=1e-12, what=f"grads['{key}'] при {where}")


@rule("grad-numerical")
@points(8, "mlp_loss_and_grads")
@pytest.mark.parametrize("key", ["W1", "b1", "W2", "b2"])
def test_mlp_matches_numerical(student, key):
    params, X, y = _mlp_case(452, 5, 3, 6, 3)
    _, grads = _loss_grads(student.mlp_loss_and_grads(_copy(params), X.copy(), y.copy()), "mlp_loss_and_grads")

    def loss_of(value):
        return ref.mlp_loss_and_grads({**params, key: value}, X, y)[0]

    assert_close(grads[key], central_gradient(loss_of, params[key]), rtol=1e-5, atol=1e-8,
                 what=f"grads['{key}'] по сравнению с численным градиентом потери (m = 5, n = 3, h = 6, k = 3)")


@rule("mlp")
@points(3, "mlp_loss_and_grads")
def test_mlp_hand_example(student):
    params = {"W1": np.array([[1.0, -1.0], [0.0, 2.0]]), "b1": np.array([0.0, -2.0]),
              "W2": np.array([[2.0, 0.0, -1.0], [1.0, 1.0, 1.0]]), "b2": np.zeros(3)}
    X = np.array([[1.0, 1.0], [0.0, 1.0]])
    y = np.array([0, 2])
    loss, grads = _loss_grads(student.mlp_loss_and_grads(_copy(params), X.copy(), y.copy()), "mlp_loss_and_grads")
    ref_loss, ref_grads = ref.mlp_loss_and_grads(params, X, y)
    assert_close(loss, ref_loss, rtol=1e-9, what="loss для примера из условия, дополненного вторым примером")
    for key in ("W1", "b1", "W2", "b2"):
        assert_close(grads[key], ref_grads[key], rtol=1e-7, atol=1e-12,
                     what=f"grads['{key}'] для примера из условия, дополненного вторым примером")


@rule("inputs-unchanged")
@points(2, "mlp_loss_and_grads")
def test_mlp_does_not_modify_params(student):
    params, X, y = _mlp_case(453, 4, 3, 5, 2)
    arrays = [params[key] for key in ("W1", "b1", "W2", "b2")]
    with unchanged(*arrays, X, names=("params['W1']", "params['b1']", "params['W2']", "params['b2']", "X")):
        _loss_grads(student.mlp_loss_and_grads(params, X, y), "mlp_loss_and_grads")
    assert_true(sorted(params) == ["W1", "W2", "b1", "b2"], "mlp_loss_and_grads изменила набор ключей params")


@rule("mlp-log-sum-exp")
@points(3, "mlp_loss_and_grads")
def test_mlp_large_logits_stable(student):
    params, X, y = _mlp_case(454, 6, 4, 5, 3, scale=2000.0)
    loss, grads = _loss_grads(student.mlp_loss_and_grads(_copy(params), X.copy(), y.copy()), "mlp_loss_and_grads")
    ref_loss, ref_grads = ref.mlp_loss_and_grads(params, X, y)
    assert_close(loss, ref_loss, rtol=1e-9, what="loss при логитах порядка 1e3 (считается через log-sum-exp)")
    for key in ("W1", "b1", "W2", "b2"):
        assert_close(grads[key], ref_grads[key], rtol=1e-6, atol=1e-9,
                     what=f"grads['{key}'] при логитах порядка 1e3")


@rule("labels-range")
@points(2, "mlp_loss_and_grads")
@pytest.mark.parametrize("bad", [3, -1])
def test_mlp_rejects_out_of_range_labels(student, bad):
    params, X, _ = _mlp_case(455, 3, 3, 4, 3)
    y0 = np.array([0, 2, 1])
    loss, grads = _loss_grads(student.mlp_loss_and_grads(_copy(params), X.copy(), y0.copy()), "mlp_loss_and_grads")
    ref_loss, ref_grads = ref.mlp_loss_and_grads(params, X, y0)
    assert_close(loss, ref_loss, rtol=1e-7, what="loss для верных меток [0, 2, 1] (m = 3, k = 3)")
    for key in ("W1", "b1", "W2", "b2"):
        assert_close(grads[key], ref_grads[key], rtol=1e-6, atol=1e-12, what=f"grads['{key}'] для верных меток [0, 2, 1]")
    with raises_value_error(f"mlp_loss_and_grads с меткой {bad} при k = 3 классах"):
        student.mlp_loss_and_grads(_copy(params), X.copy(), np.array([0, bad, 1]))
