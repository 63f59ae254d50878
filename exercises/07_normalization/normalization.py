"""Задание 07. Нормализация и инициализация.

Реализуйте функции ниже (условие — в README.md). Все вычисления — в float64,
входные массивы не изменяйте, на недопустимые аргументы отвечайте ValueError
с понятным сообщением на русском.
"""
import numpy as np


def batchnorm_forward(x, gamma, beta, state=None, training=True, momentum=0.9, eps=1e-5):
    """Прямой проход Batch Normalization по оси батча.

    Параметры:
        x: массив формы (m, d) — батч из m примеров с d признаками.
        gamma: массив формы (d,) — обучаемый масштаб.
        beta: массив формы (d,) — обучаемый сдвиг.
        state: None или словарь {"running_mean": (d,), "running_var": (d,)};
            None означает начальное состояние (нули и единицы).
        training: True — нормировать статистиками батча (среднее и смещённая дисперсия)
            и обновить running-статистики; False — нормировать running-статистиками.
        momentum: коэффициент скользящего среднего:
            running = momentum * running + (1 - momentum) * статистика_батча.
        eps: малое число под корнем: sqrt(var + eps).

    Возвращает:
        Кортеж (out, cache, state): out — массив (m, d); cache — данные для
        batchnorm_backward (только массивы, числа, строки, bool в dict/tuple/list);
        state — новый словарь с running_mean и running_var.

    Исключения:
        ValueError: если x не двумерный или gamma/beta не формы (d,).
    """
    raise NotImplementedError("Реализуйте batchnorm_forward")


def batchnorm_backward(dout, cache):
    """Обратный проход Batch Normalization.

    Параметры:
        dout: массив формы (m, d) — градиент функции потерь по выходу out.
        cache: то, что вернул batchnorm_forward (в режиме обучения или применения).

    Возвращает:
        Кортеж (dx, dgamma, dbeta) формы (m, d), (d,), (d,).

    Исключения:
        ValueError: если форма dout не совпадает с формой выхода прямого прохода.
    """
    raise NotImplementedError("Реализуйте batchnorm_backward")


def xavier_init(n_in, n_out, seed=None, distribution="uniform"):
    """Инициализация Xavier/Glorot: дисперсия 2 / (n_in + n_out).

    Параметры:
        n_in: число входов слоя.
        n_out: число выходов слоя.
        seed: зерно для np.random.default_rng (None — случайное).
        distribution: "uniform" — U(-a, a), a = sqrt(6 / (n_in + n_out));
            "normal" — N(0, 2 / (n_in + n_out)).

    Возвращает:
        Массив float64 формы (n_in, n_out).

    Исключения:
        ValueError: если distribution не "uniform" и не "normal".
    """
    raise NotImplementedError("Реализуйте xavier_init")


def he_init(n_in, n_out, seed=None, distribution="normal"):
    """Инициализация He/Kaiming для ReLU: дисперсия 2 / n_in.

    Параметры:
        n_in: число входов слоя.
        n_out: число выходов слоя.
        seed: зерно для np.random.default_rng (None — случайное).
        distribution: "normal" — N(0, 2 / n_in); "uniform" — U(-a, a), a = sqrt(6 / n_in).

    Возвращает:
        Массив float64 формы (n_in, n_out).

    Исключения:
        ValueError: если distribution не "uniform" и не "normal".
    """
    raise NotImplementedError("Реализуйте he_init")


def layer_gradient_norms(depth, width, activation, init, seed=0):
    """Нормы градиентов по весам каждого слоя случайной глубокой сети.

    Сеть: случайный батч A_0 формы (m, width); depth слоёв Z_l = A_{l-1} @ W_l,
    A_l = activation(Z_l) (на каждом слое, включая последний), W_l формы (width, width),
    смещения нулевые. Потери L — среднее всех элементов A_depth.

    Параметры:
        depth: число слоёв.
        width: число нейронов в каждом слое.
        activation: "sigmoid", "tanh" или "relu".
        init: "small" (N(0, 0.01**2)), "xavier" (дисперсия 2 / (2 * width))
            или "he" (дисперсия 2 / width).
        seed: зерно, из которого порождаются и вход, и веса.

    Возвращает:
        Список из depth чисел ||dL/dW_l|| (норма Фробениуса), первый слой первым.

    Исключения:
        ValueError: если activation или init неизвестны.
    """
    raise NotImplementedError("Реализуйте layer_gradient_norms")
