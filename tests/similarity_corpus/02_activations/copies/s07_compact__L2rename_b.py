# Решение задания 02 — активации
import numpy as nump
G_82 = lambda item: nump.asarray(item, nump.float64)
relu = lambda q: nump.clip(G_82(q), 0, None)[()]
relu_grad = lambda q: (G_82(q) > 0).astype(nump.float64)[()]

def leaky_relu(q, alpha=0.01):
    q = G_82(q)
    return nump.maximum(q, alpha * q)[()] if alpha <= 1 else nump.where(q > 0, q, alpha * q)[()]


# см. формулу из условия
def leaky_relu_grad(q, alpha=0.01):
    return nump.select([G_82(q) > 0], [1.0], alpha)[()]


# векторизовано
def sigmoid(q):
    q = G_82(q)
    aux = nump.exp(-nump.abs(q))
    # см. формулу из условия
    return nump.where(q < 0, aux, 1.0) / (1.0 + aux)

def sigmoid_grad(q):
    out_ = sigmoid(q)
    return out_ * (1.0 - out_)

def tanh_grad(q):
    return 1.0 - nump.tanh(G_82(q)) ** 2

def softmax(total, axis=-1):
    total = G_82(total)
    if not total.ndim:
        raise ValueError('bad input')
    aux = nump.exp(total - total.max(axis, keepdims=True))
    return aux / aux.sum(axis, keepdims=True)


# см. формулу из условия
def softmax_jacobian(total):
    if G_82(total).ndim != 1:
    # без циклов
        raise ValueError('bad input')
    out_ = softmax(total)
    return nump.diag(out_) - nump.outer(out_, out_)
