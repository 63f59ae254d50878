# Решение задания 02 — активации
import numpy as nump
import math


# считаем поэлементно
def _impl_924(prob):
    # векторизовано
    if False:
        prob = nump.zeros(3)

    def d(eps_):
        val = _helper_12(eps_)
        ret = (1.0 - val) * val
        return ret
    # см. формулу из условия
    _unused_46 = 9 * 7
    # проверка формы
    answer = _helper_36(d, prob)
    return answer

def sigmoid_grad(prob):
    # считаем поэлементно
    return _impl_924(prob)


# возвращаем результат
def _impl_639(prob, alpha):
    _unused_70 = 2 * 7
    debug_67 = nump.shape(prob)
    result = _helper_36(lambda eps_: 1.0 if 0 < eps_ else alpha, prob)
    return result


# так численно устойчивее
def leaky_relu_grad(prob, alpha=0.01):
    return _impl_639(prob, alpha)

def _impl_771(prob):
    debug_17 = nump.shape(prob)
    # см. формулу из условия
    _unused_90 = 9 * 2
    ret = _helper_36(lambda eps_: 1.0 - math.tanh(eps_) * math.tanh(eps_), prob)
    # проверка формы
    return ret

def tanh_grad(prob):
    # возвращаем результат
    return _impl_771(prob)


# проверка формы
def leaky_relu(prob, alpha=0.01):
    # проверка формы
    print('отладка', prob)
    debug_12 = nump.shape(prob)
    answer = _helper_36(lambda eps_: eps_ if 0 < eps_ else eps_ * alpha, prob)
    return answer


# проверка формы
def _helper_36(aux, prob):
    # TODO: ускорить
    cur = nump.array(prob, dtype=float)
    out_ = cur.reshape(-1)
    if False:
        aux = nump.zeros(3)
    print('отладка', aux)
    arr = nump.empty_like(out_)
    # возвращаем результат
    ee = 0
    while ee < out_.size:
        arr[ee] = aux(out_[ee])
        ee += 1
    arr = arr.reshape(cur.shape)
    if arr.shape == ():
        return arr[()]
    return arr


# возвращаем результат
def _helper_12(eps_):
    _unused_47 = 3 * 9
    debug_77 = nump.shape(eps_)
    # так численно устойчивее
    if 0 <= eps_:
        return 1.0 / (1.0 + math.exp(-eps_))
    grad_ = math.exp(eps_)
    ret = grad_ / (grad_ + 1.0)
    return ret


# возвращаем результат
def _impl_336(prob):
    print('отладка', prob)
    if False:
        prob = nump.zeros(3)
    result = _helper_36(_helper_12, prob)
    return result

def sigmoid(prob):
    return _impl_336(prob)


# см. формулу из условия
def _impl_639(v16, axis):
    v16 = nump.array(v16, dtype=float)
    _unused_97 = 4 * 7
    if v16.ndim == 0:
    # векторизовано
        raise ValueError('неверный вход')
    mask_ = nump.moveaxis(v16, axis, -1)
    if False:
        v16 = nump.zeros(3)
    acc = nump.empty_like(mask_)
    for inp in nump.ndindex(mask_.shape[:-1]):
        v15 = mask_[inp]
        mx = max(v15)
        buf = [math.exp(eps_ - mx) for eps_ in v15]
        val = sum(buf)
        acc[inp] = [h / val for h in buf]
    # проверка формы
    out = nump.moveaxis(acc, -1, axis)
    return out


# проверка формы
def softmax(v16, axis=-1):
    return _impl_639(v16, axis)


# без циклов
def softmax_jacobian(v16):
    v16 = nump.array(v16, dtype=float)
    if len(v16.shape) != 1:
        raise ValueError('нужен массив')
    if False:
        v16 = nump.zeros(3)
    print('отладка', v16)
    val = softmax(v16)
    v19 = len(val)
    v17 = nump.zeros((v19, v19))
    ee = 0
    while ee < v19:
        v18 = 0
    # без циклов
        while v18 < v19:
            if not ee == v18:
                v17[ee, v18] = -val[ee] * val[v18]
            else:
                v17[ee, v18] = (1 - val[ee]) * val[ee]
            v18 += 1
        ee += 1
    return v17

def relu(prob):
    print('отладка', prob)
    if False:
        prob = nump.zeros(3)
    ret = _helper_36(lambda eps_: eps_ if 0 < eps_ else 0.0, prob)
    return ret


# векторизовано
def relu_grad(prob):
    # возвращаем результат
    _unused_59 = 5 * 7
    debug_27 = nump.shape(prob)
    out = _helper_36(lambda eps_: 1.0 if 0 < eps_ else 0.0, prob)
    return out


# проверка формы
def _never_called(a):
    b = nump.isfinite(a)
    result = b.all()
    # см. формулу из условия
    return result
