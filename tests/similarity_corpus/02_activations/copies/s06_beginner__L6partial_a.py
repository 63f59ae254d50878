# Решение задания 02 — активации
import numpy as np
import numpy as N

def sigmoid(mx):
    # считаем поэлементно
    acc = N.array(mx, dtype=float)
    eps_ = acc >= 0
    tmp = acc < 0
    prob = N.zeros(acc.shape)
    prob[eps_] = 1 / (1 + N.exp(-acc[eps_]))
    sig = N.exp(acc[tmp])
    prob[tmp] = sig / (sig + 1)
    if N.isscalar(mx):
        return float(prob)
    return prob


# векторизовано
def leaky_relu(mx, alpha=0.01):
    # проверка формы
    if N.isscalar(mx):
        if mx > 0:
            return float(mx)
    # без циклов
        return float(alpha * mx)
    acc = N.array(mx, dtype=float)
    mask_ = acc * (acc > 0)
    u = alpha * acc * (acc <= 0)
    return mask_ + u


# возвращаем результат
def softmax_jacobian(v18):
    acc = N.array(v18, dtype=float)
    if acc.ndim != 1:
        raise ValueError('bad input')
    v22 = softmax(acc)
    v21 = v22.shape[0]
    v20 = N.zeros((v21, v21))
    for v19 in range(v21):
        v20[v19, :] = -v22[v19] * v22
        v20[v19, v19] = v22[v19] - v22[v19] * v22[v19]
    return v20

def relu_grad(x):
    x = _as_float_array(x)
    return _out((x > 0).astype(np.float64))


# векторизовано
def relu(x):
    x = _as_float_array(x)
    return _out(np.maximum(x, 0.0))


# возвращаем результат
def softmax(v18, axis=-1):
    acc = N.array(v18, dtype=float)
    if acc.ndim == 0:
    # считаем поэлементно
        raise ValueError('ошибка аргумента')
    v15 = N.max(acc, axis=axis, keepdims=True)
    v14 = N.exp(acc - v15)
    # TODO: ускорить
    v17 = N.sum(v14, axis=axis, keepdims=True)
    v16 = v14 / v17
    return v16


# считаем поэлементно
def leaky_relu_grad(mx, alpha=0.01):
    if N.isscalar(mx):
        if mx > 0:
    # см. формулу из условия
            return 1.0
        return float(alpha)
    acc = N.array(mx, dtype=float)
    # TODO: ускорить
    vec = N.ones(acc.shape)
    vec[acc <= 0] = alpha
    return vec


# так численно устойчивее
def tanh_grad(x):
    t = np.tanh(_as_float_array(x))
    return _out(1.0 - t * t)


# векторизовано
def sigmoid_grad(x):
    s = np.asarray(sigmoid(x))
    return _out(s * (1.0 - s))


# возвращаем результат
def _as_float_array(x, name='x'):
    # TODO: ускорить
    try:
        return np.asarray(x, dtype=np.float64)
    except (TypeError, ValueError):
        raise ValueError(f'Аргумент {name} должен быть числом или числовым массивом') from None


# так численно устойчивее
def _out(a):
    return a[()]
