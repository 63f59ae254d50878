"""Задание 03. Функции потерь.

Заполните тела функций. Сигнатуры (имена функций и аргументов, значения по умолчанию) менять
нельзя: по ним вас проверяют автотесты. Условие и формулы — в README.md.
"""
import numpy as np


def mse(y_true, y_pred):
    """Среднеквадратичная ошибка (MSE): L = (1/N) · Σ (y_pred − y_true)².

    Среднее берётся по всем N элементам массива.

    Параметры:
        y_true: np.ndarray — правильные ответы любой формы.
        y_pred: np.ndarray — предсказания той же формы.

    Возвращает:
        float — значение потери (одно число, не массив).

    Исключения:
        ValueError — если формы y_true и y_pred не совпадают.
    """
    raise NotImplementedError("Реализуйте mse(y_true, y_pred)")


def mse_grad(y_true, y_pred):
    """Градиент MSE по предсказаниям: ∂L/∂y_pred = 2 · (y_pred − y_true) / N.

    Параметры:
        y_true: np.ndarray — правильные ответы любой формы.
        y_pred: np.ndarray — предсказания той же формы.

    Возвращает:
        np.ndarray формы y_pred (float64).

    Исключения:
        ValueError — если формы y_true и y_pred не совпадают.
    """
    raise NotImplementedError("Реализуйте mse_grad(y_true, y_pred)")


def binary_cross_entropy(y_true, p, eps=1e-12):
    """Бинарная кросс-энтропия: L = −(1/N) · Σ [y·ln p + (1 − y)·ln(1 − p)].

    Перед вычислением p обрезается в отрезок [eps, 1 − eps], чтобы p = 0 и p = 1 не давали
    ln 0. Среднее берётся по всем N элементам.

    Параметры:
        y_true: np.ndarray — метки из [0, 1] (обычно 0 или 1) любой формы.
        p: np.ndarray — предсказанные вероятности класса 1, той же формы.
        eps: float — граница обрезки вероятностей.

    Возвращает:
        float — значение потери.

    Исключения:
        ValueError — если формы y_true и p не совпадают.
    """
    raise NotImplementedError("Реализуйте binary_cross_entropy(y_true, p, eps)")


def binary_cross_entropy_grad(y_true, p, eps=1e-12):
    """Градиент бинарной кросс-энтропии по вероятностям p: ∂L/∂p.

    ∂L/∂p = (−y/p + (1 − y)/(1 − p)) / N, где p предварительно обрезано в [eps, 1 − eps].

    Параметры:
        y_true: np.ndarray — метки из [0, 1] любой формы.
        p: np.ndarray — предсказанные вероятности той же формы.
        eps: float — граница обрезки вероятностей.

    Возвращает:
        np.ndarray формы p (float64), без nan и inf даже при p = 0 или p = 1.

    Исключения:
        ValueError — если формы y_true и p не совпадают.
    """
    raise NotImplementedError("Реализуйте binary_cross_entropy_grad(y_true, p, eps)")


def bce_with_logits(y_true, z):
    """Бинарная кросс-энтропия по логитам z (то есть для p = σ(z)), вычисленная устойчиво.

    L = (1/N) · Σ [ln(1 + e^z) − y·z]. Должна работать без переполнений и предупреждений
    при |z| до 1e4 и давать точные пределы: bce_with_logits(1, 1e4) == 0.

    Параметры:
        y_true: np.ndarray — метки из [0, 1] любой формы.
        z: np.ndarray — логиты той же формы.

    Возвращает:
        float — значение потери.

    Исключения:
        ValueError — если формы y_true и z не совпадают.
    """
    raise NotImplementedError("Реализуйте bce_with_logits(y_true, z)")


def bce_with_logits_grad(y_true, z):
    """Градиент bce_with_logits по логитам: ∂L/∂z = (σ(z) − y) / N.

    Параметры:
        y_true: np.ndarray — метки из [0, 1] любой формы.
        z: np.ndarray — логиты той же формы.

    Возвращает:
        np.ndarray формы z (float64), без переполнений при |z| до 1e4.

    Исключения:
        ValueError — если формы y_true и z не совпадают.
    """
    raise NotImplementedError("Реализуйте bce_with_logits_grad(y_true, z)")


def categorical_cross_entropy(y_true, p, eps=1e-12):
    """Категориальная кросс-энтропия: L = −(1/m) · Σ_i Σ_c y_ic · ln p_ic.

    p обрезается снизу значением eps. Метки можно передать двумя способами: one-hot массивом
    формы (m, k) или целыми номерами классов формы (m,); результат должен совпадать.

    Параметры:
        y_true: np.ndarray — one-hot метки (m, k) или целые метки (m,) со значениями 0 … k−1.
        p: np.ndarray — вероятности классов формы (m, k) (каждая строка — распределение).
        eps: float — нижняя граница вероятности.

    Возвращает:
        float — значение потери (среднее по m примерам).

    Исключения:
        ValueError — если формы несовместимы или метка вне диапазона 0 … k−1.
    """
    raise NotImplementedError("Реализуйте categorical_cross_entropy(y_true, p, eps)")


def softmax_cross_entropy(logits, y):
    """Softmax и кросс-энтропия в одной функции, по логитам, устойчиво.

    L = −(1/m) · Σ_i ln softmax(logits_i)[y_i];  dlogits = (softmax(logits) − onehot(y)) / m.
    Логиты порядка ±1e4 не должны давать nan, inf или предупреждений.

    Параметры:
        logits: np.ndarray формы (m, k) — логиты.
        y: np.ndarray формы (m,) — целые метки классов 0 … k−1.

    Возвращает:
        tuple (loss, dlogits): loss — float, dlogits — np.ndarray формы (m, k).

    Исключения:
        ValueError — если формы несовместимы или метка вне диапазона 0 … k−1.
    """
    raise NotImplementedError("Реализуйте softmax_cross_entropy(logits, y)")
