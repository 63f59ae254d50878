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


# ---------------------------------------------------------------- relu_grad

@mutant("relu_grad", hint="Проверьте значение производной ReLU ровно в нуле: по соглашению курса оно равно 0, "
                          "то есть единица ставится только для строго положительных x.")
def relu_grad_one_at_zero(x):
    return (_f(x) >= 0).astype(np.float64)[()]


# ---------------------------------------------------------------- leaky_relu

@mutant("leaky_relu", hint="Параметр alpha задаёт наклон на отрицательной полуоси; похоже, он не используется "
                           "и наклон всегда 0.01.")
def leaky_relu_fixed_alpha(x, alpha=0.01):
    x = _f(x)
    return np.where(x > 0, x, 0.01 * x)[()]


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


# ---------------------------------------------------------------- sigmoid_grad

@mutant("sigmoid_grad", hint="Формула σ'(x) = σ(x)(1 − σ(x)) выражает производную через значение сигмоиды. "
                             "Функция получает x, а не σ(x), — подставлять x вместо σ(x) нельзя.")
def sigmoid_grad_on_x(x):
    x = _f(x)
    return x * (1.0 - x)


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


# ---------------------------------------------------------------- softmax

@mutant("softmax", hint="Без вычитания максимума exp(z) переполняется уже при z около 710. Softmax не меняется, "
                        "если ко всем z вдоль оси прибавить одно и то же число, — воспользуйтесь этим.")
def softmax_no_shift(z, axis=-1):
    e = np.exp(_f(z))
    return e / np.sum(e, axis=axis, keepdims=True)


@mutant("softmax", hint="Максимум для стабилизации нужно брать вдоль той же оси, что и сумму: общий максимум "
                        "всего массива не спасает строки, значения которых намного меньше, — у них все "
                        "экспоненты обнуляются, и получается 0/0.")
def softmax_global_max(z, axis=-1):
    z = _f(z)
    e = np.exp(z - np.max(z))
    return e / np.sum(e, axis=axis, keepdims=True)


@mutant("softmax", hint="Нормировать нужно вдоль оси axis: для матрицы каждая строка — отдельное распределение. "
                        "Сейчас, похоже, делится на сумму по всему массиву.")
def softmax_sum_over_everything(z, axis=-1):
    z = _f(z)
    e = np.exp(z - np.max(z, axis=axis, keepdims=True))
    return e / np.sum(e)


@mutant("softmax", hint="Аргумент axis игнорируется: при axis=0 вероятности должны складываться в 1 по столбцам.")
def softmax_ignores_axis(z, axis=-1):
    return ref.softmax(z, axis=-1)


@mutant("softmax", hint="После sum и max вдоль оси размерность пропадает, и для матрицы (m, k) вектор (m,) "
                        "складывается с ней не по строкам, а по столбцам (или падает с ошибкой формы). "
                        "Сохраните ось, по которой сворачивали.")
def softmax_no_keepdims(z, axis=-1):
    z = _f(z)
    e = np.exp(z - np.max(z, axis=axis))
    return e / np.sum(e, axis=axis)


# ---------------------------------------------------------------- softmax_jacobian

@mutant("softmax_jacobian", hint="Для одномерного s выражение s @ s.T — это скалярное произведение (одно число), "
                                 "а не матрица k×k: транспонирование вектора ничего не меняет. Нужна внешняя "
                                 "матрица s·sᵀ.")
def softmax_jacobian_inner_product(z):
    s = ref.softmax(_f(z))
    return np.diag(s) - s @ s.T


@mutant("softmax_jacobian", hint="Каждый выход softmax зависит от ВСЕХ входов (через общий знаменатель), "
                                 "поэтому внедиагональные элементы якобиана не нулевые.")
def softmax_jacobian_diagonal_only(z):
    s = ref.softmax(_f(z))
    return np.diag(s * (1.0 - s))


@mutant("softmax_jacobian", hint="Якобиан определён для вектора z формы (k,); для другой формы по соглашению "
                                 "курса нужно бросить ValueError, а не возвращать что-то странное.")
def softmax_jacobian_no_shape_check(z):
    s = ref.softmax(_f(z))
    return np.diag(s) - np.outer(s, s)
