"""Reference solution for 06_regularization (Борьба с переобучением)."""
import math

import numpy as np


def _as_float_array(a, name):
    try:
        return np.asarray(a, dtype=np.float64)
    except (TypeError, ValueError):
        raise ValueError(f"Аргумент {name} должен быть числом или числовым массивом") from None


def _check_p(p):
    if isinstance(p, bool) or not isinstance(p, (int, float, np.integer, np.floating)) or not 0 <= p < 1:
        raise ValueError(f"Вероятность выключения p должна лежать в [0, 1), получено {p!r}")


def _check_lam(lam):
    if isinstance(lam, bool) or not isinstance(lam, (int, float, np.integer, np.floating)) or not lam >= 0:
        raise ValueError(f"Коэффициент регуляризации lam должен быть неотрицательным числом, получено {lam!r}")


def dropout_forward(x, p, training=True, seed=None):
    """Inverted dropout: mask_i ~ Bernoulli(1 - p) (True = kept), out = x * mask / (1 - p).

    E[out] = x, so nothing changes at inference. Uses np.random.default_rng(seed).
    p = 0 gives out == x and an all-True mask. training=False returns (x, None).
    """
    _check_p(p)
    x = np.array(x, dtype=np.float64)  # copy: the output never aliases the input
    if not training:
        return x, None
    mask = np.random.default_rng(seed).random(x.shape) >= p  # P(keep) = 1 - p
    return x * mask / (1.0 - p), mask


def dropout_backward(dout, mask, p):
    """Backward of inverted dropout: dx = dout * mask / (1 - p).

    mask=None (what eval-mode forward returns) means identity: dx = dout.
    """
    _check_p(p)
    dout = _as_float_array(dout, "dout")
    if mask is None:
        return dout.copy()
    mask = np.asarray(mask)
    if mask.shape != dout.shape:
        raise ValueError(f"Несовместимые формы: dout {dout.shape} и mask {mask.shape} — формы должны совпадать")
    return dout * mask.astype(bool) / (1.0 - p)


def _weight_list(weights):
    # A single array is treated as a one-element list.
    if isinstance(weights, np.ndarray):
        return [weights]
    return [_as_float_array(w, "weights") for w in weights]


def l2_penalty(weights, lam):
    """L2 penalty over a list of arrays: lam / 2 * sum_W ||W||_F^2 (a float)."""
    _check_lam(lam)
    return float(lam / 2.0 * math.fsum(float(np.sum(np.square(w))) for w in _weight_list(weights)))


def l2_grad(w, lam):
    """Gradient of (lam/2) ||w||^2 w.r.t. w: lam * w."""
    _check_lam(lam)
    return lam * _as_float_array(w, "w")


def l1_penalty(weights, lam):
    """L1 penalty over a list of arrays: lam * sum_W sum |W_ij| (a float)."""
    _check_lam(lam)
    return float(lam * math.fsum(float(np.sum(np.abs(w))) for w in _weight_list(weights)))


def l1_grad(w, lam):
    """(Sub)gradient of lam * |w|_1: lam * sign(w), with 0 at w = 0."""
    _check_lam(lam)
    return lam * np.sign(_as_float_array(w, "w"))


def early_stopping(val_losses, patience=5, min_delta=0.0):
    """Early stopping on a validation-loss history. Returns (stop_epoch, best_epoch).

    Epochs are 0-based indices into val_losses. best starts at +inf, so epoch 0 always
    improves. Epoch i improves when val_losses[i] < best - min_delta; then best = val_losses[i]
    and best_epoch = i (a gain smaller than min_delta is NOT an improvement and does not
    move best). Training stops at the first epoch that is `patience` epochs after the last
    improvement: stop_epoch = best_epoch + patience if that index exists, else None.
    Nothing after the stop epoch is looked at.

    Example: [5, 4, 3, 3.5, 3.6, 3.7, 3.8, 3.9], patience=3 -> improvements at 0, 1, 2;
    epochs 3, 4, 5 do not improve; 5 = 2 + 3 -> (5, 2). With patience=6 the stop would be
    epoch 8, which does not exist -> (None, 2).
    """
    if isinstance(patience, bool) or not isinstance(patience, (int, np.integer)) or patience < 1:
        raise ValueError(f"patience должно быть целым числом >= 1, получено {patience!r}")
    if not min_delta >= 0:
        raise ValueError(f"min_delta должно быть неотрицательным, получено {min_delta!r}")
    losses = _as_float_array(val_losses, "val_losses")
    if losses.ndim != 1 or losses.size == 0:
        raise ValueError("val_losses должен быть непустым списком чисел (потери на валидации по эпохам)")
    best, best_epoch = math.inf, None
    for epoch, loss in enumerate(losses.tolist()):
        if loss < best - min_delta:  # NaN never improves
            best, best_epoch = loss, epoch
        elif best_epoch is not None and epoch - best_epoch >= patience:
            return epoch, best_epoch
    return None, best_epoch


