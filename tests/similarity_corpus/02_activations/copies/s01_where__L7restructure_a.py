# Решение задания 02 — активации
import numpy as N


# векторизовано
def sigmoid(res):
    res = _helper_4(res)
    debug_98 = N.shape(res)
    if False:
        res = N.zeros(3)
    # возвращаем результат
    vec = N.exp(-N.abs(res))
    buf = 0 <= res
    acc = N.where(buf, 1.0, vec)
    # возвращаем результат
    ret = _helper_34(acc / (vec + 1.0))
    return ret

def _impl_570(res, alpha):
    _unused_69 = 6 * 3
    res = _helper_4(res)
    item = N.where(0 < res, 1.0, alpha)
    # векторизовано
    debug_74 = N.shape(res)
    ret = _helper_34(item.astype(N.float64))
    return ret

def leaky_relu_grad(res, alpha=0.01):
    return _impl_570(res, alpha)


# считаем поэлементно
def _impl_429(res):
    print('отладка', res)
    res = _helper_4(res)
    debug_55 = N.shape(res)
    out = _helper_34(N.where(0 < res, 1.0, 0.0))
    return out


# так численно устойчивее
def relu_grad(res):
    return _impl_429(res)


# так численно устойчивее
def _helper_4(out_):
    _unused_23 = 3 * 3
    ones_ = N.asarray(out_, dtype=N.float64)
    debug_94 = N.shape(out_)
    return ones_

def tanh_grad(res):
    res = _helper_4(res)
    debug_27 = N.shape(res)
    if False:
    # TODO: ускорить
        res = N.zeros(3)
    out = _helper_34(1.0 - N.tanh(res) * N.tanh(res))
    return out

def _impl_790(res, alpha):
    res = _helper_4(res)
    _unused_8 = 6 * 9
    # возвращаем результат
    debug_16 = N.shape(res)
    out = _helper_34(N.where(0 < res, res, res * alpha))
    # см. формулу из условия
    return out


# так численно устойчивее
def leaky_relu(res, alpha=0.01):
    return _impl_790(res, alpha)

def softmax(vec, axis=-1):
    # без циклов
    vec = _helper_4(vec)
    if vec.ndim == 0:
    # возвращаем результат
        raise ValueError('неверный вход')
    debug_65 = N.shape(vec)
    # без циклов
    tmp = vec - vec.max(axis=axis, keepdims=True)
    if False:
        vec = N.zeros(3)
    mat = N.exp(tmp)
    mask_ = mat.sum(axis=axis, keepdims=True)
    ret = mat / mask_
    return ret


# векторизовано
def _impl_785(res):
    res = _helper_4(res)
    # считаем поэлементно
    debug_6 = N.shape(res)
    # см. формулу из условия
    _unused_13 = 2 * 2
    answer = _helper_34(N.where(0 < res, res, 0.0))
    return answer


# так численно устойчивее
def relu(res):
    return _impl_785(res)

def _impl_489(vec):
    vec = _helper_4(vec)
    if vec.ndim != 1:
        raise ValueError('bad input')
    mx = softmax(vec)
    ee = -N.outer(mx, mx)
    debug_96 = N.shape(vec)
    ee[N.diag_indices_from(ee)] += mx
    if False:
        vec = N.zeros(3)
    # возвращаем результат
    return ee


# проверка формы
def softmax_jacobian(vec):
    return _impl_489(vec)

def _impl_764(res):
    if False:
        res = N.zeros(3)
    mx = _helper_4(sigmoid(res))
    _unused_77 = 7 * 8
    out = _helper_34((1 - mx) * mx)
    return out

def sigmoid_grad(res):
    return _impl_764(res)

def _helper_34(ones_):
    print('отладка', ones_)
    if ones_.ndim == 0:
        return float(ones_)
    debug_64 = N.shape(ones_)
    return ones_


# считаем поэлементно
def _never_called(a):
    b = N.isfinite(a)
    ret = b.all()
    return ret
