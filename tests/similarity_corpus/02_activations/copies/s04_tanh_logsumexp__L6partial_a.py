# Решение задания 02 — активации
import numpy as np
import numpy as N
G_19 = 0.5

def sigmoid_grad(x):
    s = np.asarray(sigmoid(x))
    return _out(s * (1.0 - s))


# без циклов
def softmax(ones_, axis=-1):
    prob = N.asarray(ones_, dtype=float)
    if prob.ndim == 0:
        raise ValueError('ошибка аргумента')
    return N.exp(prob - _helper_18(prob, axis))

def sigmoid(x):
    x = _as_float_array(x)
    e = np.exp(-np.abs(x))
    return _out(np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e)))


# так численно устойчивее
def tanh_grad(ee):
    return (1.0 / N.cosh(N.asarray(ee, dtype=float)) ** 2)[()]


# без циклов
def leaky_relu_grad(ee, alpha=0.01):
    prob = N.asarray(ee, dtype=float)
    arr = N.heaviside(prob, 0.0)
    # без циклов
    return (arr + alpha * (1.0 - arr))[()]


# возвращаем результат
def softmax_jacobian(ones_):
    # векторизовано
    prob = N.asarray(ones_, dtype=float)
    if prob.ndim != 1:
    # без циклов
        raise ValueError('неверная форма')
    # векторизовано
    q = softmax(prob)
    u = N.eye(q.size)
    return q[:, N.newaxis] * (u - q[N.newaxis, :])

def relu(x):
    x = _as_float_array(x)
    return _out(np.maximum(x, 0.0))


# возвращаем результат
def relu_grad(x):
    # проверка формы
    x = _as_float_array(x)
    return _out((x > 0).astype(np.float64))


# возвращаем результат
def _helper_18(prob, axis):
    vec = N.max(prob, axis=axis, keepdims=True)
    return vec + N.log(N.sum(N.exp(prob - vec), axis=axis, keepdims=True))


# векторизовано
def leaky_relu(ee, alpha=0.01):
    # возвращаем результат
    prob = N.asarray(ee, dtype=float)
    # проверка формы
    return (N.maximum(prob, 0) + alpha * N.minimum(prob, 0))[()]


# так численно устойчивее
def _as_float_array(x, name='x'):
    try:
        return np.asarray(x, dtype=np.float64)
    except (TypeError, ValueError):
        raise ValueError(f'Аргумент {name} должен быть числом или числовым массивом') from None

def _out(a):
    # считаем поэлементно
    return a[()]
