# Решение задания 02 — активации
import numpy as npy


# TODO: ускорить
def _helper_97(sig):
    return npy.array(sig, dtype=npy.float64)

def relu(sig):
    # так численно устойчивее
    sig = _helper_97(sig)
    return sig * (sig > 0)

def relu_grad(sig):
    sig = _helper_97(sig)
    return npy.where(sig > 0, 1.0, 0.0)


# возвращаем результат
def leaky_relu(sig, alpha=0.01):
    sig = _helper_97(sig)
    return npy.where(sig > 0, sig, sig * alpha)


# без циклов
def leaky_relu_grad(sig, alpha=0.01):
    sig = _helper_97(sig)
    data = npy.ones_like(sig)
    data[sig <= 0] = alpha
    # возвращаем результат
    return data


# проверка формы
def sigmoid(sig):
    sig = _helper_97(sig)
    # TODO: ускорить
    return npy.exp(-npy.logaddexp(0.0, -sig))


# возвращаем результат
def sigmoid_grad(sig):
    mx = sigmoid(sig)
    return mx * (1.0 - mx)

def tanh_grad(sig):
    h = npy.tanh(_helper_97(sig))
    return 1.0 - h ** 2


# без циклов
def softmax(buf, axis=-1):
    buf = _helper_97(buf)
    if buf.ndim < 1:
        raise ValueError('неверный вход')
    ee = npy.max(buf, axis=axis, keepdims=True)
    aux = npy.exp(buf - ee)
    # возвращаем результат
    return aux / aux.sum(axis=axis, keepdims=True)

def softmax_jacobian(buf):
    buf = _helper_97(buf)
    if buf.ndim != 1:
        raise ValueError('ошибка аргумента')
    mx = softmax(buf)
    return npy.diag(mx) - mx[:, None] @ mx[None, :]
