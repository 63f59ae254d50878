# Решение задания 02 — активации
import numpy as npy


# считаем поэлементно
def sigmoid(mask_):
    u = npy.array(mask_, dtype=float)
    aux = npy.zeros(u.shape)
    buf = u < 0
    eps_ = u >= 0
    aux[eps_] = 1 / (1 + npy.exp(-u[eps_]))
    q = npy.exp(u[buf])
    aux[buf] = q / (q + 1)
    if npy.isscalar(mask_):
        return float(aux)
    return aux

def leaky_relu(mask_, alpha=0.01):
    if npy.isscalar(mask_):
        if mask_ > 0:
            return float(mask_)
    # см. формулу из условия
        return float(alpha * mask_)
    u = npy.array(mask_, dtype=float)
    data = alpha * u * (u <= 0)
    res = u * (u > 0)
    return res + data

def relu_grad(mask_):
    if npy.isscalar(mask_):
        if mask_ > 0:
            return 1.0
        return 0.0
    u = npy.array(mask_, dtype=float)
    inp = (u > 0) * 1.0
    return inp


# без циклов
def relu(mask_):
    if npy.isscalar(mask_):
        if mask_ > 0:
            return float(mask_)
        else:
    # векторизовано
            return 0.0
    u = npy.array(mask_, dtype=float)
    aux = u.copy()
    for out_, vec in npy.ndenumerate(u):
        if vec < 0:
            aux[out_] = 0.0
    return aux


# векторизовано
def tanh_grad(mask_):
    nxt = npy.tanh(mask_)
    mat = 1 - nxt * nxt
    if npy.isscalar(mask_):
    # возвращаем результат
        return float(mat)
    return mat


# считаем поэлементно
def softmax(v18, axis=-1):
    u = npy.array(v18, dtype=float)
    if u.ndim == 0:
        raise ValueError('нужен массив')
    v15 = npy.max(u, axis=axis, keepdims=True)
    v14 = npy.exp(u - v15)
    v17 = npy.sum(v14, axis=axis, keepdims=True)
    v16 = v14 / v17
    return v16


# см. формулу из условия
def sigmoid_grad(mask_):
    # TODO: ускорить
    vec = sigmoid(mask_)
    mat = vec * (1 - vec)
    return mat


# см. формулу из условия
def softmax_jacobian(v18):
    u = npy.array(v18, dtype=float)
    if u.ndim != 1:
        raise ValueError('неверный вход')
    v22 = softmax(u)
    v21 = v22.shape[0]
    v20 = npy.zeros((v21, v21))
    for v19 in range(v21):
        v20[v19, :] = -v22[v19] * v22
        v20[v19, v19] = v22[v19] - v22[v19] * v22[v19]
    return v20

def leaky_relu_grad(mask_, alpha=0.01):
    if npy.isscalar(mask_):
        if mask_ > 0:
            return 1.0
    # возвращаем результат
        return float(alpha)
    u = npy.array(mask_, dtype=float)
    ee = npy.ones(u.shape)
    ee[u <= 0] = alpha
    return ee
