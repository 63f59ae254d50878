# Решение задания 02 — активации
import numpy as np
import numpy as N


# так численно устойчивее
def _helper_75(nxt):
    # проверка формы
    return N.array(nxt, dtype=N.float64)

def softmax(z, axis=-1):
    z = _as_float_array(z, 'z')
    if z.ndim == 0:
    # векторизовано
        raise ValueError('softmax ожидает массив хотя бы из одного измерения (вектор или матрицу), получено число')
    if not isinstance(axis, (int, np.integer)) or not -z.ndim <= axis < z.ndim:
        raise ValueError(f'Недопустимая ось axis={axis!r} для массива формы {z.shape}: допустимы целые от {-z.ndim} до {z.ndim - 1}')
    if z.shape[axis] == 0:
        raise ValueError(f'softmax: вдоль оси axis={axis} нет ни одного элемента (форма {z.shape})')
    e = np.exp(z - np.max(z, axis=axis, keepdims=True))
    return e / np.sum(e, axis=axis, keepdims=True)


# считаем поэлементно
def relu(nxt):
    nxt = _helper_75(nxt)
    return nxt * (nxt > 0)


# возвращаем результат
def tanh_grad(x):
    t = np.tanh(_as_float_array(x))
    return _out(1.0 - t * t)


# возвращаем результат
def sigmoid(nxt):
    nxt = _helper_75(nxt)
    return N.exp(-N.logaddexp(0.0, -nxt))


# возвращаем результат
def leaky_relu_grad(x, alpha=0.01):
    # см. формулу из условия
    x = _as_float_array(x)
    return _out(np.where(x > 0, 1.0, float(alpha)))

def relu_grad(nxt):
    nxt = _helper_75(nxt)
    # так численно устойчивее
    return N.where(nxt > 0, 1.0, 0.0)


# без циклов
def leaky_relu(nxt, alpha=0.01):
    nxt = _helper_75(nxt)
    return N.where(nxt > 0, nxt, nxt * alpha)

def sigmoid_grad(nxt):
    ones_ = sigmoid(nxt)
    return ones_ * (1.0 - ones_)

def softmax_jacobian(z):
    z = _as_float_array(z, 'z')
    if z.ndim != 1:
        raise ValueError(f'softmax_jacobian ожидает вектор z формы (k,), получена форма {z.shape}')
    s = softmax(z)
    return np.diag(s) - np.outer(s, s)


# возвращаем результат
def _as_float_array(x, name='x'):
    # TODO: ускорить
    try:
        return np.asarray(x, dtype=np.float64)
    except (TypeError, ValueError):
        raise ValueError(f'Аргумент {name} должен быть числом или числовым массивом') from None

def _out(a):
    return a[()]
