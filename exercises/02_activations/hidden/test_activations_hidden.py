"""Скрытые (оценивающие) тесты задания 02 «Функции активации».

Баллы по функциям совпадают с course.yaml: relu 8, relu_grad 8, leaky_relu 8, leaky_relu_grad 8,
sigmoid 16, sigmoid_grad 10, tanh_grad 8, softmax 20, softmax_jacobian 14.
Входы — случайные с фиксированным seed; сравнение с эталоном — с допусками (rtol 1e-7, а для
крошечных значений — абсолютный допуск), поэтому любая верная и устойчивая формула получает
полный балл. Устойчивость проверяется по значениям (там, где наивная формула даёт nan или
теряет точность); отдельный небольшой тест — отсутствие предупреждений у sigmoid, как требует условие.
"""
import numpy as np
import pytest

from grader.testing import (assert_close, assert_true, no_warnings, points, raises_value_error,
                            reference, rule, unchanged)

ref = reference("activations")

SHAPES = [(), (7,), (3, 4), (2, 3, 4)]


def _rng(seed):
    return np.random.default_rng(seed)


def _sample(shape, seed, scale=3.0):
    """Случайный вход: для формы () — обычное число Python, иначе массив float64."""
    rng = _rng(seed)
    if shape == ():
        return float(rng.normal(scale=scale))
    return rng.normal(scale=scale, size=shape)


def _kind(shape):
    return "числа" if shape == () else f"массива формы {shape}"


# Точки «на изломе» и далеко от нуля: там чаще всего и ошибаются.
SPECIAL = np.array([0.0, -0.0, 1e-300, -1e-300, 1e-8, -1e-8, 1.0, -1.0, 1e4, -1e4])


# ====================================================================== relu (8)

@rule("relu")
@points(4, "relu")
@pytest.mark.parametrize("shape", SHAPES)
def test_relu_random(student, shape):
    x = _sample(shape, 10 + len(shape))
    expected = ref.relu(x)
    assert_close(student.relu(x), expected, what=f"relu для {_kind(shape)}")


@rule("relu-special")
@points(2, "relu")
def test_relu_special_points(student):
    expected = ref.relu(SPECIAL)
    assert_close(student.relu(SPECIAL), expected, what="relu в точках 0, ±1e-300, ±1e-8, ±1, ±1e4")


@rule("inputs-unchanged")
@points(2, "relu")
def test_relu_keeps_input(student):
    x = _rng(11).normal(size=(4, 5))
    expected = ref.relu(x)
    with unchanged(x, names=("x",)):
        y = student.relu(x)
    assert_close(y, expected, what="relu для массива формы (4, 5)")


# ====================================================================== relu_grad (8)

@rule("relu-grad")
@points(4, "relu_grad")
@pytest.mark.parametrize("shape", SHAPES)
def test_relu_grad_random(student, shape):
    x = _sample(shape, 20 + len(shape))
    expected = ref.relu_grad(x)
    assert_close(student.relu_grad(x), expected, what=f"relu_grad для {_kind(shape)}")


@rule("relu-grad-zero")
@points(3, "relu_grad")
def test_relu_grad_at_zero(student):
    assert_close(student.relu_grad(0.0), 0.0, what="relu_grad(0.0) (в нуле производная по соглашению 0)")
    expected = ref.relu_grad(SPECIAL)
    assert_close(student.relu_grad(SPECIAL), expected, what="relu_grad в точках 0, -0, ±1e-300, ±1e-8, ±1, ±1e4")


@rule("inputs-unchanged")
@points(1, "relu_grad")
def test_relu_grad_keeps_input(student):
    x = _rng(21).normal(size=(3, 6))
    expected = ref.relu_grad(x)
    with unchanged(x, names=("x",)):
        y = student.relu_grad(x)
    assert_close(y, expected, what="relu_grad для массива формы (3, 6)")


# ====================================================================== leaky_relu (8)

@rule("leaky-relu")
@points(3, "leaky_relu")
@pytest.mark.parametrize("shape", SHAPES)
def test_leaky_relu_default_alpha(student, shape):
    x = _sample(shape, 30 + len(shape))
    expected = ref.leaky_relu(x)
    assert_close(student.leaky_relu(x), expected, what=f"leaky_relu для {_kind(shape)} с alpha по умолчанию (0.01)")


@rule("leaky-relu-alpha")
@points(3, "leaky_relu")
@pytest.mark.parametrize("alpha", [0.1, 0.3, 0.0])
def test_leaky_relu_custom_alpha(student, alpha):
    x = np.concatenate([_rng(31).normal(scale=3, size=20), SPECIAL])
    expected = ref.leaky_relu(x, alpha)
    assert_close(student.leaky_relu(x, alpha=alpha), expected, what=f"leaky_relu для массива формы (30,) с alpha={alpha}")


