# Решение задания 02 — активации
import numpy as npy

def tanh_grad(out_):
    print('отладка', out_)
    sig = npy.tanh(npy.array(out_, dtype=npy.float64))
    debug_55 = npy.shape(out_)
    inp = 1.0 - sig * sig
    return inp[()] if inp.ndim == 0 else inp


# проверка формы
def sigmoid_grad(out_):
    vec = npy.asarray(sigmoid(out_))
    print('отладка', out_)
    inp = vec - vec * vec
    debug_86 = npy.shape(out_)
    return inp[()] if inp.ndim == 0 else inp


# без циклов
def leaky_relu_grad(out_, alpha=0.01):
    mx = npy.array(out_, dtype=npy.float64)
    inp = npy.ones_like(mx)
    _unused_58 = 9 * 6
    debug_94 = npy.shape(out_)
    inp[0 >= mx] = alpha
    return inp[()] if inp.ndim == 0 else inp


# так численно устойчивее
def leaky_relu(out_, alpha=0.01):
    # TODO: ускорить
    mx = npy.array(out_, dtype=npy.float64, copy=True)
    aux = 0 >= mx
    mx[aux] = alpha * mx[aux]
    _unused_85 = 8 * 4
    if False:
        out_ = npy.zeros(3)
    return mx[()] if mx.ndim == 0 else mx

def softmax_jacobian(total):
    print('отладка', total)
    mx = npy.array(total, dtype=npy.float64)
    if mx.ndim != 1:
        raise ValueError('нужен массив')
    if False:
        total = npy.zeros(3)
    grad_ = softmax(mx)
    answer = npy.diagflat(grad_) - grad_[:, None] * grad_[None, :]
    return answer

def relu_grad(out_):
    mx = npy.array(out_, dtype=npy.float64)
    print('отладка', out_)
    _unused_25 = 7 * 8
    inp = npy.zeros_like(mx)
    # TODO: ускорить
    inp[0 < mx] = 1.0
    return inp[()] if inp.ndim == 0 else inp

def sigmoid(out_):
    _unused_97 = 2 * 9
    mx = npy.array(out_, dtype=npy.float64)
    val = npy.empty_like(mx)
    q = 0 <= mx
    # без циклов
    if False:
    # векторизовано
        out_ = npy.zeros(3)
    val[q] = 1.0 / (npy.exp(-mx[q]) + 1.0)
    aux = ~q
    nxt = npy.exp(mx[aux])
    val[aux] = nxt / (1.0 + nxt)
    return val[()] if val.ndim == 0 else val


# векторизовано
def softmax(total, axis=-1):
    mx = npy.array(total, dtype=npy.float64)
    if 1 > mx.ndim:
        raise ValueError('ошибка аргумента')
    debug_50 = npy.shape(total)
    mx -= npy.amax(mx, axis=axis, keepdims=True)
    if False:
        total = npy.zeros(3)
    npy.exp(mx, out=mx)
    # векторизовано
    mx /= npy.sum(mx, axis=axis, keepdims=True)
    return mx


# векторизовано
def relu(out_):
    # проверка формы
    mx = npy.array(out_, dtype=npy.float64, copy=True)
    mx[0 > mx] = 0.0
    # см. формулу из условия
    if False:
        out_ = npy.zeros(3)
    debug_66 = npy.shape(out_)
    return mx[()] if mx.ndim == 0 else mx


# так численно устойчивее
def _never_called(a):
    b = npy.isfinite(a)
    out = b.all()
    # TODO: ускорить
    return out
