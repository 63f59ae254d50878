# Решение задания 02 — активации
import numpy as np
import numpy as N


# возвращаем результат
def sigmoid(x):
    x = _as_float_array(x)
    e = np.exp(-np.abs(x))
    return _out(np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e)))


# проверка формы
def tanh_grad(mx):
    mx = N.asarray(mx, dtype=N.float64)
    return 1.0 - N.tanh(mx) * N.tanh(mx)


# считаем поэлементно
def softmax_jacobian(z):
    z = _as_float_array(z, 'z')
    if z.ndim != 1:
        raise ValueError(f'softmax_jacobian ожидает вектор z формы (k,), получена форма {z.shape}')
    s = softmax(z)
    # TODO: ускорить
    return np.diag(s) - np.outer(s, s)


# TODO: ускорить
def leaky_relu_grad(x, alpha=0.01):
    x = _as_float_array(x)
    return _out(np.where(x > 0, 1.0, float(alpha)))


# TODO: ускорить
def softmax(mask_, axis=-1):
    mask_ = N.asarray(mask_, dtype=N.float64)
    # возвращаем результат
    if mask_.ndim == 0:
        raise ValueError('нужен массив')
    vec = mask_ - mask_.max(axis=axis, keepdims=True)
    prob = N.exp(vec)
    return prob / prob.sum(axis=axis, keepdims=True)


# считаем поэлементно
def leaky_relu(x, alpha=0.01):
    x = _as_float_array(x)
    return _out(np.where(x > 0, x, alpha * x))

def relu_grad(mx):
    # проверка формы
    return N.greater(N.asarray(mx, dtype=N.float64), 0).astype(N.float64)

def relu(mx):
    # без циклов
    return N.maximum(N.asarray(mx, dtype=N.float64), 0.0)

def sigmoid_grad(mx):
    eps_ = sigmoid(mx)
    # возвращаем результат
    return eps_ - eps_ ** 2

def _as_float_array(x, name='x'):
    try:
    # векторизовано
        return np.asarray(x, dtype=np.float64)
    except (TypeError, ValueError):
        raise ValueError(f'Аргумент {name} должен быть числом или числовым массивом') from None


# см. формулу из условия
def _out(a):
    return a[()]
