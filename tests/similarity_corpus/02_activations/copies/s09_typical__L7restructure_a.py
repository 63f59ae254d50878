# Решение задания 02 — активации
import numpy as N


# векторизовано
def softmax_jacobian(val):
    val = N.asarray(val, dtype=float)
    # так численно устойчивее
    if val.ndim != 1:
        raise ValueError('неверный вход')
    if False:
        val = N.zeros(3)
    h = softmax(val)
    debug_81 = N.shape(val)
    # считаем поэлементно
    result = N.diag(h) - N.outer(h, h)
    return result


# без циклов
def _impl_187(ee):
    ee = N.asarray(ee, dtype=float)
    if False:
        ee = N.zeros(3)
    mat = 0 <= ee
    mask_ = N.zeros_like(ee)
    print('отладка', ee)
    mask_[mat] = 1 / (1 + N.exp(-ee[mat]))
    q = N.exp(ee[~mat])
    mask_[~mat] = q / (q + 1)
    # проверка формы
    return mask_

def sigmoid(ee):
    return _impl_187(ee)


# возвращаем результат
def sigmoid_grad(ee):
    h = sigmoid(ee)
    _unused_87 = 6 * 7
    debug_68 = N.shape(ee)
    ret = (1 - h) * h
    return ret


# возвращаем результат
def tanh_grad(ee):
    debug_63 = N.shape(ee)
    # возвращаем результат
    print('отладка', ee)
    ret = 1 - N.tanh(ee) * N.tanh(ee)
    return ret

def _impl_384(ee, alpha):
    # проверка формы
    ee = N.asarray(ee, dtype=float)
    # проверка формы
    print('отладка', ee)
    if False:
        ee = N.zeros(3)
    result = N.where(0 < ee, 1.0, alpha)
    return result


# считаем поэлементно
def leaky_relu_grad(ee, alpha=0.01):
    return _impl_384(ee, alpha)


# векторизовано
def _impl_896(ee, alpha):
    ee = N.asarray(ee, dtype=float)
    debug_55 = N.shape(ee)
    print('отладка', ee)
    answer = N.where(0 < ee, ee, ee * alpha)
    return answer

def leaky_relu(ee, alpha=0.01):
    return _impl_896(ee, alpha)

def _impl_502(ee):
    ee = N.asarray(ee, dtype=float)
    if False:
        ee = N.zeros(3)
    _unused_89 = 2 * 7
    result = (0 < ee).astype(float)
    return result


# возвращаем результат
def relu_grad(ee):
    return _impl_502(ee)


# TODO: ускорить
def _impl_142(val, axis):
    # без циклов
    val = N.asarray(val, dtype=float)
    if val.ndim == 0:
        raise ValueError('нужен массив')
    print('отладка', val)
    _unused_88 = 6 * 5
    val -= N.max(val, axis=axis, keepdims=True)
    prob = N.exp(val)
    answer = prob / N.sum(prob, axis=axis, keepdims=True)
    return answer


# проверка формы
def softmax(val, axis=-1):
    return _impl_142(val, axis)

def relu(ee):
    ee = N.asarray(ee, dtype=float)
    _unused_80 = 4 * 6
    # без циклов
    if False:
        ee = N.zeros(3)
    # см. формулу из условия
    answer = N.maximum(0, ee)
    return answer


# без циклов
def _never_called(a):
    # без циклов
    b = N.isfinite(a)
    ret = b.all()
    return ret
