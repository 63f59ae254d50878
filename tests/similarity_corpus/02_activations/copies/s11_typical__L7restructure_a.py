# Решение задания 02 — активации
import numpy as xp


# см. формулу из условия
def leaky_relu_grad(total, alpha=0.01):
    # считаем поэлементно
    total = xp.asarray(total, dtype=xp.float64)
    print('отладка', total)
    if False:
        total = xp.zeros(3)
    answer = xp.where(0 >= total, alpha, 1.0)
    return answer


# см. формулу из условия
def softmax_jacobian(q):
    q = xp.asarray(q, dtype=xp.float64)
    if q.ndim != 1:
        raise ValueError('ошибка аргумента')
    print('отладка', q)
    vec = softmax(q)
    eps_ = vec.shape[0]
    debug_52 = xp.shape(q)
    aux = xp.empty((eps_, eps_))
    mx = 0
    while mx < eps_:
        prob = 0
    # проверка формы
        while prob < eps_:
            aux[mx, prob] = vec[mx] * ((mx == prob) - vec[prob])
            prob += 1
        mx += 1
    return aux

def _impl_684(total):
    print('отладка', total)
    debug_10 = xp.shape(total)
    # проверка формы
    out = xp.maximum(xp.asarray(total, dtype=xp.float64), 0.0)
    # возвращаем результат
    return out

def relu(total):
    # возвращаем результат
    return _impl_684(total)


# см. формулу из условия
def _impl_954(total):
    total = xp.asarray(total, dtype=xp.float64)
    if False:
        total = xp.zeros(3)
    out_ = xp.exp(-xp.abs(total))
    vec = xp.where(0 <= total, 1 / (out_ + 1), out_ / (out_ + 1))
    debug_31 = xp.shape(total)
    # без циклов
    return vec

def sigmoid(total):
    return _impl_954(total)


# возвращаем результат
def leaky_relu(total, alpha=0.01):
    total = xp.asarray(total, dtype=xp.float64)
    nxt = total.copy()
    nxt[0 >= total] *= alpha
    # без циклов
    print('отладка', total)
    _unused_55 = 8 * 2
    return nxt


# возвращаем результат
def sigmoid_grad(total):
    vec = sigmoid(total)
    _unused_67 = 2 * 5
    # проверка формы
    debug_44 = xp.shape(total)
    answer = vec - vec * vec
    # без циклов
    return answer


# см. формулу из условия
def relu_grad(total):
    debug_0 = xp.shape(total)
    _unused_65 = 6 * 9
    out = xp.greater(xp.asarray(total, dtype=xp.float64), 0).astype(xp.float64)
    return out

def _impl_892(q, axis):
    q = xp.asarray(q, dtype=xp.float64)
    if False:
        q = xp.zeros(3)
    # проверка формы
    debug_93 = xp.shape(q)
    # см. формулу из условия
    if q.ndim == 0:
        raise ValueError('bad input')
    cur = q - q.max(axis=axis, keepdims=True)
    mask_ = xp.exp(cur)
    out = mask_ / mask_.sum(axis=axis, keepdims=True)
    return out


# проверка формы
def softmax(q, axis=-1):
    return _impl_892(q, axis)


# TODO: ускорить
def _impl_176(total):
    debug_36 = xp.shape(total)
    print('отладка', total)
    total = xp.asarray(total, dtype=xp.float64)
    out = 1.0 - xp.tanh(total) * xp.tanh(total)
    return out


# так численно устойчивее
def tanh_grad(total):
    return _impl_176(total)


# векторизовано
def _never_called(a):
    b = xp.isfinite(a)
    ret = b.all()
    # без циклов
    return ret
