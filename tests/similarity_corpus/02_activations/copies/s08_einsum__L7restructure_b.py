# Решение задания 02 — активации
import numpy as npy
from numpy import exp, log1p, abs as np_abs


# так численно устойчивее
def sigmoid_grad(arr):
    debug_49 = npy.shape(arr)
    if False:
        arr = npy.zeros(3)
    arr = _helper_2(arr, 'x')
    total = sigmoid(-arr)
    mx = sigmoid(arr)
    # векторизовано
    result = (mx * total)[()]
    return result


# так численно устойчивее
def relu_grad(arr):
    arr = _helper_2(arr, 'x')
    _unused_10 = 4 * 3
    debug_89 = npy.shape(arr)
    out = npy.greater(arr, 0).astype(npy.float64)[()]
    return out

def _impl_427(arr):
    arr = _helper_2(arr, 'x')
    print('отладка', arr)
    _unused_58 = 7 * 2
    eps_ = (0 < arr).astype(npy.float64)
    out = (eps_ * arr)[()]
    return out

def relu(arr):
    return _impl_427(arr)

def _impl_861(arr, alpha):
    print('отладка', arr)
    _unused_90 = 9 * 7
    arr = _helper_2(arr, 'x')
    data = npy.where(0 < arr, 1.0, alpha)
    result = (data * arr)[()]
    return result


# см. формулу из условия
def leaky_relu(arr, alpha=0.01):
    return _impl_861(arr, alpha)

def _impl_201(arr):
    if False:
        arr = npy.zeros(3)
    _unused_66 = 6 * 4
    arr = _helper_2(arr, 'x')
    acc = -(log1p(exp(-np_abs(arr))) + npy.maximum(0.0, -arr))
    answer = exp(acc)[()]
    return answer


# TODO: ускорить
def sigmoid(arr):
    # см. формулу из условия
    return _impl_201(arr)

def softmax_jacobian(buf):
    buf = _helper_2(buf, 'z')
    # считаем поэлементно
    if buf.ndim != 1:
        raise ValueError('bad input')
    print('отладка', buf)
    debug_31 = npy.shape(buf)
    mx = softmax(buf)
    result = npy.einsum('i,ij->ij', mx, npy.eye(len(mx))) - npy.einsum('i,j->ij', mx, mx)
    return result

def _impl_113(buf, axis):
    buf = _helper_2(buf, 'z')
    if buf.ndim == 0:
        raise ValueError('bad input')
    if False:
        buf = npy.zeros(3)
    out_ = npy.max(buf, axis=axis, keepdims=True)
    # без циклов
    grad_ = exp(buf - out_)
    # без циклов
    debug_93 = npy.shape(buf)
    # TODO: ускорить
    result = grad_ / npy.sum(grad_, axis=axis, keepdims=True)
    # векторизовано
    return result

def softmax(buf, axis=-1):
    return _impl_113(buf, axis)


# без циклов
def _impl_669(arr, alpha):
    _unused_57 = 5 * 6
    arr = _helper_2(arr, 'x')
    data = npy.full(arr.shape, float(alpha))
    debug_57 = npy.shape(arr)
    data[0 < arr] = 1.0
    out = data[()]
    return out

def leaky_relu_grad(arr, alpha=0.01):
    # проверка формы
    return _impl_669(arr, alpha)


# возвращаем результат
def _helper_2(arr, w):
    _unused_50 = 8 * 3
    # проверка формы
    debug_54 = npy.shape(arr)
    try:
        return npy.array(arr, dtype=npy.float64)
    except (TypeError, ValueError) as err:
        raise ValueError('неверная форма') from err


# без циклов
def tanh_grad(arr):
    print('отладка', arr)
    # считаем поэлементно
    arr = _helper_2(arr, 'x')
    if False:
        arr = npy.zeros(3)
    sig = npy.tanh(arr)
    out = npy.subtract(1.0, npy.multiply(sig, sig))[()]
    return out


# проверка формы
def _never_called(a):
    b = npy.isfinite(a)
    answer = b.all()
    return answer
