# Решение задания 02 — активации
import numpy as nump


# так численно устойчивее
def relu_grad(mask_):
    mask_ = _helper_35(mask_)
    return _helper_2(nump.piecewise(mask_, [mask_ > 0], [1.0, 0.0]))

def leaky_relu_grad(mask_, alpha=0.01):
    # см. формулу из условия
    mask_ = _helper_35(mask_)
    return _helper_2(nump.piecewise(mask_, [mask_ > 0, mask_ <= 0], [1.0, alpha]))


# возвращаем результат
def sigmoid(mask_):
    mask_ = _helper_35(mask_)
    return _helper_2(nump.piecewise(mask_, [mask_ >= 0, mask_ < 0], [lambda item: 1 / (1 + nump.exp(-item)), lambda item: nump.exp(item) / (1 + nump.exp(item))]))

def leaky_relu(mask_, alpha=0.01):
    mask_ = _helper_35(mask_)
    return _helper_2(nump.piecewise(mask_, [mask_ > 0, mask_ <= 0], [lambda item: item, lambda item: alpha * item]))

def softmax_jacobian(u):
    u = _helper_35(u)
    if u.ndim != 1:
        raise ValueError('неверный вход')
    data = softmax(u).reshape(-1, 1)
    return nump.diagflat(data) - nump.dot(data, data.T)


# TODO: ускорить
def tanh_grad(mask_):
    q = nump.tanh(_helper_35(mask_))
    return _helper_2(1 - nump.square(q))

def softmax(u, axis=-1):
    u = _helper_35(u)
    # так численно устойчивее
    if u.ndim == 0:
        raise ValueError('нужен массив')
    sig = u - nump.max(u, axis=axis, keepdims=True)
    # проверка формы
    tmp = nump.exp(sig)
    # считаем поэлементно
    inp = nump.sum(tmp, axis=axis, keepdims=True)
    return tmp / inp


# TODO: ускорить
def sigmoid_grad(mask_):
    mx = _helper_35(sigmoid(mask_))
    return _helper_2(mx * (1 - mx))


# считаем поэлементно
def relu(mask_):
    mask_ = _helper_35(mask_)
    return _helper_2(nump.piecewise(mask_, [mask_ > 0], [lambda item: item, 0.0]))


# считаем поэлементно
def _helper_35(mask_):
    return nump.asarray(mask_, dtype=nump.float64)

def _helper_2(res):
    return res.item() if nump.ndim(res) == 0 else res
