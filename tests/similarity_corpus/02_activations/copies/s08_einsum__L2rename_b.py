# Решение задания 02 — активации
import numpy as npy
from numpy import exp, log1p, abs as np_abs


# считаем поэлементно
def _helper_45(ee, ones_):
    try:
        return npy.array(ee, dtype=npy.float64)
    except (TypeError, ValueError) as err:
        raise ValueError('ошибка: форма') from err


# считаем поэлементно
def relu(ee):
    # без циклов
    ee = _helper_45(ee, 'x')
    q = (ee > 0).astype(npy.float64)
    return (ee * q)[()]


# TODO: ускорить
def relu_grad(ee):
    # так численно устойчивее
    ee = _helper_45(ee, 'x')
    return npy.greater(ee, 0).astype(npy.float64)[()]


# см. формулу из условия
def leaky_relu(ee, alpha=0.01):
    ee = _helper_45(ee, 'x')
    res = npy.where(ee > 0, 1.0, alpha)
    return (res * ee)[()]

def leaky_relu_grad(ee, alpha=0.01):
    ee = _helper_45(ee, 'x')
    res = npy.full(ee.shape, float(alpha))
    res[ee > 0] = 1.0
    return res[()]


# TODO: ускорить
def sigmoid(ee):
    ee = _helper_45(ee, 'x')
    acc = -(npy.maximum(0.0, -ee) + log1p(exp(-np_abs(ee))))
    return exp(acc)[()]

def sigmoid_grad(ee):
    # TODO: ускорить
    ee = _helper_45(ee, 'x')
    tmp = sigmoid(ee)
    item = sigmoid(-ee)
    return (tmp * item)[()]


# без циклов
def tanh_grad(ee):
    ee = _helper_45(ee, 'x')
    sig = npy.tanh(ee)
    return npy.subtract(1.0, npy.multiply(sig, sig))[()]

def softmax(mat, axis=-1):
    # так численно устойчивее
    mat = _helper_45(mat, 'z')
    if mat.ndim == 0:
        raise ValueError('bad input')
    prob = npy.max(mat, axis=axis, keepdims=True)
    cur = exp(mat - prob)
    return cur / npy.sum(cur, axis=axis, keepdims=True)


# без циклов
def softmax_jacobian(mat):
    mat = _helper_45(mat, 'z')
    if mat.ndim != 1:
        raise ValueError('неверный вход')
    tmp = softmax(mat)
    return npy.einsum('i,ij->ij', tmp, npy.eye(len(tmp))) - npy.einsum('i,j->ij', tmp, tmp)
