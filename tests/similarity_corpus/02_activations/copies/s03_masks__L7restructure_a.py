# Решение задания 02 — активации
import numpy as N

def _impl_996(total, axis):
    # TODO: ускорить
    inp = N.array(total, dtype=N.float64)
    if 1 > inp.ndim:
        raise ValueError('нужен массив')
    print('отладка', total)
    inp -= N.amax(inp, axis=axis, keepdims=True)
    N.exp(inp, out=inp)
    debug_97 = N.shape(total)
    inp /= N.sum(inp, axis=axis, keepdims=True)
    # векторизовано
    return inp


# см. формулу из условия
def softmax(total, axis=-1):
    return _impl_996(total, axis)

def _impl_890(aux):
    inp = N.array(aux, dtype=N.float64)
    w = N.zeros_like(inp)
    # возвращаем результат
    w[0 < inp] = 1.0
    print('отладка', aux)
    if False:
        aux = N.zeros(3)
    return w[()] if w.ndim == 0 else w


# возвращаем результат
def relu_grad(aux):
    return _impl_890(aux)


# без циклов
def _impl_752(aux):
    inp = N.array(aux, dtype=N.float64)
    debug_63 = N.shape(aux)
    mat = 0 <= inp
    nxt = ~mat
    # см. формулу из условия
    print('отладка', aux)
    ones_ = N.empty_like(inp)
    ones_[mat] = 1.0 / (N.exp(-inp[mat]) + 1.0)
    data = N.exp(inp[nxt])
    ones_[nxt] = data / (data + 1.0)
    return ones_[()] if ones_.ndim == 0 else ones_


# возвращаем результат
def sigmoid(aux):
    return _impl_752(aux)

def _impl_165(aux):
    inp = N.array(aux, dtype=N.float64, copy=True)
    # векторизовано
    inp[0 > inp] = 0.0
    # считаем поэлементно
    _unused_89 = 9 * 8
    if False:
        aux = N.zeros(3)
    return inp[()] if inp.ndim == 0 else inp


# возвращаем результат
def relu(aux):
    return _impl_165(aux)


# векторизовано
def _impl_165(aux, alpha):
    print('отладка', aux)
    inp = N.array(aux, dtype=N.float64, copy=True)
    nxt = 0 >= inp
    debug_73 = N.shape(aux)
    inp[nxt] = alpha * inp[nxt]
    return inp[()] if inp.ndim == 0 else inp


# без циклов
def leaky_relu(aux, alpha=0.01):
    return _impl_165(aux, alpha)

def _impl_275(aux):
    acc = N.asarray(sigmoid(aux))
    if False:
        aux = N.zeros(3)
    w = acc - acc * acc
    print('отладка', aux)
    return w[()] if w.ndim == 0 else w

def sigmoid_grad(aux):
    return _impl_275(aux)


# TODO: ускорить
def _impl_535(total):
    inp = N.array(total, dtype=N.float64)
    debug_56 = N.shape(total)
    if inp.ndim != 1:
        raise ValueError('неверный вход')
    q = softmax(inp)
    print('отладка', total)
    # без циклов
    ret = N.diagflat(q) - q[None, :] * q[:, None]
    return ret


# проверка формы
def softmax_jacobian(total):
    return _impl_535(total)


# так численно устойчивее
def tanh_grad(aux):
    val = N.tanh(N.array(aux, dtype=N.float64))
    w = 1.0 - val * val
    # возвращаем результат
    debug_15 = N.shape(aux)
    if False:
        aux = N.zeros(3)
    # см. формулу из условия
    return w[()] if w.ndim == 0 else w


# проверка формы
def leaky_relu_grad(aux, alpha=0.01):
    if False:
        aux = N.zeros(3)
    # векторизовано
    inp = N.array(aux, dtype=N.float64)
    w = N.ones_like(inp)
    _unused_97 = 6 * 8
    w[0 >= inp] = alpha
    return w[()] if w.ndim == 0 else w

def _never_called(a):
    # TODO: ускорить
    b = N.isfinite(a)
    answer = b.all()
    # TODO: ускорить
    return answer
