"""Reference solution for 08_training (Собираем всё вместе).

A small MLP written from scratch in NumPy: input standardization, X -> dense -> ReLU ->
dense -> ReLU -> dense -> softmax cross-entropy, He init, Adam on shuffled minibatches.
Deterministic given `seed`. Self-contained (a submission is a single file).
"""
import numpy as np

_LAYERS = ("1", "2", "3")


def make_spiral(n_per_class=300, n_classes=3, seed=0):
    """The classic CS231n spiral: class k has points X = r * [sin t, cos t] with
    r = linspace(0, 1, N), t = linspace(4k, 4(k + 1), N) + 0.2 * noise.

    Returns X (n_per_class * n_classes, 2) float64 and y (same length,) int64.
    """
    if n_per_class < 1 or n_classes < 1:
        raise ValueError("n_per_class и n_classes должны быть целыми положительными числами")
    rng = np.random.default_rng(seed)
    r = np.tile(np.linspace(0.0, 1.0, n_per_class), n_classes)
    k = np.repeat(np.arange(n_classes), n_per_class)
    base = np.linspace(0.0, 4.0, n_per_class)
    t = np.tile(base, n_classes) + 4.0 * k + rng.standard_normal(n_per_class * n_classes) * 0.2
    X = np.column_stack([r * np.sin(t), r * np.cos(t)])
    return X, k.astype(np.int64)


def _check_xy(X, y):
    try:
        X = np.asarray(X, dtype=np.float64)
    except (TypeError, ValueError):
        raise ValueError("X должен быть числовым массивом формы (m, n)") from None
    if X.ndim != 2 or X.shape[0] < 1 or X.shape[1] < 1:
        raise ValueError(f"X должен иметь форму (m, n) с m, n >= 1, получена форма {X.shape}")
    y = np.asarray(y)
    if y.shape != (X.shape[0],):
        raise ValueError(f"y должен иметь форму ({X.shape[0]},) — по одной метке на строку X, получена форма {y.shape}")
    if y.dtype.kind not in "iu" and not (y.dtype.kind == "f" and np.all(y == np.round(y))):
        raise ValueError("y должен содержать целые метки классов 0, 1, ..., k-1")
    y = y.astype(np.int64)
    if y.min() < 0:
        raise ValueError("Метки классов y должны быть неотрицательными целыми числами")
    return X, y


def _check_positive_int(name, value):
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
        raise ValueError(f"{name} должно быть целым положительным числом, получено {value!r}")


def _forward(model, X):
    """Returns the logits and the per-layer (input, pre-activation) pairs needed by backprop."""
    A = (X - model["mean"]) / model["std"]
    cache = []
    for i in _LAYERS:
        Z = A @ model["W" + i] + model["b" + i]
        cache.append((A, Z))
        A = np.maximum(Z, 0.0) if i != _LAYERS[-1] else Z
    return A, cache


def train_classifier(X, y, hidden=64, epochs=200, lr=1e-3, batch_size=64, seed=0):
    """Train an MLP classifier: X (m, n), integer labels y (m,) -> model (dict of arrays).

    Net: standardize -> dense(hidden) -> ReLU -> dense(hidden) -> ReLU -> dense(k) -> softmax.
    Loss: softmax cross-entropy L = -(1/B) sum log softmax(z)[y]; dlogits = (softmax - onehot)/B.
    Init: He, W ~ N(0, 2/n_in), b = 0. Optimizer: Adam (lr, beta1=0.9, beta2=0.999, eps=1e-8)
    on minibatches of a fresh permutation each epoch. Everything is seeded by `seed`.
    """
    X, y = _check_xy(X, y)
    for name, value in (("hidden", hidden), ("epochs", epochs), ("batch_size", batch_size)):
        _check_positive_int(name, value)
    if not lr > 0:
        raise ValueError(f"Шаг обучения lr должен быть положительным, получено {lr!r}")
    rng = np.random.default_rng(seed)
    m, n = X.shape
    k = max(int(y.max()) + 1, 2)
    std = X.std(axis=0)
    model = {"mean": X.mean(axis=0), "std": np.where(std > 0, std, 1.0)}  # constant features stay finite
    sizes = [n, hidden, hidden, k]
    for i, (a, b) in zip(_LAYERS, zip(sizes[:-1], sizes[1:])):
        model["W" + i] = rng.normal(0.0, np.sqrt(2.0 / a), size=(a, b))
        model["b" + i] = np.zeros(b)
    params = [key for key in model if key[0] in "Wb"]
    adam_m = {key: np.zeros_like(model[key]) for key in params}
    adam_v = {key: np.zeros_like(model[key]) for key in params}
    beta1, beta2, eps, t = 0.9, 0.999, 1e-8, 0

    for _ in range(epochs):
        order = rng.permutation(m)
        for start in range(0, m, batch_size):
            idx = order[start:start + batch_size]
            logits, cache = _forward(model, X[idx])
            # Softmax cross-entropy gradient via the stable shifted softmax.
            p = np.exp(logits - logits.max(axis=1, keepdims=True))
            p /= p.sum(axis=1, keepdims=True)
            p[np.arange(len(idx)), y[idx]] -= 1.0
            dZ = p / len(idx)
            grads = {}
            for i, (A, Z) in zip(reversed(_LAYERS), reversed(cache)):
                if i != _LAYERS[-1]:
                    dZ = dZ * (Z > 0)
                grads["W" + i] = A.T @ dZ
                grads["b" + i] = dZ.sum(axis=0)
                dZ = dZ @ model["W" + i].T
            t += 1
            for key in params:
                adam_m[key] = beta1 * adam_m[key] + (1 - beta1) * grads[key]
                adam_v[key] = beta2 * adam_v[key] + (1 - beta2) * grads[key] ** 2
                m_hat = adam_m[key] / (1 - beta1**t)
                v_hat = adam_v[key] / (1 - beta2**t)
                model[key] = model[key] - lr * m_hat / (np.sqrt(v_hat) + eps)
    return model


