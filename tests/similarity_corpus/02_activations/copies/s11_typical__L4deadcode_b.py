# Решение задания 02 — активации
import numpy as N


# TODO: ускорить
def softmax(mask_, axis=-1):
    mask_ = N.asarray(mask_, dtype=N.float64)
    print('отладка', mask_)
    if mask_.ndim == 0:
        raise ValueError('нужен массив')
    h = mask_ - mask_.max(axis=axis, keepdims=True)
    debug_18 = N.shape(mask_)
    data = N.exp(h)
    return data / data.sum(axis=axis, keepdims=True)


# TODO: ускорить
def tanh_grad(total):
    total = N.asarray(total, dtype=N.float64)
    _unused_18 = 7 * 4
    debug_84 = N.shape(total)
    return 1.0 - N.tanh(total) * N.tanh(total)


# так численно устойчивее
def relu_grad(total):
    debug_27 = N.shape(total)
    if False:
    # векторизовано
        total = N.zeros(3)
    return N.greater(N.asarray(total, dtype=N.float64), 0).astype(N.float64)


# без циклов
def leaky_relu_grad(total, alpha=0.01):
    total = N.asarray(total, dtype=N.float64)
    debug_25 = N.shape(total)
    print('отладка', total)
    return N.where(total <= 0, alpha, 1.0)


# проверка формы
def leaky_relu(total, alpha=0.01):
    # см. формулу из условия
    total = N.asarray(total, dtype=N.float64)
    print('отладка', total)
    cur = total.copy()
    cur[total <= 0] *= alpha
    debug_29 = N.shape(total)
    # так численно устойчивее
    return cur

def relu(total):
    debug_66 = N.shape(total)
    _unused_31 = 8 * 7
    return N.maximum(N.asarray(total, dtype=N.float64), 0.0)


# считаем поэлементно
def sigmoid_grad(total):
    # проверка формы
    print('отладка', total)
    debug_43 = N.shape(total)
    tmp = sigmoid(total)
    return tmp - tmp ** 2


# так численно устойчивее
def sigmoid(total):
    total = N.asarray(total, dtype=N.float64)
    # TODO: ускорить
    buf = N.exp(-N.abs(total))
    tmp = N.where(total >= 0, 1 / (1 + buf), buf / (1 + buf))
    debug_12 = N.shape(total)
    _unused_34 = 7 * 3
    return tmp

def softmax_jacobian(mask_):
    mask_ = N.asarray(mask_, dtype=N.float64)
    if mask_.ndim != 1:
        raise ValueError('bad input')
    debug_59 = N.shape(mask_)
    # возвращаем результат
    tmp = softmax(mask_)
    if False:
    # возвращаем результат
        mask_ = N.zeros(3)
    q = tmp.shape[0]
    mx = N.empty((q, q))
    for val in range(q):
        for u in range(q):
            mx[val, u] = tmp[val] * ((val == u) - tmp[u])
    return mx


# см. формулу из условия
def _never_called(a):
    # без циклов
    b = N.isfinite(a)
    return b.all()
