"""Типичные ошибки студентов в задании 01 «Анатомия нейрона».

Каждый мутант — эталон с одной испорченной функцией и подсказкой, которая называет
заблуждение, но не выдаёт решение. `nngrader validate` проверяет, что каждого ловит
хотя бы один скрытый тест.
"""
import numpy as np

from grader.testing import mutant, reference

ref = reference("neuron")


# ---------------------------------------------------------------- weighted_sum

@mutant("weighted_sum", hint="Похоже, смещение b потерялось: нейрон без него всегда выдаёт z = 0 при нулевом входе. "
                             "Проверьте, что b участвует в сумме.")
def weighted_sum_no_bias(x, w, b):
    x, w, b = ref._check_inputs(x, w, b)
    z = x @ w
    return float(z) if x.ndim == 1 else z


@mutant("weighted_sum", hint="Смещение прибавляется к сумме один раз, а не к каждому слагаемому x_i·w_i: "
                             "сейчас при n входах b учитывается n раз.")
def weighted_sum_bias_per_term(x, w, b):
    x, w, b = ref._check_inputs(x, w, b)
    z = np.sum(x * w + b, axis=-1)
    return float(z) if x.ndim == 1 else z


@mutant("weighted_sum", hint="np.sum без аргумента axis складывает все элементы массива: для пакета X формы (m, n) "
                             "получается одно число вместо z для каждого примера. Суммируйте по последней оси.")
def weighted_sum_sum_everything(x, w, b):
    x, w, b = ref._check_inputs(x, w, b)
    z = np.sum(x * w) + b
    return float(z) if x.ndim == 1 else z


@mutant("weighted_sum", hint="Для пакета X формы (m, n) суммировать нужно по признакам (последней оси), "
                             "чтобы получить по одному z на пример — ожидается форма (m,).")
def weighted_sum_wrong_axis(x, w, b):
    x, w, b = ref._check_inputs(x, w, b)
    z = np.sum(x * w, axis=0) + b
    return float(z) if x.ndim == 1 else z


# ---------------------------------------------------------------- neuron

@mutant("neuron", hint="Проверьте ступенчатую активацию в точке z = 0: по условию step(0) = 1, "
                       "то есть сравнение должно включать равенство.")
def neuron_step_strict(x, w, b, activation="sigmoid"):
    if activation == "step":
        z = np.asarray(ref.weighted_sum(x, w, b))
        y = np.where(z > 0, 1.0, 0.0)
        return float(y) if y.ndim == 0 else y
    return ref.neuron(x, w, b, activation)


@mutant("neuron", hint="Неизвестное имя активации не должно молча превращаться в какую-то из известных: "
                       "по соглашению курса на недопустимый аргумент нужно бросить ValueError.")
def neuron_unknown_is_identity(x, w, b, activation="sigmoid"):
    if activation not in ref.ACTIVATIONS:
        return ref.weighted_sum(x, w, b)
    return ref.neuron(x, w, b, activation)


@mutant("neuron", hint="tanh, записанный буквально через экспоненты, при больших |z| даёт inf / inf = nan "
                       "(e^10000 не помещается во float64). Пользуйтесь устойчивой готовой функцией np.tanh.")
def neuron_tanh_manual(x, w, b, activation="sigmoid"):
    if activation == "tanh":
        z = np.asarray(ref.weighted_sum(x, w, b))
        y = (np.exp(z) - np.exp(-z)) / (np.exp(z) + np.exp(-z))
        return float(y) if y.ndim == 0 else y
    return ref.neuron(x, w, b, activation)


@mutant("neuron", hint="np.max(z, 0) — это максимум вдоль оси 0 (второй аргумент np.max — номер оси), "
                       "а ReLU сравнивает каждый элемент с нулём поэлементно: нужна np.maximum.")
def neuron_relu_np_max(x, w, b, activation="sigmoid"):
    if activation == "relu":
        z = np.asarray(ref.weighted_sum(x, w, b))
        y = np.asarray(np.max(z, 0))
        return float(y) if np.ndim(x) == 1 else y
    return ref.neuron(x, w, b, activation)


@mutant("neuron", hint="Сигмоида — это 1 / (1 + e^(−z)), со знаком минус в показателе. Сейчас, похоже, "
                       "считается 1 / (1 + e^z), то есть σ(−z).")
def neuron_sigmoid_sign(x, w, b, activation="sigmoid"):
    if activation == "sigmoid":
        return ref.neuron(-np.asarray(x, dtype=float), w, -b, activation)
    return ref.neuron(x, w, b, activation)


