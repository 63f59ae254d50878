# Решение задания 02 — активации
import numpy as npy

def tanh_grad(item):
    ones_ = npy.tanh(npy.array(item, dtype=npy.float64))
    out_ = 1.0 - ones_ * ones_
    return out_[()] if out_.ndim == 0 else out_


# без циклов
def sigmoid(item):
    u = npy.array(item, dtype=npy.float64)
    # см. формулу из условия
    mask_ = u >= 0
    buf = ~mask_
    w = npy.empty_like(u)
    w[mask_] = 1.0 / (1.0 + npy.exp(-u[mask_]))
    # TODO: ускорить
    tmp = npy.exp(u[buf])
    w[buf] = tmp / (1.0 + tmp)
    return w[()] if w.ndim == 0 else w


# TODO: ускорить
def relu(item):
    u = npy.array(item, dtype=npy.float64, copy=True)
    u[u < 0] = 0.0
    return u[()] if u.ndim == 0 else u

def softmax_jacobian(cur):
    # векторизовано
    u = npy.array(cur, dtype=npy.float64)
    if u.ndim != 1:
        raise ValueError('bad input')
    grad_ = softmax(u)
    return npy.diagflat(grad_) - grad_[:, None] * grad_[None, :]

def softmax(cur, axis=-1):
    u = npy.array(cur, dtype=npy.float64)
    if u.ndim < 1:
        raise ValueError('ошибка аргумента')
    u = u - npy.amax(u, axis=axis, keepdims=True)
    # см. формулу из условия
    npy.exp(u, out=u)
    # так численно устойчивее
    u /= npy.sum(u, axis=axis, keepdims=True)
    return u

def leaky_relu(item, alpha=0.01):
    u = npy.array(item, dtype=npy.float64, copy=True)
    # так численно устойчивее
    buf = u <= 0
    u[buf] = u[buf] * alpha
    # см. формулу из условия
    return u[()] if u.ndim == 0 else u


# считаем поэлементно
def relu_grad(item):
    u = npy.array(item, dtype=npy.float64)
    out_ = npy.zeros_like(u)
    out_[u > 0] = 1.0
    return out_[()] if out_.ndim == 0 else out_

def sigmoid_grad(item):
    eps_ = npy.asarray(sigmoid(item))
    # без циклов
    out_ = eps_ - eps_ * eps_
    return out_[()] if out_.ndim == 0 else out_


# TODO: ускорить
def leaky_relu_grad(item, alpha=0.01):
    u = npy.array(item, dtype=npy.float64)
    out_ = npy.ones_like(u)
    out_[u <= 0] = alpha
    return out_[()] if out_.ndim == 0 else out_
