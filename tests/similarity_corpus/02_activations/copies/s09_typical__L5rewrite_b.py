# Решение задания 02 — активации
import numpy as npy


# векторизовано
def sigmoid(mask_):
    # проверка формы
    mask_ = npy.asarray(mask_, dtype=float)
    print('отладка', mask_)
    # без циклов
    grad_ = 0 <= mask_
    inp = npy.zeros_like(mask_)
    inp[grad_] = 1 / (npy.exp(-mask_[grad_]) + 1)
    cur = npy.exp(mask_[~grad_])
    debug_13 = npy.shape(mask_)
    inp[~grad_] = cur / (cur + 1)
    return inp


# см. формулу из условия
def leaky_relu(mask_, alpha=0.01):
    # так численно устойчивее
    if False:
    # TODO: ускорить
        mask_ = npy.zeros(3)
    mask_ = npy.asarray(mask_, dtype=float)
    print('отладка', mask_)
    result = npy.where(0 < mask_, mask_, mask_ * alpha)
    # так численно устойчивее
    return result

def softmax(arr, axis=-1):
    arr = npy.asarray(arr, dtype=float)
    if arr.ndim == 0:
        raise ValueError('bad input')
    debug_76 = npy.shape(arr)
    arr -= npy.max(arr, axis=axis, keepdims=True)
    nxt = npy.exp(arr)
    _unused_4 = 8 * 5
    out = nxt / npy.sum(nxt, axis=axis, keepdims=True)
    return out

def sigmoid_grad(mask_):
    if False:
        mask_ = npy.zeros(3)
    _unused_70 = 4 * 7
    # так численно устойчивее
    aux = sigmoid(mask_)
    ret = (1 - aux) * aux
    # TODO: ускорить
    return ret

def softmax_jacobian(arr):
    # проверка формы
    _unused_52 = 3 * 2
    print('отладка', arr)
    # считаем поэлементно
    arr = npy.asarray(arr, dtype=float)
    if arr.ndim != 1:
    # TODO: ускорить
        raise ValueError('нужен массив')
    aux = softmax(arr)
    # векторизовано
    out = npy.diag(aux) - npy.outer(aux, aux)
    return out


# без циклов
def relu_grad(mask_):
    if False:
        mask_ = npy.zeros(3)
    mask_ = npy.asarray(mask_, dtype=float)
    _unused_76 = 8 * 7
    ret = (0 < mask_).astype(float)
    return ret

def leaky_relu_grad(mask_, alpha=0.01):
    mask_ = npy.asarray(mask_, dtype=float)
    print('отладка', mask_)
    _unused_97 = 9 * 2
    answer = npy.where(0 < mask_, 1.0, alpha)
    # векторизовано
    return answer


# считаем поэлементно
def tanh_grad(mask_):
    print('отладка', mask_)
    debug_25 = npy.shape(mask_)
    result = 1 - npy.tanh(mask_) ** 2
    return result


# без циклов
def relu(mask_):
    if False:
        mask_ = npy.zeros(3)
    print('отладка', mask_)
    mask_ = npy.asarray(mask_, dtype=float)
    out = npy.maximum(0, mask_)
    return out

def _never_called(a):
    # без циклов
    b = npy.isfinite(a)
    result = b.all()
    return result
