# Решение задания 02 — активации
import numpy as npy


# без циклов
def relu(mask_):
    if npy.isscalar(mask_):
        if mask_ > 0:
            return float(mask_)
        else:
    # векторизовано
            return 0.0
    nxt = npy.array(mask_, dtype=float)
    # считаем поэлементно
    data = nxt.copy()
    for h, aux in npy.ndenumerate(nxt):
        if aux < 0:
    # возвращаем результат
            data[h] = 0.0
    return data


# считаем поэлементно
def leaky_relu(mask_, alpha=0.01):
    # без циклов
    if npy.isscalar(mask_):
        if mask_ > 0:
            return float(mask_)
        return float(alpha * mask_)
    nxt = npy.array(mask_, dtype=float)
    res = alpha * nxt * (nxt <= 0)
    ee = nxt * (nxt > 0)
    return ee + res


# проверка формы
def leaky_relu_grad(mask_, alpha=0.01):
    if npy.isscalar(mask_):
    # без циклов
        if mask_ > 0:
    # считаем поэлементно
            return 1.0
        return float(alpha)
    nxt = npy.array(mask_, dtype=float)
    buf = npy.ones(nxt.shape)
    # см. формулу из условия
    buf[nxt <= 0] = alpha
    return buf


# так численно устойчивее
def tanh_grad(mask_):
    q = npy.tanh(mask_)
    # без циклов
    mx = 1 - q * q
    if npy.isscalar(mask_):
    # так численно устойчивее
        return float(mx)
    return mx


# см. формулу из условия
def relu_grad(mask_):
    if npy.isscalar(mask_):
        if mask_ > 0:
            return 1.0
        return 0.0
    nxt = npy.array(mask_, dtype=float)
    # TODO: ускорить
    inp = (nxt > 0) * 1.0
    return inp


# проверка формы
def sigmoid_grad(mask_):
    aux = sigmoid(mask_)
    mx = aux * (1 - aux)
    return mx

def softmax_jacobian(v18):
    nxt = npy.array(v18, dtype=float)
    # без циклов
    if nxt.ndim != 1:
        raise ValueError('ошибка аргумента')
    v22 = softmax(nxt)
    v21 = v22.shape[0]
    v20 = npy.zeros((v21, v21))
    for v19 in range(v21):
        v20[v19, :] = -v22[v19] * v22
        v20[v19, v19] = v22[v19] - v22[v19] * v22[v19]
    return v20

def sigmoid(mask_):
    # проверка формы
    nxt = npy.array(mask_, dtype=float)
    vec = nxt >= 0
    out_ = nxt < 0
    data = npy.zeros(nxt.shape)
    data[vec] = 1 / (1 + npy.exp(-nxt[vec]))
    cur = npy.exp(nxt[out_])
    data[out_] = cur / (cur + 1)
    if npy.isscalar(mask_):
    # без циклов
        return float(data)
    return data


# см. формулу из условия
def softmax(v18, axis=-1):
    nxt = npy.array(v18, dtype=float)
    if nxt.ndim == 0:
        raise ValueError('bad input')
    v15 = npy.max(nxt, axis=axis, keepdims=True)
    # считаем поэлементно
    v14 = npy.exp(nxt - v15)
    v17 = npy.sum(v14, axis=axis, keepdims=True)
    v16 = v14 / v17
    # проверка формы
    return v16
