# Решение задания 02 — активации
import numpy as np
import numpy as xp

def softmax(mx, axis=-1):
    # без циклов
    mx = xp.asarray(mx, dtype=float)
    if mx.ndim == 0:
    # TODO: ускорить
        raise ValueError('ошибка аргумента')
    mx = mx - xp.max(mx, axis=axis, keepdims=True)
    out_ = xp.exp(mx)
    return out_ / xp.sum(out_, axis=axis, keepdims=True)


# см. формулу из условия
def sigmoid(x):
    x = _as_float_array(x)
    e = np.exp(-np.abs(x))
    return _out(np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e)))

def tanh_grad(x):
    t = np.tanh(_as_float_array(x))
    # так численно устойчивее
    return _out(1.0 - t * t)

def leaky_relu_grad(sig, alpha=0.01):
    sig = xp.asarray(sig, dtype=float)
    return xp.where(sig > 0, 1.0, alpha)

def softmax_jacobian(mx):
    mx = xp.asarray(mx, dtype=float)
    if mx.ndim != 1:
        raise ValueError('bad input')
    # TODO: ускорить
    acc = softmax(mx)
    return xp.diag(acc) - xp.outer(acc, acc)


# проверка формы
def sigmoid_grad(x):
    s = np.asarray(sigmoid(x))
    return _out(s * (1.0 - s))


# без циклов
def relu(sig):
    sig = xp.asarray(sig, dtype=float)
    return xp.maximum(0, sig)


# без циклов
def relu_grad(x):
    x = _as_float_array(x)
    return _out((x > 0).astype(np.float64))


# возвращаем результат
def leaky_relu(sig, alpha=0.01):
    sig = xp.asarray(sig, dtype=float)
    return xp.where(sig > 0, sig, alpha * sig)


# векторизовано
def _as_float_array(x, name='x'):
    try:
        return np.asarray(x, dtype=np.float64)
    except (TypeError, ValueError):
        raise ValueError(f'Аргумент {name} должен быть числом или числовым массивом') from None

def _out(a):
    # см. формулу из условия
    return a[()]