@rule("inputs-unchanged")
@points(2, "leaky_relu")
def test_leaky_relu_keeps_input(student):
    x = _rng(32).normal(size=(5, 4))
    expected = ref.leaky_relu(x, 0.2)
    with unchanged(x, names=("x",)):
        y = student.leaky_relu(x, alpha=0.2)
    assert_close(y, expected, what="leaky_relu для массива формы (5, 4) с alpha=0.2")


# ====================================================================== leaky_relu_grad (8)

@rule("leaky-relu-grad")
@points(3, "leaky_relu_grad")
@pytest.mark.parametrize("shape", SHAPES)
def test_leaky_relu_grad_default_alpha(student, shape):
    x = _sample(shape, 40 + len(shape))
    expected = ref.leaky_relu_grad(x)
    assert_close(student.leaky_relu_grad(x), expected,
                 what=f"leaky_relu_grad для {_kind(shape)} с alpha по умолчанию (0.01)")


@rule("leaky-relu-alpha")
@points(2, "leaky_relu_grad")
@pytest.mark.parametrize("alpha", [0.1, 0.3])
def test_leaky_relu_grad_custom_alpha(student, alpha):
    x = _rng(41).normal(scale=3, size=(4, 5))
    expected = ref.leaky_relu_grad(x, alpha)
    assert_close(student.leaky_relu_grad(x, alpha=alpha), expected,
                 what=f"leaky_relu_grad для массива формы (4, 5) с alpha={alpha}")


@rule("leaky-relu-grad-zero")
@points(3, "leaky_relu_grad")
def test_leaky_relu_grad_at_zero(student):
    assert_close(student.leaky_relu_grad(0.0), 0.01, what="leaky_relu_grad(0.0) (в нуле производная равна alpha)")
    assert_close(student.leaky_relu_grad(0.0, alpha=0.2), 0.2, what="leaky_relu_grad(0.0, alpha=0.2)")
    expected = ref.leaky_relu_grad(SPECIAL, 0.05)
    assert_close(student.leaky_relu_grad(SPECIAL, alpha=0.05), expected,
                 what="leaky_relu_grad(alpha=0.05) в точках 0, -0, ±1e-300, ±1e-8, ±1, ±1e4")


# ====================================================================== sigmoid (16)

@rule("sigmoid")
@points(6, "sigmoid")
@pytest.mark.parametrize("shape", SHAPES)
def test_sigmoid_random(student, shape):
    x = _sample(shape, 50 + len(shape), scale=5.0)
    expected = ref.sigmoid(x)
    assert_close(student.sigmoid(x), expected, what=f"sigmoid для {_kind(shape)}")


@rule("sigmoid-limits")
@points(4, "sigmoid")
def test_sigmoid_huge_inputs_stable(student):
    x = np.array([-1e4, -1e3, -745.0, -710.0, -50.0, -1.0, 0.0, 1.0, 50.0, 710.0, 745.0, 1e3, 1e4])
    s = student.sigmoid(x)
    assert_close(s, ref.sigmoid(x), rtol=1e-7, atol=1e-12, what="sigmoid для x от -1e4 до 1e4")
    s = np.asarray(s, dtype=np.float64)
    assert_true(s[-1] == 1.0 and s[0] == 0.0 and s[6] == 0.5,
                f"sigmoid: ожидались точные значения sigmoid(1e4) = 1.0, sigmoid(-1e4) = 0.0 и sigmoid(0) = 0.5, "
                f"получено {s[-1]!r}, {s[0]!r} и {s[6]!r}")
    big = _rng(51).uniform(-1e4, 1e4, size=(50, 40))
    assert_close(student.sigmoid(big), ref.sigmoid(big), atol=1e-12,
                 what="sigmoid для матрицы (50, 40) со значениями до ±1e4")


@rule("sigmoid-no-warnings")
@points(2, "sigmoid")
def test_sigmoid_no_overflow_warning(student):
    x = np.array([-1e4, -745.0, -1.0, 0.0, 1.0, 745.0, 1e4])
    expected = ref.sigmoid(x)
    with no_warnings("sigmoid для x от -1e4 до 1e4"):
        s = student.sigmoid(x)
    # Предупреждения — только половина правила: значения тоже должны быть верными.
    assert_close(s, expected, atol=1e-12, what="sigmoid для x от -1e4 до 1e4")


@rule("scalars-integers")
@points(2, "sigmoid")
def test_sigmoid_integers_and_scalars(student):
    assert_close(student.sigmoid(np.array([-3, 0, 3])), ref.sigmoid(np.array([-3.0, 0.0, 3.0])),
                 what="sigmoid для целочисленного массива [-3, 0, 3]")
    assert_close(student.sigmoid(-1e4), 0.0, atol=1e-12, what="sigmoid(-1e4) для числа (ожидается число)")
    assert_close(student.sigmoid(0), 0.5, rtol=0, atol=0, what="sigmoid(0) для целого числа (ровно 0.5)")


