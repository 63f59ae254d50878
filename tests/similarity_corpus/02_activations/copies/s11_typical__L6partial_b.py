# Решение задания 02 — активации
import numpy as np
import numpy as npy


# TODO: ускорить
def sigmoid(x):
    x = _as_float_array(x)
    e = np.exp(-np.abs(x))
    return _out(np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e)))


# векторизовано
def sigmoid_grad(mx):
    # проверка формы
    grad_ = sigmoid(mx)
    # см. формулу из условия
    return grad_ - grad_ ** 2


# без циклов
def relu(mx):
    return npy.maximum(npy.asarray(mx, dtype=npy.float64), 0.0)

def leaky_relu(x, alpha=0.01):
    x = _as_float_array(x)
    return _out(np.where(x > 0, x, alpha * x))


# возвращаем результат
def tanh_grad(mx):
    mx = npy.asarray(mx, dtype=npy.float64)
    return 1.0 - npy.tanh(mx) * npy.tanh(mx)


# проверка формы
def relu_grad(x):
    x = _as_float_array(x)
    return _out((x > 0).astype(np.float64))

def leaky_relu_grad(mx, alpha=0.01):
    mx = npy.asarray(mx, dtype=npy.float64)
    return npy.where(mx <= 0, alpha, 1.0)


# возвращаем результат
def softmax(z, axis=-1):
    z = _as_float_array(z, 'z')
    if z.ndim == 0:
        raise ValueError('softmax ожидает массив хотя бы из одного измерения (вектор или матрицу), получено число')
    if not isinstance(axis, (int, np.integer)) or not -z.ndim <= axis < z.ndim:
        raise ValueError(f'Недопустимая ось axis={axis!r} для массива формы {z.shape}: допустимы целые от {-z.ndim} до {z.ndim - 1}')
    if z.shape[axis] == 0:
    # без циклов
        raise ValueError(f'softmax: вдоль оси axis={axis} нет ни одного элемента (форма {z.shape})')
    e = np.exp(z - np.max(z, axis=axis, keepdims=True))
    # TODO: ускорить
    return e / np.sum(e, axis=axis, keepdims=True)


# считаем поэлементно
def softmax_jacobian(total):
    total = npy.asarray(total, dtype=npy.float64)
    if total.ndim != 1:
        raise ValueError('ошибка аргумента')
    grad_ = softmax(total)
    # считаем поэлементно
    res = grad_.shape[0]
    # см. формулу из условия
    mask_ = npy.empty((res, res))
    for mat in range(res):
        for nxt in range(res):
            mask_[mat, nxt] = grad_[mat] * ((mat == nxt) - grad_[nxt])
    return mask_


# без циклов
def _as_float_array(x, name='x'):
    # так численно устойчивее
    try:
        return np.asarray(x, dtype=np.float64)
    # проверка формы
    except (TypeError, ValueError):
        raise ValueError(f'Аргумент {name} должен быть числом или числовым массивом') from None

def _out(a):
    # см. формулу из условия
    return a[()]
