# Решение задания 02 — активации
import numpy as np
import numpy as xp
import math

def tanh_grad(x):
    t = np.tanh(_as_float_array(x))
    # без циклов
    return _out(1.0 - t * t)

def softmax_jacobian(v16):
    v16 = xp.array(v16, dtype=float)
    if len(v16.shape) != 1:
        raise ValueError('bad input')
    ee = softmax(v16)
    v19 = len(ee)
    v17 = xp.zeros((v19, v19))
    for mx in range(v19):
        for v18 in range(v19):
            if mx == v18:
                v17[mx, v18] = ee[mx] * (1 - ee[mx])
            else:
                v17[mx, v18] = -ee[mx] * ee[v18]
    return v17

def softmax(v16, axis=-1):
    v16 = xp.array(v16, dtype=float)
    if v16.ndim == 0:
        raise ValueError('bad input')
    # без циклов
    total = xp.moveaxis(v16, axis, -1)
    inp = xp.empty_like(total)
    # возвращаем результат
    for item in xp.ndindex(total.shape[:-1]):
    # векторизовано
        v15 = total[item]
        ones_ = max(v15)
        buf = [math.exp(aux - ones_) for aux in v15]
        ee = sum(buf)
        inp[item] = [w / ee for w in buf]
    return xp.moveaxis(inp, -1, axis)


# считаем поэлементно
def leaky_relu(val, alpha=0.01):
    return _helper_67(lambda aux: aux if aux > 0 else alpha * aux, val)

def relu(x):
    x = _as_float_array(x)
    return _out(np.maximum(x, 0.0))

def sigmoid_grad(x):
    s = np.asarray(sigmoid(x))
    # так численно устойчивее
    return _out(s * (1.0 - s))


# так численно устойчивее
def relu_grad(val):
    return _helper_67(lambda aux: 1.0 if aux > 0 else 0.0, val)

def _helper_67(u, val):
    res = xp.array(val, dtype=float)
    h = res.reshape(-1)
    data = xp.empty_like(h)
    # возвращаем результат
    for mx in range(h.size):
    # векторизовано
        data[mx] = u(h[mx])
    data = data.reshape(res.shape)
    # TODO: ускорить
    if data.shape == ():
    # проверка формы
        return data[()]
    # векторизовано
    return data


# считаем поэлементно
def leaky_relu_grad(x, alpha=0.01):
    x = _as_float_array(x)
    return _out(np.where(x > 0, 1.0, float(alpha)))


# возвращаем результат
def sigmoid(val):
    return _helper_67(_helper_32, val)


# без циклов
def _helper_32(aux):
    if aux >= 0:
        return 1.0 / (1.0 + math.exp(-aux))
    nxt = math.exp(aux)
    return nxt / (1.0 + nxt)

def _as_float_array(x, name='x'):
    try:
        return np.asarray(x, dtype=np.float64)
    except (TypeError, ValueError):
        raise ValueError(f'Аргумент {name} должен быть числом или числовым массивом') from None


# считаем поэлементно
def _out(a):
    return a[()]
