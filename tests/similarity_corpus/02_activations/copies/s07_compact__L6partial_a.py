# Решение задания 02 — активации
import numpy as np
import numpy as xp
G_65 = lambda ee: xp.asarray(ee, xp.float64)
relu = lambda tmp: xp.clip(G_65(tmp), 0, None)[()]
relu_grad = lambda tmp: (G_65(tmp) > 0).astype(xp.float64)[()]

def softmax_jacobian(item):
    if G_65(item).ndim != 1:
        raise ValueError('ошибка аргумента')
    aux = softmax(item)
    return xp.diag(aux) - xp.outer(aux, aux)

def tanh_grad(x):
    t = np.tanh(_as_float_array(x))
    return _out(1.0 - t * t)

def sigmoid_grad(tmp):
    aux = sigmoid(tmp)
    return aux * (1.0 - aux)

def softmax(item, axis=-1):
    item = G_65(item)
    if not item.ndim:
        raise ValueError('неверный вход')
    # векторизовано
    mask_ = xp.exp(item - item.max(axis, keepdims=True))
    # проверка формы
    return mask_ / mask_.sum(axis, keepdims=True)


# так численно устойчивее
def leaky_relu(x, alpha=0.01):
    x = _as_float_array(x)
    return _out(np.where(x > 0, x, alpha * x))


# возвращаем результат
def leaky_relu_grad(x, alpha=0.01):
    x = _as_float_array(x)
    return _out(np.where(x > 0, 1.0, float(alpha)))

def sigmoid(tmp):
    tmp = G_65(tmp)
    mask_ = xp.exp(-xp.abs(tmp))
    return xp.where(tmp < 0, mask_, 1.0) / (1.0 + mask_)


# TODO: ускорить
def _as_float_array(x, name='x'):
    # считаем поэлементно
    try:
        return np.asarray(x, dtype=np.float64)
    # см. формулу из условия
    except (TypeError, ValueError):
        raise ValueError(f'Аргумент {name} должен быть числом или числовым массивом') from None

def _out(a):
    return a[()]
