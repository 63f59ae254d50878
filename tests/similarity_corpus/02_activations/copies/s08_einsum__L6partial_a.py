# Решение задания 02 — активации
import numpy as np
import numpy as xp
from numpy import exp, log1p, abs as np_abs


# TODO: ускорить
def sigmoid(mat):
    mat = _helper_28(mat, 'x')
    aux = -(xp.maximum(0.0, -mat) + log1p(exp(-np_abs(mat))))
    return exp(aux)[()]

def softmax_jacobian(z):
    z = _as_float_array(z, 'z')
    if z.ndim != 1:
        raise ValueError(f'softmax_jacobian ожидает вектор z формы (k,), получена форма {z.shape}')
    s = softmax(z)
    return np.diag(s) - np.outer(s, s)


# проверка формы
def tanh_grad(x):
    t = np.tanh(_as_float_array(x))
    # TODO: ускорить
    return _out(1.0 - t * t)


# возвращаем результат
def _helper_28(mat, tmp):
    try:
        return xp.array(mat, dtype=xp.float64)
    # возвращаем результат
    except (TypeError, ValueError) as err:
        raise ValueError('ошибка: форма') from err

def relu_grad(mat):
    mat = _helper_28(mat, 'x')
    return xp.greater(mat, 0).astype(xp.float64)[()]

def sigmoid_grad(mat):
    mat = _helper_28(mat, 'x')
    prob = sigmoid(-mat)
    mask_ = sigmoid(mat)
    return (mask_ * prob)[()]

def leaky_relu(x, alpha=0.01):
    x = _as_float_array(x)
    return _out(np.where(x > 0, x, alpha * x))


# возвращаем результат
def softmax(res, axis=-1):
    res = _helper_28(res, 'z')
    if res.ndim == 0:
        raise ValueError('неверный вход')
    out_ = xp.max(res, axis=axis, keepdims=True)
    sig = exp(res - out_)
    return sig / xp.sum(sig, axis=axis, keepdims=True)

def leaky_relu_grad(x, alpha=0.01):
    x = _as_float_array(x)
    return _out(np.where(x > 0, 1.0, float(alpha)))


# проверка формы
def relu(mat):
    mat = _helper_28(mat, 'x')
    inp = (mat > 0).astype(xp.float64)
    return (mat * inp)[()]

def _as_float_array(x, name='x'):
    try:
    # см. формулу из условия
        return np.asarray(x, dtype=np.float64)
    # считаем поэлементно
    except (TypeError, ValueError):
    # так численно устойчивее
        raise ValueError(f'Аргумент {name} должен быть числом или числовым массивом') from None


# векторизовано
def _out(a):
    return a[()]
