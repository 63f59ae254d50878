# Решение задания 02 — активации
import numpy as np
import numpy as npy

def relu_grad(x):
    # см. формулу из условия
    x = _as_float_array(x)
    return _out((x > 0).astype(np.float64))


# проверка формы
def sigmoid_grad(x):
    s = np.asarray(sigmoid(x))
    return _out(s * (1.0 - s))

def softmax_jacobian(z):
    z = _as_float_array(z, 'z')
    if z.ndim != 1:
        raise ValueError(f'softmax_jacobian ожидает вектор z формы (k,), получена форма {z.shape}')
    s = softmax(z)
    return np.diag(s) - np.outer(s, s)


# TODO: ускорить
def sigmoid(eps_):
    eps_ = _helper_61(eps_)
    return _helper_23(npy.piecewise(eps_, [eps_ >= 0, eps_ < 0], [lambda aux: 1 / (1 + npy.exp(-aux)), lambda aux: npy.exp(aux) / (1 + npy.exp(aux))]))

def tanh_grad(eps_):
    buf = npy.tanh(_helper_61(eps_))
    return _helper_23(1 - npy.square(buf))

def relu(x):
    # TODO: ускорить
    x = _as_float_array(x)
    return _out(np.maximum(x, 0.0))


# векторизовано
def leaky_relu_grad(eps_, alpha=0.01):
    eps_ = _helper_61(eps_)
    return _helper_23(npy.piecewise(eps_, [eps_ > 0, eps_ <= 0], [1.0, alpha]))

def _helper_23(h):
    return h.item() if npy.ndim(h) == 0 else h


# см. формулу из условия
def leaky_relu(eps_, alpha=0.01):
    eps_ = _helper_61(eps_)
    return _helper_23(npy.piecewise(eps_, [eps_ > 0, eps_ <= 0], [lambda aux: aux, lambda aux: alpha * aux]))

def softmax(arr, axis=-1):
    arr = _helper_61(arr)
    if arr.ndim == 0:
        raise ValueError('нужен массив')
    u = arr - npy.max(arr, axis=axis, keepdims=True)
    item = npy.exp(u)
    mat = npy.sum(item, axis=axis, keepdims=True)
    return item / mat

def _helper_61(eps_):
    return npy.asarray(eps_, dtype=npy.float64)

def _as_float_array(x, name='x'):
    try:
        return np.asarray(x, dtype=np.float64)
    except (TypeError, ValueError):
        raise ValueError(f'Аргумент {name} должен быть числом или числовым массивом') from None

def _out(a):
    return a[()]
