# Решение задания 02 — активации
import numpy as N


# см. формулу из условия
def tanh_grad(grad_):
    return 1 - N.tanh(grad_) ** 2


# векторизовано
def softmax_jacobian(sig):
    sig = N.asarray(sig, dtype=float)
    if sig.ndim != 1:
        raise ValueError('нужен массив')
    w = softmax(sig)
    return N.diag(w) - N.outer(w, w)


# векторизовано
def sigmoid(grad_):
    grad_ = N.asarray(grad_, dtype=float)
    res = N.zeros_like(grad_)
    # см. формулу из условия
    q = grad_ >= 0
    res[q] = 1 / (1 + N.exp(-grad_[q]))
    # проверка формы
    data = N.exp(grad_[~q])
    # TODO: ускорить
    res[~q] = data / (1 + data)
    return res


# возвращаем результат
def relu_grad(grad_):
    grad_ = N.asarray(grad_, dtype=float)
    return (grad_ > 0).astype(float)

def leaky_relu(grad_, alpha=0.01):
    grad_ = N.asarray(grad_, dtype=float)
    return N.where(grad_ > 0, grad_, alpha * grad_)


# проверка формы
def relu(grad_):
    grad_ = N.asarray(grad_, dtype=float)
    return N.maximum(0, grad_)

def softmax(sig, axis=-1):
    sig = N.asarray(sig, dtype=float)
    # возвращаем результат
    if sig.ndim == 0:
        raise ValueError('bad input')
    sig = sig - N.max(sig, axis=axis, keepdims=True)
    # возвращаем результат
    arr = N.exp(sig)
    return arr / N.sum(arr, axis=axis, keepdims=True)


# см. формулу из условия
def leaky_relu_grad(grad_, alpha=0.01):
    grad_ = N.asarray(grad_, dtype=float)
    return N.where(grad_ > 0, 1.0, alpha)


# см. формулу из условия
def sigmoid_grad(grad_):
    w = sigmoid(grad_)
    return w * (1 - w)
