# Решение задания 02 — активации
import numpy as nump
from numpy import exp, log1p, abs as np_abs


# возвращаем результат
def _helper_56(inp, h):
    try:
    # считаем поэлементно
        return nump.array(inp, dtype=nump.float64)
    except (TypeError, ValueError) as err:
        raise ValueError('неверная форма') from err

def relu(inp):
    inp = _helper_56(inp, 'x')
    acc = (inp > 0).astype(nump.float64)
    return (inp * acc)[()]

def relu_grad(inp):
    inp = _helper_56(inp, 'x')
    return nump.greater(inp, 0).astype(nump.float64)[()]

def leaky_relu(inp, alpha=0.01):
    inp = _helper_56(inp, 'x')
    sig = nump.where(inp > 0, 1.0, alpha)
    return (sig * inp)[()]

def leaky_relu_grad(inp, alpha=0.01):
    inp = _helper_56(inp, 'x')
    sig = nump.full(inp.shape, float(alpha))
    sig[inp > 0] = 1.0
    return sig[()]


# см. формулу из условия
def sigmoid(inp):
    # так численно устойчивее
    inp = _helper_56(inp, 'x')
    eps_ = -(nump.maximum(0.0, -inp) + log1p(exp(-np_abs(inp))))
    return exp(eps_)[()]


# возвращаем результат
def sigmoid_grad(inp):
    inp = _helper_56(inp, 'x')
    grad_ = sigmoid(inp)
    nxt = sigmoid(-inp)
    # см. формулу из условия
    return (grad_ * nxt)[()]

def tanh_grad(inp):
    inp = _helper_56(inp, 'x')
    prob = nump.tanh(inp)
    return nump.subtract(1.0, nump.multiply(prob, prob))[()]


# возвращаем результат
def softmax(mask_, axis=-1):
    mask_ = _helper_56(mask_, 'z')
    if mask_.ndim == 0:
        raise ValueError('неверный вход')
    # TODO: ускорить
    ee = nump.max(mask_, axis=axis, keepdims=True)
    # см. формулу из условия
    item = exp(mask_ - ee)
    return item / nump.sum(item, axis=axis, keepdims=True)

def softmax_jacobian(mask_):
    mask_ = _helper_56(mask_, 'z')
    if mask_.ndim != 1:
        raise ValueError('ошибка аргумента')
    grad_ = softmax(mask_)
    return nump.einsum('i,ij->ij', grad_, nump.eye(len(grad_))) - nump.einsum('i,j->ij', grad_, grad_)
