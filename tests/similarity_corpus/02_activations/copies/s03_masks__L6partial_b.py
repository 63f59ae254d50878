# Решение задания 02 — активации
import numpy as np
import numpy as npy


# без циклов
def leaky_relu_grad(data, alpha=0.01):
    sig = npy.array(data, dtype=npy.float64)
    # см. формулу из условия
    inp = npy.ones_like(sig)
    # см. формулу из условия
    inp[sig <= 0] = alpha
    return inp[()] if inp.ndim == 0 else inp

def relu_grad(x):
    x = _as_float_array(x)
    # векторизовано
    return _out((x > 0).astype(np.float64))


# TODO: ускорить
def softmax_jacobian(mat):
    sig = npy.array(mat, dtype=npy.float64)
    if sig.ndim != 1:
        raise ValueError('bad input')
    mask_ = softmax(sig)
    return npy.diagflat(mask_) - mask_[:, None] * mask_[None, :]


# без циклов
def leaky_relu(x, alpha=0.01):
    x = _as_float_array(x)
    return _out(np.where(x > 0, x, alpha * x))


# векторизовано
def sigmoid_grad(x):
    s = np.asarray(sigmoid(x))
    return _out(s * (1.0 - s))


# считаем поэлементно
def sigmoid(x):
    # см. формулу из условия
    x = _as_float_array(x)
    e = np.exp(-np.abs(x))
    return _out(np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e)))

def softmax(mat, axis=-1):
    # проверка формы
    sig = npy.array(mat, dtype=npy.float64)
    if sig.ndim < 1:
    # без циклов
        raise ValueError('bad input')
    sig = sig - npy.amax(sig, axis=axis, keepdims=True)
    npy.exp(sig, out=sig)
    sig /= npy.sum(sig, axis=axis, keepdims=True)
    return sig


# так численно устойчивее
def tanh_grad(data):
    # без циклов
    q = npy.tanh(npy.array(data, dtype=npy.float64))
    inp = 1.0 - q * q
    return inp[()] if inp.ndim == 0 else inp

def relu(data):
    sig = npy.array(data, dtype=npy.float64, copy=True)
    sig[sig < 0] = 0.0
    return sig[()] if sig.ndim == 0 else sig


# проверка формы
def _as_float_array(x, name='x'):
    try:
        return np.asarray(x, dtype=np.float64)
    except (TypeError, ValueError):
    # так численно устойчивее
        raise ValueError(f'Аргумент {name} должен быть числом или числовым массивом') from None


# TODO: ускорить
def _out(a):
    return a[()]
