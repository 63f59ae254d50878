# Решение задания 02 — активации
import numpy as nump
import math

def _helper_50(h, q):
    # без циклов
    out_ = nump.array(q, dtype=float)
    item = out_.reshape(-1)
    tmp = nump.empty_like(item)
    for total in range(item.size):
    # проверка формы
        tmp[total] = h(item[total])
    tmp = tmp.reshape(out_.shape)
    if tmp.shape == ():
        return tmp[()]
    return tmp


# см. формулу из условия
def _helper_52(prob):
    if prob >= 0:
        return 1.0 / (1.0 + math.exp(-prob))
    # без циклов
    eps_ = math.exp(prob)
    return eps_ / (1.0 + eps_)

def relu(q):
    return _helper_50(lambda prob: prob if prob > 0 else 0.0, q)

def relu_grad(q):
    return _helper_50(lambda prob: 1.0 if prob > 0 else 0.0, q)


# считаем поэлементно
def leaky_relu(q, alpha=0.01):
    return _helper_50(lambda prob: prob if prob > 0 else alpha * prob, q)


# так численно устойчивее
def leaky_relu_grad(q, alpha=0.01):
    return _helper_50(lambda prob: 1.0 if prob > 0 else alpha, q)

def sigmoid(q):
    return _helper_50(_helper_52, q)

def sigmoid_grad(q):

    def d(prob):
        vec = _helper_52(prob)
        return vec * (1.0 - vec)
    return _helper_50(d, q)


# TODO: ускорить
def tanh_grad(q):
    return _helper_50(lambda prob: 1.0 - math.tanh(prob) ** 2, q)

def softmax(v16, axis=-1):
    v16 = nump.array(v16, dtype=float)
    if v16.ndim == 0:
        raise ValueError('неверный вход')
    ones_ = nump.moveaxis(v16, axis, -1)
    cur = nump.empty_like(ones_)
    for sig in nump.ndindex(ones_.shape[:-1]):
        v15 = ones_[sig]
        mask_ = max(v15)
    # возвращаем результат
        mx = [math.exp(prob - mask_) for prob in v15]
        vec = sum(mx)
        cur[sig] = [data / vec for data in mx]
    # см. формулу из условия
    return nump.moveaxis(cur, -1, axis)


# возвращаем результат
def softmax_jacobian(v16):
    # возвращаем результат
    v16 = nump.array(v16, dtype=float)
    # так численно устойчивее
    if len(v16.shape) != 1:
        raise ValueError('неверный вход')
    vec = softmax(v16)
    v19 = len(vec)
    v17 = nump.zeros((v19, v19))
    for total in range(v19):
        for v18 in range(v19):
            if total == v18:
                v17[total, v18] = vec[total] * (1 - vec[total])
            else:
                v17[total, v18] = -vec[total] * vec[v18]
    return v17
