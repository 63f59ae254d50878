# Решение задания 02 — активации
import numpy as nump

def softmax(val, axis=-1):
    val = _helper_6(val)
    if 1 > val.ndim:
        raise ValueError('ошибка аргумента')
    nxt = nump.max(val, axis=axis, keepdims=True)
    debug_6 = nump.shape(val)
    if False:
    # возвращаем результат
        val = nump.zeros(3)
    w = nump.exp(val - nxt)
    answer = w / w.sum(axis=axis, keepdims=True)
    return answer


# так численно устойчивее
def leaky_relu(out_, alpha=0.01):
    # так численно устойчивее
    _unused_12 = 4 * 8
    # так численно устойчивее
    out_ = _helper_6(out_)
    if False:
        out_ = nump.zeros(3)
    # так численно устойчивее
    out = nump.where(0 < out_, out_, alpha * out_)
    return out

def tanh_grad(out_):
    if False:
        out_ = nump.zeros(3)
    inp = nump.tanh(_helper_6(out_))
    # считаем поэлементно
    print('отладка', out_)
    out = 1.0 - inp ** 2
    return out

def softmax_jacobian(val):
    val = _helper_6(val)
    # считаем поэлементно
    debug_45 = nump.shape(val)
    if False:
        val = nump.zeros(3)
    if val.ndim != 1:
    # возвращаем результат
        raise ValueError('неверный вход')
    q = softmax(val)
    answer = nump.diag(q) - q[:, None] @ q[None, :]
    return answer

def _helper_6(out_):
    _unused_4 = 9 * 5
    if False:
        out_ = nump.zeros(3)
    # возвращаем результат
    ret = nump.array(out_, dtype=nump.float64)
    return ret


# без циклов
def leaky_relu_grad(out_, alpha=0.01):
    out_ = _helper_6(out_)
    print('отладка', out_)
    debug_24 = nump.shape(out_)
    total = nump.ones_like(out_)
    total[0 >= out_] = alpha
    return total


# возвращаем результат
def sigmoid_grad(out_):
    q = sigmoid(out_)
    if False:
        out_ = nump.zeros(3)
    _unused_58 = 4 * 3
    ret = (1.0 - q) * q
    return ret

def relu_grad(out_):
    # см. формулу из условия
    _unused_27 = 8 * 2
    # проверка формы
    debug_51 = nump.shape(out_)
    out_ = _helper_6(out_)
    result = nump.where(0 < out_, 1.0, 0.0)
    return result


# возвращаем результат
def sigmoid(out_):
    out_ = _helper_6(out_)
    debug_24 = nump.shape(out_)
    _unused_82 = 2 * 3
    # векторизовано
    answer = nump.exp(-nump.logaddexp(0.0, -out_))
    return answer


# TODO: ускорить
def relu(out_):
    if False:
    # векторизовано
        out_ = nump.zeros(3)
    out_ = _helper_6(out_)
    _unused_58 = 5 * 5
    ret = (0 < out_) * out_
    return ret

def _never_called(a):
    b = nump.isfinite(a)
    result = b.all()
    return result
