"""A correct 08 written from the statement in another style: two hidden tanh layers with Xavier
initialization, Adam over a dict of parameters, and a predict that walks the layers by name."""
import numpy as np


def _layers(model):
    names = sorted((k for k in model if k.startswith("W")), key=lambda k: int(k[1:]))
    return [(model[w], model["b" + w[1:]]) for w in names]


def _forward(model, X):
    acts = {"relu": lambda z: np.maximum(z, 0.0), "tanh": np.tanh,
            "sigmoid": lambda z: 0.5 * (1 + np.tanh(z / 2))}
    f = acts[model.get("activation", "relu")]
    A = X if "mean" not in model else (X - model["mean"]) / model["std"]
    layers = _layers(model)
    for i, (W, b) in enumerate(layers):
        A = A @ W + b
        if i + 1 < len(layers):
            A = f(A)
    return A


def train_classifier(X, y, hidden=64, epochs=200, lr=1e-3, batch_size=64, seed=0):
    X, y = np.asarray(X, float), np.asarray(y)
    if y.shape != (X.shape[0],):
        raise ValueError("y должен содержать по метке на каждую строку X")
    y = y.astype(int)
    rng = np.random.default_rng(seed)
    k = int(y.max()) + 1
    sizes = [X.shape[1], hidden, hidden, k]
    model = {"activation": "tanh", "mean": X.mean(axis=0), "std": X.std(axis=0) + 1e-9}
    for i in range(3):
        limit = np.sqrt(6.0 / (sizes[i] + sizes[i + 1]))
        model[f"W{i + 1}"] = rng.uniform(-limit, limit, (sizes[i], sizes[i + 1]))
        model[f"b{i + 1}"] = np.zeros(sizes[i + 1])
    keys = [f"{p}{i}" for i in (1, 2, 3) for p in "Wb"]
    m = {key: 0.0 for key in keys}
    v = {key: 0.0 for key in keys}
    t = 0
    for _ in range(epochs):
        for batch in np.array_split(rng.permutation(len(y)), max(1, int(np.ceil(len(y) / batch_size)))):
            A0 = (X[batch] - model["mean"]) / model["std"]
            A1 = np.tanh(A0 @ model["W1"] + model["b1"])
            A2 = np.tanh(A1 @ model["W2"] + model["b2"])
            Z = A2 @ model["W3"] + model["b3"]
            P = np.exp(Z - Z.max(axis=1, keepdims=True))
            P /= P.sum(axis=1, keepdims=True)
            P[np.arange(len(batch)), y[batch]] -= 1.0
            d3 = P / len(batch)
            d2 = (d3 @ model["W3"].T) * (1 - A2 ** 2)
            d1 = (d2 @ model["W2"].T) * (1 - A1 ** 2)
            grads = {"W3": A2.T @ d3, "b3": d3.sum(0), "W2": A1.T @ d2, "b2": d2.sum(0),
                     "W1": A0.T @ d1, "b1": d1.sum(0)}
            t += 1
            for key in keys:
                m[key] = 0.9 * m[key] + 0.1 * grads[key]
                v[key] = 0.999 * v[key] + 0.001 * grads[key] ** 2
                model[key] = model[key] - lr * (m[key] / (1 - 0.9 ** t)) / (np.sqrt(v[key] / (1 - 0.999 ** t)) + 1e-8)
    return model


def predict(model, X):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[1] != np.shape(model["W1"])[0]:
        raise ValueError("число признаков X не совпадает с моделью")
    return np.argmax(_forward(model, X), axis=1)
