"""Reference solution for 07_normalization (Нормализация и инициализация)."""
import numpy as np

_ACTIVATIONS = ("sigmoid", "tanh", "relu")
_INITS = ("small", "xavier", "he")
_DISTRIBUTIONS = ("uniform", "normal")
_BATCH = 64  # batch size of the random input in layer_gradient_norms


def _as_float_array(a, name):
    try:
        return np.asarray(a, dtype=np.float64)
    except (TypeError, ValueError):
        raise ValueError(f"Аргумент {name} должен быть числом или числовым массивом") from None


def batchnorm_forward(x, gamma, beta, state=None, training=True, momentum=0.9, eps=1e-5):
    """Batch normalization over the batch axis of x (m, d). Returns (out, cache, state).

    training: mu = mean_i x_i, var = mean_i (x_i - mu)^2 (biased), x_hat = (x - mu) / sqrt(var + eps),
              out = gamma * x_hat + beta,
              running_mean <- momentum * running_mean + (1 - momentum) * mu   (same for var).
    eval:     x_hat = (x - running_mean) / sqrt(running_var + eps); state returned unchanged.
    state: dict with running_mean (zeros) and running_var (ones) of shape (d,); a new dict is
    returned, the passed one is not modified. cache: dict of plain arrays for batchnorm_backward.
    """
    x = _as_float_array(x, "x")
    gamma = _as_float_array(gamma, "gamma")
    beta = _as_float_array(beta, "beta")
    if x.ndim != 2 or x.shape[0] == 0:
        raise ValueError(f"x должен иметь форму (m, d) с m >= 1, получена форма {x.shape}")
    d = x.shape[1]
    if gamma.shape != (d,) or beta.shape != (d,):
        raise ValueError(f"gamma и beta должны иметь форму ({d},), получены {gamma.shape} и {beta.shape}")
    if not 0 <= momentum <= 1:
        raise ValueError(f"momentum должен лежать в [0, 1], получено {momentum!r}")
    if not eps > 0:
        raise ValueError(f"eps должен быть положительным, получено {eps!r}")
    if state is None:
        running_mean, running_var = np.zeros(d), np.ones(d)
    else:
        if not isinstance(state, dict) or "running_mean" not in state or "running_var" not in state:
            raise ValueError("state должен быть None или словарём с ключами running_mean и running_var")
        running_mean = _as_float_array(state["running_mean"], "running_mean")
        running_var = _as_float_array(state["running_var"], "running_var")
        if running_mean.shape != (d,) or running_var.shape != (d,):
            raise ValueError(f"running_mean и running_var должны иметь форму ({d},)")

    if training:
        mu = x.mean(axis=0)
        var = x.var(axis=0)  # biased (ddof=0), as in the forward normalization
        new_state = {
            "running_mean": momentum * running_mean + (1.0 - momentum) * mu,
            "running_var": momentum * running_var + (1.0 - momentum) * var,
        }
    else:
        mu, var = running_mean, running_var
        new_state = {"running_mean": running_mean.copy(), "running_var": running_var.copy()}
    inv_std = 1.0 / np.sqrt(var + eps)
    x_hat = (x - mu) * inv_std
    out = gamma * x_hat + beta
    cache = {"x_hat": x_hat, "gamma": gamma.copy(), "inv_std": inv_std, "training": bool(training)}
    return out, cache, new_state


def batchnorm_backward(dout, cache):
    """Backward of batchnorm_forward. Returns (dx, dgamma, dbeta).

    dbeta = sum_i dout_i;  dgamma = sum_i dout_i * x_hat_i;
    training (batch statistics depend on x):
        dx = gamma * inv_std / m * (m * dout - dbeta - x_hat * dgamma)
    eval (running statistics are constants): dx = dout * gamma * inv_std.
    """
    if not isinstance(cache, dict) or not {"x_hat", "gamma", "inv_std", "training"} <= set(cache):
        raise ValueError("cache должен быть словарём, который вернул batchnorm_forward")
    dout = _as_float_array(dout, "dout")
    x_hat, gamma, inv_std = (_as_float_array(cache[k], k) for k in ("x_hat", "gamma", "inv_std"))
    if dout.shape != x_hat.shape:
        raise ValueError(f"Несовместимые формы: dout {dout.shape}, а выход прямого прохода имел форму {x_hat.shape}")
    dbeta = dout.sum(axis=0)
    dgamma = (dout * x_hat).sum(axis=0)
    if cache["training"]:
        m = dout.shape[0]
        dx = (gamma * inv_std / m) * (m * dout - dbeta - x_hat * dgamma)
    else:
        dx = dout * gamma * inv_std
    return dx, dgamma, dbeta


def _check_dims(n_in, n_out):
    for name, n in (("n_in", n_in), ("n_out", n_out)):
        if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
            raise ValueError(f"{name} должно быть целым положительным числом, получено {n!r}")


