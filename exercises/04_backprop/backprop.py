"""Задание 04. Обратное распространение и цепное правило.

Заполните тела функций. Сигнатуры (имена функций и аргументов, значения по умолчанию) менять
нельзя: по ним вас проверяют автотесты. Условие и формулы — в README.md.
"""
import numpy as np


def dense_backward(dZ, X, W):
    """Обратный проход линейного слоя Z = X @ W + b.

    Параметры:
        dZ: np.ndarray формы (m, n_out) — градиент потери по выходу слоя Z.
        X: np.ndarray формы (m, n_in) — вход слоя (тот же, что был в прямом проходе).
        W: np.ndarray формы (n_in, n_out) — веса слоя.

    Возвращает:
        tuple (dX, dW, db):
            dX — np.ndarray формы (m, n_in), градиент по входу X;
            dW — np.ndarray формы (n_in, n_out), градиент по весам W;
            db — np.ndarray формы (n_out,), градиент по смещению b.

    Исключения:
        ValueError — если формы dZ, X и W несовместимы.
    """
    raise NotImplementedError("Реализуйте dense_backward(dZ, X, W)")


def relu_backward(dA, Z):
    """Обратный проход ReLU: A = max(0, Z), dZ = dA · 1[Z > 0].

    Параметры:
        dA: np.ndarray — градиент потери по выходу активации A.
        Z: np.ndarray той же формы — вход активации (до ReLU).

    Возвращает:
        np.ndarray формы Z — градиент по Z (в точке Z = 0 производная равна 0).

    Исключения:
        ValueError — если формы dA и Z не совпадают.
    """
    raise NotImplementedError("Реализуйте relu_backward(dA, Z)")


def sigmoid_backward(dA, Z):
    """Обратный проход сигмоиды: A = σ(Z), dZ = dA · σ(Z) · (1 − σ(Z)).

    Параметры:
        dA: np.ndarray — градиент потери по выходу активации A.
        Z: np.ndarray той же формы — вход активации (до сигмоиды, а не A!).

    Возвращает:
        np.ndarray формы Z — градиент по Z; конечный и верный при Z до ±1e4
        (σ считайте устойчиво).

    Исключения:
        ValueError — если формы dA и Z не совпадают.
    """
    raise NotImplementedError("Реализуйте sigmoid_backward(dA, Z)")


def numerical_gradient(f, x, h=1e-5):
    """Численный градиент центральными разностями: g_i = (f(x + h·e_i) − f(x − h·e_i)) / (2h).

    Параметры:
        f: функция, которая принимает массив формы x и возвращает число.
        x: np.ndarray любой формы — точка, в которой считается градиент.
        h: float — шаг разности.

    Возвращает:
        np.ndarray формы x (float64) — приближение градиента f в точке x.
        Сам массив x после вызова должен остаться в точности прежним.

    Исключения:
        ValueError — при неверных аргументах (например, h <= 0).
    """
    raise NotImplementedError("Реализуйте numerical_gradient(f, x, h)")


def relative_error(a, b):
    """Относительная ошибка: max_i |a_i − b_i| / max(1e-8, |a_i| + |b_i|).

    Параметры:
        a: np.ndarray — например, аналитический градиент.
        b: np.ndarray той же формы — например, численный градиент.

    Возвращает:
        float — наибольшая по элементам относительная ошибка (0.0 для одинаковых массивов).

    Исключения:
        ValueError — если формы a и b несовместимы.
    """
    raise NotImplementedError("Реализуйте relative_error(a, b)")


def mlp_loss_and_grads(params, X, y):
    """Потеря и градиенты двухслойной сети: X → dense(W1, b1) → ReLU → dense(W2, b2) → softmax + CE.

    Параметры:
        params: dict с ключами "W1" (n, h), "b1" (h,), "W2" (h, k), "b2" (k,).
        X: np.ndarray формы (m, n) — батч входов.
        y: np.ndarray формы (m,) — целые метки классов 0 … k−1.

    Возвращает:
        tuple (loss, grads):
            loss — float, средняя по батчу кросс-энтропия, посчитанная через log-sum-exp
                   (log softmax = z − max z − log Σ exp(z − max z)); логиты ~1e3 не должны
                   давать nan, inf или неверную потерю;
            grads — dict с теми же ключами "W1", "b1", "W2", "b2" и массивами тех же форм.
        Словарь params и его массивы менять нельзя.

    Исключения:
        ValueError — если не хватает ключей, формы несовместимы или метки вне диапазона 0 … k−1.
    """
    raise NotImplementedError("Реализуйте mlp_loss_and_grads(params, X, y)")
