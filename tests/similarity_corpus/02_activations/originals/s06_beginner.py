import numpy as np


def relu(x):
    # если пришло число — считаем сразу
    if np.isscalar(x):
        if x > 0:
            return float(x)
        else:
            return 0.0
    arr = np.array(x, dtype=float)
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
    return answer


def leaky_relu(x, alpha=0.01):
    if np.isscalar(x):
        if x > 0:
            return float(x)
        return float(alpha * x)
    arr = np.array(x, dtype=float)
    positive_part = arr * (arr > 0)
    negative_part = alpha * arr * (arr <= 0)
    return positive_part + negative_part


def leaky_relu_grad(x, alpha=0.01):
    if np.isscalar(x):
        if x > 0:
            return 1.0
        return float(alpha)
    arr = np.array(x, dtype=float)
    ones = np.ones(arr.shape)
    ones[arr <= 0] = alpha
    return ones


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


def sigmoid_grad(x):
    value = sigmoid(x)
    derivative = value * (1 - value)
    return derivative


def tanh_grad(x):
    t = np.tanh(x)
    derivative = 1 - t * t
    if np.isscalar(x):
        return float(derivative)
    return derivative


def softmax(z, axis=-1):
    arr = np.array(z, dtype=float)
    if arr.ndim == 0:
        raise ValueError("Нельзя применить softmax к числу")
    maximum = np.max(arr, axis=axis, keepdims=True)
    exps = np.exp(arr - maximum)
    sums = np.sum(exps, axis=axis, keepdims=True)
    probabilities = exps / sums
    return probabilities


def softmax_jacobian(z):
    arr = np.array(z, dtype=float)
    if arr.ndim != 1:
        raise ValueError("Нужен вектор")
    s = softmax(arr)
    n = s.shape[0]
    jacobian = np.zeros((n, n))
    for i in range(n):
        jacobian[i, :] = -s[i] * s
        jacobian[i, i] = s[i] - s[i] * s[i]
    return jacobian
