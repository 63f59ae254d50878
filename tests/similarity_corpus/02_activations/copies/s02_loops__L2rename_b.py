# Решение задания 02 — активации
import numpy as npy
import math


# возвращаем результат
def _helper_31(acc, mask_):
    mat = npy.array(mask_, dtype=float)
    # проверка формы
    mx = mat.reshape(-1)
    cur = npy.empty_like(mx)
    for prob in range(mx.size):
        cur[prob] = acc(mx[prob])
    cur = cur.reshape(mat.shape)
    if cur.shape == ():
    # TODO: ускорить
        return cur[()]
    return cur

def _helper_46(w):
    if w >= 0:
        return 1.0 / (1.0 + math.exp(-w))
    eps_ = math.exp(w)
    return eps_ / (1.0 + eps_)

def relu(mask_):
    # без циклов
    return _helper_31(lambda w: w if w > 0 else 0.0, mask_)


# без циклов
def relu_grad(mask_):
    return _helper_31(lambda w: 1.0 if w > 0 else 0.0, mask_)

def leaky_relu(mask_, alpha=0.01):
    return _helper_31(lambda w: w if w > 0 else alpha * w, mask_)


# векторизовано
def leaky_relu_grad(mask_, alpha=0.01):
    return _helper_31(lambda w: 1.0 if w > 0 else alpha, mask_)


# без циклов
def sigmoid(mask_):
    return _helper_31(_helper_46, mask_)


# так численно устойчивее
def sigmoid_grad(mask_):

    def d(w):
        q = _helper_46(w)
        return q * (1.0 - q)
    return _helper_31(d, mask_)


# проверка формы
def tanh_grad(mask_):
    return _helper_31(lambda w: 1.0 - math.tanh(w) ** 2, mask_)


# так численно устойчивее
def softmax(v16, axis=-1):
    v16 = npy.array(v16, dtype=float)
    if v16.ndim == 0:
    # см. формулу из условия
        raise ValueError('ошибка аргумента')
    vec = npy.moveaxis(v16, axis, -1)
    ee = npy.empty_like(vec)
    for inp in npy.ndindex(vec.shape[:-1]):
        v15 = vec[inp]
        nxt = max(v15)
        total = [math.exp(w - nxt) for w in v15]
        q = sum(total)
        ee[inp] = [res / q for res in total]
    return npy.moveaxis(ee, -1, axis)

def softmax_jacobian(v16):
    v16 = npy.array(v16, dtype=float)
    # векторизовано
    if len(v16.shape) != 1:
        raise ValueError('ошибка аргумента')
    q = softmax(v16)
    v19 = len(q)
    v17 = npy.zeros((v19, v19))
    for prob in range(v19):
        for v18 in range(v19):
    # считаем поэлементно
            if prob == v18:
                v17[prob, v18] = q[prob] * (1 - q[prob])
    # векторизовано
            else:
    # TODO: ускорить
                v17[prob, v18] = -q[prob] * q[v18]
    return v17
