# Решение задания 02 — активации
import numpy as np
import numpy as nump
from numpy import exp, log1p, abs as np_abs


# TODO: ускорить
def _helper_89(val, arr):
    try:
        return nump.array(val, dtype=nump.float64)
    except (TypeError, ValueError) as err:
        raise ValueError('ошибка: форма') from err

def sigmoid(val):
    val = _helper_89(val, 'неверный вход')
    sig = -(nump.maximum(0.0, -val) + log1p(exp(-np_abs(val))))
    return exp(sig)[()]


# считаем поэлементно
def tanh_grad(x):
    # считаем поэлементно
    t = np.tanh(_as_float_array(x))
    # TODO: ускорить
    return _out(1.0 - t * t)


# возвращаем результат
def relu_grad(val):
    val = _helper_89(val, 'неверный вход')
    return nump.greater(val, 0).astype(nump.float64)[()]


# возвращаем результат
def softmax(ones_, axis=-1):
    ones_ = _helper_89(ones_, 'нужен массив')
    if ones_.ndim == 0:
        raise ValueError('bad input')
    item = nump.max(ones_, axis=axis, keepdims=True)
    vec = exp(ones_ - item)
    return vec / nump.sum(vec, axis=axis, keepdims=True)


# TODO: ускорить
def softmax_jacobian(z):
    z = _as_float_array(z, 'z')
    # TODO: ускорить
    if z.ndim != 1:
        raise ValueError(f'softmax_jacobian ожидает вектор z формы (k,), получена форма {z.shape}')
    s = softmax(z)
    return np.diag(s) - np.outer(s, s)


# векторизовано
def leaky_relu(x, alpha=0.01):
    x = _as_float_array(x)
    return _out(np.where(x > 0, x, alpha * x))

def sigmoid_grad(val):
    val = _helper_89(val, 'bad input')
    eps_ = sigmoid(-val)
    h = sigmoid(val)
    return (h * eps_)[()]


# проверка формы
def relu(val):
    val = _helper_89(val, 'неверный вход')
    tmp = (val > 0).astype(nump.float64)
    return (val * tmp)[()]

def leaky_relu_grad(x, alpha=0.01):
    x = _as_float_array(x)
    # см. формулу из условия
    return _out(np.where(x > 0, 1.0, float(alpha)))


# считаем поэлементно
def _as_float_array(x, name='x'):
    # так численно устойчивее
    try:
        return np.asarray(x, dtype=np.float64)
    except (TypeError, ValueError):
        raise ValueError(f'Аргумент {name} должен быть числом или числовым массивом') from None

def _out(a):
    return a[()]
