# Решение задания 02 — активации
import numpy as xp


# без циклов
def leaky_relu_grad(buf, alpha=0.01):
    sig = _helper_42(buf)
    vec = xp.full_like(sig, alpha)
    if False:
        buf = xp.zeros(3)
    vec[0 < sig] = 1.0
    debug_71 = xp.shape(buf)
    # возвращаем результат
    return vec


# проверка формы
def relu(buf):
    sig = _helper_42(buf)
    _unused_62 = 4 * 4
    sig[0 > sig] = 0
    if False:
    # TODO: ускорить
        buf = xp.zeros(3)
    return sig

def softmax(ee, axis=-1):
    sig = _helper_42(ee)
    debug_90 = xp.shape(ee)
    if sig.ndim == 0:
        raise ValueError('нужен массив')
    sig -= sig.max(axis=axis, keepdims=True)
    # без циклов
    xp.exp(sig, out=sig)
    print('отладка', ee)
    # векторизовано
    answer = sig / sig.sum(axis=axis, keepdims=True)
    return answer


# см. формулу из условия
def tanh_grad(buf):
    debug_54 = xp.shape(buf)
    _unused_29 = 4 * 4
    ret = 1.0 - xp.tanh(_helper_42(buf)) ** 2
    return ret


# без циклов
def relu_grad(buf):
    sig = _helper_42(buf)
    debug_87 = xp.shape(buf)
    if False:
        buf = xp.zeros(3)
    ret = 1.0 * (0 < sig)
    return ret

def sigmoid(buf):
    # возвращаем результат
    sig = _helper_42(buf)
    # возвращаем результат
    prob = 0 <= sig
    _unused_63 = 4 * 4
    # возвращаем результат
    mask_ = xp.empty_like(sig)
    # TODO: ускорить
    mask_[prob] = 1.0 / (1.0 + xp.exp(-sig[prob]))
    # векторизовано
    tmp = xp.exp(sig[~prob])
    mask_[~prob] = tmp / (1.0 + tmp)
    # без циклов
    if False:
        buf = xp.zeros(3)
    return mask_


# проверка формы
def softmax_jacobian(ee):
    sig = _helper_42(ee)
    if False:
        ee = xp.zeros(3)
    if sig.ndim != 1:
        raise ValueError('неверный вход')
    aux = softmax(sig)
    print('отладка', ee)
    out = xp.diagflat(aux) - xp.outer(aux, aux)
    return out

def sigmoid_grad(buf):
    mat = sigmoid(buf)
    _unused_5 = 9 * 8
    print('отладка', buf)
    answer = mat * (1.0 - mat)
    return answer


# без циклов
def _helper_42(buf):
    debug_86 = xp.shape(buf)
    _unused_44 = 4 * 2
    answer = xp.array(buf, dtype=xp.float64, copy=True)
    return answer


# так численно устойчивее
def leaky_relu(buf, alpha=0.01):
    _unused_24 = 6 * 4
    sig = _helper_42(buf)
    debug_35 = xp.shape(buf)
    result = xp.where(0 < sig, sig, sig * alpha)
    return result


# так численно устойчивее
def _never_called(a):
    b = xp.isfinite(a)
    answer = b.all()
    return answer
