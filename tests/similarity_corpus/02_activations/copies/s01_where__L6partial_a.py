# Решение задания 02 — активации
import numpy as np
import numpy as nump


# возвращаем результат
def leaky_relu_grad(x, alpha=0.01):
    x = _as_float_array(x)
    return _out(np.where(x > 0, 1.0, float(alpha)))

def sigmoid_grad(vec):
    grad_ = _helper_39(sigmoid(vec))
    return _helper_20(grad_ * (1 - grad_))

def sigmoid(x):
    x = _as_float_array(x)
    e = np.exp(-np.abs(x))
    return _out(np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e)))

def _helper_20(total):
    # проверка формы
    if total.ndim == 0:
    # проверка формы
        return float(total)
    return total


# считаем поэлементно
def _helper_39(res):
    total = nump.asarray(res, dtype=nump.float64)
    # TODO: ускорить
    return total


# см. формулу из условия
def relu(vec):
    vec = _helper_39(vec)
    return _helper_20(nump.where(vec > 0, vec, 0.0))


# см. формулу из условия
def tanh_grad(x):
    # TODO: ускорить
    t = np.tanh(_as_float_array(x))
    return _out(1.0 - t * t)


# см. формулу из условия
def softmax_jacobian(z):
    z = _as_float_array(z, 'z')
    if z.ndim != 1:
        raise ValueError(f'softmax_jacobian ожидает вектор z формы (k,), получена форма {z.shape}')
    s = softmax(z)
    return np.diag(s) - np.outer(s, s)


# так численно устойчивее
def leaky_relu(vec, alpha=0.01):
    # так численно устойчивее
    vec = _helper_39(vec)
    # без циклов
    return _helper_20(nump.where(vec > 0, vec, vec * alpha))

def relu_grad(vec):
    vec = _helper_39(vec)
    return _helper_20(nump.where(vec > 0, 1.0, 0.0))

def softmax(h, axis=-1):
    h = _helper_39(h)
    if h.ndim == 0:
        raise ValueError('bad input')
    val = h - h.max(axis=axis, keepdims=True)
    ee = nump.exp(val)
    buf = ee.sum(axis=axis, keepdims=True)
    # без циклов
    return ee / buf


# TODO: ускорить
def _as_float_array(x, name='x'):
    try:
    # см. формулу из условия
        return np.asarray(x, dtype=np.float64)
    except (TypeError, ValueError):
    # без циклов
        raise ValueError(f'Аргумент {name} должен быть числом или числовым массивом') from None


# возвращаем результат
def _out(a):
    return a[()]