def _init(n_in, n_out, seed, distribution, var):
    _check_dims(n_in, n_out)
    if distribution not in _DISTRIBUTIONS:
        raise ValueError(f"Неизвестное распределение {distribution!r}: допустимы {', '.join(_DISTRIBUTIONS)}")
    rng = np.random.default_rng(seed)
    if distribution == "normal":
        return rng.normal(0.0, np.sqrt(var), size=(n_in, n_out))
    limit = np.sqrt(3.0 * var)  # Var(U(-a, a)) = a^2 / 3
    return rng.uniform(-limit, limit, size=(n_in, n_out))


def xavier_init(n_in, n_out, seed=None, distribution="uniform"):
    """Xavier/Glorot init, shape (n_in, n_out), Var = 2 / (n_in + n_out).

    uniform: U(-a, a) with a = sqrt(6 / (n_in + n_out));  normal: N(0, 2 / (n_in + n_out)).
    """
    _check_dims(n_in, n_out)
    return _init(n_in, n_out, seed, distribution, 2.0 / (n_in + n_out))


def he_init(n_in, n_out, seed=None, distribution="normal"):
    """He/Kaiming init for ReLU, shape (n_in, n_out), Var = 2 / n_in.

    normal: N(0, 2 / n_in);  uniform: U(-a, a) with a = sqrt(6 / n_in).
    """
    _check_dims(n_in, n_out)
    return _init(n_in, n_out, seed, distribution, 2.0 / n_in)


def _act(z, activation):
    """Returns (a, da/dz)."""
    if activation == "sigmoid":
        e = np.exp(-np.abs(z))
        s = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
        return s, s * (1.0 - s)
    if activation == "tanh":
        t = np.tanh(z)
        return t, 1.0 - t * t
    return np.maximum(z, 0.0), (z > 0).astype(np.float64)


def layer_gradient_norms(depth, width, activation, init, seed=0):
    """Frobenius norms ||dL/dW_l|| of a random deep MLP, first layer first (list of `depth` floats).

    Net: A_0 = X (64 x width, standard normal), A_l = act(A_{l-1} W_l + b_l), b_l = 0,
    W_l (width x width) drawn with `init`: "small" N(0, 0.01^2), "xavier" N(0, 2/(2 width)),
    "he" N(0, 2/width). Loss L = mean of all entries of A_depth.
    Backward: dA_depth = 1 / (64 * width), dZ_l = dA_l * act'(Z_l),
    dW_l = A_{l-1}^T dZ_l, dA_{l-1} = dZ_l W_l^T.
    With sigmoid and "small" init each layer multiplies the gradient by about
    0.25 * 0.01 * sqrt(width) << 1, so early layers get vanishing gradients.
    """
    for name, n in (("depth", depth), ("width", width)):
        if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
            raise ValueError(f"{name} должно быть целым положительным числом, получено {n!r}")
    if activation not in _ACTIVATIONS:
        raise ValueError(f"Неизвестная активация {activation!r}: допустимы {', '.join(_ACTIVATIONS)}")
    if init not in _INITS:
        raise ValueError(f"Неизвестная инициализация {init!r}: допустимы {', '.join(_INITS)}")
    std = {"small": 0.01, "xavier": np.sqrt(2.0 / (2 * width)), "he": np.sqrt(2.0 / width)}[init]
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((_BATCH, width))
    Ws = [rng.normal(0.0, std, size=(width, width)) for _ in range(depth)]

    inputs, derivs = [], []
    A = X
    for W in Ws:
        inputs.append(A)
        A, dA_dZ = _act(A @ W, activation)
        derivs.append(dA_dZ)

    dA = np.full(A.shape, 1.0 / A.size)
    norms = [0.0] * depth
    for layer in reversed(range(depth)):
        dZ = dA * derivs[layer]
        norms[layer] = float(np.linalg.norm(inputs[layer].T @ dZ))
        dA = dZ @ Ws[layer].T
    return norms


# ---- typical mistake batchnorm_forward:batchnorm_unbiased_var

import types as _types
ref = _types.SimpleNamespace(**{k: v for k, v in dict(globals()).items() if not k.startswith('__')})

import numpy as np

def _bn(x, gamma, beta, state, training, momentum, eps, *, ddof=0, swap=False, eps_outside=False,
        eval_batch=False, running_ddof=0, axis=0, update=True):
    ref.batchnorm_forward(x, gamma, beta, state, training, momentum, eps)  # the reference's ValueErrors
    x = np.asarray(x, dtype=float)
    gamma = np.asarray(gamma, dtype=float)
    beta = np.asarray(beta, dtype=float)
    d = x.shape[1]
    rm = np.zeros(d) if state is None else np.asarray(state["running_mean"], dtype=float)
    rv = np.ones(d) if state is None else np.asarray(state["running_var"], dtype=float)
    if training or eval_batch:
        mu, var = x.mean(axis=axis, keepdims=True), x.var(axis=axis, ddof=ddof, keepdims=True)
        run_var = x.var(axis=0, ddof=running_ddof)
        a, b = (1 - momentum, momentum) if swap else (momentum, 1 - momentum)
        new = {"running_mean": a * rm + b * x.mean(axis=0), "running_var": a * rv + b * run_var}
        if not training or not update:
            new = {"running_mean": rm.copy(), "running_var": rv.copy()}
    else:
        mu, var = rm, rv
        new = {"running_mean": rm.copy(), "running_var": rv.copy()}
    std = np.sqrt(var) + eps if eps_outside else np.sqrt(var + eps)
    x_hat = (x - mu) / std
    inv_std = np.broadcast_to(1.0 / std, x.shape)[0].copy() if axis == 0 else 1.0 / std
    cache = {"x_hat": x_hat, "gamma": gamma.copy(), "inv_std": inv_std, "training": bool(training)}
    return gamma * x_hat + beta, cache, new

