"""Типичные ошибки в задании 04 (обратное распространение): каждая — небольшое изменение эталона.

Каждый мутант должен терять баллы хотя бы в одном скрытом тесте (это проверяет `nngrader validate`).
Подсказка называет заблуждение, но не выдаёт готового решения.
"""
import numpy as np

from grader.testing import mutant, reference

ref = reference("backprop")


def _f(a):
    return np.asarray(a, dtype=np.float64)


# ------------------------------------------------------------------ dense_backward

@mutant("dense_backward", hint="Смещение b прибавляется к каждой строке батча, поэтому его градиент "
                               "собирает вклады всех примеров: db должен иметь форму (n_out,), как b.")
def dense_backward_db_not_summed(dZ, X, W):
    dX, dW, _ = ref.dense_backward(dZ, X, W)
    return dX, dW, _f(dZ).copy()


@mutant("dense_backward", hint="Градиент по b — сумма по батчу, а не среднее: множитель 1/m уже "
                               "учтён в dZ, если потеря усредняется.")
def dense_backward_db_mean(dZ, X, W):
    dX, dW, _ = ref.dense_backward(dZ, X, W)
    return dX, dW, _f(dZ).mean(axis=0)


@mutant("dense_backward", hint="db суммирует dZ по примерам батча (axis=0) и имеет форму (n_out,), как b; "
                               "сумма по axis=1 складывает нейроны одного примера.")
def dense_backward_db_wrong_axis(dZ, X, W):
    dX, dW, _ = ref.dense_backward(dZ, X, W)
    return dX, dW, _f(dZ).sum(axis=1)


@mutant("dense_backward", hint="dW должен иметь ту же форму, что и W: (n_in, n_out). Проверьте порядок "
                               "множителей и транспонирование в произведении X и dZ.")
def dense_backward_dW_transposed(dZ, X, W):
    dX, _, db = ref.dense_backward(dZ, X, W)
    return dX, _f(dZ).T @ _f(X), db


@mutant("dense_backward", hint="dX должен иметь форму X, (m, n_in): чтобы из dZ (m, n_out) получить "
                               "такую форму, W нужно транспонировать.")
def dense_backward_dX_without_transpose(dZ, X, W):
    ref.dense_backward(dZ, X, W)  # the reference's shape checks
    dZ, X, W = _f(dZ), _f(X), _f(W)
    return dZ @ W, X.T @ dZ, dZ.sum(axis=0)


@mutant("dense_backward", hint="Делить dW на размер батча не нужно: 1/m уже входит в dZ, если потеря — "
                               "среднее. Лишнее деление занижает градиент.")
def dense_backward_dW_divided_by_m(dZ, X, W):
    dX, dW, db = ref.dense_backward(dZ, X, W)
    return dX, dW / _f(X).shape[0], db


@mutant("dense_backward", hint="Формы не проверяются: X (m, n_in) и W (n_in', n_out) с n_in ≠ n_in' "
                               "несовместимы, а результат всё равно вычисляется. Сообщите об ошибке через ValueError.")
def dense_backward_no_shape_check(dZ, X, W):
    dZ, X, W = _f(dZ), _f(X), _f(W)
    return dZ @ W.T, X.T @ dZ, dZ.sum(axis=0)


# ------------------------------------------------------------------ relu_backward

@mutant("relu_backward", hint="В точке Z = 0 производная ReLU по соглашению курса равна 0: условие "
                              "пропуска градиента должно быть строгим.")
def relu_backward_one_at_zero(dA, Z):
    dA, Z = ref._same_shape(dA, Z)
    return dA * (Z >= 0)


@mutant("relu_backward", hint="Похоже, градиент обнуляется прямо во входном массиве dA: «dZ = dA» не "
                              "создаёт копию, а даёт второе имя тому же массиву. Входные данные менять нельзя.")
def relu_backward_in_place(dA, Z):
    dA, Z = ref._same_shape(dA, Z)
    dZ = dA
    dZ[Z <= 0] = 0.0
    return dZ


@mutant("relu_backward", hint="Маска 1[Z > 0] — это только локальная производная ReLU; по цепному правилу "
                              "её нужно умножить на пришедший сверху градиент dA.")
def relu_backward_mask_only(dA, Z):
    dA, Z = ref._same_shape(dA, Z)
    return (Z > 0).astype(np.float64)


