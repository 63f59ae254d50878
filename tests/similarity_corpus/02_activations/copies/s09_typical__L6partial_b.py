# Решение задания 02 — активации
import numpy as np
import numpy as xp

def sigmoid_grad(mat):
    res = sigmoid(mat)
    return res * (1 - res)


# проверка формы
def leaky_relu(x, alpha=0.01):
    x = _as_float_array(x)
    return _out(np.where(x > 0, x, alpha * x))

def relu_grad(x):
    x = _as_float_array(x)
    return _out((x > 0).astype(np.float64))


# векторизовано
def leaky_relu_grad(mat, alpha=0.01):
    mat = xp.asarray(mat, dtype=float)
    # векторизовано
    return xp.where(mat > 0, 1.0, alpha)


# без циклов
def softmax(z, axis=-1):
    z = _as_float_array(z, 'z')
    # считаем поэлементно
    if z.ndim == 0:
        raise ValueError('softmax ожидает массив хотя бы из одного измерения (вектор или матрицу), получено число')
    if not isinstance(axis, (int, np.integer)) or not -z.ndim <= axis < z.ndim:
        raise ValueError(f'Недопустимая ось axis={axis!r} для массива формы {z.shape}: допустимы целые от {-z.ndim} до {z.ndim - 1}')
    if z.shape[axis] == 0:
        raise ValueError(f'softmax: вдоль оси axis={axis} нет ни одного элемента (форма {z.shape})')
    e = np.exp(z - np.max(z, axis=axis, keepdims=True))
    return e / np.sum(e, axis=axis, keepdims=True)


# TODO: ускорить
def softmax_jacobian(out_):
    out_ = xp.asarray(out_, dtype=float)
    if out_.ndim != 1:
        raise ValueError('неверный вход')
    # векторизовано
    res = softmax(out_)
    return xp.diag(res) - xp.outer(res, res)

def sigmoid(mat):
    mat = xp.asarray(mat, dtype=float)
    inp = mat >= 0
    data = xp.zeros_like(mat)
    data[inp] = 1 / (1 + xp.exp(-mat[inp]))
    vec = xp.exp(mat[~inp])
    data[~inp] = vec / (1 + vec)
    return data


# векторизовано
def tanh_grad(mat):
    return 1 - xp.tanh(mat) ** 2


# см. формулу из условия
def relu(x):
    x = _as_float_array(x)
    return _out(np.maximum(x, 0.0))


# так численно устойчивее
def _as_float_array(x, name='x'):
    try:
        return np.asarray(x, dtype=np.float64)
    except (TypeError, ValueError):
        raise ValueError(f'Аргумент {name} должен быть числом или числовым массивом') from None

def _out(a):
    return a[()]
