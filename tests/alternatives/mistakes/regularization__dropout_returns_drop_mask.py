# expect: dropout_forward:dropout_returns_drop_mask
"""An independent typical mistake (dropout_returns_drop_mask): a correct file in another style with one function written wrong."""
import numpy as np


def _p_ok(p):
    if not (0 <= p < 1):
        raise ValueError("p должно быть в [0, 1)")


def dropout_forward(x, p, training=True, seed=None):
    _p_ok(p)
    x = np.asarray(x, dtype=float)
    if not training:
        return x, None
    mask = np.random.default_rng(seed).binomial(1, 1 - p, size=x.shape).astype(bool)
    out = np.zeros_like(x)
    out[mask] = x[mask] / (1 - p)
    return out, mask


def dropout_backward(dout, mask, p):
    _p_ok(p)
    dout = np.asarray(dout, dtype=float)
    if np.shape(mask) != dout.shape:
        raise ValueError("формы dout и mask не совпадают")
    return np.where(mask, dout / (1 - p), 0.0)


def l2_penalty(weights, lam):
    if lam < 0:
        raise ValueError("lam < 0")
    total = 0.0
    for w in weights:
        w = np.asarray(w, dtype=float).ravel()
        total += float(np.vdot(w, w))
    return lam * total / 2


def l2_grad(w, lam):
    if lam < 0:
        raise ValueError("lam < 0")
    return np.multiply(w, lam, dtype=float)


def l1_penalty(weights, lam):
    if lam < 0:
        raise ValueError("lam < 0")
    return float(lam * sum(np.abs(np.asarray(w, dtype=float)).sum() for w in weights))


def l1_grad(w, lam):
    if lam < 0:
        raise ValueError("lam < 0")
    w = np.asarray(w, dtype=float)
    g = np.zeros_like(w)
    g[w > 0] = lam
    g[w < 0] = -lam
    return g


def early_stopping(val_losses, patience=5, min_delta=0.0):
    if not isinstance(patience, int) or patience < 1:
        raise ValueError("patience должно быть целым >= 1")
    if min_delta < 0:
        raise ValueError("min_delta < 0")
    best, best_epoch, bad = float("inf"), 0, 0
    for epoch, loss in enumerate(val_losses):
        if loss < best - min_delta:
            best, best_epoch, bad = loss, epoch, 0
        else:
            bad += 1
            if bad == patience:
                return epoch, best_epoch
    return None, best_epoch


# ---- the mistake
def dropout_forward(x, p, training=True, seed=None):
    _p_ok(p)
    x = np.asarray(x, dtype=float)
    if not training:
        return x, None
    drop = np.random.default_rng(seed).binomial(1, p, size=x.shape).astype(bool)
    return np.where(drop, 0.0, x / (1 - p)), drop
