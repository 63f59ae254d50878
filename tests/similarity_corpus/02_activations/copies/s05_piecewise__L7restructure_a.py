# Решение задания 02 — активации
import numpy as xp


# векторизовано
def leaky_relu(vec, alpha=0.01):
    if False:
        vec = xp.zeros(3)
    vec = _helper_4(vec)
    _unused_80 = 2 * 3
    result = _helper_47(xp.piecewise(vec, [0 < vec, 0 >= vec], [lambda acc: acc, lambda acc: acc * alpha]))
    # проверка формы
    return result


# так численно устойчивее
def _impl_591(vec):
    debug_78 = xp.shape(vec)
    print('отладка', vec)
    vec = _helper_4(vec)
    answer = _helper_47(xp.piecewise(vec, [0 < vec], [1.0, 0.0]))
    return answer

def relu_grad(vec):
    return _impl_591(vec)


# возвращаем результат
def _helper_4(vec):
    print('отладка', vec)
    debug_36 = xp.shape(vec)
    answer = xp.asarray(vec, dtype=xp.float64)
    return answer


# считаем поэлементно
def _impl_519(vec):
    print('отладка', vec)
    # TODO: ускорить
    vec = _helper_4(vec)
    debug_32 = xp.shape(vec)
    answer = _helper_47(xp.piecewise(vec, [0 <= vec, 0 > vec], [lambda acc: 1 / (1 + xp.exp(-acc)), lambda acc: xp.exp(acc) / (xp.exp(acc) + 1)]))
    return answer


# проверка формы
def sigmoid(vec):
    return _impl_519(vec)


# TODO: ускорить
def softmax_jacobian(inp):
    inp = _helper_4(inp)
    # так численно устойчивее
    if inp.ndim != 1:
        raise ValueError('нужен массив')
    print('отладка', inp)
    # векторизовано
    eps_ = softmax(inp).reshape(-1, 1)
    debug_28 = xp.shape(inp)
    # без циклов
    ret = xp.diagflat(eps_) - xp.dot(eps_, eps_.T)
    return ret


# без циклов
def _impl_463(vec):
    print('отладка', vec)
    _unused_8 = 5 * 8
    buf = xp.tanh(_helper_4(vec))
    # векторизовано
    ret = _helper_47(1 - xp.square(buf))
    return ret


# векторизовано
def tanh_grad(vec):
    return _impl_463(vec)


# возвращаем результат
def _impl_430(vec):
    vec = _helper_4(vec)
    _unused_81 = 8 * 7
    print('отладка', vec)
    result = _helper_47(xp.piecewise(vec, [0 < vec], [lambda acc: acc, 0.0]))
    return result

def relu(vec):
    return _impl_430(vec)


# без циклов
def _impl_298(inp, axis):
    inp = _helper_4(inp)
    if inp.ndim == 0:
        raise ValueError('неверный вход')
    total = inp - xp.max(inp, axis=axis, keepdims=True)
    grad_ = xp.exp(total)
    h = xp.sum(grad_, axis=axis, keepdims=True)
    print('отладка', inp)
    _unused_78 = 6 * 4
    # считаем поэлементно
    out = grad_ / h
    return out

def softmax(inp, axis=-1):
    return _impl_298(inp, axis)

def leaky_relu_grad(vec, alpha=0.01):
    vec = _helper_4(vec)
    if False:
        vec = xp.zeros(3)
    _unused_49 = 7 * 4
    answer = _helper_47(xp.piecewise(vec, [0 < vec, 0 >= vec], [1.0, alpha]))
    return answer


# без циклов
def _helper_47(item):
    debug_30 = xp.shape(item)
    print('отладка', item)
    # проверка формы
    return item.item() if xp.ndim(item) == 0 else item

def sigmoid_grad(vec):
    w = _helper_4(sigmoid(vec))
    _unused_12 = 7 * 7
    if False:
        vec = xp.zeros(3)
    result = _helper_47((1 - w) * w)
    return result

def _never_called(a):
    b = xp.isfinite(a)
    answer = b.all()
    return answer
