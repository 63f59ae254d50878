"""Reference solution for 01_neuron (Анатомия нейрона).

Self-contained on purpose: a student's submission for this assignment is this one file.
"""
import numpy as np

ACTIVATIONS = ("identity", "step", "sigmoid", "relu", "tanh")

# One working choice per gate for neuron(x, w, b, "step") with step(z) = 1 if z >= 0.
# Thresholds sit halfway between the integer sums so z is never exactly 0 on {0,1}^2.
_GATES = {
    "and": ((1.0, 1.0), -1.5),     # fires only when x1 + x2 = 2
    "or": ((1.0, 1.0), -0.5),      # fires when x1 + x2 >= 1
    "nand": ((-1.0, -1.0), 1.5),   # negation of "and"
    "not_x1": ((-1.0, 0.0), 0.5),  # fires only when x1 = 0
}


def _as_float_array(a, name):
    try:
        return np.asarray(a, dtype=np.float64)
    except (TypeError, ValueError):
        raise ValueError(f"Аргумент {name} должен быть числом или числовым массивом") from None


def _check_inputs(x, w, b):
    x = _as_float_array(x, "x")
    w = _as_float_array(w, "w")
    b = _as_float_array(b, "b")
    if w.ndim != 1:
        raise ValueError(f"w должен быть одномерным массивом формы (n,), получена форма {w.shape}")
    if x.ndim not in (1, 2):
        raise ValueError(f"x должен иметь форму (n,) или (m, n), получена форма {x.shape}")
    if x.shape[-1] != w.shape[0]:
        raise ValueError(
            f"Несовместимые формы: x {x.shape} и w {w.shape} — "
            f"последняя ось x должна совпадать с длиной w ({w.shape[0]})"
        )
    if b.ndim != 0:
        raise ValueError(f"b должен быть числом (скаляром), получена форма {b.shape}")
    return x, w, b


def _sigmoid(z):
    # Stable: exp is only ever taken of -|z| <= 0, so it cannot overflow.
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def _activate(z, activation):
    if activation == "identity":
        return z
    if activation == "step":
        return np.where(z >= 0, 1.0, 0.0)
    if activation == "sigmoid":
        return _sigmoid(z)
    if activation == "relu":
        return np.maximum(z, 0.0)
    if activation == "tanh":
        return np.tanh(z)
    raise ValueError(f"Неизвестная активация {activation!r}: допустимы {', '.join(ACTIVATIONS)}")


def weighted_sum(x, w, b):
    """Weighted sum of a neuron: z = sum_i x_i * w_i + b.

    x of shape (n,) -> Python float; x of shape (m, n) -> array (m,).
    """
    x, w, b = _check_inputs(x, w, b)
    z = x @ w + b
    return float(z) if x.ndim == 1 else z


def neuron(x, w, b, activation="sigmoid"):
    """Single neuron: y = act(z), z = sum_i x_i * w_i + b.

    activation in {"identity", "step", "sigmoid", "relu", "tanh"};
    step(z) = 1.0 if z >= 0 else 0.0. Same output shapes as weighted_sum.
    """
    if activation not in ACTIVATIONS:  # validate before any computation
        raise ValueError(f"Неизвестная активация {activation!r}: допустимы {', '.join(ACTIVATIONS)}")
    x, w, b = _check_inputs(x, w, b)
    y = _activate(x @ w + b, activation)
    return float(y) if x.ndim == 1 else y


def dense_forward(X, W, b):
    """Fully connected layer: Z = X @ W + b.

    X (m, n_in), W (n_in, n_out), b (n_out,) -> Z (m, n_out).
    """
    X = _as_float_array(X, "X")
    W = _as_float_array(W, "W")
    b = _as_float_array(b, "b")
    if X.ndim != 2 or W.ndim != 2 or b.ndim != 1:
        raise ValueError(
            f"Ожидаются X формы (m, n_in), W формы (n_in, n_out), b формы (n_out,); "
            f"получены X {X.shape}, W {W.shape}, b {b.shape}"
        )
    if X.shape[1] != W.shape[0]:
        raise ValueError(f"Несовместимые формы: X {X.shape} и W {W.shape} — X.shape[1] должно равняться W.shape[0]")
    if b.shape[0] != W.shape[1]:
        raise ValueError(f"Несовместимые формы: W {W.shape} и b {b.shape} — длина b должна равняться W.shape[1]")
    return X @ W + b


def gate_weights(gate):
    """Weights (w, b), w of shape (2,), such that neuron(x, w, b, "step") computes the gate.

    step(w . x + b) with x in {0,1}^2; gate in {"and", "or", "nand", "not_x1"}.
    XOR is not linearly separable, so no single neuron computes it -> ValueError.
    """
    if gate == "xor":
        raise ValueError(
            "Вентиль 'xor' нельзя реализовать одним нейроном: XOR не является линейно разделимой "
            "функцией — никакая прямая не отделяет точки (0,1), (1,0) от (0,0), (1,1). "
            "Нужен хотя бы один скрытый слой. Допустимы: and, or, nand, not_x1"
        )
    if gate not in _GATES:
        raise ValueError(f"Неизвестный вентиль {gate!r}: допустимы {', '.join(_GATES)}")
    w, b = _GATES[gate]
    return np.array(w, dtype=np.float64), float(b)


# ---- typical mistake gate_weights:gate_weights_threshold_on_boundary

import types as _types
ref = _types.SimpleNamespace(**{k: v for k, v in dict(globals()).items() if callable(v)})

import numpy as np

def gate_weights(gate):
    if gate == "and":
        return np.array([1.0, 1.0]), -1.0
    return ref.gate_weights(gate)
