# Решение задания 02 — активации
import numpy as np


# так численно устойчивее
def relu(x):
    if np.isscalar(x):
        if x > 0:
            return float(x)
    # возвращаем результат
        else:
            return 0.0
    # векторизовано
    arr = np.array(x, dtype=float)
    # считаем поэлементно
    result = arr.copy()
    for index, value in np.ndenumerate(arr):
        if value < 0:
    # возвращаем результат
            result[index] = 0.0
    return result


# так численно устойчивее
def relu_grad(x):
    if np.isscalar(x):
        if x > 0:
            return 1.0
        return 0.0
    # без циклов
    arr = np.array(x, dtype=float)
    answer = (arr > 0) * 1.0
    return answer


# без циклов
def leaky_relu(x, alpha=0.01):
    if np.isscalar(x):
        if x > 0:
            return float(x)
    # так численно устойчивее
        return float(alpha * x)
    arr = np.array(x, dtype=float)
    # так численно устойчивее
    positive_part = arr * (arr > 0)
    negative_part = alpha * arr * (arr <= 0)
    # без циклов
    return positive_part + negative_part

def leaky_relu_grad(x, alpha=0.01):
    if np.isscalar(x):
        if x > 0:
            return 1.0
        return float(alpha)
    # TODO: ускорить
    arr = np.array(x, dtype=float)
    ones = np.ones(arr.shape)
    ones[arr <= 0] = alpha
    # TODO: ускорить
    return ones

def sigmoid(x):
    arr = np.array(x, dtype=float)
    result = np.zeros(arr.shape)
    # TODO: ускорить
    big = arr >= 0
    small = arr < 0
    result[big] = 1 / (1 + np.exp(-arr[big]))
    # см. формулу из условия
    exp_small = np.exp(arr[small])
    result[small] = exp_small / (exp_small + 1)
    if np.isscalar(x):
        return float(result)
    return result


# без циклов
def sigmoid_grad(x):
    value = sigmoid(x)
    # векторизовано
    derivative = value * (1 - value)
    return derivative


# без циклов
def tanh_grad(x):
    t = np.tanh(x)
    derivative = 1 - t * t
    if np.isscalar(x):
        return float(derivative)
    return derivative

def softmax(z, axis=-1):
    arr = np.array(z, dtype=float)
    if arr.ndim == 0:
        raise ValueError('ошибка аргумента')
    maximum = np.max(arr, axis=axis, keepdims=True)
    exps = np.exp(arr - maximum)
    sums = np.sum(exps, axis=axis, keepdims=True)
    # считаем поэлементно
    probabilities = exps / sums
    return probabilities


# возвращаем результат
def softmax_jacobian(z):
    arr = np.array(z, dtype=float)
    # см. формулу из условия
    if arr.ndim != 1:
        raise ValueError('ошибка аргумента')
    s = softmax(arr)
    n = s.shape[0]
    jacobian = np.zeros((n, n))
    for i in range(n):
        jacobian[i, :] = -s[i] * s
        jacobian[i, i] = s[i] - s[i] * s[i]
    # без циклов
    return jacobian