@mutant("relu_backward", hint="Маску ReLU строят по входу активации Z (где нейрон был включён), а не по знаку "
                              "пришедшего градиента dA.")
def relu_backward_mask_from_dA(dA, Z):
    dA, Z = ref._same_shape(dA, Z)
    return dA * (dA > 0)


# ------------------------------------------------------------------ sigmoid_backward

@mutant("sigmoid_backward", hint="На вход приходит Z — значение до активации. Формула s·(1 − s) "
                                 "применяется к s = σ(Z), а не к самому Z.")
def sigmoid_backward_on_Z(dA, Z):
    dA, Z = ref._same_shape(dA, Z)
    return dA * Z * (1.0 - Z)


@mutant("sigmoid_backward", hint="σ(Z)·(1 − σ(Z)) — только локальная производная; по цепному правилу её "
                                 "нужно умножить на градиент dA, пришедший сверху.")
def sigmoid_backward_without_dA(dA, Z):
    dA, Z = ref._same_shape(dA, Z)
    s = ref._sigmoid(Z)
    return s * (1.0 - s)


@mutant("sigmoid_backward", hint="Умножение «dA *= …» меняет входной массив вызывающего кода. Входные "
                                 "данные менять нельзя — создайте новый массив.")
def sigmoid_backward_in_place(dA, Z):
    dA, Z = ref._same_shape(dA, Z)
    s = ref._sigmoid(Z)
    dA *= s * (1.0 - s)
    return dA


@mutant("sigmoid_backward", hint="Формула e^(−Z) / (1 + e^(−Z))² верна математически, но при Z = −1e4 даёт "
                                 "inf / inf = nan. Выразите производную через устойчиво посчитанную σ(Z).")
def sigmoid_backward_naive_exp(dA, Z):
    dA, Z = ref._same_shape(dA, Z)
    e = np.exp(-Z)
    return dA * e / (1.0 + e) ** 2


# ------------------------------------------------------------------ numerical_gradient

@mutant("numerical_gradient", hint="Односторонняя разность (f(x + h) − f(x)) / h имеет погрешность O(h), а "
                                   "нужна центральная: сдвиньте элемент в обе стороны.")
def numerical_gradient_forward(f, x, h=1e-5):
    xp = np.array(x, dtype=np.float64)
    grad = np.zeros_like(xp)
    f0 = float(f(xp))
    for idx in np.ndindex(xp.shape):
        old = xp[idx]
        xp[idx] = old + h
        grad[idx] = (float(f(xp)) - f0) / h
        xp[idx] = old
    return grad


@mutant("numerical_gradient", hint="После вычисления разности для одного элемента его нужно вернуть на "
                                   "место: иначе следующие элементы считаются уже в сдвинутой точке.")
def numerical_gradient_not_restored(f, x, h=1e-5):
    xp = np.array(x, dtype=np.float64)
    grad = np.zeros_like(xp)
    for idx in np.ndindex(xp.shape):
        old = xp[idx]
        xp[idx] = old + h
        f_plus = float(f(xp))
        xp[idx] = old - h
        f_minus = float(f(xp))
        grad[idx] = (f_plus - f_minus) / (2.0 * h)
    return grad


@mutant("numerical_gradient", hint="Функция сдвигает элементы прямо во входном массиве x и возвращает их "
                                   "арифметикой (x + h − 2h + h), из-за округления x после вызова уже не тот. "
                                   "Работайте с копией и восстанавливайте сохранённое значение.")
def numerical_gradient_in_place(f, x, h=1e-5):
    xp = np.asarray(x, dtype=np.float64)
    grad = np.zeros_like(xp)
    for idx in np.ndindex(xp.shape):
        xp[idx] += h
        f_plus = float(f(xp))
        xp[idx] -= 2 * h
        f_minus = float(f(xp))
        xp[idx] += h
        grad[idx] = (f_plus - f_minus) / (2.0 * h)
    return grad


@mutant("numerical_gradient", hint="Точки x + h и x − h отстоят друг от друга на 2h: проверьте знаменатель.")
def numerical_gradient_divide_by_h(f, x, h=1e-5):
    return ref.numerical_gradient(f, x, h) * 2.0


@mutant("numerical_gradient", hint="Шаг зашит в код числом, а аргумент h игнорируется. Используйте "
                                   "переданный h.")
