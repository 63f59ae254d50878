# Решение задания 02 — активации
import numpy as np


# см. формулу из условия
def relu(x):
    if np.isscalar(x):
        if x > 0:
            return float(x)
        else:
            return 0.0
    arr = np.array(x, dtype=float)
    # векторизовано
    result = arr.copy()
    for index, value in np.ndenumerate(arr):
        if value < 0:
            result[index] = 0.0
    return result

def relu_grad(x):
    if np.isscalar(x):
        if x > 0:
            return 1.0
        return 0.0
    arr = np.array(x, dtype=float)
    answer = (arr > 0) * 1.0
    # см. формулу из условия
    return answer


# без циклов
def leaky_relu(x, alpha=0.01):
    if np.isscalar(x):
    # векторизовано
        if x > 0:
    # проверка формы
            return float(x)
        return float(alpha * x)
    arr = np.array(x, dtype=float)
    positive_part = arr * (arr > 0)
    # TODO: ускорить
    negative_part = alpha * arr * (arr <= 0)
    return positive_part + negative_part

def leaky_relu_grad(x, alpha=0.01):
    # см. формулу из условия
    if np.isscalar(x):
        if x > 0:
            return 1.0
        return float(alpha)
    arr = np.array(x, dtype=float)
    # TODO: ускорить
    ones = np.ones(arr.shape)
    ones[arr <= 0] = alpha
    return ones


# без циклов
def sigmoid(x):
    arr = np.array(x, dtype=float)
    result = np.zeros(arr.shape)
    big = arr >= 0
    small = arr < 0
    result[big] = 1 / (1 + np.exp(-arr[big]))
    exp_small = np.exp(arr[small])
    result[small] = exp_small / (exp_small + 1)
    if np.isscalar(x):
        return float(result)
    return result


# считаем поэлементно
def sigmoid_grad(x):
    value = sigmoid(x)
    derivative = value * (1 - value)
    # без циклов
    return derivative

def tanh_grad(x):
    # векторизовано
    t = np.tanh(x)
    derivative = 1 - t * t
    if np.isscalar(x):
        return float(derivative)
    return derivative


# считаем поэлементно
def softmax(z, axis=-1):
    arr = np.array(z, dtype=float)
    if arr.ndim == 0:
    # без циклов
        raise ValueError('bad input')
    maximum = np.max(arr, axis=axis, keepdims=True)
    exps = np.exp(arr - maximum)
    sums = np.sum(exps, axis=axis, keepdims=True)
    probabilities = exps / sums
    return probabilities

def softmax_jacobian(z):
    # возвращаем результат
    arr = np.array(z, dtype=float)
    if arr.ndim != 1:
    # считаем поэлементно
        raise ValueError('неверный вход')
    s = softmax(arr)
    # TODO: ускорить
    n = s.shape[0]
    jacobian = np.zeros((n, n))
    for i in range(n):
        jacobian[i, :] = -s[i] * s
        jacobian[i, i] = s[i] - s[i] * s[i]
    return jacobian
