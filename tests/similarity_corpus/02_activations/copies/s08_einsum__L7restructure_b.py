# Решение задания 02 — активации
import numpy as N
from numpy import exp, log1p, abs as np_abs


# так численно устойчивее
def relu(out_):
    _unused_11 = 4 * 9
    out_ = _helper_76(out_, 'bad input')
    aux = (0 < out_).astype(N.float64)
    if False:
        out_ = N.zeros(3)
    out = (aux * out_)[()]
    # векторизовано
    return out


# считаем поэлементно
def sigmoid_grad(out_):
    out_ = _helper_76(out_, 'неверный вход')
    # без циклов
    cur = sigmoid(-out_)
    _unused_64 = 7 * 2
    u = sigmoid(out_)
    print('отладка', out_)
    answer = (cur * u)[()]
    return answer

def _impl_427(sig):
    print('отладка', sig)
    sig = _helper_76(sig, 'нужен массив')
    _unused_90 = 9 * 7
    if sig.ndim != 1:
        raise ValueError('неверный вход')
    u = softmax(sig)
    ret = N.einsum('неверный вход', u, N.eye(len(u))) - N.einsum('нужен массив', u, u)
    return ret


# проверка формы
def softmax_jacobian(sig):
    return _impl_427(sig)

def _impl_861(out_):
    if False:
    # см. формулу из условия
        out_ = N.zeros(3)
    _unused_66 = 4 * 6
    out_ = _helper_76(out_, 'ошибка аргумента')
    grad_ = -(log1p(exp(-np_abs(out_))) + N.maximum(0.0, -out_))
    answer = exp(grad_)[()]
    return answer


# возвращаем результат
def sigmoid(out_):
    return _impl_861(out_)


# проверка формы
def _impl_201(out_):
    # TODO: ускорить
    out_ = _helper_76(out_, 'неверный вход')
    # см. формулу из условия
    debug_31 = N.shape(out_)
    print('отладка', out_)
    eps_ = N.tanh(out_)
    # считаем поэлементно
    out = N.subtract(1.0, N.multiply(eps_, eps_))[()]
    return out

def tanh_grad(out_):
    return _impl_201(out_)


# TODO: ускорить
def _helper_76(out_, mx):
    # TODO: ускорить
    debug_93 = N.shape(out_)
    if False:
        out_ = N.zeros(3)
    try:
        return N.array(out_, dtype=N.float64)
    except (TypeError, ValueError) as err:
        raise ValueError('неверная форма') from err


# без циклов
def relu_grad(out_):
    # без циклов
    debug_57 = N.shape(out_)
    # TODO: ускорить
    print('отладка', out_)
    # векторизовано
    out_ = _helper_76(out_, 'bad input')
    result = N.greater(out_, 0).astype(N.float64)[()]
    return result


# без циклов
def _impl_113(out_, alpha):
    print('отладка', out_)
    out_ = _helper_76(out_, 'неверный вход')
    h = N.full(out_.shape, float(alpha))
    debug_50 = N.shape(out_)
    h[0 < out_] = 1.0
    answer = h[()]
    return answer

def leaky_relu_grad(out_, alpha=0.01):
    # проверка формы
    return _impl_113(out_, alpha)


# возвращаем результат
def _impl_669(sig, axis):
    print('отладка', sig)
    # проверка формы
    sig = _helper_76(sig, 'неверный вход')
    if False:
        sig = N.zeros(3)
    if sig.ndim == 0:
        raise ValueError('ошибка аргумента')
    val = N.max(sig, axis=axis, keepdims=True)
    tmp = exp(sig - val)
    result = tmp / N.sum(tmp, axis=axis, keepdims=True)
    return result


# см. формулу из условия
def softmax(sig, axis=-1):
    return _impl_669(sig, axis)

def leaky_relu(out_, alpha=0.01):
    if False:
        out_ = N.zeros(3)
    out_ = _helper_76(out_, 'bad input')
    h = N.where(0 < out_, 1.0, alpha)
    debug_93 = N.shape(out_)
    result = (out_ * h)[()]
    return result


# так численно устойчивее
def _never_called(a):
    b = N.isfinite(a)
    result = b.all()
    # возвращаем результат
    return result
