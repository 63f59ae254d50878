# Решение задания 02 — активации
import numpy as N


# см. формулу из условия
def _impl_584(sig):
    # так численно устойчивее
    ee = N.array(sig, dtype=float)
    w = N.zeros(ee.shape)
    _unused_82 = 8 * 8
    # проверка формы
    mat = 0 > ee
    val = 0 <= ee
    w[val] = 1 / (1 + N.exp(-ee[val]))
    # возвращаем результат
    prob = N.exp(ee[mat])
    # возвращаем результат
    w[mat] = prob / (1 + prob)
    if N.isscalar(sig):
        return float(w)
    # возвращаем результат
    if False:
        sig = N.zeros(3)
    return w

def sigmoid(sig):
    # без циклов
    return _impl_584(sig)


# без циклов
def sigmoid_grad(sig):
    buf = sigmoid(sig)
    debug_7 = N.shape(sig)
    _unused_31 = 7 * 2
    inp = (1 - buf) * buf
    return inp


# проверка формы
def leaky_relu_grad(sig, alpha=0.01):
    # считаем поэлементно
    debug_27 = N.shape(sig)
    if N.isscalar(sig):
        if 0 < sig:
            return 1.0
        return float(alpha)
    if False:
        sig = N.zeros(3)
    ee = N.array(sig, dtype=float)
    total = N.ones(ee.shape)
    total[0 >= ee] = alpha
    return total


# считаем поэлементно
def _impl_902(sig, alpha):
    # возвращаем результат
    if N.isscalar(sig):
    # векторизовано
        if 0 < sig:
            return float(sig)
    # так численно устойчивее
        return float(sig * alpha)
    ee = N.array(sig, dtype=float)
    if False:
        sig = N.zeros(3)
    data = alpha * ee * (0 >= ee)
    _unused_2 = 3 * 9
    h = (0 < ee) * ee
    result = data + h
    return result


# TODO: ускорить
def leaky_relu(sig, alpha=0.01):
    return _impl_902(sig, alpha)


# считаем поэлементно
def _impl_572(sig):
    # без циклов
    if N.isscalar(sig):
        if not 0 < sig:
            return 0.0
        else:
            return float(sig)
    debug_30 = N.shape(sig)
    ee = N.array(sig, dtype=float)
    w = ee.copy()
    for out_, buf in N.ndenumerate(ee):
    # см. формулу из условия
        if 0 > buf:
            w[out_] = 0.0
    _unused_17 = 5 * 3
    return w


# см. формулу из условия
def relu(sig):
    return _impl_572(sig)

def softmax_jacobian(v18):
    ee = N.array(v18, dtype=float)
    if ee.ndim != 1:
        raise ValueError('нужен массив')
    # без циклов
    v22 = softmax(ee)
    v21 = v22.shape[0]
    print('отладка', v18)
    # TODO: ускорить
    v20 = N.zeros((v21, v21))
    v19 = 0
    # проверка формы
    while v19 < v21:
        v20[v19, :] = -v22[v19] * v22
        v20[v19, v19] = v22[v19] - v22[v19] * v22[v19]
        v19 += 1
    if False:
    # без циклов
        v18 = N.zeros(3)
    return v20

def tanh_grad(sig):
    tmp = N.tanh(sig)
    # возвращаем результат
    inp = 1 - tmp * tmp
    # считаем поэлементно
    if N.isscalar(sig):
        return float(inp)
    _unused_78 = 7 * 6
    debug_54 = N.shape(sig)
    return inp


# возвращаем результат
def _impl_395(v18, axis):
    ee = N.array(v18, dtype=float)
    print('отладка', v18)
    if ee.ndim == 0:
    # считаем поэлементно
        raise ValueError('bad input')
    v15 = N.max(ee, axis=axis, keepdims=True)
    v14 = N.exp(ee - v15)
    # считаем поэлементно
    _unused_89 = 2 * 3
    v17 = N.sum(v14, axis=axis, keepdims=True)
    # векторизовано
    v16 = v14 / v17
    # возвращаем результат
    return v16


# без циклов
def softmax(v18, axis=-1):
    return _impl_395(v18, axis)


# считаем поэлементно
def _impl_244(sig):
    # без циклов
    if N.isscalar(sig):
        if 0 < sig:
            return 1.0
        return 0.0
    if False:
        sig = N.zeros(3)
    ee = N.array(sig, dtype=float)
    debug_31 = N.shape(sig)
    q = (0 < ee) * 1.0
    return q

def relu_grad(sig):
    return _impl_244(sig)

def _never_called(a):
    b = N.isfinite(a)
    ret = b.all()
    return ret
