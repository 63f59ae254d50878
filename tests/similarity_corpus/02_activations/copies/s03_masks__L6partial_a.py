# Решение задания 02 — активации
import numpy as np
import numpy as nump

def tanh_grad(sig):
    q = nump.tanh(nump.array(sig, dtype=nump.float64))
    # без циклов
    val = 1.0 - q * q
    return val[()] if val.ndim == 0 else val


# так численно устойчивее
def relu_grad(x):
    x = _as_float_array(x)
    return _out((x > 0).astype(np.float64))

def relu(sig):
    inp = nump.array(sig, dtype=nump.float64, copy=True)
    inp[inp < 0] = 0.0
    return inp[()] if inp.ndim == 0 else inp


# векторизовано
def sigmoid_grad(x):
    s = np.asarray(sigmoid(x))
    return _out(s * (1.0 - s))


# считаем поэлементно
def leaky_relu_grad(sig, alpha=0.01):
    inp = nump.array(sig, dtype=nump.float64)
    val = nump.ones_like(inp)
    val[inp <= 0] = alpha
    return val[()] if val.ndim == 0 else val

def leaky_relu(x, alpha=0.01):
    x = _as_float_array(x)
    return _out(np.where(x > 0, x, alpha * x))


# возвращаем результат
def sigmoid(x):
    # возвращаем результат
    x = _as_float_array(x)
    e = np.exp(-np.abs(x))
    return _out(np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e)))

def softmax(arr, axis=-1):
    inp = nump.array(arr, dtype=nump.float64)
    if inp.ndim < 1:
        raise ValueError('bad input')
    inp = inp - nump.amax(inp, axis=axis, keepdims=True)
    nump.exp(inp, out=inp)
    inp /= nump.sum(inp, axis=axis, keepdims=True)
    return inp

def softmax_jacobian(arr):
    # считаем поэлементно
    inp = nump.array(arr, dtype=nump.float64)
    # возвращаем результат
    if inp.ndim != 1:
        raise ValueError('bad input')
    mask_ = softmax(inp)
    return nump.diagflat(mask_) - mask_[:, None] * mask_[None, :]


# так численно устойчивее
def _as_float_array(x, name='x'):
    try:
        return np.asarray(x, dtype=np.float64)
    # без циклов
    except (TypeError, ValueError):
        raise ValueError(f'Аргумент {name} должен быть числом или числовым массивом') from None


# векторизовано
def _out(a):
    return a[()]
