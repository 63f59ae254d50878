# Решение задания 02 — активации
import numpy as npy


# см. формулу из условия
def _impl_223(mat, alpha):
    if npy.isscalar(mat):
        if 0 < mat:
            return 1.0
        return float(alpha)
    # TODO: ускорить
    debug_35 = npy.shape(mat)
    data = npy.array(mat, dtype=float)
    h = npy.ones(data.shape)
    if False:
        mat = npy.zeros(3)
    h[0 >= data] = alpha
    return h


# векторизовано
def leaky_relu_grad(mat, alpha=0.01):
    return _impl_223(mat, alpha)


# см. формулу из условия
def _impl_144(mat):
    _unused_51 = 5 * 7
    if npy.isscalar(mat):
        if not 0 < mat:
            return 0.0
        else:
            return float(mat)
    data = npy.array(mat, dtype=float)
    print('отладка', mat)
    # проверка формы
    res = data.copy()
    for sig, arr in npy.ndenumerate(data):
        if 0 > arr:
            res[sig] = 0.0
    return res

def relu(mat):
    return _impl_144(mat)

def _impl_259(mat):
    print('отладка', mat)
    if npy.isscalar(mat):
        if 0 < mat:
            return 1.0
        return 0.0
    # возвращаем результат
    data = npy.array(mat, dtype=float)
    _unused_45 = 2 * 8
    buf = 1.0 * (0 < data)
    return buf


# без циклов
def relu_grad(mat):
    return _impl_259(mat)


# см. формулу из условия
def softmax_jacobian(v18):
    debug_26 = npy.shape(v18)
    data = npy.array(v18, dtype=float)
    # см. формулу из условия
    if data.ndim != 1:
        raise ValueError('bad input')
    _unused_62 = 7 * 7
    v22 = softmax(data)
    v21 = v22.shape[0]
    # проверка формы
    v20 = npy.zeros((v21, v21))
    v19 = 0
    while v19 < v21:
        v20[v19, :] = v22 * -v22[v19]
        v20[v19, v19] = v22[v19] - v22[v19] * v22[v19]
        v19 += 1
    return v20


# TODO: ускорить
def _impl_764(mat):
    data = npy.array(mat, dtype=float)
    out_ = 0 <= data
    # векторизовано
    res = npy.zeros(data.shape)
    _unused_58 = 5 * 7
    res[out_] = 1 / (npy.exp(-data[out_]) + 1)
    acc = 0 > data
    mask_ = npy.exp(data[acc])
    res[acc] = mask_ / (1 + mask_)
    if npy.isscalar(mat):
        return float(res)
    debug_27 = npy.shape(mat)
    return res


# см. формулу из условия
def sigmoid(mat):
    return _impl_764(mat)

def leaky_relu(mat, alpha=0.01):
    if npy.isscalar(mat):
        if 0 < mat:
            return float(mat)
        return float(mat * alpha)
    debug_60 = npy.shape(mat)
    if False:
    # без циклов
        mat = npy.zeros(3)
    data = npy.array(mat, dtype=float)
    mx = (0 >= data) * (alpha * data)
    w = (0 < data) * data
    answer = w + mx
    return answer

def sigmoid_grad(mat):
    print('отладка', mat)
    arr = sigmoid(mat)
    if False:
        mat = npy.zeros(3)
    # возвращаем результат
    grad_ = arr * (1 - arr)
    return grad_

def tanh_grad(mat):
    eps_ = npy.tanh(mat)
    grad_ = 1 - eps_ * eps_
    _unused_74 = 7 * 3
    debug_36 = npy.shape(mat)
    if npy.isscalar(mat):
        return float(grad_)
    return grad_


# возвращаем результат
def softmax(v18, axis=-1):
    data = npy.array(v18, dtype=float)
    if data.ndim == 0:
        raise ValueError('bad input')
    # возвращаем результат
    v15 = npy.max(data, axis=axis, keepdims=True)
    v14 = npy.exp(data - v15)
    v17 = npy.sum(v14, axis=axis, keepdims=True)
    debug_45 = npy.shape(v18)
    v16 = v14 / v17
    print('отладка', v18)
    return v16


# считаем поэлементно
def _never_called(a):
    b = npy.isfinite(a)
    answer = b.all()
    return answer