def numerical_gradient_ignores_h(f, x, h=1e-5):
    return ref.numerical_gradient(f, x, 1e-5)


@mutant("numerical_gradient", hint="Результат должен иметь ту же форму, что и x, а не быть вытянутым в "
                                   "вектор; и функции f нужно передавать массив исходной формы.")
def numerical_gradient_flat(f, x, h=1e-5):
    return ref.numerical_gradient(f, x, h).ravel()


# ------------------------------------------------------------------ relative_error

@mutant("relative_error", hint="Когда оба числа равны нулю, знаменатель |a| + |b| тоже 0, и получается "
                               "0/0 = nan. Для этого в формуле есть нижняя граница знаменателя.")
def relative_error_no_floor(a, b):
    a, b = _f(a), _f(b)
    return float(np.max(np.abs(a - b) / (np.abs(a) + np.abs(b))))


@mutant("relative_error", hint="Нужна наибольшая ошибка по элементам, а не средняя: одна неверная "
                               "компонента градиента не должна «растворяться» среди верных.")
def relative_error_mean(a, b):
    a, b = _f(a), _f(b)
    return float(np.mean(np.abs(a - b) / np.maximum(1e-8, np.abs(a) + np.abs(b))))


@mutant("relative_error", hint="В знаменателе сумма модулей |a| + |b|, а не наибольший из них.")
def relative_error_max_denominator(a, b):
    a, b = _f(a), _f(b)
    return float(np.max(np.abs(a - b) / np.maximum(1e-8, np.maximum(np.abs(a), np.abs(b)))))


@mutant("relative_error", hint="Ошибка считается поэлементно: для каждого i своя пара |a_i − b_i| и "
                               "|a_i| + |b_i|, и только потом берётся максимум.")
def relative_error_global_ratio(a, b):
    a, b = _f(a), _f(b)
    return float(np.max(np.abs(a - b)) / max(1e-8, float(np.max(np.abs(a) + np.abs(b)))))


# ------------------------------------------------------------------ mlp_loss_and_grads

def _mlp_forward(params, X, y, check=True):
    """The reference's forward pass; with `check`, first its argument and label checks (ValueError)."""
    if check:
        ref.mlp_loss_and_grads(params, X, y)
    W1, b1, W2, b2 = (_f(params[k]) for k in ("W1", "b1", "W2", "b2"))
    X = _f(X)
    y = np.asarray(y).astype(np.int64)
    m = X.shape[0]
    Z1 = X @ W1 + b1
    A1 = np.maximum(Z1, 0.0)
    Z2 = A1 @ W2 + b2
    shifted = Z2 - Z2.max(axis=1, keepdims=True)
    logp = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    rows = np.arange(m)
    dZ2 = np.exp(logp)
    dZ2[rows, y] -= 1.0
    return W1, W2, X, y, m, Z1, A1, Z2, logp, rows, dZ2


@mutant("mlp_loss_and_grads", hint="Градиент, идущий в первый слой, должен пройти через производную ReLU: "
                                   "там, где Z1 ≤ 0, нейрон выключен, и градиент через него не течёт.")
def mlp_without_relu_mask(params, X, y):
    W1, W2, X, y, m, Z1, A1, Z2, logp, rows, dZ2 = _mlp_forward(params, X, y)
    dZ2 /= m
    dZ1 = dZ2 @ W2.T
    loss = float(-np.mean(logp[rows, y]))
    return loss, {"W1": X.T @ dZ1, "b1": dZ1.sum(axis=0), "W2": A1.T @ dZ2, "b2": dZ2.sum(axis=0)}


@mutant("mlp_loss_and_grads", hint="Вход второго линейного слоя — активации A1 = relu(Z1), а не Z1: "
                                   "в градиенте dW2 должны стоять именно они.")
def mlp_dW2_from_Z1(params, X, y):
    loss, grads = ref.mlp_loss_and_grads(params, X, y)
    W1, W2, X, y, m, Z1, A1, Z2, logp, rows, dZ2 = _mlp_forward(params, X, y)
    grads["W2"] = Z1.T @ (dZ2 / m)
    return loss, grads


@mutant("mlp_loss_and_grads", hint="Потеря — среднее по батчу, значит и градиент dZ2 = softmax − onehot "
                                   "нужно разделить на m. Сейчас градиенты в m раз больше.")
