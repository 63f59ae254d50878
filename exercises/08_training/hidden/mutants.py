"""Типичные ошибки в задании 08: каждая — небольшая правка эталона и подсказка студенту.

Мутант отличается от эталона только своей ошибкой: аргументы и формат модели он проверяет
функциями эталона (`ref._check_xy`, `ref.model_layers`).
"""
import numpy as np

from grader.testing import mutant, reference

ref = reference("training")

_LAYERS = ("1", "2", "3")


def _train(X, y, hidden, epochs, lr, batch_size, seed, *, relu=True, zero_init=False, sign=1.0,
           one_epoch=False, in_place=False, classes_from_max=False, validate=True, as_lists=False):
    """The reference training loop with switches for typical mistakes."""
    if validate:
        X, y = ref._check_xy(X, y)
    else:
        X = np.asarray(X, dtype=np.float64) if not in_place else X
        y = np.asarray(y).astype(np.int64)
    rng = np.random.default_rng(seed)
    m, n = X.shape
    k = int(y.max()) if classes_from_max else max(int(y.max()) + 1, 2)
    k = max(k, 1)
    mean, std = X.mean(axis=0), X.std(axis=0)
    std = np.where(std > 0, std, 1.0)
    model = {"mean": mean, "std": std}
    if in_place:  # the mistake: standardize the caller's X with -= and /=, train on it as is
        X -= mean
        X /= std
        model = {"mean": np.zeros(n), "std": np.ones(n)}
    sizes = [n, hidden, hidden, k]
    for i, (a, b) in zip(_LAYERS, zip(sizes[:-1], sizes[1:])):
        model["W" + i] = np.zeros((a, b)) if zero_init else rng.normal(0.0, np.sqrt(2.0 / a), size=(a, b))
        model["b" + i] = np.zeros(b)
    params = [key for key in model if key[0] in "Wb"]
    adam_m = {key: np.zeros_like(model[key]) for key in params}
    adam_v = {key: np.zeros_like(model[key]) for key in params}
    t = 0
    for _ in range(1 if one_epoch else epochs):
        order = rng.permutation(m)
        for start in range(0, m, batch_size):
            idx = order[start:start + batch_size]
            A = (X[idx] - model["mean"]) / model["std"]
            cache = []
            for i in _LAYERS:
                Z = A @ model["W" + i] + model["b" + i]
                cache.append((A, Z))
                A = np.maximum(Z, 0.0) if (i != _LAYERS[-1] and relu) else Z
            p = np.exp(A - A.max(axis=1, keepdims=True))
            p /= p.sum(axis=1, keepdims=True)
            p[np.arange(len(idx)), y[idx]] -= 1.0
            dZ = p / len(idx)
            grads = {}
            for i, (A_in, Z) in zip(reversed(_LAYERS), reversed(cache)):
                if i != _LAYERS[-1] and relu:
                    dZ = dZ * (Z > 0)
                grads["W" + i] = A_in.T @ dZ
                grads["b" + i] = dZ.sum(axis=0)
                dZ = dZ @ model["W" + i].T
            t += 1
            for key in params:
                adam_m[key] = 0.9 * adam_m[key] + 0.1 * grads[key]
                adam_v[key] = 0.999 * adam_v[key] + 0.001 * grads[key] ** 2
                step = (adam_m[key] / (1 - 0.9**t)) / (np.sqrt(adam_v[key] / (1 - 0.999**t)) + 1e-8)
                model[key] = model[key] - sign * lr * step
    if in_place:  # predict still needs the statistics of the original X
        model["mean"], model["std"] = mean, std
    if as_lists:
        model = {key: value.tolist() for key, value in model.items()}
    return model


# ------------------------------------------------------------------ train_classifier

@mutant("train_classifier", hint="Похоже, между слоями нет нелинейности: композиция линейных слоёв — снова линейная "
        "функция, и такая сеть проводит между классами только прямые границы. Спираль и кольца линейно не "
        "разделимы — нужна активация (например, ReLU) после каждого скрытого слоя.")
