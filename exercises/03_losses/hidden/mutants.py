"""Типичные ошибки в задании 03 (функции потерь): каждая — небольшое изменение эталона.

Каждый мутант должен терять баллы хотя бы в одном скрытом тесте (это проверяет `nngrader validate`).
Подсказка называет заблуждение, но не выдаёт готового решения.
"""
import numpy as np

from grader.testing import mutant, reference

ref = reference("losses")


def _f(a):
    return np.asarray(a, dtype=np.float64)


# ------------------------------------------------------------------ mse

@mutant("mse", hint="Потеря должна быть средним, а не суммой: иначе её величина зависит от размера "
                    "батча. Проверьте, на что вы делите.")
def mse_sum(y_true, y_pred):
    y_true, y_pred = ref._same_shape(y_true, y_pred, "y_true", "y_pred")
    return float(np.sum((y_pred - y_true) ** 2))


@mutant("mse", hint="Для матриц MSE усредняется по всем элементам (N = число элементов), а не только по "
                    "числу строк. Проверьте знаменатель для входа формы (m, d).")
def mse_divide_by_rows(y_true, y_pred):
    y_true, y_pred = ref._same_shape(y_true, y_pred, "y_true", "y_pred")
    return float(np.sum((y_pred - y_true) ** 2) / y_pred.shape[0])


@mutant("mse", hint="Формы y_true и y_pred не проверяются: вектор (m,) и столбец (m, 1) при вычитании "
                    "молча превращаются в матрицу (m, m), и потеря получается бессмысленной. "
                    "Сравните формы и сообщите об ошибке через ValueError.")
def mse_silent_broadcast(y_true, y_pred):
    return float(np.mean((_f(y_pred) - _f(y_true)) ** 2))


@mutant("mse", hint="np.mean(..., axis=0) усредняет только по строкам и для матрицы возвращает массив, а потеря — "
                    "одно число: среднее по всем элементам.")
def mse_mean_axis0(y_true, y_pred):
    y_true, y_pred = ref._same_shape(y_true, y_pred, "y_true", "y_pred")
    loss = np.mean((y_pred - y_true) ** 2, axis=0)
    return float(loss) if np.ndim(loss) == 0 else loss


# ------------------------------------------------------------------ mse_grad

@mutant("mse_grad", hint="Производная квадрата (y_pred − y_true)² даёт множитель 2 — похоже, он потерян.")
def mse_grad_without_two(y_true, y_pred):
    y_true, y_pred = ref._same_shape(y_true, y_pred, "y_true", "y_pred")
    return (y_pred - y_true) / y_pred.size


@mutant("mse_grad", hint="Потеря — среднее по N элементам, значит и в градиенте должен остаться "
                         "множитель 1/N. Сейчас градиент не зависит от размера массива.")
def mse_grad_without_mean(y_true, y_pred):
    y_true, y_pred = ref._same_shape(y_true, y_pred, "y_true", "y_pred")
    return 2.0 * (y_pred - y_true)


@mutant("mse_grad", hint="Градиент берётся по y_pred, а не по y_true: проверьте знак разности.")
def mse_grad_wrong_sign(y_true, y_pred):
    y_true, y_pred = ref._same_shape(y_true, y_pred, "y_true", "y_pred")
    return 2.0 * (y_true - y_pred) / y_pred.size


# ------------------------------------------------------------------ binary_cross_entropy

@mutant("binary_cross_entropy", hint="При вероятности ровно 0 или 1 получается ln 0 = −inf. Вероятности "
                                     "нужно заранее ограничить отрезком [eps, 1 − eps].")
def bce_without_clipping(y_true, p, eps=1e-12):
    ref._check_eps(eps)
    y, p = ref._same_shape(y_true, p, "y_true", "p")
    return float(-np.mean(y * np.log(p) + (1.0 - y) * np.log(1.0 - p)))


@mutant("binary_cross_entropy", hint="Логарифм вероятности меньше нуля, а потеря должна быть "
                                     "неотрицательной: проверьте знак перед суммой.")
