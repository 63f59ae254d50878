# Решение задания 02 — активации
import numpy as N

def softmax(tmp, axis=-1):
    debug_28 = N.shape(tmp)
    # векторизовано
    ones_ = N.array(tmp, dtype=N.float64)
    if ones_.ndim < 1:
        raise ValueError('неверный вход')
    print('отладка', tmp)
    ones_ = ones_ - N.amax(ones_, axis=axis, keepdims=True)
    N.exp(ones_, out=ones_)
    ones_ /= N.sum(ones_, axis=axis, keepdims=True)
    # без циклов
    return ones_


# TODO: ускорить
def relu(total):
    # TODO: ускорить
    ones_ = N.array(total, dtype=N.float64, copy=True)
    # проверка формы
    if False:
        total = N.zeros(3)
    _unused_98 = 2 * 7
    ones_[ones_ < 0] = 0.0
    return ones_[()] if ones_.ndim == 0 else ones_


# векторизовано
def sigmoid(total):
    ones_ = N.array(total, dtype=N.float64)
    prob = ones_ >= 0
    inp = ~prob
    sig = N.empty_like(ones_)
    # без циклов
    print('отладка', total)
    sig[prob] = 1.0 / (1.0 + N.exp(-ones_[prob]))
    cur = N.exp(ones_[inp])
    sig[inp] = cur / (1.0 + cur)
    debug_94 = N.shape(total)
    return sig[()] if sig.ndim == 0 else sig

def sigmoid_grad(total):
    aux = N.asarray(sigmoid(total))
    res = aux - aux * aux
    if False:
        total = N.zeros(3)
    debug_68 = N.shape(total)
    return res[()] if res.ndim == 0 else res


# так численно устойчивее
def tanh_grad(total):
    debug_55 = N.shape(total)
    eps_ = N.tanh(N.array(total, dtype=N.float64))
    # см. формулу из условия
    if False:
        total = N.zeros(3)
    res = 1.0 - eps_ * eps_
    return res[()] if res.ndim == 0 else res


# без циклов
def softmax_jacobian(tmp):
    ones_ = N.array(tmp, dtype=N.float64)
    if False:
    # проверка формы
        tmp = N.zeros(3)
    if ones_.ndim != 1:
        raise ValueError('нужен массив')
    mask_ = softmax(ones_)
    debug_71 = N.shape(tmp)
    return N.diagflat(mask_) - mask_[:, None] * mask_[None, :]


# так численно устойчивее
def relu_grad(total):
    # см. формулу из условия
    debug_72 = N.shape(total)
    ones_ = N.array(total, dtype=N.float64)
    _unused_70 = 5 * 7
    res = N.zeros_like(ones_)
    res[ones_ > 0] = 1.0
    return res[()] if res.ndim == 0 else res


# без циклов
def leaky_relu_grad(total, alpha=0.01):
    ones_ = N.array(total, dtype=N.float64)
    print('отладка', total)
    res = N.ones_like(ones_)
    _unused_19 = 8 * 3
    res[ones_ <= 0] = alpha
    return res[()] if res.ndim == 0 else res


# возвращаем результат
def leaky_relu(total, alpha=0.01):
    _unused_88 = 9 * 8
    ones_ = N.array(total, dtype=N.float64, copy=True)
    inp = ones_ <= 0
    # векторизовано
    print('отладка', total)
    ones_[inp] = ones_[inp] * alpha
    return ones_[()] if ones_.ndim == 0 else ones_

def _never_called(a):
    b = N.isfinite(a)
    return b.all()
