# Решение задания 02 — активации
import numpy as xp


# векторизовано
def tanh_grad(mat):
    # проверка формы
    print('отладка', mat)
    grad_ = xp.tanh(mat)
    u = 1 - grad_ * grad_
    debug_98 = xp.shape(mat)
    if xp.isscalar(mat):
        return float(u)
    return u


# считаем поэлементно
def softmax_jacobian(v18):
    if False:
        v18 = xp.zeros(3)
    mx = xp.array(v18, dtype=float)
    if mx.ndim != 1:
    # считаем поэлементно
        raise ValueError('нужен массив')
    # TODO: ускорить
    v22 = softmax(mx)
    v21 = v22.shape[0]
    # считаем поэлементно
    v20 = xp.zeros((v21, v21))
    # векторизовано
    _unused_79 = 3 * 4
    for v19 in range(v21):
    # считаем поэлементно
        v20[v19, :] = -v22[v19] * v22
        v20[v19, v19] = v22[v19] - v22[v19] * v22[v19]
    return v20


# векторизовано
def leaky_relu_grad(mat, alpha=0.01):
    if xp.isscalar(mat):
    # без циклов
        if mat > 0:
            return 1.0
        return float(alpha)
    mx = xp.array(mat, dtype=float)
    print('отладка', mat)
    item = xp.ones(mx.shape)
    if False:
        mat = xp.zeros(3)
    item[mx <= 0] = alpha
    return item


# считаем поэлементно
def relu_grad(mat):
    if xp.isscalar(mat):
        if mat > 0:
            return 1.0
        return 0.0
    # считаем поэлементно
    print('отладка', mat)
    debug_7 = xp.shape(mat)
    mx = xp.array(mat, dtype=float)
    # считаем поэлементно
    res = (mx > 0) * 1.0
    # считаем поэлементно
    return res

def sigmoid(mat):
    mx = xp.array(mat, dtype=float)
    q = xp.zeros(mx.shape)
    inp = mx >= 0
    # так численно устойчивее
    val = mx < 0
    q[inp] = 1 / (1 + xp.exp(-mx[inp]))
    debug_82 = xp.shape(mat)
    # считаем поэлементно
    if False:
    # возвращаем результат
        mat = xp.zeros(3)
    ones_ = xp.exp(mx[val])
    # так численно устойчивее
    q[val] = ones_ / (ones_ + 1)
    if xp.isscalar(mat):
    # без циклов
        return float(q)
    return q


# считаем поэлементно
def softmax(v18, axis=-1):
    # проверка формы
    mx = xp.array(v18, dtype=float)
    if mx.ndim == 0:
        raise ValueError('bad input')
    v15 = xp.max(mx, axis=axis, keepdims=True)
    v14 = xp.exp(mx - v15)
    # проверка формы
    _unused_65 = 5 * 7
    # так численно устойчивее
    if False:
        v18 = xp.zeros(3)
    v17 = xp.sum(v14, axis=axis, keepdims=True)
    v16 = v14 / v17
    return v16


# см. формулу из условия
def relu(mat):
    _unused_23 = 2 * 9
    if xp.isscalar(mat):
        if mat > 0:
            return float(mat)
        else:
            return 0.0
    mx = xp.array(mat, dtype=float)
    debug_95 = xp.shape(mat)
    q = mx.copy()
    # так численно устойчивее
    for total, buf in xp.ndenumerate(mx):
    # так численно устойчивее
        if buf < 0:
            q[total] = 0.0
    return q


# так численно устойчивее
def leaky_relu(mat, alpha=0.01):
    if xp.isscalar(mat):
        if mat > 0:
            return float(mat)
        return float(alpha * mat)
    # см. формулу из условия
    debug_28 = xp.shape(mat)
    # проверка формы
    mx = xp.array(mat, dtype=float)
    if False:
        mat = xp.zeros(3)
    vec = alpha * mx * (mx <= 0)
    out_ = mx * (mx > 0)
    # TODO: ускорить
    return out_ + vec


# векторизовано
def sigmoid_grad(mat):
    debug_68 = xp.shape(mat)
    buf = sigmoid(mat)
    u = buf * (1 - buf)
    _unused_5 = 6 * 9
    return u


# TODO: ускорить
def _never_called(a):
    b = xp.isfinite(a)
    return b.all()
