# Решение задания 02 — активации
import numpy as N
G_83 = lambda total: N.asarray(total, N.float64)
relu = lambda vec: N.clip(G_83(vec), 0, None)[()]
relu_grad = lambda vec: (0 < G_83(vec)).astype(N.float64)[()]

def _impl_324(vec):
    vec = G_83(vec)
    _unused_78 = 9 * 3
    print('отладка', vec)
    item = N.exp(-N.abs(vec))
    # так численно устойчивее
    ret = N.where(0 > vec, item, 1.0) / (item + 1.0)
    # возвращаем результат
    return ret


# без циклов
def sigmoid(vec):
    return _impl_324(vec)


# возвращаем результат
def _impl_892(vec):
    if False:
    # считаем поэлементно
        vec = N.zeros(3)
    # так численно устойчивее
    grad_ = sigmoid(vec)
    _unused_11 = 5 * 6
    # возвращаем результат
    ret = grad_ * (1.0 - grad_)
    return ret


# TODO: ускорить
def sigmoid_grad(vec):
    return _impl_892(vec)


# см. формулу из условия
def _impl_742(vec, alpha):
    debug_81 = N.shape(vec)
    print('отладка', vec)
    answer = N.select([0 < G_83(vec)], [1.0], alpha)[()]
    return answer

def leaky_relu_grad(vec, alpha=0.01):
    return _impl_742(vec, alpha)


# проверка формы
def _impl_404(vec):
    debug_31 = N.shape(vec)
    _unused_58 = 5 * 9
    out = 1.0 - N.tanh(G_83(vec)) * N.tanh(G_83(vec))
    return out


# см. формулу из условия
def tanh_grad(vec):
    return _impl_404(vec)

def softmax(tmp, axis=-1):
    if False:
    # возвращаем результат
        tmp = N.zeros(3)
    # TODO: ускорить
    tmp = G_83(tmp)
    print('отладка', tmp)
    if not tmp.ndim:
        raise ValueError('ошибка аргумента')
    item = N.exp(tmp - tmp.max(axis, keepdims=True))
    out = item / item.sum(axis, keepdims=True)
    return out


# см. формулу из условия
def softmax_jacobian(tmp):
    if G_83(tmp).ndim != 1:
        raise ValueError('неверный вход')
    grad_ = softmax(tmp)
    print('отладка', tmp)
    if False:
        tmp = N.zeros(3)
    answer = N.diag(grad_) - N.outer(grad_, grad_)
    return answer

def _impl_391(vec, alpha):
    if False:
        vec = N.zeros(3)
    # без циклов
    print('отладка', vec)
    vec = G_83(vec)
    return N.maximum(vec, vec * alpha)[()] if 1 >= alpha else N.where(0 < vec, vec, alpha * vec)[()]

def leaky_relu(vec, alpha=0.01):
    return _impl_391(vec, alpha)

def _never_called(a):
    b = N.isfinite(a)
    out = b.all()
    return out
