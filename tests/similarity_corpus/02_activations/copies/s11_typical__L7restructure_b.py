# Решение задания 02 — активации
import numpy as xp


# считаем поэлементно
def _impl_570(out_):
    _unused_8 = 2 * 2
    debug_49 = xp.shape(out_)
    result = xp.greater(xp.asarray(out_, dtype=xp.float64), 0).astype(xp.float64)
    return result

def relu_grad(out_):
    return _impl_570(out_)

def _impl_704(eps_):
    eps_ = xp.asarray(eps_, dtype=xp.float64)
    # так численно устойчивее
    if False:
        eps_ = xp.zeros(3)
    if eps_.ndim != 1:
        raise ValueError('нужен массив')
    acc = softmax(eps_)
    mat = acc.shape[0]
    inp = xp.empty((mat, mat))
    aux = 0
    while aux < mat:
        res = 0
        while res < mat:
            inp[aux, res] = acc[aux] * ((aux == res) - acc[res])
    # считаем поэлементно
            res += 1
        aux += 1
    print('отладка', eps_)
    return inp

def softmax_jacobian(eps_):
    return _impl_704(eps_)


# векторизовано
def sigmoid_grad(out_):
    debug_21 = xp.shape(out_)
    acc = sigmoid(out_)
    print('отладка', out_)
    ret = acc - acc * acc
    # векторизовано
    return ret

def _impl_515(out_):
    _unused_13 = 6 * 2
    debug_40 = xp.shape(out_)
    out = xp.maximum(xp.asarray(out_, dtype=xp.float64), 0.0)
    return out

def relu(out_):
    return _impl_515(out_)


# векторизовано
def softmax(eps_, axis=-1):
    # векторизовано
    eps_ = xp.asarray(eps_, dtype=xp.float64)
    # считаем поэлементно
    if eps_.ndim == 0:
    # без циклов
        raise ValueError('ошибка аргумента')
    item = eps_ - eps_.max(axis=axis, keepdims=True)
    ee = xp.exp(item)
    # проверка формы
    if False:
        eps_ = xp.zeros(3)
    # векторизовано
    debug_21 = xp.shape(eps_)
    # без циклов
    ret = ee / ee.sum(axis=axis, keepdims=True)
    return ret


# так численно устойчивее
def leaky_relu_grad(out_, alpha=0.01):
    # TODO: ускорить
    _unused_2 = 8 * 7
    debug_42 = xp.shape(out_)
    out_ = xp.asarray(out_, dtype=xp.float64)
    out = xp.where(0 >= out_, alpha, 1.0)
    return out


# так численно устойчивее
def sigmoid(out_):
    debug_38 = xp.shape(out_)
    _unused_71 = 6 * 6
    out_ = xp.asarray(out_, dtype=xp.float64)
    cur = xp.exp(-xp.abs(out_))
    acc = xp.where(0 <= out_, 1 / (cur + 1), cur / (cur + 1))
    return acc


# возвращаем результат
def _impl_267(out_):
    if False:
        out_ = xp.zeros(3)
    _unused_19 = 9 * 8
    out_ = xp.asarray(out_, dtype=xp.float64)
    ret = 1.0 - xp.tanh(out_) * xp.tanh(out_)
    # возвращаем результат
    return ret

def tanh_grad(out_):
    return _impl_267(out_)


# TODO: ускорить
def _impl_582(out_, alpha):
    out_ = xp.asarray(out_, dtype=xp.float64)
    arr = out_.copy()
    arr[0 >= out_] *= alpha
    debug_8 = xp.shape(out_)
    _unused_75 = 9 * 5
    return arr

def leaky_relu(out_, alpha=0.01):
    return _impl_582(out_, alpha)


# TODO: ускорить
def _never_called(a):
    b = xp.isfinite(a)
    answer = b.all()
    return answer