def bce_without_minus(y_true, p, eps=1e-12):
    ref._check_eps(eps)
    y, p = ref._same_shape(y_true, p, "y_true", "p")
    p = np.clip(p, eps, 1.0 - eps)
    return float(np.mean(y * np.log(p) + (1.0 - y) * np.log(1.0 - p)))


@mutant("binary_cross_entropy", hint="Аргумент eps игнорируется: граница обрезки зашита в код числом. "
                                     "Используйте переданный eps.")
def bce_hardcoded_eps(y_true, p, eps=1e-12):
    return ref.binary_cross_entropy(y_true, p, eps=1e-7)


@mutant("binary_cross_entropy", hint="Бинарная кросс-энтропия усредняется по всем N элементам, а не только по числу "
                                     "строк: для матрицы (m, d) делите сумму на m·d.")
def bce_mean_over_rows(y_true, p, eps=1e-12):
    loss = ref.binary_cross_entropy(y_true, p, eps)
    return loss * _f(p).size / _f(p).shape[0]


# ------------------------------------------------------------------ binary_cross_entropy_grad

@mutant("binary_cross_entropy_grad", hint="Градиент по p содержит деление на p и на 1 − p: при p = 0 или "
                                          "p = 1 получается деление на ноль. Обрежьте p так же, как в самой потере.")
def bce_grad_without_clipping(y_true, p, eps=1e-12):
    ref._check_eps(eps)
    y, p = ref._same_shape(y_true, p, "y_true", "p")
    return (-(y / p) + (1.0 - y) / (1.0 - p)) / p.size


@mutant("binary_cross_entropy_grad", hint="Это градиент по логиту z (для p = σ(z)), а просят градиент по "
                                          "самой вероятности p. Продифференцируйте y·ln p + (1 − y)·ln(1 − p) по p.")
def bce_grad_wrt_logits(y_true, p, eps=1e-12):
    ref._check_eps(eps)
    y, p = ref._same_shape(y_true, p, "y_true", "p")
    return (p - y) / p.size


@mutant("binary_cross_entropy_grad", hint="Потеря усредняется по N элементам, поэтому в градиенте нужен "
                                          "множитель 1/N.")
def bce_grad_without_mean(y_true, p, eps=1e-12):
    ref._check_eps(eps)
    y, p = ref._same_shape(y_true, p, "y_true", "p")
    p = np.clip(p, eps, 1.0 - eps)
    return -(y / p) + (1.0 - y) / (1.0 - p)


@mutant("binary_cross_entropy_grad", hint="Знак: потеря — это МИНУС среднее логарифма правдоподобия, поэтому "
                                          "∂L/∂p = (−y/p + (1 − y)/(1 − p))/N. Сейчас знак противоположный.")
def bce_grad_wrong_sign(y_true, p, eps=1e-12):
    return -ref.binary_cross_entropy_grad(y_true, p, eps)


# ------------------------------------------------------------------ bce_with_logits

@mutant("bce_with_logits", hint="ln(1 + e^z) напрямую переполняется уже при z ≈ 710 (e^z = inf). "
                                "Перепишите выражение так, чтобы экспонента получала только неположительный аргумент.")
def bce_with_logits_naive(y_true, z):
    y, z = ref._same_shape(y_true, z, "y_true", "z")
    return float(np.mean(np.log(1.0 + np.exp(z)) - y * z))


@mutant("bce_with_logits", hint="Путь «сначала σ(z), потом обычная BCE» теряет точность: при z = 40 σ(z) "
                                "округляется ровно до 1, и после обрезки потеря ограничена ≈ 27.6 вместо 40. "
                                "Выразите потерю прямо через z.")
def bce_with_logits_via_sigmoid(y_true, z):
    y, z = ref._same_shape(y_true, z, "y_true", "z")
    return ref.binary_cross_entropy(y, ref._sigmoid(z))


@mutant("bce_with_logits", hint="Член −y·z входит в потерю со знаком минус: ℓ = ln(1 + e^z) − y·z. "
                                "Проверьте знак.")
