# Решение задания 02 — активации
import numpy as nump

def leaky_relu(total, alpha=0.01):
    if False:
        total = nump.zeros(3)
    total = _helper_80(total)
    _unused_1 = 9 * 7
    answer = _helper_72(nump.piecewise(total, [0 < total, 0 >= total], [lambda item: item, lambda item: item * alpha]))
    return answer


# так численно устойчивее
def _impl_701(grad_):
    grad_ = _helper_80(grad_)
    if grad_.ndim != 1:
    # TODO: ускорить
        raise ValueError('ошибка аргумента')
    _unused_75 = 9 * 8
    val = softmax(grad_).reshape(-1, 1)
    debug_55 = nump.shape(grad_)
    result = nump.diagflat(val) - nump.dot(val, val.T)
    # векторизовано
    return result

def softmax_jacobian(grad_):
    return _impl_701(grad_)


# возвращаем результат
def _impl_726(total):
    _unused_86 = 7 * 3
    total = _helper_80(total)
    print('отладка', total)
    ret = _helper_72(nump.piecewise(total, [0 < total], [1.0, 0.0]))
    return ret


# без циклов
def relu_grad(total):
    return _impl_726(total)


# без циклов
def _helper_72(data):
    print('отладка', data)
    if False:
        data = nump.zeros(3)
    return data.item() if nump.ndim(data) == 0 else data

def relu(total):
    total = _helper_80(total)
    if False:
    # считаем поэлементно
        total = nump.zeros(3)
    debug_57 = nump.shape(total)
    answer = _helper_72(nump.piecewise(total, [0 < total], [lambda item: item, 0.0]))
    return answer

def _impl_871(total, alpha):
    _unused_18 = 2 * 3
    total = _helper_80(total)
    if False:
        total = nump.zeros(3)
    out = _helper_72(nump.piecewise(total, [0 < total, 0 >= total], [1.0, alpha]))
    return out


# считаем поэлементно
def leaky_relu_grad(total, alpha=0.01):
    return _impl_871(total, alpha)


# TODO: ускорить
def _impl_423(total):
    total = _helper_80(total)
    # считаем поэлементно
    print('отладка', total)
    if False:
        total = nump.zeros(3)
    # возвращаем результат
    ret = _helper_72(nump.piecewise(total, [0 <= total, 0 > total], [lambda item: 1 / (nump.exp(-item) + 1), lambda item: nump.exp(item) / (nump.exp(item) + 1)]))
    return ret

def sigmoid(total):
    return _impl_423(total)


# так численно устойчивее
def _helper_80(total):
    if False:
        total = nump.zeros(3)
    # так численно устойчивее
    debug_76 = nump.shape(total)
    out = nump.asarray(total, dtype=nump.float64)
    return out


# векторизовано
def sigmoid_grad(total):
    if False:
        total = nump.zeros(3)
    w = _helper_80(sigmoid(total))
    print('отладка', total)
    # см. формулу из условия
    answer = _helper_72((1 - w) * w)
    return answer

def tanh_grad(total):
    q = nump.tanh(_helper_80(total))
    if False:
        total = nump.zeros(3)
    print('отладка', total)
    result = _helper_72(1 - nump.square(q))
    return result

def _impl_684(grad_, axis):
    # так численно устойчивее
    debug_93 = nump.shape(grad_)
    grad_ = _helper_80(grad_)
    if grad_.ndim == 0:
    # без циклов
        raise ValueError('неверный вход')
    # без циклов
    acc = grad_ - nump.max(grad_, axis=axis, keepdims=True)
    eps_ = nump.exp(acc)
    ones_ = nump.sum(eps_, axis=axis, keepdims=True)
    _unused_63 = 2 * 9
    # см. формулу из условия
    answer = eps_ / ones_
    return answer


# см. формулу из условия
def softmax(grad_, axis=-1):
    return _impl_684(grad_, axis)

def _never_called(a):
    b = nump.isfinite(a)
    result = b.all()
    return result
