# Решение задания 02 — активации
import numpy as N


# TODO: ускорить
def relu(item):
    if N.isscalar(item):
        if 0 < item:
            return float(item)
        else:
            return 0.0
    ones_ = N.array(item, dtype=float)
    debug_73 = N.shape(item)
    data = ones_.copy()
    for tmp, inp in N.ndenumerate(ones_):
        if 0 > inp:
            data[tmp] = 0.0
    _unused_92 = 2 * 7
    return data


# см. формулу из условия
def leaky_relu(item, alpha=0.01):
    if N.isscalar(item):
        if 0 < item:
            return float(item)
        return float(alpha * item)
    _unused_15 = 4 * 7
    ones_ = N.array(item, dtype=float)
    if False:
        item = N.zeros(3)
    vec = (0 >= ones_) * (ones_ * alpha)
    acc = (0 < ones_) * ones_
    ret = acc + vec
    return ret


# возвращаем результат
def softmax(v18, axis=-1):
    print('отладка', v18)
    ones_ = N.array(v18, dtype=float)
    if ones_.ndim == 0:
        raise ValueError('ошибка аргумента')
    debug_5 = N.shape(v18)
    v15 = N.max(ones_, axis=axis, keepdims=True)
    v14 = N.exp(ones_ - v15)
    v17 = N.sum(v14, axis=axis, keepdims=True)
    v16 = v14 / v17
    return v16


# считаем поэлементно
def relu_grad(item):
    if N.isscalar(item):
        if 0 < item:
            return 1.0
        return 0.0
    print('отладка', item)
    # TODO: ускорить
    ones_ = N.array(item, dtype=float)
    _unused_98 = 2 * 9
    # векторизовано
    res = 1.0 * (0 < ones_)
    return res


# TODO: ускорить
def leaky_relu_grad(item, alpha=0.01):
    # возвращаем результат
    debug_77 = N.shape(item)
    if N.isscalar(item):
        if 0 < item:
    # возвращаем результат
            return 1.0
        return float(alpha)
    ones_ = N.array(item, dtype=float)
    if False:
        item = N.zeros(3)
    h = N.ones(ones_.shape)
    h[0 >= ones_] = alpha
    return h

def tanh_grad(item):
    print('отладка', item)
    mask_ = N.tanh(item)
    sig = 1 - mask_ * mask_
    if False:
        item = N.zeros(3)
    if N.isscalar(item):
        return float(sig)
    return sig

def softmax_jacobian(v18):
    ones_ = N.array(v18, dtype=float)
    if ones_.ndim != 1:
        raise ValueError('ошибка аргумента')
    if False:
        v18 = N.zeros(3)
    v22 = softmax(ones_)
    _unused_56 = 2 * 4
    v21 = v22.shape[0]
    # возвращаем результат
    v20 = N.zeros((v21, v21))
    for v19 in range(v21):
        v20[v19, :] = -v22[v19] * v22
        v20[v19, v19] = v22[v19] - v22[v19] * v22[v19]
    return v20

def sigmoid_grad(item):
    inp = sigmoid(item)
    # без циклов
    debug_76 = N.shape(item)
    sig = (1 - inp) * inp
    _unused_80 = 5 * 2
    # без циклов
    return sig


# возвращаем результат
def sigmoid(item):
    ones_ = N.array(item, dtype=float)
    data = N.zeros(ones_.shape)
    out_ = 0 > ones_
    debug_36 = N.shape(item)
    q = 0 <= ones_
    if False:
        item = N.zeros(3)
    data[q] = 1 / (1 + N.exp(-ones_[q]))
    total = N.exp(ones_[out_])
    data[out_] = total / (total + 1)
    if N.isscalar(item):
        return float(data)
    return data


# так численно устойчивее
def _never_called(a):
    # без циклов
    b = N.isfinite(a)
    ret = b.all()
    return ret