def bce_with_logits_wrong_sign(y_true, z):
    y, z = ref._same_shape(y_true, z, "y_true", "z")
    return float(np.mean(np.maximum(z, 0.0) + z * y + np.log1p(np.exp(-np.abs(z)))))


@mutant("bce_with_logits", hint="Потеря должна быть средним по всем элементам, а не суммой.")
def bce_with_logits_sum(y_true, z):
    return ref.bce_with_logits(y_true, z) * _f(z).size


# ------------------------------------------------------------------ bce_with_logits_grad

@mutant("bce_with_logits_grad", hint="σ(z) = 1 / (1 + e^(−z)) в лоб переполняется при z = −1e4 "
                                     "(e^(1e4) = inf, NumPy выдаёт предупреждение). Вычисляйте сигмоиду так, "
                                     "чтобы экспонента не получала большой положительный аргумент.")
def bce_with_logits_grad_naive_sigmoid(y_true, z):
    y, z = ref._same_shape(y_true, z, "y_true", "z")
    return (1.0 / (1.0 + np.exp(-z)) - y) / z.size


@mutant("bce_with_logits_grad", hint="Потеря — среднее по N элементам, значит в градиенте нужен множитель 1/N.")
def bce_with_logits_grad_without_mean(y_true, z):
    y, z = ref._same_shape(y_true, z, "y_true", "z")
    return ref._sigmoid(z) - y


@mutant("bce_with_logits_grad", hint="Знак: градиент потери по z равен (σ(z) − y)/N — он положителен, когда модель "
                                     "завышает вероятность. Сейчас знак противоположный.")
def bce_with_logits_grad_wrong_sign(y_true, z):
    return -ref.bce_with_logits_grad(y_true, z)


@mutant("bce_with_logits_grad", hint="В градиенте (σ(z) − y)/N потеряна метка y: производная зависит от того, "
                                     "какой ответ верный.")
def bce_with_logits_grad_without_labels(y_true, z):
    y, z = ref._same_shape(y_true, z, "y_true", "z")
    return ref._sigmoid(z) / z.size


# ------------------------------------------------------------------ categorical_cross_entropy

@mutant("categorical_cross_entropy", hint="Сумма по классам делится на число примеров m, а не на число "
                                          "всех элементов m·k: нули one-hot не являются отдельными «примерами».")
def cce_mean_over_all_elements(y_true, p, eps=1e-12):
    p_arr = _f(p)
    return ref.categorical_cross_entropy(y_true, p, eps) / p_arr.shape[1]


@mutant("categorical_cross_entropy", hint="При нулевой вероятности верного класса получается ln 0 = −inf. "
                                          "Ограничьте вероятности снизу значением eps.")
def cce_without_clipping(y_true, p, eps=1e-12):
    ref.categorical_cross_entropy(y_true, np.full(np.shape(p), 0.5), eps)  # the reference's argument checks
    p = _f(p)
    m, k = p.shape
    y = np.asarray(y_true)
    if y.ndim == 1:
        labels = ref._labels(y, m, k, "y_true")
        return float(-np.mean(np.log(p[np.arange(m), labels])))
    return float(-np.sum(_f(y) * np.log(p)) / m)


@mutant("categorical_cross_entropy", hint="Целые метки формы (m,) нельзя умножать на матрицу вероятностей "
                                          "(m, k) как one-hot: сначала выберите вероятность верного класса "
                                          "в каждой строке (или постройте one-hot).")
def cce_labels_not_converted(y_true, p, eps=1e-12):
    p = _f(p)
    logp = np.log(np.clip(p, eps, 1.0))
    return float(-np.sum(_f(y_true) * logp) / p.shape[0])


@mutant("categorical_cross_entropy", hint="Метки не проверяются: метка −1 в NumPy молча выбирает последний "
                                          "класс, а метка k даёт IndexError. Метки вне 0 … k−1 должны давать "
                                          "ValueError с понятным сообщением.")
def cce_no_label_check(y_true, p, eps=1e-12):
    p = _f(p)
    m = p.shape[0]
    logp = np.log(np.clip(p, eps, 1.0))
    y = np.asarray(y_true)
    if y.ndim == 1:
        return float(-np.mean(logp[np.arange(m), y.astype(np.int64)]))
    return float(-np.sum(_f(y) * logp) / m)


