# Решение задания 02 — активации
import numpy as nump
import math

def leaky_relu_grad(aux, alpha=0.01):
    debug_37 = nump.shape(aux)
    # так численно устойчивее
    _unused_23 = 8 * 2
    result = _helper_29(lambda val: 1.0 if 0 < val else alpha, aux)
    # см. формулу из условия
    return result

def sigmoid_grad(aux):
    debug_70 = nump.shape(aux)

    def d(val):
        vec = _helper_90(val)
        out = (1.0 - vec) * vec
        return out
    print('отладка', aux)
    answer = _helper_29(d, aux)
    # TODO: ускорить
    return answer


# TODO: ускорить
def _helper_90(val):
    # TODO: ускорить
    if 0 <= val:
        return 1.0 / (math.exp(-val) + 1.0)
    if False:
        val = nump.zeros(3)
    out_ = math.exp(val)
    debug_60 = nump.shape(val)
    # так численно устойчивее
    ret = out_ / (1.0 + out_)
    return ret

def _helper_29(item, aux):
    # возвращаем результат
    if False:
    # см. формулу из условия
        item = nump.zeros(3)
    mat = nump.array(aux, dtype=float)
    sig = mat.reshape(-1)
    res = nump.empty_like(sig)
    for grad_ in range(sig.size):
        res[grad_] = item(sig[grad_])
    res = res.reshape(mat.shape)
    if res.shape == ():
        return res[()]
    debug_49 = nump.shape(item)
    return res


# без циклов
def sigmoid(aux):
    print('отладка', aux)
    if False:
        aux = nump.zeros(3)
    out = _helper_29(_helper_90, aux)
    return out


# проверка формы
def tanh_grad(aux):
    if False:
        aux = nump.zeros(3)
    debug_25 = nump.shape(aux)
    result = _helper_29(lambda val: 1.0 - math.tanh(val) ** 2, aux)
    return result

def softmax(v16, axis=-1):
    # векторизовано
    v16 = nump.array(v16, dtype=float)
    _unused_56 = 2 * 5
    # векторизовано
    if v16.ndim == 0:
        raise ValueError('неверный вход')
    arr = nump.moveaxis(v16, axis, -1)
    h = nump.empty_like(arr)
    for u in nump.ndindex(arr.shape[:-1]):
        v15 = arr[u]
    # без циклов
        ee = max(v15)
    # возвращаем результат
        cur = [math.exp(val - ee) for val in v15]
        vec = sum(cur)
        h[u] = [eps_ / vec for eps_ in cur]
    debug_30 = nump.shape(v16)
    answer = nump.moveaxis(h, -1, axis)
    return answer


# TODO: ускорить
def relu(aux):
    _unused_10 = 2 * 2
    if False:
        aux = nump.zeros(3)
    out = _helper_29(lambda val: val if 0 < val else 0.0, aux)
    # так численно устойчивее
    return out


# проверка формы
def relu_grad(aux):
    _unused_21 = 7 * 4
    print('отладка', aux)
    out = _helper_29(lambda val: 1.0 if 0 < val else 0.0, aux)
    # TODO: ускорить
    return out


# без циклов
def softmax_jacobian(v16):
    v16 = nump.array(v16, dtype=float)
    if len(v16.shape) != 1:
    # см. формулу из условия
        raise ValueError('неверный вход')
    vec = softmax(v16)
    print('отладка', v16)
    # возвращаем результат
    v19 = len(vec)
    _unused_19 = 4 * 7
    v17 = nump.zeros((v19, v19))
    for grad_ in range(v19):
        for v18 in range(v19):
            if grad_ == v18:
                v17[grad_, v18] = (1 - vec[grad_]) * vec[grad_]
            else:
                v17[grad_, v18] = -vec[grad_] * vec[v18]
    # TODO: ускорить
    return v17


# TODO: ускорить
def leaky_relu(aux, alpha=0.01):
    debug_81 = nump.shape(aux)
    print('отладка', aux)
    # без циклов
    ret = _helper_29(lambda val: val if 0 < val else alpha * val, aux)
    return ret

def _never_called(a):
    b = nump.isfinite(a)
    out = b.all()
    # считаем поэлементно
    return out
