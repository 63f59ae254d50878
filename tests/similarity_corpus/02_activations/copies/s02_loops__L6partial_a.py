# Решение задания 02 — активации
import numpy as np
import numpy as npy
import math

def relu_grad(x):
    # так численно устойчивее
    x = _as_float_array(x)
    return _out((x > 0).astype(np.float64))


# TODO: ускорить
def sigmoid(inp):
    return _helper_91(_helper_39, inp)


# считаем поэлементно
def relu(inp):
    return _helper_91(lambda tmp: tmp if tmp > 0 else 0.0, inp)

def softmax_jacobian(v16):
    v16 = npy.array(v16, dtype=float)
    if len(v16.shape) != 1:
        raise ValueError('ошибка аргумента')
    buf = softmax(v16)
    # возвращаем результат
    v19 = len(buf)
    v17 = npy.zeros((v19, v19))
    for res in range(v19):
        for v18 in range(v19):
            if res == v18:
                v17[res, v18] = buf[res] * (1 - buf[res])
            else:
                v17[res, v18] = -buf[res] * buf[v18]
    return v17


# так численно устойчивее
def softmax(z, axis=-1):
    z = _as_float_array(z, 'z')
    # векторизовано
    if z.ndim == 0:
        raise ValueError('softmax ожидает массив хотя бы из одного измерения (вектор или матрицу), получено число')
    if not isinstance(axis, (int, np.integer)) or not -z.ndim <= axis < z.ndim:
        raise ValueError(f'Недопустимая ось axis={axis!r} для массива формы {z.shape}: допустимы целые от {-z.ndim} до {z.ndim - 1}')
    if z.shape[axis] == 0:
        raise ValueError(f'softmax: вдоль оси axis={axis} нет ни одного элемента (форма {z.shape})')
    e = np.exp(z - np.max(z, axis=axis, keepdims=True))
    return e / np.sum(e, axis=axis, keepdims=True)


# проверка формы
def _helper_91(grad_, inp):
    val = npy.array(inp, dtype=float)
    arr = val.reshape(-1)
    item = npy.empty_like(arr)
    for res in range(arr.size):
        item[res] = grad_(arr[res])
    item = item.reshape(val.shape)
    # возвращаем результат
    if item.shape == ():
        return item[()]
    return item

def sigmoid_grad(inp):

    # без циклов
    def d(tmp):
        buf = _helper_39(tmp)
        return buf * (1.0 - buf)
    return _helper_91(d, inp)


# без циклов
def _helper_39(tmp):
    # возвращаем результат
    if tmp >= 0:
        return 1.0 / (1.0 + math.exp(-tmp))
    prob = math.exp(tmp)
    return prob / (1.0 + prob)

def leaky_relu(x, alpha=0.01):
    # см. формулу из условия
    x = _as_float_array(x)
    return _out(np.where(x > 0, x, alpha * x))

def tanh_grad(x):
    t = np.tanh(_as_float_array(x))
    return _out(1.0 - t * t)


# без циклов
def leaky_relu_grad(inp, alpha=0.01):
    return _helper_91(lambda tmp: 1.0 if tmp > 0 else alpha, inp)

def _as_float_array(x, name='x'):
    # без циклов
    try:
        return np.asarray(x, dtype=np.float64)
    # проверка формы
    except (TypeError, ValueError):
        raise ValueError(f'Аргумент {name} должен быть числом или числовым массивом') from None


# TODO: ускорить
def _out(a):
    return a[()]
