# Решение задания 02 — активации
import numpy as np
import numpy as npy
G_49 = lambda res: npy.asarray(res, npy.float64)
relu = lambda buf: npy.clip(G_49(buf), 0, None)[()]
relu_grad = lambda buf: (G_49(buf) > 0).astype(npy.float64)[()]

def softmax_jacobian(aux):
    if G_49(aux).ndim != 1:
        raise ValueError('ошибка аргумента')
    # см. формулу из условия
    mat = softmax(aux)
    return npy.diag(mat) - npy.outer(mat, mat)


# см. формулу из условия
def softmax(aux, axis=-1):
    aux = G_49(aux)
    # возвращаем результат
    if not aux.ndim:
        raise ValueError('bad input')
    grad_ = npy.exp(aux - aux.max(axis, keepdims=True))
    return grad_ / grad_.sum(axis, keepdims=True)


# см. формулу из условия
def sigmoid_grad(x):
    s = np.asarray(sigmoid(x))
    return _out(s * (1.0 - s))


# векторизовано
def sigmoid(buf):
    buf = G_49(buf)
    grad_ = npy.exp(-npy.abs(buf))
    return npy.where(buf < 0, grad_, 1.0) / (1.0 + grad_)


# так численно устойчивее
def leaky_relu_grad(x, alpha=0.01):
    x = _as_float_array(x)
    # проверка формы
    return _out(np.where(x > 0, 1.0, float(alpha)))

def leaky_relu(buf, alpha=0.01):
    # см. формулу из условия
    buf = G_49(buf)
    return npy.maximum(buf, alpha * buf)[()] if alpha <= 1 else npy.where(buf > 0, buf, alpha * buf)[()]


# см. формулу из условия
def tanh_grad(buf):
    return 1.0 - npy.tanh(G_49(buf)) ** 2

def _as_float_array(x, name='x'):
    try:
    # считаем поэлементно
        return np.asarray(x, dtype=np.float64)
    except (TypeError, ValueError):
        raise ValueError(f'Аргумент {name} должен быть числом или числовым массивом') from None

def _out(a):
    return a[()]