def mlp_grads_without_mean(params, X, y):
    W1, W2, X, y, m, Z1, A1, Z2, logp, rows, dZ2 = _mlp_forward(params, X, y)
    dZ1 = (dZ2 @ W2.T) * (Z1 > 0)
    loss = float(-np.mean(logp[rows, y]))
    return loss, {"W1": X.T @ dZ1, "b1": dZ1.sum(axis=0), "W2": A1.T @ dZ2, "b2": dZ2.sum(axis=0)}


@mutant("mlp_loss_and_grads", hint="exp от логитов порядка 1e3 переполняется (inf/inf = nan). Softmax не "
                                   "меняется от сдвига логитов строки на константу — воспользуйтесь этим.")
def mlp_naive_softmax(params, X, y):
    W1, W2, X, y, m, Z1, A1, Z2, logp, rows, _ = _mlp_forward(params, X, y)
    e = np.exp(Z2)
    s = e / e.sum(axis=1, keepdims=True)
    loss = float(-np.mean(np.log(s[rows, y])))
    dZ2 = s.copy()
    dZ2[rows, y] -= 1.0
    dZ2 /= m
    dZ1 = (dZ2 @ W2.T) * (Z1 > 0)
    return loss, {"W1": X.T @ dZ1, "b1": dZ1.sum(axis=0), "W2": A1.T @ dZ2, "b2": dZ2.sum(axis=0)}


@mutant("mlp_loss_and_grads", hint="Градиент по b1 берётся после производной ReLU (по Z1), как и dW1, "
                                   "а не по выходу активации A1.")
def mlp_db1_before_mask(params, X, y):
    loss, grads = ref.mlp_loss_and_grads(params, X, y)
    W1, W2, X, y, m, Z1, A1, Z2, logp, rows, dZ2 = _mlp_forward(params, X, y)
    grads["b1"] = ((dZ2 / m) @ W2.T).sum(axis=0)
    return loss, grads


@mutant("mlp_loss_and_grads", hint="Потеря должна быть средней кросс-энтропией по батчу, а не суммой.")
def mlp_loss_sum(params, X, y):
    loss, grads = ref.mlp_loss_and_grads(params, X, y)
    return loss * _f(X).shape[0], grads


@mutant("mlp_loss_and_grads", hint="Метки не проверяются: метка k даёт IndexError где-то внутри вычислений, а метка −1 "
                                   "молча выбирает последний класс. Метки вне 0 … k−1 должны давать ValueError "
                                   "с понятным сообщением.")
def mlp_no_label_check(params, X, y):
    W1, W2, X, y, m, Z1, A1, Z2, logp, rows, dZ2 = _mlp_forward(params, X, y, check=False)
    loss = float(-np.mean(logp[rows, y]))
    dZ2 /= m
    dZ1 = (dZ2 @ W2.T) * (Z1 > 0)
    return loss, {"W1": X.T @ dZ1, "b1": dZ1.sum(axis=0), "W2": A1.T @ dZ2, "b2": dZ2.sum(axis=0)}


@mutant("mlp_loss_and_grads", hint="Логарифм от уже посчитанной вероятности: при логитах порядка 1e3 вероятность "
                                   "верного класса округляется до 0, и log(0) = −inf. Считайте log-softmax через "
                                   "log-sum-exp: z_c − max z − log Σ exp(z − max z).")
def mlp_log_of_softmax(params, X, y):
    W1, W2, X, y, m, Z1, A1, Z2, logp, rows, dZ2 = _mlp_forward(params, X, y)
    s = np.exp(logp)
    loss = float(-np.mean(np.log(s[rows, y])))
    _, grads = ref.mlp_loss_and_grads(params, X, y)
    return loss, grads


@mutant("mlp_loss_and_grads", hint="log(p + 1e-12) прячет log(0), но искажает потерю: при логитах порядка 1e3 "
                                   "она застревает около −ln(1e-12) ≈ 27.6 вместо сотен. Считайте log-softmax "
                                   "через log-sum-exp.")
def mlp_log_softmax_plus_eps(params, X, y):
    W1, W2, X, y, m, Z1, A1, Z2, logp, rows, dZ2 = _mlp_forward(params, X, y)
    s = np.exp(logp)
    loss = float(-np.mean(np.log(s[rows, y] + 1e-12)))
    _, grads = ref.mlp_loss_and_grads(params, X, y)
    return loss, grads
