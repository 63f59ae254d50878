"""Типичные ошибки студентов в задании 02 «Функции активации».

Каждый мутант — эталон с одной испорченной функцией и подсказкой, которая называет
заблуждение, но не выдаёт решение. `nngrader validate` проверяет, что каждого ловит
хотя бы один скрытый тест.
"""
import numpy as np

from grader.testing import mutant, reference

ref = reference("activations")


def _f(x):
    return np.asarray(x, dtype=np.float64)


def _softmax_input(z, axis):
    """The reference's argument checks (0-d input, bad axis → ValueError), then z as float64."""
    ref.softmax(z, axis)
    return _f(z)


# ---------------------------------------------------------------- relu

@mutant("relu", hint="np.max и np.maximum — разные функции: первая ищет максимум вдоль оси (второй аргумент "
                     "для неё — номер оси), вторая сравнивает два массива поэлементно. ReLU — поэлементная операция.")
def relu_np_max(x):
    return np.max(_f(x), 0)


@mutant("relu", hint="Входной массив менять нельзя: присваивание вида x[x < 0] = 0 портит данные вызывающего кода. "
                     "Верните новый массив.")
def relu_in_place(x):
    x = _f(x)
    if x.ndim == 0:
        return np.maximum(x, 0.0)[()]
    x[x < 0] = 0.0
    return x


@mutant("relu", hint="Встроенная max(0, x) из Python сравнивает целый массив с нулём как одно число и на массиве "
                     "падает («truth value of an array … is ambiguous»). Для поэлементного максимума нужна np.maximum.")
def relu_builtin_max(x):
    return np.float64(max(0.0, _f(x)))  # arrays: "truth value … is ambiguous" (ValueError)


@mutant("relu", hint="ReLU возвращает само значение x там, где x > 0, а не индикатор «x > 0» (это уже производная).")
def relu_returns_mask(x):
    return (_f(x) > 0).astype(np.float64)[()]


# ---------------------------------------------------------------- relu_grad

@mutant("relu_grad", hint="Проверьте значение производной ReLU ровно в нуле: по соглашению курса оно равно 0, "
                          "то есть единица ставится только для строго положительных x.")
def relu_grad_one_at_zero(x):
    return (_f(x) >= 0).astype(np.float64)[()]


@mutant("relu_grad", hint="Производная ReLU — это 0 или 1 (наклон), а не значение max(0, x): для x = 3 она равна 1.")
def relu_grad_returns_value(x):
    return np.maximum(_f(x), 0.0)[()]


@mutant("relu_grad", hint="np.sign(x) даёт −1 для отрицательных x, а слева от нуля ReLU — константа 0, "
                          "и её наклон равен 0.")
def relu_grad_sign(x):
    return np.sign(_f(x))[()]


# ---------------------------------------------------------------- leaky_relu

@mutant("leaky_relu", hint="Параметр alpha задаёт наклон на отрицательной полуоси; похоже, он не используется "
                           "и наклон всегда 0.01.")
def leaky_relu_fixed_alpha(x, alpha=0.01):
    x = _f(x)
    return np.where(x > 0, x, 0.01 * x)[()]


@mutant("leaky_relu", hint="Ветви перепутаны: множитель alpha применяется к положительным x, а отрицательные "
                           "проходят без изменений.")
def leaky_relu_swapped_branches(x, alpha=0.01):
    x = _f(x)
    return np.where(x > 0, alpha * x, x)[()]


@mutant("leaky_relu", hint="Входной массив менять нельзя: присваивание вида x[x < 0] *= alpha портит данные "
                           "вызывающего кода. Верните новый массив.")
def leaky_relu_in_place(x, alpha=0.01):
    x = _f(x)
    if x.ndim == 0:
        return ref.leaky_relu(x, alpha)
    x[x <= 0] *= alpha
    return x


# ---------------------------------------------------------------- leaky_relu_grad

@mutant("leaky_relu_grad", hint="В нуле производная Leaky ReLU по соглашению курса равна alpha, а не 1: "
                                "единица — только для строго положительных x.")
def leaky_relu_grad_one_at_zero(x, alpha=0.01):
    return np.where(_f(x) >= 0, 1.0, float(alpha))[()]


@mutant("leaky_relu_grad", hint="Производная — это наклон функции, а не её значение: на отрицательной полуоси "
                                "функция равна alpha·x, а её наклон от x не зависит.")
def leaky_relu_grad_value_not_slope(x, alpha=0.01):
    x = _f(x)
    return np.where(x > 0, 1.0, alpha * x)[()]