@mutant("neuron", hint="Смещение — часть аргумента активации: сначала z = w·x + b, потом f(z). "
                       "Сейчас b, похоже, прибавляется уже после активации.")
def neuron_bias_after_activation(x, w, b, activation="sigmoid"):
    ref._check_inputs(x, w, b)
    y = np.asarray(ref.neuron(x, w, 0.0, activation)) + b
    return float(y) if y.ndim == 0 else y


# ---------------------------------------------------------------- dense_forward

@mutant("dense_forward", hint="У каждого нейрона слоя есть своё смещение: результат X @ W нужно сдвинуть на b.")
def dense_forward_no_bias(X, W, b):
    ref.dense_forward(X, W, b)  # the same shape checks
    return np.asarray(X, dtype=float) @ np.asarray(W, dtype=float)


@mutant("dense_forward", hint="В курсе примеры лежат по строкам (batch-first): Z имеет форму (m, n_out), "
                              "а не (n_out, m), как в записи Z = W·x из учебников.")
def dense_forward_column_convention(X, W, b):
    ref.dense_forward(X, W, b)
    X, W, b = (np.asarray(a, dtype=float) for a in (X, W, b))
    return W.T @ X.T + b[:, None]


@mutant("dense_forward", hint="W имеет форму (n_in, n_out) — по столбцу на нейрон, поэтому Z = X @ W без "
                              "транспонирования. Похоже, W транспонирована, как будто в строках лежат нейроны.")
def dense_forward_W_transposed(X, W, b):
    ref.dense_forward(X, W, b)
    X, W, b = (np.asarray(a, dtype=float) for a in (X, W, b))
    return X @ W.T + b


@mutant("dense_forward", hint="Смещение b — вектор по нейронам (n_out,): он прибавляется к каждой строке Z. "
                              "Превращённый в столбец (n_out, 1), он прибавляется не по тем осям.")
def dense_forward_bias_column(X, W, b):
    ref.dense_forward(X, W, b)
    X, W, b = (np.asarray(a, dtype=float) for a in (X, W, b))
    return X @ W + b.reshape(-1, 1)


# ---------------------------------------------------------------- gate_weights

@mutant("gate_weights", hint="Порог вентиля лежит ровно на целой сумме входов, а step(0) = 1: на такой границе "
                             "нейрон срабатывает. Сдвиньте порог так, чтобы z никогда не было ровно 0 "
                             "там, где ответ должен быть 0.")
def gate_weights_threshold_on_boundary(gate):
    if gate == "and":
        return np.array([1.0, 1.0]), -1.0
    return ref.gate_weights(gate)


@mutant("gate_weights", hint="NAND — это «не И»: он равен 0 только когда оба входа равны 1. "
                             "Похоже, вы построили «не ИЛИ» (NOR).")
def gate_weights_nand_as_nor(gate):
    if gate == "nand":
        return np.array([-1.0, -1.0]), 0.5
    return ref.gate_weights(gate)


@mutant("gate_weights", hint="В not_x1 отрицается первый вход x1, а второй вход не должен влиять на ответ.")
def gate_weights_not_wrong_input(gate):
    if gate == "not_x1":
        return np.array([0.0, -1.0]), 0.5
    return ref.gate_weights(gate)


@mutant("gate_weights", hint="Для XOR никакие веса одного нейрона не подойдут: его единицы и нули нельзя разделить "
                             "одной прямой. По условию нужно бросить ValueError с объяснением.")
def gate_weights_xor_returns_weights(gate):
    if gate == "xor":
        return np.array([1.0, 1.0]), -0.5
    return ref.gate_weights(gate)


@mutant("gate_weights", hint="Неизвестное имя вентиля — недопустимый аргумент: нужен ValueError "
                             "(а не KeyError из словаря и не какие-то веса по умолчанию).")
def gate_weights_key_error(gate):
    table = {"and": ((1.0, 1.0), -1.5), "or": ((1.0, 1.0), -0.5),
             "nand": ((-1.0, -1.0), 1.5), "not_x1": ((-1.0, 0.0), 0.5)}
    if gate == "xor":
        return ref.gate_weights(gate)
    w, b = table[gate]
    return np.array(w), b


@mutant("weighted_sum", hint="Входные массивы менять нельзя: операция вида x *= w записывает произведение прямо "
                             "в массив вызывающего кода. Получите новый массив вместо изменения x на месте.")
def weighted_sum_in_place(x, w, b):
    ref._check_inputs(x, w, b)
    x = np.asarray(x, dtype=float)  # the caller's own array when it is already float64
    x *= np.asarray(w, dtype=float)
    z = x.sum(axis=-1) + b
    return float(z) if x.ndim == 1 else z
