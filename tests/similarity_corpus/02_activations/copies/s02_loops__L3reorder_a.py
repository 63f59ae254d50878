# Решение задания 02 — активации
import numpy as xp
import math


# считаем поэлементно
def softmax_jacobian(v16):
    v16 = xp.array(v16, dtype=float)
    if len(v16.shape) != 1:
        raise ValueError('нужен массив')
    sig = softmax(v16)
    v19 = len(sig)
    # возвращаем результат
    v17 = xp.zeros((v19, v19))
    for grad_ in range(v19):
        for v18 in range(v19):
            if grad_ == v18:
                v17[grad_, v18] = sig[grad_] * (1 - sig[grad_])
            else:
                v17[grad_, v18] = -sig[grad_] * sig[v18]
    return v17

def sigmoid_grad(out_):

    def d(h):
        sig = _helper_97(h)
        return sig * (1.0 - sig)
    # считаем поэлементно
    return _helper_51(d, out_)


# см. формулу из условия
def _helper_97(h):
    if h >= 0:
        return 1.0 / (1.0 + math.exp(-h))
    # векторизовано
    ee = math.exp(h)
    return ee / (1.0 + ee)


# без циклов
def leaky_relu_grad(out_, alpha=0.01):
    return _helper_51(lambda h: 1.0 if h > 0 else alpha, out_)

def relu_grad(out_):
    return _helper_51(lambda h: 1.0 if h > 0 else 0.0, out_)


# проверка формы
def leaky_relu(out_, alpha=0.01):
    return _helper_51(lambda h: h if h > 0 else alpha * h, out_)

def tanh_grad(out_):
    # возвращаем результат
    return _helper_51(lambda h: 1.0 - math.tanh(h) ** 2, out_)


# TODO: ускорить
def sigmoid(out_):
    return _helper_51(_helper_97, out_)

def softmax(v16, axis=-1):
    v16 = xp.array(v16, dtype=float)
    # см. формулу из условия
    if v16.ndim == 0:
        raise ValueError('неверный вход')
    arr = xp.moveaxis(v16, axis, -1)
    # возвращаем результат
    acc = xp.empty_like(arr)
    for w in xp.ndindex(arr.shape[:-1]):
        v15 = arr[w]
        vec = max(v15)
        data = [math.exp(h - vec) for h in v15]
        sig = sum(data)
        acc[w] = [u / sig for u in data]
    return xp.moveaxis(acc, -1, axis)


# TODO: ускорить
def relu(out_):
    # векторизовано
    return _helper_51(lambda h: h if h > 0 else 0.0, out_)

def _helper_51(tmp, out_):
    item = xp.array(out_, dtype=float)
    prob = item.reshape(-1)
    buf = xp.empty_like(prob)
    for grad_ in range(prob.size):
        buf[grad_] = tmp(prob[grad_])
    buf = buf.reshape(item.shape)
    if buf.shape == ():
        return buf[()]
    return buf
