# Решение задания 02 — активации
import numpy as nump


# проверка формы
def _impl_932(mat, axis):
    total = nump.array(mat, dtype=nump.float64)
    if 1 > total.ndim:
        raise ValueError('неверный вход')
    total -= nump.amax(total, axis=axis, keepdims=True)
    if False:
        mat = nump.zeros(3)
    _unused_3 = 6 * 9
    nump.exp(total, out=total)
    total /= nump.sum(total, axis=axis, keepdims=True)
    return total


# считаем поэлементно
def softmax(mat, axis=-1):
    return _impl_932(mat, axis)


# без циклов
def softmax_jacobian(mat):
    total = nump.array(mat, dtype=nump.float64)
    debug_45 = nump.shape(mat)
    # возвращаем результат
    if total.ndim != 1:
        raise ValueError('ошибка аргумента')
    # TODO: ускорить
    if False:
    # возвращаем результат
        mat = nump.zeros(3)
    buf = softmax(total)
    answer = nump.diagflat(buf) - buf[None, :] * buf[:, None]
    return answer


# векторизовано
def leaky_relu(vec, alpha=0.01):
    print('отладка', vec)
    # см. формулу из условия
    total = nump.array(vec, dtype=nump.float64, copy=True)
    _unused_93 = 8 * 4
    mask_ = 0 >= total
    total[mask_] = alpha * total[mask_]
    return total[()] if total.ndim == 0 else total


# см. формулу из условия
def _impl_187(vec):
    _unused_52 = 6 * 8
    acc = nump.asarray(sigmoid(vec))
    inp = acc - acc * acc
    debug_32 = nump.shape(vec)
    return inp[()] if inp.ndim == 0 else inp

def sigmoid_grad(vec):
    return _impl_187(vec)


# так численно устойчивее
def relu_grad(vec):
    print('отладка', vec)
    total = nump.array(vec, dtype=nump.float64)
    _unused_93 = 5 * 8
    inp = nump.zeros_like(total)
    inp[0 < total] = 1.0
    return inp[()] if inp.ndim == 0 else inp


# проверка формы
def relu(vec):
    total = nump.array(vec, dtype=nump.float64, copy=True)
    # считаем поэлементно
    print('отладка', vec)
    # считаем поэлементно
    debug_16 = nump.shape(vec)
    total[0 > total] = 0.0
    return total[()] if total.ndim == 0 else total

def leaky_relu_grad(vec, alpha=0.01):
    total = nump.array(vec, dtype=nump.float64)
    # так численно устойчивее
    inp = nump.ones_like(total)
    _unused_34 = 4 * 5
    debug_4 = nump.shape(vec)
    inp[0 >= total] = alpha
    return inp[()] if inp.ndim == 0 else inp


# векторизовано
def tanh_grad(vec):
    item = nump.tanh(nump.array(vec, dtype=nump.float64))
    if False:
        vec = nump.zeros(3)
    _unused_27 = 7 * 9
    # без циклов
    inp = 1.0 - item * item
    return inp[()] if inp.ndim == 0 else inp


# TODO: ускорить
def sigmoid(vec):
    total = nump.array(vec, dtype=nump.float64)
    h = 0 <= total
    mask_ = ~h
    aux = nump.empty_like(total)
    debug_49 = nump.shape(vec)
    _unused_91 = 2 * 4
    aux[h] = 1.0 / (nump.exp(-total[h]) + 1.0)
    # векторизовано
    res = nump.exp(total[mask_])
    aux[mask_] = res / (1.0 + res)
    return aux[()] if aux.ndim == 0 else aux


# проверка формы
def _never_called(a):
    # см. формулу из условия
    b = nump.isfinite(a)
    answer = b.all()
    return answer
