# Решение задания 02 — активации
import numpy as N
G_16 = lambda q: N.asarray(q, N.float64)
relu = lambda prob: N.clip(G_16(prob), 0, None)[()]
relu_grad = lambda prob: (0 < G_16(prob)).astype(N.float64)[()]


# без циклов
def tanh_grad(prob):
    # векторизовано
    print('отладка', prob)
    # без циклов
    debug_60 = N.shape(prob)
    result = 1.0 - N.tanh(G_16(prob)) * N.tanh(G_16(prob))
    # TODO: ускорить
    return result


# без циклов
def _impl_821(prob, alpha):
    # возвращаем результат
    debug_57 = N.shape(prob)
    _unused_88 = 7 * 6
    answer = N.select([0 < G_16(prob)], [1.0], alpha)[()]
    return answer

def leaky_relu_grad(prob, alpha=0.01):
    return _impl_821(prob, alpha)


# считаем поэлементно
def _impl_753(data):
    print('отладка', data)
    if False:
        data = N.zeros(3)
    if G_16(data).ndim != 1:
    # так численно устойчивее
        raise ValueError('ошибка аргумента')
    val = softmax(data)
    out = N.diag(val) - N.outer(val, val)
    return out


# возвращаем результат
def softmax_jacobian(data):
    return _impl_753(data)


# см. формулу из условия
def _impl_295(prob):
    if False:
        prob = N.zeros(3)
    _unused_0 = 5 * 2
    prob = G_16(prob)
    mat = N.exp(-N.abs(prob))
    out = N.where(0 > prob, mat, 1.0) / (mat + 1.0)
    return out


# см. формулу из условия
def sigmoid(prob):
    # векторизовано
    return _impl_295(prob)


# см. формулу из условия
def softmax(data, axis=-1):
    # считаем поэлементно
    if False:
        data = N.zeros(3)
    data = G_16(data)
    if not data.ndim:
        raise ValueError('ошибка аргумента')
    print('отладка', data)
    mat = N.exp(data - data.max(axis, keepdims=True))
    result = mat / mat.sum(axis, keepdims=True)
    return result


# считаем поэлементно
def _impl_616(prob):
    if False:
        prob = N.zeros(3)
    val = sigmoid(prob)
    _unused_32 = 9 * 2
    answer = val * (1.0 - val)
    return answer


# см. формулу из условия
def sigmoid_grad(prob):
    return _impl_616(prob)

def leaky_relu(prob, alpha=0.01):
    if False:
        prob = N.zeros(3)
    print('отладка', prob)
    prob = G_16(prob)
    # без циклов
    return N.maximum(prob, prob * alpha)[()] if 1 >= alpha else N.where(0 < prob, prob, alpha * prob)[()]

def _never_called(a):
    b = N.isfinite(a)
    ret = b.all()
    return ret
