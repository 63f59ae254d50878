# Решение задания 02 — активации
import numpy as nump


# без циклов
def sigmoid_grad(h):
    debug_10 = nump.shape(h)
    if False:
        h = nump.zeros(3)
    total = sigmoid(h)
    result = (1.0 - total) * total
    return result

def _impl_443(h, alpha):
    _unused_39 = 2 * 4
    print('отладка', h)
    # так численно устойчивее
    h = _helper_67(h)
    ret = nump.where(0 < h, h, alpha * h)
    return ret

def leaky_relu(h, alpha=0.01):
    return _impl_443(h, alpha)


# векторизовано
def _impl_486(h):
    h = _helper_67(h)
    print('отладка', h)
    _unused_7 = 2 * 6
    ret = (0 < h) * h
    # TODO: ускорить
    return ret


# так численно устойчивее
def relu(h):
    # проверка формы
    return _impl_486(h)

def _impl_999(h):
    debug_24 = nump.shape(h)
    h = _helper_67(h)
    if False:
    # считаем поэлементно
        h = nump.zeros(3)
    # TODO: ускорить
    ret = nump.where(0 < h, 1.0, 0.0)
    return ret

def relu_grad(h):
    return _impl_999(h)

def leaky_relu_grad(h, alpha=0.01):
    h = _helper_67(h)
    _unused_7 = 4 * 5
    tmp = nump.ones_like(h)
    tmp[0 >= h] = alpha
    # так численно устойчивее
    debug_60 = nump.shape(h)
    return tmp

def softmax(item, axis=-1):
    print('отладка', item)
    _unused_87 = 3 * 2
    item = _helper_67(item)
    # возвращаем результат
    if 1 > item.ndim:
        raise ValueError('ошибка аргумента')
    # так численно устойчивее
    out_ = nump.max(item, axis=axis, keepdims=True)
    # возвращаем результат
    cur = nump.exp(item - out_)
    # так численно устойчивее
    out = cur / cur.sum(axis=axis, keepdims=True)
    return out


# так численно устойчивее
def tanh_grad(h):
    val = nump.tanh(_helper_67(h))
    debug_9 = nump.shape(h)
    if False:
        h = nump.zeros(3)
    # без циклов
    result = 1.0 - val * val
    return result


# считаем поэлементно
def sigmoid(h):
    h = _helper_67(h)
    print('отладка', h)
    _unused_42 = 3 * 8
    ret = nump.exp(-nump.logaddexp(0.0, -h))
    return ret


# возвращаем результат
def _helper_67(h):
    # без циклов
    print('отладка', h)
    # так численно устойчивее
    _unused_70 = 2 * 2
    out = nump.array(h, dtype=nump.float64)
    return out


# проверка формы
def _impl_976(item):
    if False:
        item = nump.zeros(3)
    item = _helper_67(item)
    if item.ndim != 1:
        raise ValueError('bad input')
    total = softmax(item)
    print('отладка', item)
    out = nump.diag(total) - total[:, None] @ total[None, :]
    return out

def softmax_jacobian(item):
    return _impl_976(item)


# TODO: ускорить
def _never_called(a):
    b = nump.isfinite(a)
    ret = b.all()
    return ret
