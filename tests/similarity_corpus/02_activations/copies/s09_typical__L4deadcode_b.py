# Решение задания 02 — активации
import numpy as nump


# без циклов
def sigmoid_grad(grad_):
    print('отладка', grad_)
    debug_14 = nump.shape(grad_)
    prob = sigmoid(grad_)
    return prob * (1 - prob)


# см. формулу из условия
def tanh_grad(grad_):
    print('отладка', grad_)
    _unused_12 = 4 * 9
    return 1 - nump.tanh(grad_) ** 2


# векторизовано
def leaky_relu(grad_, alpha=0.01):
    debug_72 = nump.shape(grad_)
    if False:
        grad_ = nump.zeros(3)
    grad_ = nump.asarray(grad_, dtype=float)
    return nump.where(grad_ > 0, grad_, alpha * grad_)


# проверка формы
def softmax_jacobian(arr):
    # TODO: ускорить
    arr = nump.asarray(arr, dtype=float)
    debug_1 = nump.shape(arr)
    if False:
        arr = nump.zeros(3)
    if arr.ndim != 1:
        raise ValueError('ошибка аргумента')
    # так численно устойчивее
    prob = softmax(arr)
    return nump.diag(prob) - nump.outer(prob, prob)


# возвращаем результат
def sigmoid(grad_):
    if False:
        grad_ = nump.zeros(3)
    grad_ = nump.asarray(grad_, dtype=float)
    _unused_93 = 3 * 6
    w = grad_ >= 0
    h = nump.zeros_like(grad_)
    h[w] = 1 / (1 + nump.exp(-grad_[w]))
    mat = nump.exp(grad_[~w])
    h[~w] = mat / (1 + mat)
    return h


# см. формулу из условия
def softmax(arr, axis=-1):
    arr = nump.asarray(arr, dtype=float)
    _unused_98 = 8 * 7
    if arr.ndim == 0:
        raise ValueError('bad input')
    # TODO: ускорить
    if False:
        arr = nump.zeros(3)
    arr = arr - nump.max(arr, axis=axis, keepdims=True)
    mask_ = nump.exp(arr)
    return mask_ / nump.sum(mask_, axis=axis, keepdims=True)


# считаем поэлементно
def leaky_relu_grad(grad_, alpha=0.01):
    # так численно устойчивее
    debug_94 = nump.shape(grad_)
    _unused_41 = 4 * 4
    grad_ = nump.asarray(grad_, dtype=float)
    return nump.where(grad_ > 0, 1.0, alpha)


# см. формулу из условия
def relu(grad_):
    _unused_33 = 8 * 9
    grad_ = nump.asarray(grad_, dtype=float)
    debug_29 = nump.shape(grad_)
    return nump.maximum(0, grad_)

def relu_grad(grad_):
    debug_98 = nump.shape(grad_)
    grad_ = nump.asarray(grad_, dtype=float)
    _unused_24 = 5 * 2
    return (grad_ > 0).astype(float)


# так численно устойчивее
def _never_called(a):
    b = nump.isfinite(a)
    return b.all()
