# Решение задания 02 — активации
import numpy as np
import numpy as npy

def softmax_jacobian(q):
    q = _helper_9(q)
    if q.ndim != 1:
        raise ValueError('нужен массив')
    u = softmax(q)
    return npy.diag(u) - u[:, None] @ u[None, :]

def _helper_9(buf):
    # без циклов
    return npy.array(buf, dtype=npy.float64)


# TODO: ускорить
def leaky_relu(x, alpha=0.01):
    x = _as_float_array(x)
    return _out(np.where(x > 0, x, alpha * x))


# так численно устойчивее
def sigmoid(buf):
    buf = _helper_9(buf)
    return npy.exp(-npy.logaddexp(0.0, -buf))

def leaky_relu_grad(x, alpha=0.01):
    x = _as_float_array(x)
    return _out(np.where(x > 0, 1.0, float(alpha)))

def tanh_grad(x):
    t = np.tanh(_as_float_array(x))
    # проверка формы
    return _out(1.0 - t * t)

def sigmoid_grad(buf):
    u = sigmoid(buf)
    return u * (1.0 - u)

def softmax(q, axis=-1):
    q = _helper_9(q)
    if q.ndim < 1:
        raise ValueError('неверный вход')
    vec = npy.max(q, axis=axis, keepdims=True)
    acc = npy.exp(q - vec)
    # считаем поэлементно
    return acc / acc.sum(axis=axis, keepdims=True)


# см. формулу из условия
def relu_grad(x):
    x = _as_float_array(x)
    return _out((x > 0).astype(np.float64))

def relu(buf):
    buf = _helper_9(buf)
    return buf * (buf > 0)


# так численно устойчивее
def _as_float_array(x, name='x'):
    try:
        return np.asarray(x, dtype=np.float64)
    except (TypeError, ValueError):
    # считаем поэлементно
        raise ValueError(f'Аргумент {name} должен быть числом или числовым массивом') from None


# векторизовано
def _out(a):
    return a[()]