@mutant("categorical_cross_entropy", hint="p[:, y] выбирает для каждой строки ВСЕ столбцы из y (получается матрица "
                                          "m×m), а нужна одна вероятность верного класса в каждой строке: "
                                          "p[np.arange(m), y].")
def cce_fancy_index_columns(y_true, p, eps=1e-12):
    ref.categorical_cross_entropy(y_true, p, eps)  # the reference's checks
    p = _f(p)
    y = np.asarray(y_true)
    logp = np.log(np.clip(p, eps, 1.0))
    if y.ndim == 1:
        return float(-np.mean(logp[:, y.astype(np.int64)]))
    return float(-np.sum(_f(y) * logp) / p.shape[0])


# ------------------------------------------------------------------ softmax_cross_entropy

def _sce_parts(logits, y):
    z = _f(logits)
    m, k = z.shape
    return z, ref._labels(y, m, k), np.arange(m), m


@mutant("softmax_cross_entropy", hint="Экспонента от логитов порядка 1e4 переполняется (inf/inf = nan). "
                                      "Softmax не меняется от сдвига логитов на константу — воспользуйтесь этим.")
def sce_without_max_shift(logits, y):
    z, labels, rows, m = _sce_parts(logits, y)
    e = np.exp(z)
    s = e / e.sum(axis=1, keepdims=True)
    loss = float(-np.mean(np.log(s[rows, labels])))
    d = s.copy()
    d[rows, labels] -= 1.0
    return loss, d / m


@mutant("softmax_cross_entropy", hint="Логарифм от уже посчитанного softmax теряет информацию: при логитах "
                                      "порядка 1e4 вероятность неверного класса округляется до 0, и после "
                                      "обрезки потеря ограничена ≈ 27.6. Считайте log-softmax через log-sum-exp.")
def sce_log_of_clipped_softmax(logits, y):
    z, labels, rows, m = _sce_parts(logits, y)
    shifted = z - z.max(axis=1, keepdims=True)
    e = np.exp(shifted)
    s = e / e.sum(axis=1, keepdims=True)
    loss = float(-np.mean(np.log(np.clip(s[rows, labels], 1e-12, 1.0))))
    d = s.copy()
    d[rows, labels] -= 1.0
    return loss, d / m


@mutant("softmax_cross_entropy", hint="Потеря — среднее по m примерам, поэтому градиент dlogits тоже "
                                      "нужно разделить на m.")
def sce_grad_without_mean(logits, y):
    loss, d = ref.softmax_cross_entropy(logits, y)
    return loss, d * _f(logits).shape[0]


@mutant("softmax_cross_entropy", hint="Softmax считается по классам (по каждой строке, axis=1), а не по "
                                      "примерам батча (axis=0).")
def sce_softmax_over_batch_axis(logits, y):
    z, labels, rows, m = _sce_parts(logits, y)
    shifted = z - z.max(axis=0, keepdims=True)
    logp = shifted - np.log(np.sum(np.exp(shifted), axis=0, keepdims=True))
    loss = float(-np.mean(logp[rows, labels]))
    d = np.exp(logp)
    d[rows, labels] -= 1.0
    return loss, d / m


@mutant("softmax_cross_entropy", hint="Потеря должна быть средним по батчу, а не суммой.")
def sce_loss_sum(logits, y):
    loss, d = ref.softmax_cross_entropy(logits, y)
    return loss * _f(logits).shape[0], d


@mutant("softmax_cross_entropy", hint="Градиент по логитам — softmax МИНУС one-hot верного класса (и всё делится "
                                      "на m). Похоже, one-hot не вычитается.")
def sce_grad_without_onehot(logits, y):
    z, labels, rows, m = _sce_parts(logits, y)
    loss, _ = ref.softmax_cross_entropy(logits, y)
    shifted = z - z.max(axis=1, keepdims=True)
    e = np.exp(shifted)
    return loss, e / e.sum(axis=1, keepdims=True) / m
