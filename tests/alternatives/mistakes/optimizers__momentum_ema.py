# expect: momentum_step:momentum_ema
"""An independent typical mistake (momentum_ema): a correct file in another style with one function written wrong."""
import numpy as np


def _pair(w, dw):
    w = np.array(w, dtype=float)
    dw = np.array(dw, dtype=float)
    if w.shape != dw.shape:
        raise ValueError("формы w и dw должны совпадать")
    return w, dw


def sgd_step(w, dw, state=None, lr=1e-2):
    w, dw = _pair(w, dw)
    return w - lr * dw, {}


def momentum_step(w, dw, state=None, lr=1e-2, beta=0.9):
    w, dw = _pair(w, dw)
    u = np.zeros(w.shape) if not state else np.array(state["u"])
    u = beta * u - lr * dw
    return w + u, {"u": u}


def adam_step(w, dw, state=None, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    w, dw = _pair(w, dw)
    t, m, v = (0, np.zeros(w.shape), np.zeros(w.shape)) if state is None else state["tmv"]
    t += 1
    m = m * beta1 + dw * (1 - beta1)
    v = v * beta2 + np.square(dw) * (1 - beta2)
    step = (m / (1 - beta1 ** t)) / (np.sqrt(v / (1 - beta2 ** t)) + eps)
    return w - lr * step, {"tmv": (t, m, v)}


def minimize(grad_fn, w0, method="adam", steps=100, **hyper):
    if method == "sgd":
        rule = sgd_step
    elif method == "momentum":
        rule = momentum_step
    elif method == "adam":
        rule = adam_step
    else:
        raise ValueError(f"неизвестный метод {method}")
    path = [np.array(w0, dtype=float)]
    state = None
    for _ in range(steps):
        w, state = rule(path[-1], grad_fn(path[-1].copy()), state, **hyper)
        path.append(w)
    return np.stack(path)


# ---- the mistake
def momentum_step(w, dw, state=None, lr=1e-2, beta=0.9):
    w, dw = _pair(w, dw)
    u = np.zeros(w.shape) if not state else np.array(state["u"])
    u = beta * u + (1 - beta) * dw
    return w - lr * u, {"u": u}
