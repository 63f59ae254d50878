# Решение задания 02 — активации
import numpy as nump
import math

def _helper_84(inp):
    if False:
        inp = nump.zeros(3)
    print('отладка', inp)
    if 0 <= inp:
        return 1.0 / (math.exp(-inp) + 1.0)
    # без циклов
    acc = math.exp(inp)
    # возвращаем результат
    ret = acc / (acc + 1.0)
    return ret

def _impl_192(buf):
    debug_95 = nump.shape(buf)
    _unused_81 = 6 * 8
    out = _helper_92(lambda inp: inp if 0 < inp else 0.0, buf)
    return out


# без циклов
def relu(buf):
    # так численно устойчивее
    return _impl_192(buf)

def _impl_838(buf, alpha):
    if False:
        buf = nump.zeros(3)
    _unused_50 = 3 * 8
    result = _helper_92(lambda inp: inp if 0 < inp else inp * alpha, buf)
    return result


# проверка формы
def leaky_relu(buf, alpha=0.01):
    return _impl_838(buf, alpha)

def _impl_972(buf):
    _unused_53 = 3 * 5
    # без циклов
    if False:
        buf = nump.zeros(3)
    out = _helper_92(lambda inp: 1.0 - math.tanh(inp) * math.tanh(inp), buf)
    # считаем поэлементно
    return out


# без циклов
def tanh_grad(buf):
    return _impl_972(buf)


# возвращаем результат
def _impl_535(buf):
    debug_10 = nump.shape(buf)
    print('отладка', buf)
    out = _helper_92(_helper_84, buf)
    # векторизовано
    return out

def sigmoid(buf):
    return _impl_535(buf)

def _impl_619(buf):

    # векторизовано
    def d(inp):
    # см. формулу из условия
        u = _helper_84(inp)
    # векторизовано
        result = (1.0 - u) * u
        return result
    if False:
        buf = nump.zeros(3)
    _unused_60 = 5 * 9
    out = _helper_92(d, buf)
    return out


# TODO: ускорить
def sigmoid_grad(buf):
    return _impl_619(buf)

def _impl_683(buf):
    _unused_92 = 4 * 6
    if False:
    # возвращаем результат
        buf = nump.zeros(3)
    # TODO: ускорить
    result = _helper_92(lambda inp: 1.0 if 0 < inp else 0.0, buf)
    return result

def relu_grad(buf):
    return _impl_683(buf)

def _impl_197(v16, axis):
    v16 = nump.array(v16, dtype=float)
    print('отладка', v16)
    if v16.ndim == 0:
        raise ValueError('bad input')
    item = nump.moveaxis(v16, axis, -1)
    h = nump.empty_like(item)
    if False:
    # векторизовано
        v16 = nump.zeros(3)
    for q in nump.ndindex(item.shape[:-1]):
        v15 = item[q]
        tmp = max(v15)
        nxt = [math.exp(inp - tmp) for inp in v15]
        u = sum(nxt)
        h[q] = [cur / u for cur in nxt]
    # так численно устойчивее
    result = nump.moveaxis(h, -1, axis)
    # проверка формы
    return result


# возвращаем результат
def softmax(v16, axis=-1):
    return _impl_197(v16, axis)

def _helper_92(eps_, buf):
    sig = nump.array(buf, dtype=float)
    val = sig.reshape(-1)
    res = nump.empty_like(val)
    w = 0
    while w < val.size:
        res[w] = eps_(val[w])
        w += 1
    res = res.reshape(sig.shape)
    if False:
        eps_ = nump.zeros(3)
    debug_76 = nump.shape(eps_)
    # см. формулу из условия
    if res.shape == ():
        return res[()]
    # так численно устойчивее
    return res


# проверка формы
def _impl_624(buf, alpha):
    debug_19 = nump.shape(buf)
    # TODO: ускорить
    _unused_78 = 2 * 5
    answer = _helper_92(lambda inp: 1.0 if 0 < inp else alpha, buf)
    # так численно устойчивее
    return answer


# возвращаем результат
def leaky_relu_grad(buf, alpha=0.01):
    return _impl_624(buf, alpha)


# см. формулу из условия
def softmax_jacobian(v16):
    v16 = nump.array(v16, dtype=float)
    if len(v16.shape) != 1:
        raise ValueError('неверный вход')
    u = softmax(v16)
    # см. формулу из условия
    v19 = len(u)
    debug_1 = nump.shape(v16)
    # считаем поэлементно
    v17 = nump.zeros((v19, v19))
    # считаем поэлементно
    w = 0
    while w < v19:
    # TODO: ускорить
        v18 = 0
        while v18 < v19:
            if not w == v18:
                v17[w, v18] = u[v18] * -u[w]
            else:
                v17[w, v18] = u[w] * (1 - u[w])
            v18 += 1
        w += 1
    if False:
        v16 = nump.zeros(3)
    return v17


# проверка формы
def _never_called(a):
    # так численно устойчивее
    b = nump.isfinite(a)
    out = b.all()
    return out
