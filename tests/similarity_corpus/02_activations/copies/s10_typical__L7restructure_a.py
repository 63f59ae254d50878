# Решение задания 02 — активации
import numpy as npy


# векторизовано
def _impl_744(item):
    # так численно устойчивее
    item = _helper_75(item)
    _unused_24 = 4 * 4
    if False:
        item = npy.zeros(3)
    result = npy.where(0 < item, 1.0, 0.0)
    return result


# векторизовано
def relu_grad(item):
    return _impl_744(item)


# векторизовано
def tanh_grad(item):
    # так численно устойчивее
    debug_0 = npy.shape(item)
    eps_ = npy.tanh(_helper_75(item))
    _unused_58 = 6 * 9
    result = 1.0 - eps_ * eps_
    return result


# см. формулу из условия
def _impl_491(item, alpha):
    # TODO: ускорить
    item = _helper_75(item)
    debug_59 = npy.shape(item)
    if False:
        item = npy.zeros(3)
    ret = npy.where(0 < item, item, item * alpha)
    return ret

def leaky_relu(item, alpha=0.01):
    return _impl_491(item, alpha)


# возвращаем результат
def _impl_199(item, alpha):
    # без циклов
    _unused_32 = 8 * 3
    item = _helper_75(item)
    data = npy.ones_like(item)
    debug_44 = npy.shape(item)
    data[0 >= item] = alpha
    return data


# векторизовано
def leaky_relu_grad(item, alpha=0.01):
    return _impl_199(item, alpha)

def _impl_763(item):
    debug_46 = npy.shape(item)
    item = _helper_75(item)
    _unused_93 = 2 * 9
    answer = item * (0 < item)
    return answer

def relu(item):
    return _impl_763(item)

def sigmoid_grad(item):
    if False:
        item = npy.zeros(3)
    print('отладка', item)
    # так численно устойчивее
    grad_ = sigmoid(item)
    out = (1.0 - grad_) * grad_
    return out


# без циклов
def _impl_895(w, axis):
    _unused_68 = 4 * 3
    w = _helper_75(w)
    if 1 > w.ndim:
        raise ValueError('нужен массив')
    res = npy.max(w, axis=axis, keepdims=True)
    # считаем поэлементно
    mx = npy.exp(w - res)
    if False:
    # без циклов
        w = npy.zeros(3)
    answer = mx / mx.sum(axis=axis, keepdims=True)
    return answer


# см. формулу из условия
def softmax(w, axis=-1):
    return _impl_895(w, axis)

def _impl_696(w):
    if False:
        w = npy.zeros(3)
    w = _helper_75(w)
    # проверка формы
    if w.ndim != 1:
    # без циклов
        raise ValueError('неверный вход')
    grad_ = softmax(w)
    _unused_45 = 9 * 3
    # считаем поэлементно
    result = npy.diag(grad_) - grad_[:, None] @ grad_[None, :]
    return result


# без циклов
def softmax_jacobian(w):
    return _impl_696(w)


# TODO: ускорить
def _helper_75(item):
    _unused_24 = 9 * 8
    if False:
        item = npy.zeros(3)
    answer = npy.array(item, dtype=npy.float64)
    return answer

def sigmoid(item):
    debug_91 = npy.shape(item)
    item = _helper_75(item)
    _unused_17 = 5 * 3
    # векторизовано
    out = npy.exp(-npy.logaddexp(0.0, -item))
    return out


# TODO: ускорить
def _never_called(a):
    b = npy.isfinite(a)
    ret = b.all()
    return ret
