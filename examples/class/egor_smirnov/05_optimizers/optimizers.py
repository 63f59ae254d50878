"""Reference solution for 05_optimizers (Градиентный спуск и оптимизаторы).

Every rule is `step(w, dw, state=None, **hyper) -> (w_next, state_next)`. The state is a
fresh dict on every call (the passed one and w are never modified), so a caller can keep
old states around, e.g. to replay a trajectory.
"""
import inspect

import numpy as np


def _as_float_array(a, name):
    try:
        return np.asarray(a, dtype=np.float64)
    except (TypeError, ValueError):
        raise ValueError(f"Аргумент {name} должен быть числом или числовым массивом") from None


def _check_w_dw(w, dw):
    w = _as_float_array(w, "w")
    dw = _as_float_array(dw, "dw")
    if w.shape != dw.shape:
        raise ValueError(f"Несовместимые формы: w {w.shape} и dw {dw.shape} — градиент должен иметь форму весов")
    return w, dw


def _check_lr(lr):
    if not lr >= 0:
        raise ValueError(f"Шаг обучения lr должен быть неотрицательным числом, получено {lr!r}")


def _check_beta(name, beta):
    if not 0 <= beta < 1:
        raise ValueError(f"Коэффициент {name} должен лежать в [0, 1), получено {beta!r}")


def _state_array(state, key, shape):
    """state[key] as a float array of `shape`, zeros when there is no state yet."""
    if state is None:
        return np.zeros(shape)
    if not isinstance(state, dict) or key not in state:
        raise ValueError(f"state должен быть None или словарём, который вернул предыдущий шаг (с ключом {key!r})")
    value = _as_float_array(state[key], f"state[{key!r}]")
    if value.shape != shape:
        raise ValueError(f"state[{key!r}] имеет форму {value.shape}, а веса — {shape}")
    return value


def sgd_step(w, dw, state=None, lr=1e-2):
    """Plain gradient descent: w_next = w - lr * dw. Stateless (returns an empty dict)."""
    _check_lr(lr)
    w, dw = _check_w_dw(w, dw)
    return w - lr * dw, {}


def momentum_step(w, dw, state=None, lr=1e-2, beta=0.9):
    """Heavy-ball momentum: v <- beta * v + dw;  w <- w - lr * v  (v starts at 0). State {"v"}."""
    _check_lr(lr)
    _check_beta("beta", beta)
    w, dw = _check_w_dw(w, dw)
    v = beta * _state_array(state, "v", w.shape) + dw
    return w - lr * v, {"v": v}


def adam_step(w, dw, state=None, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    """Adam with bias correction. State {"m", "v", "t"}, starting at zeros and t = 0:

    t <- t + 1;  m <- b1 m + (1 - b1) dw;  v <- b2 v + (1 - b2) dw^2;
    m_hat = m / (1 - b1^t);  v_hat = v / (1 - b2^t);  w <- w - lr * m_hat / (sqrt(v_hat) + eps).
    Thanks to the bias correction the first step is lr * dw / (|dw| + eps) ~ lr * sign(dw).
    """
    _check_lr(lr)
    _check_beta("beta1", beta1)
    _check_beta("beta2", beta2)
    if not eps >= 0:
        raise ValueError(f"eps должен быть неотрицательным, получено {eps!r}")
    w, dw = _check_w_dw(w, dw)
    m = _state_array(state, "m", w.shape)
    v = _state_array(state, "v", w.shape)
    t = 0 if state is None else int(state.get("t", 0))
    t += 1
    m = beta1 * m + (1.0 - beta1) * dw
    v = beta2 * v + (1.0 - beta2) * dw * dw
    m_hat = m / (1.0 - beta1**t)
    v_hat = v / (1.0 - beta2**t)
    return w - lr * m_hat / (np.sqrt(v_hat) + eps), {"m": m, "v": v, "t": t}


def _rules():
    """The update rules by name, looked up when minimize runs: always the rules defined in this file."""
    return {"sgd": sgd_step, "momentum": momentum_step, "adam": adam_step}


def minimize(grad_fn, w0, method="adam", steps=100, **hyper):
    """Run an update rule for `steps` steps from w0: w_{k+1}, s_{k+1} = rule(w_k, grad_fn(w_k), s_k).

    method in {"sgd", "momentum", "adam"}; **hyper go to the rule (e.g. lr=0.1, beta=0.9).
    Returns the trajectory, an array (steps + 1, *w0.shape) whose row 0 is w0.
    """
    rules = _rules()
    if method not in rules:
        raise ValueError(f"Неизвестный метод {method!r}: допустимы {', '.join(rules)}")
    rule = rules[method]
    allowed = [p for p in inspect.signature(rule).parameters if p not in ("w", "dw", "state")]
    unknown = sorted(set(hyper) - set(allowed))
    if unknown:
        raise ValueError(
            f"Неизвестные гиперпараметры для {method!r}: {', '.join(unknown)}; допустимы {', '.join(allowed)}"
        )
    if isinstance(steps, bool) or not isinstance(steps, (int, np.integer)) or steps < 0:
        raise ValueError(f"steps должно быть неотрицательным целым числом, получено {steps!r}")
    if not callable(grad_fn):
        raise ValueError("grad_fn должна быть функцией, возвращающей градиент в точке w")
    w = np.array(w0, dtype=np.float64)  # copy: the caller's w0 stays untouched
    trajectory = np.empty((steps + 1,) + w.shape)
    trajectory[0] = w
    state = None
    for k in range(steps):
        # Hand grad_fn a copy so it cannot alter the stored trajectory.
        dw = _as_float_array(grad_fn(w.copy()), "grad_fn(w)")
        if dw.shape != w.shape:
            raise ValueError(f"grad_fn вернула градиент формы {dw.shape}, а веса имеют форму {w.shape}")
        w, state = rule(w, dw, state, **hyper)
        trajectory[k + 1] = w
    return trajectory


# ---- typical mistake adam_step:adam_no_bias_correction

import types as _types
ref = _types.SimpleNamespace(**{k: v for k, v in dict(globals()).items() if not k.startswith('__')})

import numpy as np

_m_rules = {"sgd": ref.sgd_step, "momentum": ref.momentum_step, "adam": ref.adam_step}

def adam_step(w, dw, state=None, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    w, dw = ref._check_w_dw(w, dw)
    m = np.zeros_like(w) if state is None else state["m"]
    v = np.zeros_like(w) if state is None else state["v"]
    m = beta1 * m + (1 - beta1) * dw
    v = beta2 * v + (1 - beta2) * dw * dw
    return w - lr * m / (np.sqrt(v) + eps), {"m": m, "v": v}
