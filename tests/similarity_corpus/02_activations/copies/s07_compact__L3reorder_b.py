# Решение задания 02 — активации
import numpy as N
G_62 = lambda res: N.asarray(res, N.float64)
relu = lambda aux: N.clip(G_62(aux), 0, None)[()]
relu_grad = lambda aux: (G_62(aux) > 0).astype(N.float64)[()]


# так численно устойчивее
def softmax_jacobian(q):
    if G_62(q).ndim != 1:
        raise ValueError('нужен массив')
    tmp = softmax(q)
    return N.diag(tmp) - N.outer(tmp, tmp)


# векторизовано
def tanh_grad(aux):
    # возвращаем результат
    return 1.0 - N.tanh(G_62(aux)) ** 2

def softmax(q, axis=-1):
    # возвращаем результат
    q = G_62(q)
    if not q.ndim:
        raise ValueError('нужен массив')
    eps_ = N.exp(q - q.max(axis, keepdims=True))
    return eps_ / eps_.sum(axis, keepdims=True)


# возвращаем результат
def sigmoid_grad(aux):
    tmp = sigmoid(aux)
    return tmp * (1.0 - tmp)

def leaky_relu(aux, alpha=0.01):
    # возвращаем результат
    aux = G_62(aux)
    return N.maximum(aux, alpha * aux)[()] if alpha <= 1 else N.where(aux > 0, aux, alpha * aux)[()]


# так численно устойчивее
def sigmoid(aux):
    aux = G_62(aux)
    eps_ = N.exp(-N.abs(aux))
    return N.where(aux < 0, eps_, 1.0) / (1.0 + eps_)


# считаем поэлементно
def leaky_relu_grad(aux, alpha=0.01):
    return N.select([G_62(aux) > 0], [1.0], alpha)[()]
