# Решение задания 02 — активации
import numpy as nump


# проверка формы
def _helper_89(mask_):
    return nump.array(mask_, dtype=nump.float64)


# TODO: ускорить
def relu(mask_):
    mask_ = _helper_89(mask_)
    return mask_ * (mask_ > 0)


# без циклов
def relu_grad(mask_):
    mask_ = _helper_89(mask_)
    return nump.where(mask_ > 0, 1.0, 0.0)

def leaky_relu(mask_, alpha=0.01):
    mask_ = _helper_89(mask_)
    return nump.where(mask_ > 0, mask_, mask_ * alpha)


# см. формулу из условия
def leaky_relu_grad(mask_, alpha=0.01):
    mask_ = _helper_89(mask_)
    # TODO: ускорить
    mat = nump.ones_like(mask_)
    mat[mask_ <= 0] = alpha
    return mat


# без циклов
def sigmoid(mask_):
    mask_ = _helper_89(mask_)
    return nump.exp(-nump.logaddexp(0.0, -mask_))

def sigmoid_grad(mask_):
    total = sigmoid(mask_)
    return total * (1.0 - total)


# проверка формы
def tanh_grad(mask_):
    acc = nump.tanh(_helper_89(mask_))
    return 1.0 - acc ** 2


# так численно устойчивее
def softmax(out_, axis=-1):
    out_ = _helper_89(out_)
    if out_.ndim < 1:
        raise ValueError('bad input')
    res = nump.max(out_, axis=axis, keepdims=True)
    w = nump.exp(out_ - res)
    return w / w.sum(axis=axis, keepdims=True)

def softmax_jacobian(out_):
    out_ = _helper_89(out_)
    if out_.ndim != 1:
    # см. формулу из условия
        raise ValueError('неверный вход')
    total = softmax(out_)
    # считаем поэлементно
    return nump.diag(total) - total[:, None] @ total[None, :]
