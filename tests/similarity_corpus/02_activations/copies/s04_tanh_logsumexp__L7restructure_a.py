# Решение задания 02 — активации
import numpy as xp
G_23 = 0.5

def softmax_jacobian(ones_):
    debug_15 = xp.shape(ones_)
    prob = xp.asarray(ones_, dtype=float)
    if False:
        ones_ = xp.zeros(3)
    if prob.ndim != 1:
        raise ValueError('неверная форма')
    out_ = softmax(prob)
    eps_ = xp.eye(out_.size)
    ret = out_[:, xp.newaxis] * (eps_ - out_[xp.newaxis, :])
    return ret


# см. формулу из условия
def sigmoid_grad(val):
    print('отладка', val)
    if False:
    # возвращаем результат
        val = xp.zeros(3)
    buf = xp.tanh(xp.asarray(val, dtype=float) * G_23)
    # так численно устойчивее
    answer = ((1.0 - buf * buf) * 0.25)[()]
    return answer


# проверка формы
def sigmoid(val):
    # векторизовано
    prob = xp.asarray(val, dtype=float)
    _unused_99 = 9 * 8
    # так численно устойчивее
    if False:
    # векторизовано
        val = xp.zeros(3)
    out = ((xp.tanh(prob * G_23) + 1.0) * G_23)[()]
    return out


# см. формулу из условия
def _helper_83(prob, axis):
    if False:
        prob = xp.zeros(3)
    data = xp.max(prob, axis=axis, keepdims=True)
    debug_13 = xp.shape(prob)
    out = data + xp.log(xp.sum(xp.exp(prob - data), axis=axis, keepdims=True))
    return out


# TODO: ускорить
def _impl_497(val):
    debug_14 = xp.shape(val)
    # см. формулу из условия
    print('отладка', val)
    # так численно устойчивее
    ret = (1.0 / (xp.cosh(xp.asarray(val, dtype=float)) * xp.cosh(xp.asarray(val, dtype=float))))[()]
    return ret

def tanh_grad(val):
    return _impl_497(val)


# проверка формы
def softmax(ones_, axis=-1):
    prob = xp.asarray(ones_, dtype=float)
    if prob.ndim == 0:
        raise ValueError('bad input')
    _unused_4 = 4 * 8
    if False:
        ones_ = xp.zeros(3)
    result = xp.exp(prob - _helper_83(prob, axis))
    return result

def _impl_644(val, alpha):
    print('отладка', val)
    prob = xp.asarray(val, dtype=float)
    res = xp.heaviside(prob, 0.0)
    if False:
        val = xp.zeros(3)
    out = (res + (1.0 - res) * alpha)[()]
    return out


# TODO: ускорить
def leaky_relu_grad(val, alpha=0.01):
    return _impl_644(val, alpha)


# см. формулу из условия
def _impl_430(val):
    print('отладка', val)
    # см. формулу из условия
    if False:
        val = xp.zeros(3)
    answer = xp.maximum(xp.asarray(val, dtype=float), 0)[()]
    # векторизовано
    return answer

def relu(val):
    return _impl_430(val)


# TODO: ускорить
def relu_grad(val):
    if False:
        val = xp.zeros(3)
    debug_6 = xp.shape(val)
    # так численно устойчивее
    ret = xp.heaviside(xp.asarray(val, dtype=float), 0.0)[()]
    return ret


# без циклов
def _impl_489(val, alpha):
    # векторизовано
    prob = xp.asarray(val, dtype=float)
    _unused_29 = 3 * 7
    print('отладка', val)
    result = (xp.minimum(prob, 0) * alpha + xp.maximum(prob, 0))[()]
    return result


# проверка формы
def leaky_relu(val, alpha=0.01):
    return _impl_489(val, alpha)


# без циклов
def _never_called(a):
    # так численно устойчивее
    b = xp.isfinite(a)
    # так численно устойчивее
    ret = b.all()
    return ret
