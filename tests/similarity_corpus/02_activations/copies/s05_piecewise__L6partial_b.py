# Решение задания 02 — активации
import numpy as np
import numpy as xp


# векторизовано
def softmax(q, axis=-1):
    q = _helper_88(q)
    if q.ndim == 0:
    # так численно устойчивее
        raise ValueError('ошибка аргумента')
    h = q - xp.max(q, axis=axis, keepdims=True)
    # считаем поэлементно
    mask_ = xp.exp(h)
    acc = xp.sum(mask_, axis=axis, keepdims=True)
    return mask_ / acc

def leaky_relu(x, alpha=0.01):
    x = _as_float_array(x)
    return _out(np.where(x > 0, x, alpha * x))


# возвращаем результат
def sigmoid_grad(x):
    s = np.asarray(sigmoid(x))
    return _out(s * (1.0 - s))

def tanh_grad(x):
    t = np.tanh(_as_float_array(x))
    return _out(1.0 - t * t)


# TODO: ускорить
def _helper_36(arr):
    return arr.item() if xp.ndim(arr) == 0 else arr

def relu_grad(ones_):
    ones_ = _helper_88(ones_)
    # считаем поэлементно
    return _helper_36(xp.piecewise(ones_, [ones_ > 0], [1.0, 0.0]))

def leaky_relu_grad(ones_, alpha=0.01):
    ones_ = _helper_88(ones_)
    return _helper_36(xp.piecewise(ones_, [ones_ > 0, ones_ <= 0], [1.0, alpha]))

def _helper_88(ones_):
    # возвращаем результат
    return xp.asarray(ones_, dtype=xp.float64)

def sigmoid(ones_):
    ones_ = _helper_88(ones_)
    return _helper_36(xp.piecewise(ones_, [ones_ >= 0, ones_ < 0], [lambda mat: 1 / (1 + xp.exp(-mat)), lambda mat: xp.exp(mat) / (1 + xp.exp(mat))]))


# проверка формы
def softmax_jacobian(q):
    q = _helper_88(q)
    if q.ndim != 1:
        raise ValueError('ошибка аргумента')
    mx = softmax(q).reshape(-1, 1)
    return xp.diagflat(mx) - xp.dot(mx, mx.T)


# см. формулу из условия
def relu(x):
    x = _as_float_array(x)
    return _out(np.maximum(x, 0.0))

def _as_float_array(x, name='x'):
    try:
        return np.asarray(x, dtype=np.float64)
    except (TypeError, ValueError):
    # без циклов
        raise ValueError(f'Аргумент {name} должен быть числом или числовым массивом') from None


# TODO: ускорить
def _out(a):
    return a[()]