@mutant("leaky_relu_grad", hint="Параметр alpha задаёт наклон на отрицательной полуоси; похоже, он не используется "
                                "и производная там всегда 0.01.")
def leaky_relu_grad_fixed_alpha(x, alpha=0.01):
    return np.where(_f(x) > 0, 1.0, 0.01)[()]


# ---------------------------------------------------------------- sigmoid

@mutant("sigmoid", hint="Похоже, sigmoid переполняется при больших по модулю x: exp(-x) для x = -1e4 даёт inf. "
                        "Подумайте, как записать формулу, чтобы экспонента никогда не получала большой "
                        "положительный аргумент.")
def sigmoid_naive(x):
    return 1.0 / (1.0 + np.exp(-_f(x)))


@mutant("sigmoid", hint="np.where вычисляет ОБЕ ветви для всех элементов и только потом выбирает, поэтому "
                        "переполнение в «ненужной» ветви всё равно происходит (и выдаёт предупреждение). "
                        "Сделайте так, чтобы ни одна из вычисляемых экспонент не могла переполниться.")
def sigmoid_where_both_branches(x):
    x = _f(x)
    return np.where(x >= 0, 1.0 / (1.0 + np.exp(-x)), np.exp(x) / (1.0 + np.exp(x)))[()]


@mutant("sigmoid", hint="Запись e^x / (1 + e^x) при больших положительных x даёт inf / inf = nan. "
                        "Для положительных и отрицательных x удобны разные, но равные математически формы.")
def sigmoid_exp_over_one_plus_exp(x):
    e = np.exp(_f(x))
    return e / (1.0 + e)


@mutant("sigmoid", hint="Сигмоида — это 1 / (1 + e^(−x)), со знаком минус в показателе: сейчас получается σ(−x) "
                        "(значения убывают с ростом x).")
def sigmoid_sign(x):
    return ref.sigmoid(-_f(x))


# ---------------------------------------------------------------- sigmoid_grad

@mutant("sigmoid_grad", hint="Формула σ'(x) = σ(x)(1 − σ(x)) выражает производную через значение сигмоиды. "
                             "Функция получает x, а не σ(x), — подставлять x вместо σ(x) нельзя.")
def sigmoid_grad_on_x(x):
    x = _f(x)
    return x * (1.0 - x)


@mutant("sigmoid_grad", hint="Формула e^(−x) / (1 + e^(−x))² верна математически, но при x = −1e4 даёт inf / inf = nan. "
                             "Выразите производную через устойчиво посчитанную σ(x).")
def sigmoid_grad_naive_exp(x):
    e = np.exp(-_f(x))
    return (e / (1.0 + e) ** 2)[()]


@mutant("sigmoid_grad", hint="Производная сигмоиды — произведение σ(x)·(1 − σ(x)); похоже, первый множитель σ(x) "
                             "потерян.")
def sigmoid_grad_one_minus_s(x):
    return (1.0 - np.asarray(ref.sigmoid(x)))[()]


# ---------------------------------------------------------------- tanh_grad

@mutant("tanh_grad", hint="Производная tanh — это 1 минус КВАДРАТ tanh(x). Проверьте формулу на x = 1.")
def tanh_grad_no_square(x):
    return 1.0 - np.tanh(_f(x))


@mutant("tanh_grad", hint="tanh, посчитанный вручную через e^x и e^(-x), при больших |x| даёт inf / inf = nan. "
                          "В NumPy есть устойчивая готовая функция гиперболического тангенса.")
def tanh_grad_manual_exp(x):
    x = _f(x)
    t = (np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(-x))
    return 1.0 - t * t


@mutant("tanh_grad", hint="Скобки: нужен 1 − tanh²(x), то есть 1 − (tanh x)², а не квадрат разности (1 − tanh x)².")
def tanh_grad_square_of_difference(x):
    return ((1.0 - np.tanh(_f(x))) ** 2)[()]


# ---------------------------------------------------------------- softmax

@mutant("softmax", hint="Без вычитания максимума exp(z) переполняется уже при z около 710. Softmax не меняется, "
                        "если ко всем z вдоль оси прибавить одно и то же число, — воспользуйтесь этим.")
def softmax_no_shift(z, axis=-1):
    e = np.exp(_softmax_input(z, axis))
    return e / np.sum(e, axis=axis, keepdims=True)


@mutant("softmax", hint="Максимум для стабилизации нужно брать вдоль той же оси, что и сумму: общий максимум "
                        "всего массива не спасает строки, значения которых намного меньше, — у них все "
                        "экспоненты обнуляются, и получается 0/0.")
