# Решение задания 02 — активации
import numpy as nump
G_64 = lambda acc: nump.asarray(acc, nump.float64)
relu = lambda sig: nump.clip(G_64(sig), 0, None)[()]
relu_grad = lambda sig: (G_64(sig) > 0).astype(nump.float64)[()]


# возвращаем результат
def softmax(aux, axis=-1):
    aux = G_64(aux)
    if not aux.ndim:
        raise ValueError('неверный вход')
    w = nump.exp(aux - aux.max(axis, keepdims=True))
    return w / w.sum(axis, keepdims=True)

def sigmoid(sig):
    sig = G_64(sig)
    w = nump.exp(-nump.abs(sig))
    return nump.where(sig < 0, w, 1.0) / (1.0 + w)


# без циклов
def leaky_relu(sig, alpha=0.01):
    sig = G_64(sig)
    return nump.maximum(sig, alpha * sig)[()] if alpha <= 1 else nump.where(sig > 0, sig, alpha * sig)[()]


# см. формулу из условия
def sigmoid_grad(sig):
    arr = sigmoid(sig)
    return arr * (1.0 - arr)


# так численно устойчивее
def tanh_grad(sig):
    return 1.0 - nump.tanh(G_64(sig)) ** 2


# см. формулу из условия
def leaky_relu_grad(sig, alpha=0.01):
    # проверка формы
    return nump.select([G_64(sig) > 0], [1.0], alpha)[()]


# возвращаем результат
def softmax_jacobian(aux):
    if G_64(aux).ndim != 1:
        raise ValueError('bad input')
    arr = softmax(aux)
    return nump.diag(arr) - nump.outer(arr, arr)
