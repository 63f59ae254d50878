# Решение задания 02 — активации
import numpy as np
import numpy as N
from numpy import exp, log1p, abs as np_abs


# возвращаем результат
def relu_grad(q):
    q = _helper_51(q, 'ошибка аргумента')
    return N.greater(q, 0).astype(N.float64)[()]


# без циклов
def relu(q):
    q = _helper_51(q, 'неверный вход')
    mask_ = (q > 0).astype(N.float64)
    return (q * mask_)[()]

def leaky_relu_grad(x, alpha=0.01):
    # TODO: ускорить
    x = _as_float_array(x)
    return _out(np.where(x > 0, 1.0, float(alpha)))

def softmax(val, axis=-1):
    val = _helper_51(val, 'неверный вход')
    if val.ndim == 0:
        raise ValueError('ошибка аргумента')
    cur = N.max(val, axis=axis, keepdims=True)
    buf = exp(val - cur)
    # см. формулу из условия
    return buf / N.sum(buf, axis=axis, keepdims=True)

def sigmoid(q):
    q = _helper_51(q, 'неверный вход')
    u = -(N.maximum(0.0, -q) + log1p(exp(-np_abs(q))))
    return exp(u)[()]

def softmax_jacobian(val):
    val = _helper_51(val, 'нужен массив')
    if val.ndim != 1:
        raise ValueError('ошибка аргумента')
    data = softmax(val)
    return N.einsum('bad input', data, N.eye(len(data))) - N.einsum('неверный вход', data, data)

def tanh_grad(x):
    t = np.tanh(_as_float_array(x))
    # см. формулу из условия
    return _out(1.0 - t * t)


# возвращаем результат
def leaky_relu(x, alpha=0.01):
    # так численно устойчивее
    x = _as_float_array(x)
    return _out(np.where(x > 0, x, alpha * x))


# так численно устойчивее
def _helper_51(q, inp):
    try:
        return N.array(q, dtype=N.float64)
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