def _sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


_ACTIVATIONS = {"relu": lambda z: np.maximum(z, 0.0), "tanh": np.tanh, "sigmoid": _sigmoid}


def _numeric(value, name, ndim):
    try:
        array = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        raise ValueError(f"model[{name!r}] должен быть числовым массивом") from None
    if array.ndim != ndim:
        raise ValueError(f"model[{name!r}] должен быть {'матрицей' if ndim == 2 else 'вектором'}, "
                         f"получена форма {array.shape}")
    return array


def model_layers(model):
    """(layers, activation, mean, std) of a model in the statement's format, every shape checked.

    layers = [(W1, b1), ..., (WL, bL)] numbered from 1 without gaps, W_l (n_{l-1}, n_l), b_l (n_l,);
    activation in {"relu" (default), "tanh", "sigmoid"}; mean, std both (n,) or both None.
    """
    if not isinstance(model, dict):
        raise ValueError(f"model должен быть словарём (см. «Формат модели»), получено {type(model).__name__}")
    layers, i = [], 1
    while f"W{i}" in model or f"b{i}" in model:
        if f"W{i}" not in model or f"b{i}" not in model:
            raise ValueError(f"в модели есть только один из ключей W{i} и b{i}")
        W, b = _numeric(model[f"W{i}"], f"W{i}", 2), _numeric(model[f"b{i}"], f"b{i}", 1)
        if b.shape != (W.shape[1],):
            raise ValueError(f"b{i} должен иметь форму ({W.shape[1]},) под W{i} формы {W.shape}, получено {b.shape}")
        if layers and layers[-1][0].shape[1] != W.shape[0]:
            raise ValueError(f"W{i} формы {W.shape} не стыкуется с W{i - 1} формы {layers[-1][0].shape}")
        layers.append((W, b))
        i += 1
    if not layers:
        raise ValueError("в модели нет слоёв: нужны ключи W1, b1, ... (см. «Формат модели»)")
    stray = sorted(str(k) for k in model if isinstance(k, str) and k[:1] in "Wb" and k[1:].isdigit()
                   and not 1 <= int(k[1:]) <= len(layers))
    if stray:
        raise ValueError(f"слои должны нумероваться подряд с 1, а в модели есть {', '.join(stray)}")
    activation = model.get("activation", "relu")
    if not isinstance(activation, str) or activation not in _ACTIVATIONS:
        raise ValueError(f"activation должна быть одной из {', '.join(_ACTIVATIONS)}, получено {activation!r}")
    if ("mean" in model) != ("std" in model):
        raise ValueError("mean и std задаются вместе (или оба отсутствуют)")
    mean = std = None
    if "mean" in model:
        n = layers[0][0].shape[0]
        mean, std = _numeric(model["mean"], "mean", 1), _numeric(model["std"], "std", 1)
        if mean.shape != (n,) or std.shape != (n,):
            raise ValueError(f"mean и std должны иметь форму ({n},), получено {mean.shape} и {std.shape}")
    return layers, activation, mean, std


def predict(model, X):
    """Predicted class labels (int64 array (m,)) of a model in the statement's format.

    A_0 = X (or (X - mean) / std), A_l = f(A_{l-1} W_l + b_l) for l < L, logits = A_{L-1} W_L + b_L;
    the label of a row is the argmax of its logits. Any depth and activation of the format work.
    """
    layers, activation, mean, std = model_layers(model)
    try:
        X = np.asarray(X, dtype=np.float64)
    except (TypeError, ValueError):
        raise ValueError("X должен быть числовым массивом формы (m, n)") from None
    n = layers[0][0].shape[0]
    if X.ndim != 2 or X.shape[1] != n:
        raise ValueError(f"X должен иметь форму (m, {n}) — модель обучена на {n} признаках, получена форма {X.shape}")
    A = X if mean is None else (X - mean) / std
    f = _ACTIVATIONS[activation]
    for index, (W, b) in enumerate(layers):
        A = A @ W + b
        if index < len(layers) - 1:
            A = f(A)
    return np.argmax(A, axis=1).astype(np.int64)
