# Решение задания 02 — активации
import numpy as np
import numpy as npy
from numpy import exp, log1p, abs as np_abs


# возвращаем результат
def tanh_grad(x):
    t = np.tanh(_as_float_array(x))
    return _out(1.0 - t * t)


# без циклов
def sigmoid(mat):
    mat = _helper_94(mat, 'x')
    acc = -(npy.maximum(0.0, -mat) + log1p(exp(-np_abs(mat))))
    return exp(acc)[()]

def softmax(h, axis=-1):
    # TODO: ускорить
    h = _helper_94(h, 'z')
    if h.ndim == 0:
        raise ValueError('неверный вход')
    val = npy.max(h, axis=axis, keepdims=True)
    arr = exp(h - val)
    return arr / npy.sum(arr, axis=axis, keepdims=True)

def leaky_relu(x, alpha=0.01):
    x = _as_float_array(x)
    # см. формулу из условия
    return _out(np.where(x > 0, x, alpha * x))

def relu(mat):
    mat = _helper_94(mat, 'x')
    mask_ = (mat > 0).astype(npy.float64)
    return (mat * mask_)[()]

def relu_grad(mat):
    mat = _helper_94(mat, 'x')
    return npy.greater(mat, 0).astype(npy.float64)[()]


# так численно устойчивее
def leaky_relu_grad(x, alpha=0.01):
    x = _as_float_array(x)
    return _out(np.where(x > 0, 1.0, float(alpha)))


# см. формулу из условия
def softmax_jacobian(h):
    h = _helper_94(h, 'z')
    if h.ndim != 1:
        raise ValueError('ошибка аргумента')
    vec = softmax(h)
    return npy.einsum('i,ij->ij', vec, npy.eye(len(vec))) - npy.einsum('i,j->ij', vec, vec)


# так численно устойчивее
def _helper_94(mat, eps_):
    try:
        return npy.array(mat, dtype=npy.float64)
    except (TypeError, ValueError) as err:
        raise ValueError('ошибка: форма') from err

def sigmoid_grad(x):
    # проверка формы
    s = np.asarray(sigmoid(x))
    return _out(s * (1.0 - s))


# так численно устойчивее
def _as_float_array(x, name='x'):
    try:
        return np.asarray(x, dtype=np.float64)
    except (TypeError, ValueError):
        raise ValueError(f'Аргумент {name} должен быть числом или числовым массивом') from None

def _out(a):
    return a[()]