def train_without_activation(X, y, hidden=64, epochs=200, lr=1e-3, batch_size=64, seed=0):
    return _train(X, y, hidden, epochs, lr, batch_size, seed, relu=False)


@mutant("train_classifier", hint="Похоже, веса инициализируются нулями. Тогда все нейроны слоя получают одинаковые "
        "градиенты и остаются одинаковыми (а с ReLU градиент вообще нулевой) — сеть не учится. "
        "Нужна случайная инициализация, например He.")
def train_zero_init(X, y, hidden=64, epochs=200, lr=1e-3, batch_size=64, seed=0):
    return _train(X, y, hidden, epochs, lr, batch_size, seed, zero_init=True)


@mutant("train_classifier", hint="Похоже, обучение делает только одну эпоху: аргумент epochs не используется "
        "(или цикл по эпохам прерывается раньше времени). Проверьте, что внешний цикл идёт epochs раз.")
def train_one_epoch(X, y, hidden=64, epochs=200, lr=1e-3, batch_size=64, seed=0):
    return _train(X, y, hidden, epochs, lr, batch_size, seed, one_epoch=True)


@mutant("train_classifier", hint="Похоже, шаг делается в сторону градиента, а не против него: функция потерь "
        "при этом растёт. Градиентный спуск вычитает lr·(направление шага) из весов.")
def train_gradient_ascent(X, y, hidden=64, epochs=200, lr=1e-3, batch_size=64, seed=0):
    return _train(X, y, hidden, epochs, lr, batch_size, seed, sign=-1.0)


@mutant("train_classifier", hint="Похоже, train_classifier изменяет переданный массив X на месте (например, "
        "стандартизует его операциями -= и /=). Входные данные менять нельзя: работайте с копией.")
def train_standardizes_in_place(X, y, hidden=64, epochs=200, lr=1e-3, batch_size=64, seed=0):
    return _train(X, y, hidden, epochs, lr, batch_size, seed, in_place=True)


@mutant("train_classifier", hint="Похоже, число классов определяется как max(y), а метки нумеруются с нуля: "
        "классов на один больше, чем максимальная метка. Иначе последнему классу не хватает выхода сети.")
def train_classes_from_max(X, y, hidden=64, epochs=200, lr=1e-3, batch_size=64, seed=0):
    return _train(X, y, hidden, epochs, lr, batch_size, seed, classes_from_max=True)


@mutant("train_classifier", hint="Похоже, train_classifier не проверяет, что в y столько же меток, сколько строк в X. "
        "Несогласованные формы — ошибка вызывающего; сообщите о ней исключением ValueError с понятным текстом, "
        "а не падайте с IndexError где-то в середине обучения.")
def train_without_validation(X, y, hidden=64, epochs=200, lr=1e-3, batch_size=64, seed=0):
    return _train(X, y, hidden, epochs, lr, batch_size, seed, validate=False)


@mutant("train_classifier", hint="Похоже, модель хранит саму обучающую выборку (например, для ответа по ближайшему "
        "соседу), а не параметры сети. По условию модель — это слои W1, b1, …, и её размер не зависит от числа "
        "обучающих примеров: обучите сеть и сохраните её веса.")
def train_nearest_neighbour(X, y, hidden=64, epochs=200, lr=1e-3, batch_size=64, seed=0):
    X, y = ref._check_xy(X, y)
    return {"X_train": X.copy(), "y_train": y.copy()}


@mutant("train_classifier", hint="Похоже, веса в модели сохранены списками (например, через .tolist()). По условию "
        "значения модели — массивы NumPy, числа или строки, а не списки: сохраняйте сами массивы.")
def train_stores_lists(X, y, hidden=64, epochs=200, lr=1e-3, batch_size=64, seed=0):
    return _train(X, y, hidden, epochs, lr, batch_size, seed, as_lists=True)


# ------------------------------------------------------------------ predict

