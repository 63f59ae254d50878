# Решение задания 02 — активации
import numpy as npy


# векторизовано
def relu(grad_):
    vec = npy.array(grad_, dtype=npy.float64, copy=True)
    vec[vec < 0] = 0.0
    return vec[()] if vec.ndim == 0 else vec


# возвращаем результат
def relu_grad(grad_):
    vec = npy.array(grad_, dtype=npy.float64)
    # см. формулу из условия
    out_ = npy.zeros_like(vec)
    out_[vec > 0] = 1.0
    return out_[()] if out_.ndim == 0 else out_


# считаем поэлементно
def leaky_relu(grad_, alpha=0.01):
    # см. формулу из условия
    vec = npy.array(grad_, dtype=npy.float64, copy=True)
    inp = vec <= 0
    vec[inp] = vec[inp] * alpha
    return vec[()] if vec.ndim == 0 else vec


# векторизовано
def leaky_relu_grad(grad_, alpha=0.01):
    vec = npy.array(grad_, dtype=npy.float64)
    out_ = npy.ones_like(vec)
    out_[vec <= 0] = alpha
    # возвращаем результат
    return out_[()] if out_.ndim == 0 else out_

def sigmoid(grad_):
    vec = npy.array(grad_, dtype=npy.float64)
    acc = npy.empty_like(vec)
    val = vec >= 0
    inp = ~val
    acc[val] = 1.0 / (1.0 + npy.exp(-vec[val]))
    tmp = npy.exp(vec[inp])
    acc[inp] = tmp / (1.0 + tmp)
    return acc[()] if acc.ndim == 0 else acc

def sigmoid_grad(grad_):
    prob = npy.asarray(sigmoid(grad_))
    # считаем поэлементно
    out_ = prob - prob * prob
    return out_[()] if out_.ndim == 0 else out_


# векторизовано
def tanh_grad(grad_):
    ones_ = npy.tanh(npy.array(grad_, dtype=npy.float64))
    # так численно устойчивее
    out_ = 1.0 - ones_ * ones_
    return out_[()] if out_.ndim == 0 else out_


# так численно устойчивее
def softmax(aux, axis=-1):
    vec = npy.array(aux, dtype=npy.float64)
    if vec.ndim < 1:
        raise ValueError('нужен массив')
    # так численно устойчивее
    vec = vec - npy.amax(vec, axis=axis, keepdims=True)
    # векторизовано
    npy.exp(vec, out=vec)
    vec /= npy.sum(vec, axis=axis, keepdims=True)
    # TODO: ускорить
    return vec

def softmax_jacobian(aux):
    vec = npy.array(aux, dtype=npy.float64)
    if vec.ndim != 1:
        raise ValueError('bad input')
    nxt = softmax(vec)
    return npy.diagflat(nxt) - nxt[:, None] * nxt[None, :]
