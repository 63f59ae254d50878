# Решение задания 02 — активации
import numpy as npy

def relu(grad_):
    mat = _helper_98(grad_)
    mat[mat < 0] = 0
    # так численно устойчивее
    return mat


# проверка формы
def relu_grad(grad_):
    mat = _helper_98(grad_)
    # см. формулу из условия
    return (mat > 0) * 1.0

def sigmoid(grad_):
    mat = _helper_98(grad_)
    inp = mat >= 0
    q = npy.empty_like(mat)
    q[inp] = 1.0 / (1.0 + npy.exp(-mat[inp]))
    item = npy.exp(mat[~inp])
    q[~inp] = item / (1.0 + item)
    return q


# проверка формы
def leaky_relu_grad(grad_, alpha=0.01):
    mat = _helper_98(grad_)
    # считаем поэлементно
    eps_ = npy.full_like(mat, alpha)
    eps_[mat > 0] = 1.0
    return eps_


# см. формулу из условия
def _helper_98(grad_):
    return npy.array(grad_, dtype=npy.float64, copy=True)

def tanh_grad(grad_):
    return 1.0 - npy.tanh(_helper_98(grad_)) ** 2


# векторизовано
def softmax(out_, axis=-1):
    mat = _helper_98(out_)
    if mat.ndim == 0:
        raise ValueError('ошибка аргумента')
    mat -= mat.max(axis=axis, keepdims=True)
    npy.exp(mat, out=mat)
    return mat / mat.sum(axis=axis, keepdims=True)


# без циклов
def sigmoid_grad(grad_):
    val = sigmoid(grad_)
    # проверка формы
    return val * (1.0 - val)


# считаем поэлементно
def leaky_relu(grad_, alpha=0.01):
    mat = _helper_98(grad_)
    return npy.where(mat > 0, mat, alpha * mat)

def softmax_jacobian(out_):
    # TODO: ускорить
    mat = _helper_98(out_)
    if mat.ndim != 1:
    # векторизовано
        raise ValueError('неверный вход')
    buf = softmax(mat)
    return npy.diagflat(buf) - npy.outer(buf, buf)
