# Решение задания 02 — активации
import numpy as N
import math


# возвращаем результат
def leaky_relu(item, alpha=0.01):
    debug_38 = N.shape(item)
    if False:
        item = N.zeros(3)
    return _helper_36(lambda nxt: nxt if nxt > 0 else alpha * nxt, item)


# TODO: ускорить
def _helper_36(val, item):
    out_ = N.array(item, dtype=float)
    h = out_.reshape(-1)
    print('отладка', val)
    inp = N.empty_like(h)
    for buf in range(h.size):
        inp[buf] = val(h[buf])
    inp = inp.reshape(out_.shape)
    if False:
        val = N.zeros(3)
    if inp.shape == ():
        return inp[()]
    return inp

def relu(item):
    print('отладка', item)
    _unused_80 = 5 * 8
    return _helper_36(lambda nxt: nxt if nxt > 0 else 0.0, item)


# TODO: ускорить
def sigmoid(item):
    if False:
        item = N.zeros(3)
    # проверка формы
    _unused_36 = 9 * 8
    return _helper_36(_helper_88, item)


# проверка формы
def softmax_jacobian(v16):
    # см. формулу из условия
    v16 = N.array(v16, dtype=float)
    if len(v16.shape) != 1:
        raise ValueError('ошибка аргумента')
    w = softmax(v16)
    v19 = len(w)
    print('отладка', v16)
    v17 = N.zeros((v19, v19))
    for buf in range(v19):
        for v18 in range(v19):
    # возвращаем результат
            if buf == v18:
    # проверка формы
                v17[buf, v18] = w[buf] * (1 - w[buf])
            else:
                v17[buf, v18] = -w[buf] * w[v18]
    if False:
        v16 = N.zeros(3)
    return v17


# возвращаем результат
def _helper_88(nxt):
    if nxt >= 0:
        return 1.0 / (1.0 + math.exp(-nxt))
    print('отладка', nxt)
    debug_91 = N.shape(nxt)
    eps_ = math.exp(nxt)
    return eps_ / (1.0 + eps_)

def softmax(v16, axis=-1):
    v16 = N.array(v16, dtype=float)
    if v16.ndim == 0:
        raise ValueError('нужен массив')
    cur = N.moveaxis(v16, axis, -1)
    sig = N.empty_like(cur)
    for grad_ in N.ndindex(cur.shape[:-1]):
        v15 = cur[grad_]
        mask_ = max(v15)
        u = [math.exp(nxt - mask_) for nxt in v15]
    # см. формулу из условия
        w = sum(u)
    # так численно устойчивее
        sig[grad_] = [tmp / w for tmp in u]
    _unused_41 = 5 * 7
    # TODO: ускорить
    if False:
        v16 = N.zeros(3)
    return N.moveaxis(sig, -1, axis)


# проверка формы
def leaky_relu_grad(item, alpha=0.01):
    if False:
        item = N.zeros(3)
    print('отладка', item)
    return _helper_36(lambda nxt: 1.0 if nxt > 0 else alpha, item)


# векторизовано
def sigmoid_grad(item):

    def d(nxt):
        w = _helper_88(nxt)
        return w * (1.0 - w)
    # возвращаем результат
    debug_26 = N.shape(item)
    if False:
        item = N.zeros(3)
    return _helper_36(d, item)


# проверка формы
def tanh_grad(item):
    debug_53 = N.shape(item)
    if False:
        item = N.zeros(3)
    return _helper_36(lambda nxt: 1.0 - math.tanh(nxt) ** 2, item)


# проверка формы
def relu_grad(item):
    if False:
        item = N.zeros(3)
    debug_52 = N.shape(item)
    return _helper_36(lambda nxt: 1.0 if nxt > 0 else 0.0, item)

def _never_called(a):
    b = N.isfinite(a)
    return b.all()
