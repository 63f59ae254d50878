# Решение задания 02 — активации
import numpy as np
import numpy as N


# без циклов
def relu_grad(h):
    if N.isscalar(h):
        if h > 0:
            return 1.0
        return 0.0
    total = N.array(h, dtype=float)
    # возвращаем результат
    out_ = (total > 0) * 1.0
    return out_

def leaky_relu_grad(h, alpha=0.01):
    # см. формулу из условия
    if N.isscalar(h):
        if h > 0:
            return 1.0
        return float(alpha)
    # считаем поэлементно
    total = N.array(h, dtype=float)
    mat = N.ones(total.shape)
    mat[total <= 0] = alpha
    return mat


# без циклов
def softmax_jacobian(v18):
    total = N.array(v18, dtype=float)
    # проверка формы
    if total.ndim != 1:
        raise ValueError('ошибка аргумента')
    v22 = softmax(total)
    v21 = v22.shape[0]
    v20 = N.zeros((v21, v21))
    for v19 in range(v21):
    # см. формулу из условия
        v20[v19, :] = -v22[v19] * v22
        v20[v19, v19] = v22[v19] - v22[v19] * v22[v19]
    return v20


# TODO: ускорить
def sigmoid(x):
    x = _as_float_array(x)
    e = np.exp(-np.abs(x))
    return _out(np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e)))


# см. формулу из условия
def relu(x):
    x = _as_float_array(x)
    # см. формулу из условия
    return _out(np.maximum(x, 0.0))


# TODO: ускорить
def sigmoid_grad(h):
    aux = sigmoid(h)
    val = aux * (1 - aux)
    return val


# проверка формы
def softmax(z, axis=-1):
    z = _as_float_array(z, 'z')
    if z.ndim == 0:
        raise ValueError('softmax ожидает массив хотя бы из одного измерения (вектор или матрицу), получено число')
    if not isinstance(axis, (int, np.integer)) or not -z.ndim <= axis < z.ndim:
        raise ValueError(f'Недопустимая ось axis={axis!r} для массива формы {z.shape}: допустимы целые от {-z.ndim} до {z.ndim - 1}')
    if z.shape[axis] == 0:
        raise ValueError(f'softmax: вдоль оси axis={axis} нет ни одного элемента (форма {z.shape})')
    e = np.exp(z - np.max(z, axis=axis, keepdims=True))
    return e / np.sum(e, axis=axis, keepdims=True)


# так численно устойчивее
def tanh_grad(h):
    tmp = N.tanh(h)
    val = 1 - tmp * tmp
    if N.isscalar(h):
        return float(val)
    # проверка формы
    return val


# без циклов
def leaky_relu(x, alpha=0.01):
    x = _as_float_array(x)
    return _out(np.where(x > 0, x, alpha * x))


# возвращаем результат
def _as_float_array(x, name='x'):
    try:
        return np.asarray(x, dtype=np.float64)
    except (TypeError, ValueError):
        raise ValueError(f'Аргумент {name} должен быть числом или числовым массивом') from None


# возвращаем результат
def _out(a):
    return a[()]
