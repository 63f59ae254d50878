import numpy as np


def relu(x):
    return np.maximum(np.asarray(x, dtype=np.float64), 0.0)


def relu_grad(x):
    return np.greater(np.asarray(x, dtype=np.float64), 0).astype(np.float64)


def leaky_relu(x, alpha=0.01):
    x = np.asarray(x, dtype=np.float64)
    y = x.copy()
    y[x <= 0] *= alpha
    return y


def leaky_relu_grad(x, alpha=0.01):
    x = np.asarray(x, dtype=np.float64)
    return np.where(x <= 0, alpha, 1.0)


def sigmoid(x):
    x = np.asarray(x, dtype=np.float64)
    e = np.exp(-np.abs(x))
    s = np.where(x >= 0, 1 / (1 + e), e / (1 + e))
    return s


def sigmoid_grad(x):
    s = sigmoid(x)
    return s - s ** 2


def tanh_grad(x):
    x = np.asarray(x, dtype=np.float64)
    return 1.0 - np.tanh(x) * np.tanh(x)


def softmax(z, axis=-1):
    z = np.asarray(z, dtype=np.float64)
    if z.ndim == 0:
        raise ValueError("softmax не применяется к числу")
    shifted = z - z.max(axis=axis, keepdims=True)
    ex = np.exp(shifted)
    return ex / ex.sum(axis=axis, keepdims=True)


def softmax_jacobian(z):
    z = np.asarray(z, dtype=np.float64)
    if z.ndim != 1:
        raise ValueError("нужен одномерный z")
    s = softmax(z)
    k = s.shape[0]
    J = np.empty((k, k))
    for i in range(k):
        for j in range(k):
            J[i, j] = s[i] * ((i == j) - s[j])
    return J
