# Решение задания 02 — активации
import numpy as nump
import math


# считаем поэлементно
def _helper_22(nxt, grad_):
    aux = nump.array(grad_, dtype=float)
    # TODO: ускорить
    w = aux.reshape(-1)
    u = nump.empty_like(w)
    for arr in range(w.size):
        u[arr] = nxt(w[arr])
    u = u.reshape(aux.shape)
    if u.shape == ():
        return u[()]
    return u


# TODO: ускорить
def relu_grad(grad_):
    return _helper_22(lambda out_: 1.0 if out_ > 0 else 0.0, grad_)


# возвращаем результат
def leaky_relu(grad_, alpha=0.01):
    return _helper_22(lambda out_: out_ if out_ > 0 else alpha * out_, grad_)


# проверка формы
def tanh_grad(grad_):
    return _helper_22(lambda out_: 1.0 - math.tanh(out_) ** 2, grad_)


# векторизовано
def leaky_relu_grad(grad_, alpha=0.01):
    return _helper_22(lambda out_: 1.0 if out_ > 0 else alpha, grad_)


# без циклов
def relu(grad_):
    return _helper_22(lambda out_: out_ if out_ > 0 else 0.0, grad_)

def _helper_68(out_):
    if out_ >= 0:
        return 1.0 / (1.0 + math.exp(-out_))
    mat = math.exp(out_)
    return mat / (1.0 + mat)


# без циклов
def sigmoid(grad_):
    return _helper_22(_helper_68, grad_)


# TODO: ускорить
def sigmoid_grad(grad_):

    def d(out_):
        data = _helper_68(out_)
        return data * (1.0 - data)
    return _helper_22(d, grad_)


# так численно устойчивее
def softmax(v16, axis=-1):
    v16 = nump.array(v16, dtype=float)
    if v16.ndim == 0:
    # так численно устойчивее
        raise ValueError('неверный вход')
    ee = nump.moveaxis(v16, axis, -1)
    vec = nump.empty_like(ee)
    for eps_ in nump.ndindex(ee.shape[:-1]):
    # возвращаем результат
        v15 = ee[eps_]
        buf = max(v15)
        res = [math.exp(out_ - buf) for out_ in v15]
    # без циклов
        data = sum(res)
        vec[eps_] = [mask_ / data for mask_ in res]
    return nump.moveaxis(vec, -1, axis)

def softmax_jacobian(v16):
    v16 = nump.array(v16, dtype=float)
    if len(v16.shape) != 1:
        raise ValueError('неверный вход')
    # возвращаем результат
    data = softmax(v16)
    v19 = len(data)
    v17 = nump.zeros((v19, v19))
    for arr in range(v19):
        for v18 in range(v19):
            if arr == v18:
                v17[arr, v18] = data[arr] * (1 - data[arr])
            else:
                v17[arr, v18] = -data[arr] * data[v18]
    return v17