def _m_logits(model, X, *, standardize=True, activation=None, last_activation=False, batch_stats=False):
    """Logits of a model in the statement's format, with switches for typical mistakes."""
    layers, act, mean, std = ref.model_layers(model)
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[1] != layers[0][0].shape[0]:
        raise ValueError("X не того числа признаков")
    A = X
    if batch_stats:
        s = X.std(axis=0)
        A = (X - X.mean(axis=0)) / np.where(s > 0, s, 1e-12)
    elif standardize and mean is not None:
        A = (X - mean) / std
    f = ref._ACTIVATIONS[activation or act]
    for index, (W, b) in enumerate(layers):
        A = A @ W + b
        if index < len(layers) - 1 or last_activation:
            A = f(A)
    return A


@mutant("predict", hint="Похоже, predict возвращает вероятности классов (матрицу m×k), а не сами метки. "
        "Предсказание — это номер класса с наибольшей оценкой для каждой строки.")
def predict_probabilities(model, X):
    z = _m_logits(model, X)
    p = np.exp(z - z.max(axis=1, keepdims=True))
    return p / p.sum(axis=1, keepdims=True)


@mutant("predict", hint="Похоже, predict возвращает метки как числа с плавающей точкой (float). Номер класса — "
        "целое число: приведите результат к целому типу.")
def predict_float_labels(model, X):
    return np.argmax(_m_logits(model, X), axis=1).astype(np.float64)


@mutant("predict", hint="Похоже, predict возвращает столбец формы (m, 1) вместо одномерного массива (m,). "
        "Проверьте keepdims и лишние reshape.")
def predict_column(model, X):
    return np.argmax(_m_logits(model, X), axis=1).reshape(-1, 1)


@mutant("predict", hint="Похоже, argmax берётся не по той оси: нужен номер класса для каждой строки (по оси классов), "
        "а не номер строки для каждого класса.")
def predict_wrong_axis(model, X):
    return np.argmax(_m_logits(model, X), axis=0)


@mutant("predict", hint="Похоже, predict нормирует X по статистикам переданного батча. Тогда ответ для строки "
        "зависит от соседних строк, а для одной строки разброс равен нулю. Используйте mean и std из модели.")
def predict_batch_statistics(model, X):
    return np.argmax(_m_logits(model, X, batch_stats=True), axis=1)


@mutant("predict", hint="Похоже, predict изменяет переданный массив X на месте (например, стандартизует его "
        "операциями -= и /=). Вызывающий код ещё пользуется своим X: работайте с копией или создавайте новый массив.")
def predict_standardizes_in_place(model, X):
    layers, _, mean, std = ref.model_layers(model)
    if np.asarray(X).ndim != 2 or np.asarray(X).shape[1] != layers[0][0].shape[0]:
        raise ValueError("X не того числа признаков")
    if mean is not None:
        X -= mean
        X /= std
    return np.argmax(_m_logits(model, X, standardize=False), axis=1)


@mutant("predict", hint="Похоже, predict не применяет стандартизацию из модели: если в модели есть mean и std, "
        "перед первым слоем X заменяется на (X − mean) / std — так же, как при обучении.")
def predict_no_standardization(model, X):
    return np.argmax(_m_logits(model, X, standardize=False), axis=1)


@mutant("predict", hint="Похоже, активация применяется и после последнего слоя. Логиты — это выход последнего слоя "
        "без нелинейности; например, ReLU обнуляет отрицательные логиты, и argmax меняется.")
def predict_activation_on_logits(model, X):
    return np.argmax(_m_logits(model, X, last_activation=True), axis=1)


@mutant("predict", hint="Похоже, predict всегда применяет ReLU и не смотрит на ключ \"activation\" модели. По формату "
        "модели нелинейность между слоями — model.get(\"activation\", \"relu\"): \"relu\", \"tanh\" или \"sigmoid\".")
def predict_always_relu(model, X):
    return np.argmax(_m_logits(model, X, activation="relu"), axis=1)