def softmax_global_max(z, axis=-1):
    z = _softmax_input(z, axis)
    e = np.exp(z - np.max(z))
    return e / np.sum(e, axis=axis, keepdims=True)


@mutant("softmax", hint="Нормировать нужно вдоль оси axis: для матрицы каждая строка — отдельное распределение. "
                        "Сейчас, похоже, делится на сумму по всему массиву.")
def softmax_sum_over_everything(z, axis=-1):
    z = _softmax_input(z, axis)
    e = np.exp(z - np.max(z, axis=axis, keepdims=True))
    return e / np.sum(e)


@mutant("softmax", hint="Аргумент axis игнорируется: при axis=0 вероятности должны складываться в 1 по столбцам.")
def softmax_ignores_axis(z, axis=-1):
    return ref.softmax(z, axis=-1)


@mutant("softmax", hint="После sum и max вдоль оси размерность пропадает, и для матрицы (m, k) вектор (m,) "
                        "складывается с ней не по строкам, а по столбцам (или падает с ошибкой формы). "
                        "Сохраните ось, по которой сворачивали.")
def softmax_no_keepdims(z, axis=-1):
    z = _softmax_input(z, axis)
    e = np.exp(z - np.max(z, axis=axis))
    return e / np.sum(e, axis=axis)


@mutant("softmax", hint="Для матрицы (m, k) по умолчанию каждая строка — отдельное распределение (axis=-1): "
                        "сейчас экспоненты нормируются по столбцам (axis=0), и в 1 складываются столбцы.")
def softmax_over_columns(z, axis=-1):
    z = _softmax_input(z, axis)
    e = np.exp(z - np.max(z, axis=0, keepdims=True))
    return e / np.sum(e, axis=0, keepdims=True)


@mutant("softmax", hint="Ось суммирования зашита в код (axis=1): для вектора формы (k,) такой оси нет, а при "
                        "axis=0 нормировка идёт не туда. Используйте переданный аргумент axis.")
def softmax_axis_one(z, axis=-1):
    z = _softmax_input(z, axis)
    e = np.exp(z - np.max(z, axis=1, keepdims=True))
    return e / np.sum(e, axis=1, keepdims=True)


# ---------------------------------------------------------------- softmax_jacobian

@mutant("softmax_jacobian", hint="Для одномерного s выражение s @ s.T — это скалярное произведение (одно число), "
                                 "а не матрица k×k: транспонирование вектора ничего не меняет. Нужна внешняя "
                                 "матрица s·sᵀ.")
def softmax_jacobian_inner_product(z):
    if _f(z).ndim != 1:
        return ref.softmax_jacobian(z)
    s = ref.softmax(_f(z))
    return np.diag(s) - s @ s.T


@mutant("softmax_jacobian", hint="Каждый выход softmax зависит от ВСЕХ входов (через общий знаменатель), "
                                 "поэтому внедиагональные элементы якобиана не нулевые.")
def softmax_jacobian_diagonal_only(z):
    if _f(z).ndim != 1:
        return ref.softmax_jacobian(z)
    s = ref.softmax(_f(z))
    return np.diag(s * (1.0 - s))


@mutant("softmax_jacobian", hint="Якобиан определён для вектора z формы (k,); для другой формы по соглашению "
                                 "курса нужно бросить ValueError, а не возвращать что-то странное.")
def softmax_jacobian_no_shape_check(z):
    s = ref.softmax(_f(z))
    return np.diag(s) - np.outer(s, s)


@mutant("softmax_jacobian", hint="Якобиан — это diag(s) − s·sᵀ: похоже, диагональная часть diag(s) потеряна, "
                                 "и на диагонали стоит −s_i² вместо s_i(1 − s_i).")
def softmax_jacobian_without_diag(z):
    z = _f(z)
    if z.ndim != 1:
        return ref.softmax_jacobian(z)
    s = ref.softmax(z)
    return -np.outer(s, s)


@mutant("softmax_jacobian", hint="Softmax внутри якобиана посчитан без вычитания максимума: при z порядка 1e4 "
                                 "exp(z) = inf, и получается nan. Используйте устойчивый softmax.")
def softmax_jacobian_naive_softmax(z):
    z = _f(z)
    if z.ndim != 1:
        return ref.softmax_jacobian(z)
    e = np.exp(z)
    s = e / e.sum()
    return np.diag(s) - np.outer(s, s)
