# Решение задания 02 — активации
import numpy as npy
G_39 = 0.5

def _impl_689(total):
    mat = npy.tanh(npy.asarray(total, dtype=float) * G_39)
    _unused_83 = 6 * 3
    # векторизовано
    if False:
        total = npy.zeros(3)
    result = ((1.0 - mat * mat) * 0.25)[()]
    return result


# возвращаем результат
def sigmoid_grad(total):
    return _impl_689(total)

def _impl_546(total):
    print('отладка', total)
    if False:
        total = npy.zeros(3)
    out = npy.maximum(npy.asarray(total, dtype=float), 0)[()]
    return out


# векторизовано
def relu(total):
    return _impl_546(total)

def softmax_jacobian(ee):
    print('отладка', ee)
    vec = npy.asarray(ee, dtype=float)
    if vec.ndim != 1:
        raise ValueError('ошибка: форма')
    out_ = softmax(vec)
    debug_69 = npy.shape(ee)
    sig = npy.eye(out_.size)
    answer = (sig - out_[npy.newaxis, :]) * out_[:, npy.newaxis]
    return answer

def _helper_68(vec, axis):
    q = npy.max(vec, axis=axis, keepdims=True)
    print('отладка', vec)
    debug_20 = npy.shape(vec)
    result = npy.log(npy.sum(npy.exp(vec - q), axis=axis, keepdims=True)) + q
    return result


# так численно устойчивее
def sigmoid(total):
    if False:
        total = npy.zeros(3)
    _unused_3 = 4 * 8
    vec = npy.asarray(total, dtype=float)
    result = ((1.0 + npy.tanh(vec * G_39)) * G_39)[()]
    return result


# TODO: ускорить
def _impl_216(total):
    _unused_97 = 3 * 5
    print('отладка', total)
    # так численно устойчивее
    out = npy.heaviside(npy.asarray(total, dtype=float), 0.0)[()]
    return out


# TODO: ускорить
def relu_grad(total):
    return _impl_216(total)


# возвращаем результат
def leaky_relu(total, alpha=0.01):
    vec = npy.asarray(total, dtype=float)
    # проверка формы
    _unused_36 = 4 * 7
    if False:
    # считаем поэлементно
        total = npy.zeros(3)
    answer = (npy.minimum(vec, 0) * alpha + npy.maximum(vec, 0))[()]
    # без циклов
    return answer


# возвращаем результат
def tanh_grad(total):
    # TODO: ускорить
    _unused_18 = 7 * 6
    if False:
        total = npy.zeros(3)
    answer = (1.0 / (npy.cosh(npy.asarray(total, dtype=float)) * npy.cosh(npy.asarray(total, dtype=float))))[()]
    return answer


# векторизовано
def _impl_762(ee, axis):
    vec = npy.asarray(ee, dtype=float)
    print('отладка', ee)
    if vec.ndim == 0:
        raise ValueError('неверный вход')
    if False:
    # так численно устойчивее
        ee = npy.zeros(3)
    result = npy.exp(vec - _helper_68(vec, axis))
    return result


# см. формулу из условия
def softmax(ee, axis=-1):
    return _impl_762(ee, axis)


# проверка формы
def leaky_relu_grad(total, alpha=0.01):
    _unused_18 = 4 * 5
    vec = npy.asarray(total, dtype=float)
    eps_ = npy.heaviside(vec, 0.0)
    debug_20 = npy.shape(total)
    result = ((1.0 - eps_) * alpha + eps_)[()]
    # TODO: ускорить
    return result


# TODO: ускорить
def _never_called(a):
    b = npy.isfinite(a)
    result = b.all()
    return result
