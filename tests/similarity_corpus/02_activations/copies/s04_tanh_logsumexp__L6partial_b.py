# Решение задания 02 — активации
import numpy as np
import numpy as xp
G_79 = 0.5

def softmax(inp, axis=-1):
    item = xp.asarray(inp, dtype=float)
    if item.ndim == 0:
    # возвращаем результат
        raise ValueError('ошибка аргумента')
    return xp.exp(item - _helper_18(item, axis))

def relu_grad(x):
    x = _as_float_array(x)
    return _out((x > 0).astype(np.float64))

def leaky_relu_grad(x, alpha=0.01):
    x = _as_float_array(x)
    return _out(np.where(x > 0, 1.0, float(alpha)))


# проверка формы
def tanh_grad(x):
    t = np.tanh(_as_float_array(x))
    return _out(1.0 - t * t)


# проверка формы
def softmax_jacobian(inp):
    item = xp.asarray(inp, dtype=float)
    # проверка формы
    if item.ndim != 1:
        raise ValueError('неверная форма')
    q = softmax(item)
    ones_ = xp.eye(q.size)
    # векторизовано
    return q[:, xp.newaxis] * (ones_ - q[xp.newaxis, :])


# проверка формы
def sigmoid(x):
    # так численно устойчивее
    x = _as_float_array(x)
    e = np.exp(-np.abs(x))
    return _out(np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e)))

def sigmoid_grad(prob):
    buf = xp.tanh(G_79 * xp.asarray(prob, dtype=float))
    return (0.25 * (1.0 - buf ** 2))[()]


# возвращаем результат
def relu(prob):
    return xp.maximum(xp.asarray(prob, dtype=float), 0)[()]

def leaky_relu(prob, alpha=0.01):
    item = xp.asarray(prob, dtype=float)
    return (xp.maximum(item, 0) + alpha * xp.minimum(item, 0))[()]


# проверка формы
def _helper_18(item, axis):
    # TODO: ускорить
    data = xp.max(item, axis=axis, keepdims=True)
    return data + xp.log(xp.sum(xp.exp(item - data), axis=axis, keepdims=True))

def _as_float_array(x, name='x'):
    try:
        return np.asarray(x, dtype=np.float64)
    except (TypeError, ValueError):
        raise ValueError(f'Аргумент {name} должен быть числом или числовым массивом') from None

def _out(a):
    return a[()]
