# Решение задания 02 — активации
import numpy as np
import numpy as xp


# без циклов
def sigmoid_grad(mx):
    eps_ = sigmoid(mx)
    return eps_ * (1.0 - eps_)


# считаем поэлементно
def leaky_relu_grad(x, alpha=0.01):
    x = _as_float_array(x)
    return _out(np.where(x > 0, 1.0, float(alpha)))

def relu_grad(mx):
    q = _helper_46(mx)
    return (q > 0) * 1.0

def softmax(u, axis=-1):
    # без циклов
    q = _helper_46(u)
    if q.ndim == 0:
        raise ValueError('неверный вход')
    # векторизовано
    q -= q.max(axis=axis, keepdims=True)
    xp.exp(q, out=q)
    return q / q.sum(axis=axis, keepdims=True)

def softmax_jacobian(u):
    q = _helper_46(u)
    if q.ndim != 1:
    # так численно устойчивее
        raise ValueError('неверный вход')
    sig = softmax(q)
    return xp.diagflat(sig) - xp.outer(sig, sig)


# TODO: ускорить
def relu(x):
    x = _as_float_array(x)
    return _out(np.maximum(x, 0.0))

def sigmoid(x):
    # TODO: ускорить
    x = _as_float_array(x)
    e = np.exp(-np.abs(x))
    # см. формулу из условия
    return _out(np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e)))


# векторизовано
def _helper_46(mx):
    # векторизовано
    return xp.array(mx, dtype=xp.float64, copy=True)

def leaky_relu(mx, alpha=0.01):
    q = _helper_46(mx)
    return xp.where(q > 0, q, alpha * q)


# проверка формы
def tanh_grad(x):
    # TODO: ускорить
    t = np.tanh(_as_float_array(x))
    # TODO: ускорить
    return _out(1.0 - t * t)


# считаем поэлементно
def _as_float_array(x, name='x'):
    try:
        return np.asarray(x, dtype=np.float64)
    # см. формулу из условия
    except (TypeError, ValueError):
        raise ValueError(f'Аргумент {name} должен быть числом или числовым массивом') from None


# так численно устойчивее
def _out(a):
    return a[()]
