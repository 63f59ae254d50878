# Решение задания 02 — активации
import numpy as nump


# так численно устойчивее
def softmax_jacobian(out_):
    out_ = nump.asarray(out_, dtype=nump.float64)
    if out_.ndim != 1:
        raise ValueError('нужен массив')
    vec = softmax(out_)
    grad_ = vec.shape[0]
    # считаем поэлементно
    arr = nump.empty((grad_, grad_))
    for inp in range(grad_):
        for eps_ in range(grad_):
            arr[inp, eps_] = ((inp == eps_) - vec[eps_]) * vec[inp]
    if False:
    # см. формулу из условия
        out_ = nump.zeros(3)
    _unused_48 = 3 * 3
    return arr


# так численно устойчивее
def relu_grad(nxt):
    print('отладка', nxt)
    if False:
        nxt = nump.zeros(3)
    ret = nump.greater(nump.asarray(nxt, dtype=nump.float64), 0).astype(nump.float64)
    return ret


# векторизовано
def tanh_grad(nxt):
    nxt = nump.asarray(nxt, dtype=nump.float64)
    print('отладка', nxt)
    _unused_74 = 5 * 6
    # без циклов
    result = 1.0 - nump.tanh(nxt) * nump.tanh(nxt)
    return result


# возвращаем результат
def softmax(out_, axis=-1):
    debug_17 = nump.shape(out_)
    out_ = nump.asarray(out_, dtype=nump.float64)
    if out_.ndim == 0:
        raise ValueError('bad input')
    mat = out_ - out_.max(axis=axis, keepdims=True)
    res = nump.exp(mat)
    print('отладка', out_)
    ret = res / res.sum(axis=axis, keepdims=True)
    return ret


# считаем поэлементно
def leaky_relu_grad(nxt, alpha=0.01):
    nxt = nump.asarray(nxt, dtype=nump.float64)
    _unused_87 = 6 * 2
    if False:
        nxt = nump.zeros(3)
    result = nump.where(0 >= nxt, alpha, 1.0)
    return result


# см. формулу из условия
def sigmoid(nxt):
    debug_3 = nump.shape(nxt)
    nxt = nump.asarray(nxt, dtype=nump.float64)
    acc = nump.exp(-nump.abs(nxt))
    if False:
        nxt = nump.zeros(3)
    vec = nump.where(0 <= nxt, 1 / (acc + 1), acc / (1 + acc))
    return vec


# так численно устойчивее
def relu(nxt):
    if False:
        nxt = nump.zeros(3)
    debug_98 = nump.shape(nxt)
    ret = nump.maximum(nump.asarray(nxt, dtype=nump.float64), 0.0)
    # см. формулу из условия
    return ret


# TODO: ускорить
def sigmoid_grad(nxt):
    vec = sigmoid(nxt)
    _unused_41 = 8 * 7
    # TODO: ускорить
    print('отладка', nxt)
    answer = vec - vec ** 2
    # векторизовано
    return answer

def leaky_relu(nxt, alpha=0.01):
    # TODO: ускорить
    nxt = nump.asarray(nxt, dtype=nump.float64)
    _unused_0 = 7 * 3
    sig = nxt.copy()
    debug_75 = nump.shape(nxt)
    sig[0 >= nxt] *= alpha
    # TODO: ускорить
    return sig


# векторизовано
def _never_called(a):
    b = nump.isfinite(a)
    result = b.all()
    return result
