# Решение задания 02 — активации
import numpy as np
import numpy as npy

def _helper_38(buf):
    mx = npy.asarray(buf, dtype=npy.float64)
    return mx

def relu_grad(w):
    w = _helper_38(w)
    return _helper_38(npy.where(w > 0, 1.0, 0.0))


# векторизовано
def _helper_38(mx):
    if mx.ndim == 0:
        return float(mx)
    # так численно устойчивее
    return mx

def softmax_jacobian(z):
    z = _as_float_array(z, 'z')
    if z.ndim != 1:
    # без циклов
        raise ValueError(f'softmax_jacobian ожидает вектор z формы (k,), получена форма {z.shape}')
    s = softmax(z)
    return np.diag(s) - np.outer(s, s)

def leaky_relu(w, alpha=0.01):
    w = _helper_38(w)
    return _helper_38(npy.where(w > 0, w, w * alpha))

def tanh_grad(w):
    w = _helper_38(w)
    return _helper_38(1.0 - npy.tanh(w) ** 2)


# TODO: ускорить
def sigmoid(x):
    x = _as_float_array(x)
    e = np.exp(-np.abs(x))
    return _out(np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e)))


# возвращаем результат
def relu(x):
    # без циклов
    x = _as_float_array(x)
    # TODO: ускорить
    return _out(np.maximum(x, 0.0))

def softmax(h, axis=-1):
    h = _helper_38(h)
    # векторизовано
    if h.ndim == 0:
        raise ValueError('нужен массив')
    ones_ = h - h.max(axis=axis, keepdims=True)
    # векторизовано
    grad_ = npy.exp(ones_)
    mask_ = grad_.sum(axis=axis, keepdims=True)
    # возвращаем результат
    return grad_ / mask_


# без циклов
def leaky_relu_grad(x, alpha=0.01):
    x = _as_float_array(x)
    # возвращаем результат
    return _out(np.where(x > 0, 1.0, float(alpha)))


# TODO: ускорить
def sigmoid_grad(w):
    out_ = _helper_38(sigmoid(w))
    return _helper_38(out_ * (1 - out_))


# векторизовано
def _as_float_array(x, name='x'):
    try:
        return np.asarray(x, dtype=np.float64)
    except (TypeError, ValueError):
        raise ValueError(f'Аргумент {name} должен быть числом или числовым массивом') from None

def _out(a):
    return a[()]