def _lgn(depth, width, activation, init, seed, *, small_std=0.01, use_derivative=True, last_linear=False,
         norm_of="dW"):
    ref.layer_gradient_norms(1, 1, activation, init, seed=seed)  # the reference's ValueErrors
    std = {"small": small_std, "xavier": np.sqrt(1.0 / width), "he": np.sqrt(2.0 / width)}[init]
    rng = np.random.default_rng(seed)
    A = rng.standard_normal((64, width))
    Ws = [rng.normal(0.0, std, size=(width, width)) for _ in range(depth)]
    acts, derivs = [], []
    for index, W in enumerate(Ws):
        acts.append(A)
        Z = A @ W
        if last_linear and index == depth - 1:
            A = Z
            derivs.append(np.ones_like(Z))
        elif activation == "sigmoid":
            A = 1.0 / (1.0 + np.exp(-Z))
            derivs.append(A * (1 - A))
        elif activation == "tanh":
            A = np.tanh(Z)
            derivs.append(1 - A**2)
        else:
            A = np.maximum(Z, 0.0)
            derivs.append((Z > 0).astype(float))
    dA = np.full(A.shape, 1.0 / A.size)
    norms = [0.0] * depth
    for layer in reversed(range(depth)):
        dZ = dA * derivs[layer] if use_derivative else dA
        norms[layer] = float(np.linalg.norm(acts[layer].T @ dZ if norm_of == "dW" else dA))
        dA = dZ @ Ws[layer].T
    return norms

def _m_init_view(result, var_expected):
    w = np.asarray(result)
    view = {"shape": w.shape, "kind": w.dtype.kind}
    if w.dtype.kind != "f" or w.size < 2000 or not np.all(np.isfinite(w)):
        return view
    ratio = float(w.var()) / var_expected
    view["variance"] = round(ratio * 12) / 12 if ratio > 0.05 else round(float(np.log10(max(ratio, 1e-300))))
    centered = w - w.mean()
    kurtosis = float(np.mean(centered**4) / max(np.mean(centered**2) ** 2, 1e-300)) - 3.0
    view["distribution"] = "normal" if kurtosis > -0.6 else "uniform"
    return view

def _view_xavier_init(result, n_in, n_out, seed=None, distribution="uniform"):
    return _m_init_view(result, 2.0 / (n_in + n_out))

def _view_he_init(result, n_in, n_out, seed=None, distribution="normal"):
    return _m_init_view(result, 2.0 / n_in)

def _view_layer_gradient_norms(result, depth, width, activation, init, seed=0):
    """Only what the statement fixes up to noise: with sigmoid and "small" the last norm (about 0.125)
    and the per-layer factor, with relu + he and tanh + xavier whether the norms stay flat."""
    try:
        norms = np.asarray(result, dtype=np.float64)
    except (TypeError, ValueError):
        return ("not numbers",)
    view = {"shape": norms.shape}
    if norms.ndim != 1 or norms.size == 0 or not np.all(np.isfinite(norms)) or not np.all(norms > 0):
        return view
    per_layer = float(np.mean(np.log10(norms[1:-1] / norms[2:]))) if norms.size >= 3 else None
    if (activation, init) == ("sigmoid", "small"):
        view["last"] = round(2 * float(np.log10(norms[-1]))) / 2  # half orders of magnitude
        if per_layer is not None:
            view["per_layer"] = round(2 * per_layer) / 2
            view["increasing"] = bool(np.all(np.diff(norms) > 0))
    elif (activation, init) in (("relu", "he"), ("tanh", "xavier")) and per_layer is not None:
        view["flat"] = abs(per_layer) < 0.3
    return view

def _view_batchnorm_forward(result, *args, **kwargs):
    """out and state; the cache is the student's own format and is not compared."""
    if not isinstance(result, (tuple, list)) or len(result) != 3:
        return ("not a triple", type(result).__name__)
    return (result[0], result[2])

OBSERVABLES = {"batchnorm_forward": _view_batchnorm_forward, "xavier_init": _view_xavier_init, "he_init": _view_he_init,
               "layer_gradient_norms": _view_layer_gradient_norms}

def batchnorm_forward(x, gamma, beta, state=None, training=True, momentum=0.9, eps=1e-5):
    return _bn(x, gamma, beta, state, training, momentum, eps, ddof=1, running_ddof=1)