@rule("inputs-unchanged")
@points(2, "sigmoid")
def test_sigmoid_keeps_input(student):
    x = _rng(52).normal(scale=4, size=(6, 5))
    expected = ref.sigmoid(x)
    with unchanged(x, names=("x",)):
        y = student.sigmoid(x)
    assert_close(y, expected, what="sigmoid для массива формы (6, 5)")


# ====================================================================== sigmoid_grad (10)

@rule("sigmoid-grad")
@points(5, "sigmoid_grad")
@pytest.mark.parametrize("shape", SHAPES)
def test_sigmoid_grad_random(student, shape):
    x = _sample(shape, 60 + len(shape), scale=4.0)
    expected = ref.sigmoid_grad(x)
    assert_close(student.sigmoid_grad(x), expected, what=f"sigmoid_grad для {_kind(shape)}")


@rule("grad-extremes")
@points(3, "sigmoid_grad")
def test_sigmoid_grad_extremes(student):
    x = np.array([-1e4, -50.0, -5.0, 0.0, 5.0, 50.0, 1e4])
    assert_close(student.sigmoid_grad(x), ref.sigmoid_grad(x), atol=1e-12,
                 what="sigmoid_grad в точках 0, ±5, ±50, ±1e4 (максимум 0.25 в нуле, почти 0 на краях)")


@rule("inputs-unchanged")
@points(2, "sigmoid_grad")
def test_sigmoid_grad_keeps_input(student):
    x = _rng(61).normal(scale=3, size=(4, 4))
    expected = ref.sigmoid_grad(x)
    with unchanged(x, names=("x",)):
        y = student.sigmoid_grad(x)
    assert_close(y, expected, what="sigmoid_grad для массива формы (4, 4)")


# ====================================================================== tanh_grad (8)

@rule("tanh-grad")
@points(4, "tanh_grad")
@pytest.mark.parametrize("shape", SHAPES)
def test_tanh_grad_random(student, shape):
    x = _sample(shape, 70 + len(shape), scale=2.0)
    expected = ref.tanh_grad(x)
    assert_close(student.tanh_grad(x), expected, what=f"tanh_grad для {_kind(shape)}")


@rule("grad-extremes")
@points(2, "tanh_grad")
def test_tanh_grad_extremes(student):
    x = np.array([-1e4, -400.0, -20.0, 0.0, 20.0, 400.0, 1e4])
    assert_close(student.tanh_grad(x), ref.tanh_grad(x), atol=1e-12,
                 what="tanh_grad в точках 0, ±20, ±400, ±1e4 (1 в нуле, почти 0 на краях)")


@rule("inputs-unchanged")
@points(2, "tanh_grad")
def test_tanh_grad_keeps_input(student):
    x = _rng(71).normal(size=(3, 5))
    expected = ref.tanh_grad(x)
    with unchanged(x, names=("x",)):
        y = student.tanh_grad(x)
    assert_close(y, expected, what="tanh_grad для массива формы (3, 5)")


# ====================================================================== softmax (20)

@rule("softmax-vector")
@points(4, "softmax")
@pytest.mark.parametrize("k", [1, 2, 5, 10])
def test_softmax_vector(student, k):
    z = _rng(80 + k).normal(scale=3, size=k)
    expected = ref.softmax(z)
    assert_close(student.softmax(z), expected, what=f"softmax для вектора формы ({k},)")


@rule("softmax-rows")
@points(4, "softmax")
@pytest.mark.parametrize("shape", [(1, 5), (4, 4), (6, 3), (3, 7)])
def test_softmax_matrix_default_axis(student, shape):
    z = _rng(90 + shape[0]).normal(scale=3, size=shape)
    expected = ref.softmax(z)
    assert_close(student.softmax(z), expected,
                 what=f"softmax для матрицы формы {shape} без axis (по строкам, axis=-1)")


@rule("softmax-axis")
@points(3, "softmax")
@pytest.mark.parametrize("shape, axis", [((4, 4), 0), ((5, 3), 0), ((3, 5), 1)])
def test_softmax_explicit_axis(student, shape, axis):
    z = _rng(100 + shape[0] + axis).normal(scale=3, size=shape)
    expected = ref.softmax(z, axis=axis)
    assert_close(student.softmax(z, axis=axis), expected, what=f"softmax для матрицы формы {shape} с axis={axis}")


