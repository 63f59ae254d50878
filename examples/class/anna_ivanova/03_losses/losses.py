"""Reference solution for 03_losses (Функции потерь).

Every loss returns a Python float: the mean over the batch (MSE and the binary losses: over
all N elements). Gradients are w.r.t. the prediction argument and include the 1/N factor.
The logit-based losses never exponentiate a positive number, so |z| up to 1e4 is safe.
"""
import numpy as np


def _as_float_array(a, name):
    try:
        return np.asarray(a, dtype=np.float64)
    except (TypeError, ValueError):
        raise ValueError(f"Аргумент {name} должен быть числом или числовым массивом") from None


def _same_shape(y_true, y_pred, name_true, name_pred):
    y_true = _as_float_array(y_true, name_true)
    y_pred = _as_float_array(y_pred, name_pred)
    # No silent broadcasting: (m,) against (m, 1) would produce an (m, m) matrix of errors.
    if y_true.shape != y_pred.shape:
        raise ValueError(
            f"Несовместимые формы: {name_true} {y_true.shape} и {name_pred} {y_pred.shape} — формы должны совпадать"
        )
    if y_true.size == 0:
        raise ValueError("Пустой массив: функция потерь не определена для нуля примеров")
    return y_true, y_pred


def _check_eps(eps):
    if not 0.0 < eps < 0.5:
        raise ValueError(f"eps должен лежать в интервале (0, 0.5), получено {eps!r}")


def _labels(y, m, k, name="y"):
    """Integer labels (m,) in [0, k); float arrays with integer values are accepted too."""
    y = np.asarray(y)
    if y.shape != (m,):
        raise ValueError(f"Метки {name} должны иметь форму ({m},), получена форма {y.shape}")
    if y.dtype.kind not in "iub":
        if y.dtype.kind != "f" or not np.all(np.isfinite(y)) or not np.all(y == np.round(y)):
            raise ValueError(f"Метки {name} должны быть целыми числами от 0 до {k - 1}")
    y = y.astype(np.int64)
    if m and (y.min() < 0 or y.max() >= k):
        raise ValueError(f"Метки {name} должны лежать в диапазоне от 0 до {k - 1}, получены значения от {y.min()} до {y.max()}")
    return y


def _sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def mse(y_true, y_pred):
    """Mean squared error over all N elements: L = (1/N) * sum (y_pred - y_true)^2."""
    y_true, y_pred = _same_shape(y_true, y_pred, "y_true", "y_pred")
    return float(np.mean((y_pred - y_true) ** 2))


def mse_grad(y_true, y_pred):
    """Gradient of MSE w.r.t. y_pred: dL/dy_pred = 2 (y_pred - y_true) / N."""
    y_true, y_pred = _same_shape(y_true, y_pred, "y_true", "y_pred")
    return 2.0 * (y_pred - y_true) / y_pred.size


def binary_cross_entropy(y_true, p, eps=1e-12):
    """Binary cross-entropy: L = -(1/N) * sum [y log p + (1 - y) log(1 - p)], p clipped to [eps, 1-eps]."""
    _check_eps(eps)
    y, p = _same_shape(y_true, p, "y_true", "p")
    p = np.clip(p, eps, 1.0 - eps)
    return float(-np.mean(y * np.log(p) + (1.0 - y) * np.log1p(-p)))


def binary_cross_entropy_grad(y_true, p, eps=1e-12):
    """Gradient of BCE w.r.t. p: dL/dp = (-(y / p) + (1 - y) / (1 - p)) / N, p clipped to [eps, 1-eps].

    The formula is evaluated at the clipped p (so it stays finite at p = 0 or 1).
    """
    _check_eps(eps)
    y, p = _same_shape(y_true, p, "y_true", "p")
    p = np.clip(p, eps, 1.0 - eps)
    return (-(y / p) + (1.0 - y) / (1.0 - p)) / p.size


def bce_with_logits(y_true, z):
    """BCE on logits: L = (1/N) * sum [max(z, 0) - z*y + log(1 + exp(-|z|))].

    Equal to binary_cross_entropy(y, sigmoid(z)) but never computes exp of a positive
    number, so it is exact and warning-free for |z| up to 1e4.
    """
    y, z = _same_shape(y_true, z, "y_true", "z")
    return float(np.mean(np.maximum(z, 0.0) - z * y + np.log1p(np.exp(-np.abs(z)))))


def bce_with_logits_grad(y_true, z):
    """Gradient of bce_with_logits w.r.t. z: dL/dz = (sigmoid(z) - y) / N."""
    y, z = _same_shape(y_true, z, "y_true", "z")
    return (_sigmoid(z) - y) / z.size


def categorical_cross_entropy(y_true, p, eps=1e-12):
    """Categorical cross-entropy: L = -(1/m) * sum_i sum_c y_ic log p_ic, p clipped to [eps, 1].

    y_true: one-hot (or soft) targets of shape (m, k), or integer labels of shape (m,),
    in which case L = -(1/m) * sum_i log p[i, y_i]. p: probabilities of shape (m, k).
    """
    _check_eps(eps)
    p = _as_float_array(p, "p")
    if p.ndim != 2 or p.shape[0] == 0 or p.shape[1] == 0:
        raise ValueError(f"p должен иметь форму (m, k) с m, k >= 1, получена форма {p.shape}")
    m, k = p.shape
    logp = np.log(np.clip(p, eps, 1.0))
    y = np.asarray(y_true)
    if y.ndim == 1:
        labels = _labels(y, m, k, "y_true")
        return float(-np.mean(logp[np.arange(m), labels]))
    y = _as_float_array(y, "y_true")
    if y.shape != p.shape:
        raise ValueError(
            f"Несовместимые формы: y_true {y.shape} и p {p.shape} — y_true должен быть one-hot формы {p.shape} "
            f"или целыми метками формы ({m},)"
        )
    return float(-np.sum(y * logp) / m)


def softmax_cross_entropy(logits, y):
    """Softmax + cross-entropy on logits (m, k) with integer labels y (m,).

    log softmax(z)_c = z_c - max(z) - log sum_j exp(z_j - max(z))   (stable log-sum-exp)
    L = -(1/m) * sum_i log softmax(z_i)[y_i];  dL/dz = (softmax(z) - onehot(y)) / m.
    Returns (loss: float, dlogits: array (m, k)).
    """
    z = _as_float_array(logits, "logits")
    if z.ndim != 2 or z.shape[0] == 0 or z.shape[1] == 0:
        raise ValueError(f"logits должны иметь форму (m, k) с m, k >= 1, получена форма {z.shape}")
    m, k = z.shape
    labels = _labels(y, m, k)
    shifted = z - z.max(axis=1, keepdims=True)
    logp = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
    rows = np.arange(m)
    loss = float(-np.mean(logp[rows, labels]))
    dlogits = np.exp(logp)
    dlogits[rows, labels] -= 1.0
    return loss, dlogits / m
