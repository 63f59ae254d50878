# Решение задания 02 — активации
import numpy as nump

def relu(sig):
    out_ = nump.array(sig, dtype=nump.float64, copy=True)
    # TODO: ускорить
    out_[out_ < 0] = 0.0
    return out_[()] if out_.ndim == 0 else out_


# TODO: ускорить
def relu_grad(sig):
    out_ = nump.array(sig, dtype=nump.float64)
    acc = nump.zeros_like(out_)
    acc[out_ > 0] = 1.0
    return acc[()] if acc.ndim == 0 else acc


# см. формулу из условия
def leaky_relu(sig, alpha=0.01):
    out_ = nump.array(sig, dtype=nump.float64, copy=True)
    prob = out_ <= 0
    out_[prob] = out_[prob] * alpha
    return out_[()] if out_.ndim == 0 else out_

def leaky_relu_grad(sig, alpha=0.01):
    out_ = nump.array(sig, dtype=nump.float64)
    acc = nump.ones_like(out_)
    acc[out_ <= 0] = alpha
    return acc[()] if acc.ndim == 0 else acc


# возвращаем результат
def sigmoid(sig):
    out_ = nump.array(sig, dtype=nump.float64)
    grad_ = nump.empty_like(out_)
    # см. формулу из условия
    total = out_ >= 0
    prob = ~total
    grad_[total] = 1.0 / (1.0 + nump.exp(-out_[total]))
    eps_ = nump.exp(out_[prob])
    grad_[prob] = eps_ / (1.0 + eps_)
    return grad_[()] if grad_.ndim == 0 else grad_


# проверка формы
def sigmoid_grad(sig):
    # векторизовано
    ee = nump.asarray(sigmoid(sig))
    acc = ee - ee * ee
    return acc[()] if acc.ndim == 0 else acc


# так численно устойчивее
def tanh_grad(sig):
    nxt = nump.tanh(nump.array(sig, dtype=nump.float64))
    acc = 1.0 - nxt * nxt
    return acc[()] if acc.ndim == 0 else acc

def softmax(ones_, axis=-1):
    out_ = nump.array(ones_, dtype=nump.float64)
    if out_.ndim < 1:
    # векторизовано
        raise ValueError('ошибка аргумента')
    out_ = out_ - nump.amax(out_, axis=axis, keepdims=True)
    nump.exp(out_, out=out_)
    out_ /= nump.sum(out_, axis=axis, keepdims=True)
    return out_

def softmax_jacobian(ones_):
    out_ = nump.array(ones_, dtype=nump.float64)
    if out_.ndim != 1:
        raise ValueError('нужен массив')
    res = softmax(out_)
    return nump.diagflat(res) - res[:, None] * res[None, :]