# ---- typical mistake dropout_forward:dropout_not_inverted

import types as _types
ref = _types.SimpleNamespace(**{k: v for k, v in dict(globals()).items() if not k.startswith('__')})

import math

import numpy as np

def _m_backward_args(dout, mask):
    """dout as floats and mask as booleans, with the reference's shape check."""
    dout = np.asarray(dout, dtype=np.float64)
    mask = np.asarray(mask)
    if mask.shape != dout.shape:
        raise ValueError("формы dout и mask должны совпадать")
    return dout, mask.astype(bool)

def _m_early(val_losses, patience, min_delta, *, strict=True, stop_after=False, use_delta=True,
             versus_previous=False, reset=True, stop_first=False, validate=True):
    """The reference loop with one switch per typical mistake (validation as in the reference)."""
    if validate:
        ref.early_stopping([0.0], patience, min_delta)  # raises the reference's ValueError
    best, best_epoch, previous, waited = math.inf, None, math.inf, 0
    for epoch, loss in enumerate(float(v) for v in val_losses):
        if stop_first and best_epoch is not None and epoch - best_epoch >= patience:
            return epoch, best_epoch
        anchor = previous if versus_previous else best
        delta = min_delta if use_delta else 0.0
        improved = loss <= anchor - delta if not strict else loss < anchor - delta
        previous = loss
        if improved:
            best, best_epoch = loss, epoch
            if reset:
                waited = 0
            continue
        waited += 1
        if (waited > patience) if stop_after else (waited >= patience):
            return epoch, best_epoch
    return None, best_epoch

def _view_dropout_forward(result, x, p, training=True, seed=None):
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        return ("not a pair", type(result).__name__)
    out, mask = result
    x = np.asarray(x, dtype=np.float64)
    try:
        out = np.asarray(out, dtype=np.float64)
    except (TypeError, ValueError):
        return ("out not numeric",)
    if mask is None:
        return {"mask": None, "out_shape": out.shape,
                "out_is_x": out.shape == x.shape and bool(np.allclose(out, x, rtol=1e-9, atol=0)),
                "out_over_x": _m_ratio(out, x, np.ones(x.shape, dtype=bool))}
    mask = np.asarray(mask)
    view = {"mask": mask.dtype.kind, "shape": (out.shape, mask.shape)}
    if mask.shape != x.shape or out.shape != x.shape:
        return view
    kept = mask.astype(bool)
    view["dropped_are_zero"] = bool(np.all(out[~kept] == 0))
    view["kept_scale"] = _m_ratio(out, x, kept)
    if kept.size >= 1000:
        fraction = float(kept.mean())
        labels = {"1-p": 1 - p, "p": p, "all": 1.0, "none": 0.0}
        name, target = min(labels.items(), key=lambda item: abs(item[1] - fraction))
        view["kept_fraction"] = name if abs(target - fraction) < 0.03 else "other"
        if kept.ndim == 2 and kept.shape[0] >= 50:
            view["rows_identical"] = bool(np.all(kept == kept[0]))
    return view

def _m_ratio(out, x, where):
    """The common factor out / x on the chosen entries with x != 0 (6 significant digits), or None."""
    pick = where & (x != 0)
    if not pick.any():
        return None
    return float(f"{float(np.median(out[pick] / x[pick])):.6g}")

OBSERVABLES = {"dropout_forward": _view_dropout_forward}

def dropout_forward(x, p, training=True, seed=None):
    ref._check_p(p)
    x = np.array(x, dtype=float)
    if not training:
        return x, None
    mask = np.random.default_rng(seed).random(x.shape) >= p
    return x * mask, mask
