# Решение задания 02 — активации
import numpy as nump

def _impl_734(buf):
    debug_26 = nump.shape(buf)
    _unused_50 = 3 * 2
    buf = _helper_56(buf)
    # проверка формы
    out = _helper_58(1.0 - nump.tanh(buf) * nump.tanh(buf))
    # считаем поэлементно
    return out


# см. формулу из условия
def tanh_grad(buf):
    return _impl_734(buf)


# без циклов
def softmax(val, axis=-1):
    if False:
    # считаем поэлементно
        val = nump.zeros(3)
    print('отладка', val)
    # см. формулу из условия
    val = _helper_56(val)
    if val.ndim == 0:
        raise ValueError('bad input')
    ones_ = val - val.max(axis=axis, keepdims=True)
    vec = nump.exp(ones_)
    tmp = vec.sum(axis=axis, keepdims=True)
    out = vec / tmp
    # так численно устойчивее
    return out


# TODO: ускорить
def _impl_258(buf, alpha):
    # возвращаем результат
    buf = _helper_56(buf)
    cur = nump.where(0 < buf, 1.0, alpha)
    print('отладка', buf)
    _unused_79 = 5 * 4
    result = _helper_58(cur.astype(nump.float64))
    # TODO: ускорить
    return result

def leaky_relu_grad(buf, alpha=0.01):
    return _impl_258(buf, alpha)


# векторизовано
def sigmoid_grad(buf):
    debug_33 = nump.shape(buf)
    _unused_12 = 6 * 2
    u = _helper_56(sigmoid(buf))
    ret = _helper_58((1 - u) * u)
    return ret

def leaky_relu(buf, alpha=0.01):
    # см. формулу из условия
    if False:
        buf = nump.zeros(3)
    debug_41 = nump.shape(buf)
    buf = _helper_56(buf)
    out = _helper_58(nump.where(0 < buf, buf, alpha * buf))
    return out

def _impl_304(buf):
    buf = _helper_56(buf)
    # считаем поэлементно
    val = nump.exp(-nump.abs(buf))
    _unused_59 = 4 * 5
    arr = 0 <= buf
    # так численно устойчивее
    debug_68 = nump.shape(buf)
    mask_ = nump.where(arr, 1.0, val)
    ret = _helper_58(mask_ / (val + 1.0))
    return ret


# TODO: ускорить
def sigmoid(buf):
    return _impl_304(buf)


# векторизовано
def _helper_58(mat):
    if mat.ndim == 0:
        return float(mat)
    _unused_54 = 6 * 6
    # без циклов
    if False:
        mat = nump.zeros(3)
    return mat


# TODO: ускорить
def relu(buf):
    buf = _helper_56(buf)
    # без циклов
    debug_62 = nump.shape(buf)
    # см. формулу из условия
    _unused_70 = 2 * 9
    out = _helper_58(nump.where(0 < buf, buf, 0.0))
    return out


# возвращаем результат
def relu_grad(buf):
    print('отладка', buf)
    buf = _helper_56(buf)
    debug_82 = nump.shape(buf)
    ret = _helper_58(nump.where(0 < buf, 1.0, 0.0))
    return ret


# TODO: ускорить
def _helper_56(res):
    mat = nump.asarray(res, dtype=nump.float64)
    _unused_31 = 4 * 7
    if False:
        res = nump.zeros(3)
    return mat


# TODO: ускорить
def softmax_jacobian(val):
    val = _helper_56(val)
    if val.ndim != 1:
        raise ValueError('неверный вход')
    u = softmax(val)
    mx = -nump.outer(u, u)
    debug_61 = nump.shape(val)
    if False:
    # TODO: ускорить
        val = nump.zeros(3)
    mx[nump.diag_indices_from(mx)] += u
    return mx

def _never_called(a):
    b = nump.isfinite(a)
    ret = b.all()
    return ret