@rule("softmax-stable")
@points(5, "softmax")
def test_softmax_huge_inputs_stable(student):
    cases = [
        (np.array([1e4, 0.0, -1e4]), "вектора [1e4, 0, -1e4]"),
        (np.array([1e4, 1e4 - 1.0, 1e4 - 2.0]), "вектора [1e4, 1e4 - 1, 1e4 - 2]"),
        (np.array([-1e4, -1e4 + 1.0, -1e4 + 2.0]), "вектора [-1e4, -1e4 + 1, -1e4 + 2]"),
    ]
    rng = _rng(110)
    rows = np.stack([rng.normal(size=6) - 1e4, rng.normal(size=6), rng.normal(size=6) + 1e4,
                     rng.uniform(-1e4, 1e4, size=6)])
    cases.append((rows, "матрицы (4, 6), строки которой сдвинуты на -1e4, 0, +1e4 и разбросаны до ±1e4"))
    for z, what in cases:
        assert_close(student.softmax(z), ref.softmax(z), atol=1e-12, what=f"softmax для {what}")
    assert_close(student.softmax(rows.T, axis=0), ref.softmax(rows.T, axis=0), atol=1e-12,
                 what="softmax по столбцам (axis=0) для матрицы (6, 4) со значениями до ±1e4")


@rule("softmax-distribution")
@points(2, "softmax")
def test_softmax_is_a_distribution_and_shift_invariant(student):
    rng = _rng(120)
    z = rng.normal(scale=30, size=(8, 5))
    s = np.asarray(student.softmax(z), dtype=np.float64)
    assert_true(s.shape == (8, 5), f"softmax для матрицы (8, 5): неверная форма результата {s.shape}")
    assert_true(bool(np.all(s >= 0)), "softmax: найдены отрицательные вероятности")
    assert_close(s.sum(axis=1), np.ones(8), what="суммы строк softmax для матрицы (8, 5) (должны быть 1)")
    shift = rng.normal(scale=100, size=(8, 1))
    assert_close(student.softmax(z + shift), s, rtol=1e-6, atol=1e-12,
                 what="softmax(z + c) при своём сдвиге c у каждой строки (должен совпасть с softmax(z))")


@rule("inputs-unchanged")
@points(2, "softmax")
def test_softmax_keeps_input(student):
    z = _rng(121).normal(scale=3, size=(5, 4))
    expected = ref.softmax(z)
    with unchanged(z, names=("z",)):
        s = student.softmax(z)
    assert_close(s, expected, what="softmax для матрицы формы (5, 4)")


# ====================================================================== softmax_jacobian (14)

@rule("jacobian")
@points(6, "softmax_jacobian")
@pytest.mark.parametrize("k", [1, 2, 5, 10])
def test_softmax_jacobian_random(student, k):
    z = _rng(130 + k).normal(scale=2, size=k)
    expected = ref.softmax_jacobian(z)
    assert_close(student.softmax_jacobian(z), expected, what=f"softmax_jacobian для z формы ({k},) (ожидается ({k}, {k}))")


@rule("jacobian")
@points(3, "softmax_jacobian")
def test_softmax_jacobian_matches_finite_differences(student):
    z = _rng(140).normal(size=6)
    h = 1e-6
    numeric = np.empty((6, 6))
    for j in range(6):
        e = np.zeros(6)
        e[j] = h
        numeric[:, j] = (ref.softmax(z + e) - ref.softmax(z - e)) / (2 * h)
    assert_close(student.softmax_jacobian(z), numeric, rtol=1e-5, atol=1e-8,
                 what="softmax_jacobian для z формы (6,) против центральных разностей: J[i, j] = ∂s_i/∂z_j")


@rule("jacobian-stable")
@points(3, "softmax_jacobian")
def test_softmax_jacobian_huge_inputs(student):
    for z, what in [(np.array([1e4, 0.0, -1e4]), "[1e4, 0, -1e4]"),
                    (np.array([1e4, 1e4 - 0.5, 1e4 - 1.0, -1e4]), "[1e4, 1e4 - 0.5, 1e4 - 1, -1e4]")]:
        assert_close(student.softmax_jacobian(z), ref.softmax_jacobian(z), atol=1e-12,
                     what=f"softmax_jacobian для z = {what}")


@rule("jacobian-vector-only")
@points(2, "softmax_jacobian")
@pytest.mark.parametrize("shape", [(2, 3), (1, 4)])
def test_softmax_jacobian_rejects_matrix(student, shape):
    with raises_value_error(f"softmax_jacobian для z формы {shape} (ожидается вектор формы (k,))"):
        student.softmax_jacobian(np.ones(shape))
    z = _rng(150).normal(size=4)  # отказ засчитывается только вместе с верным якобианом
    assert_close(student.softmax_jacobian(z), ref.softmax_jacobian(z), what="softmax_jacobian для z формы (4,)")
