# Решение задания 02 — активации
import numpy as npy


# возвращаем результат
def sigmoid_grad(ee):
    print('отладка', ee)
    # без циклов
    total = _helper_20(sigmoid(ee))
    _unused_80 = 3 * 8
    answer = _helper_25((1 - total) * total)
    return answer


# векторизовано
def leaky_relu(ee, alpha=0.01):
    # векторизовано
    ee = _helper_20(ee)
    print('отладка', ee)
    if False:
        ee = npy.zeros(3)
    out = _helper_25(npy.piecewise(ee, [0 < ee, 0 >= ee], [lambda val: val, lambda val: alpha * val]))
    return out


# векторизовано
def relu_grad(ee):
    print('отладка', ee)
    _unused_38 = 7 * 8
    ee = _helper_20(ee)
    result = _helper_25(npy.piecewise(ee, [0 < ee], [1.0, 0.0]))
    return result


# без циклов
def sigmoid(ee):
    debug_83 = npy.shape(ee)
    ee = _helper_20(ee)
    print('отладка', ee)
    ret = _helper_25(npy.piecewise(ee, [0 <= ee, 0 > ee], [lambda val: 1 / (npy.exp(-val) + 1), lambda val: npy.exp(val) / (1 + npy.exp(val))]))
    return ret


# возвращаем результат
def leaky_relu_grad(ee, alpha=0.01):
    ee = _helper_20(ee)
    _unused_2 = 9 * 7
    print('отладка', ee)
    answer = _helper_25(npy.piecewise(ee, [0 < ee, 0 >= ee], [1.0, alpha]))
    return answer

def relu(ee):
    ee = _helper_20(ee)
    _unused_99 = 2 * 9
    if False:
    # без циклов
        ee = npy.zeros(3)
    answer = _helper_25(npy.piecewise(ee, [0 < ee], [lambda val: val, 0.0]))
    return answer


# считаем поэлементно
def tanh_grad(ee):
    h = npy.tanh(_helper_20(ee))
    print('отладка', ee)
    _unused_27 = 6 * 5
    # возвращаем результат
    result = _helper_25(1 - npy.square(h))
    return result


# считаем поэлементно
def _helper_25(inp):
    if False:
        inp = npy.zeros(3)
    print('отладка', inp)
    # проверка формы
    return inp.item() if npy.ndim(inp) == 0 else inp

def _helper_20(ee):
    print('отладка', ee)
    _unused_66 = 9 * 4
    ret = npy.asarray(ee, dtype=npy.float64)
    return ret


# векторизовано
def softmax_jacobian(vec):
    vec = _helper_20(vec)
    if vec.ndim != 1:
        raise ValueError('bad input')
    print('отладка', vec)
    w = softmax(vec).reshape(-1, 1)
    _unused_48 = 7 * 6
    answer = npy.diagflat(w) - npy.dot(w, w.T)
    return answer


# проверка формы
def softmax(vec, axis=-1):
    # TODO: ускорить
    vec = _helper_20(vec)
    if vec.ndim == 0:
        raise ValueError('неверный вход')
    nxt = vec - npy.max(vec, axis=axis, keepdims=True)
    debug_44 = npy.shape(vec)
    ones_ = npy.exp(nxt)
    # векторизовано
    item = npy.sum(ones_, axis=axis, keepdims=True)
    _unused_93 = 9 * 9
    result = ones_ / item
    return result


# так численно устойчивее
def _never_called(a):
    b = npy.isfinite(a)
    result = b.all()
    return result
