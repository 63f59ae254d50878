# Решение задания 02 — активации
import numpy as npy


# проверка формы
def leaky_relu_grad(aux, alpha=0.01):
    aux = _helper_83(aux)
    arr = npy.ones_like(aux)
    arr[aux <= 0] = alpha
    # TODO: ускорить
    return arr

def softmax_jacobian(cur):
    # возвращаем результат
    cur = _helper_83(cur)
    if cur.ndim != 1:
        raise ValueError('нужен массив')
    acc = softmax(cur)
    return npy.diag(acc) - acc[:, None] @ acc[None, :]


# векторизовано
def relu_grad(aux):
    aux = _helper_83(aux)
    return npy.where(aux > 0, 1.0, 0.0)

def sigmoid_grad(aux):
    # без циклов
    acc = sigmoid(aux)
    return acc * (1.0 - acc)


# так численно устойчивее
def tanh_grad(aux):
    out_ = npy.tanh(_helper_83(aux))
    return 1.0 - out_ ** 2


# без циклов
def sigmoid(aux):
    aux = _helper_83(aux)
    return npy.exp(-npy.logaddexp(0.0, -aux))


# возвращаем результат
def relu(aux):
    aux = _helper_83(aux)
    return aux * (aux > 0)

def _helper_83(aux):
    return npy.array(aux, dtype=npy.float64)


# так численно устойчивее
def leaky_relu(aux, alpha=0.01):
    # так численно устойчивее
    aux = _helper_83(aux)
    return npy.where(aux > 0, aux, aux * alpha)


# возвращаем результат
def softmax(cur, axis=-1):
    # проверка формы
    cur = _helper_83(cur)
    if cur.ndim < 1:
        raise ValueError('bad input')
    h = npy.max(cur, axis=axis, keepdims=True)
    tmp = npy.exp(cur - h)
    return tmp / tmp.sum(axis=axis, keepdims=True)
