# expect: xavier_init:xavier_lecun
"""An independent typical mistake (xavier_lecun): a correct file in another style with one function written wrong."""
import numpy as np


def batchnorm_forward(x, gamma, beta, state=None, training=True, momentum=0.9, eps=1e-5):
    x = np.asarray(x, dtype=float)
    gamma = np.asarray(gamma, dtype=float)
    beta = np.asarray(beta, dtype=float)
    if x.ndim != 2 or gamma.shape != (x.shape[1],) or beta.shape != (x.shape[1],):
        raise ValueError("формы x, gamma и beta не согласованы")
    if state is None:
        state = {"running_mean": np.zeros(x.shape[1]), "running_var": np.ones(x.shape[1])}
    rm, rv = np.asarray(state["running_mean"], float), np.asarray(state["running_var"], float)
    if training:
        mu = np.mean(x, axis=0)
        var = np.mean((x - mu) ** 2, axis=0)
        new_state = {"running_mean": momentum * rm + (1 - momentum) * mu,
                     "running_var": momentum * rv + (1 - momentum) * var}
    else:
        mu, var = rm, rv
        new_state = {"running_mean": rm.copy(), "running_var": rv.copy()}
    xc = x - mu
    std = np.sqrt(var + eps)
    xn = xc / std
    return gamma * xn + beta, (xc, std, gamma, training), new_state


def batchnorm_backward(dout, cache):
    xc, std, gamma, training = cache
    xc, std, gamma = np.asarray(xc), np.asarray(std), np.asarray(gamma)
    dout = np.asarray(dout, dtype=float)
    if dout.shape != xc.shape:
        raise ValueError("dout не той формы")
    m = dout.shape[0]
    xn = xc / std
    dbeta = dout.sum(axis=0)
    dgamma = (dout * xn).sum(axis=0)
    dxn = dout * gamma
    if not training:
        return dxn / std, dgamma, dbeta
    dvar = np.sum(dxn * xc, axis=0) * -0.5 * std ** -3
    dmu = np.sum(-dxn / std, axis=0) + dvar * np.mean(-2.0 * xc, axis=0)
    dx = dxn / std + dvar * 2.0 * xc / m + dmu / m
    return dx, dgamma, dbeta


def _draw(n_in, n_out, seed, distribution, var):
    rng = np.random.default_rng(seed)
    if distribution == "normal":
        return np.sqrt(var) * rng.standard_normal((n_in, n_out))
    if distribution == "uniform":
        a = np.sqrt(3 * var)
        return a * (2 * rng.random((n_in, n_out)) - 1)
    raise ValueError(f"неизвестное распределение {distribution}")


def xavier_init(n_in, n_out, seed=None, distribution="uniform"):
    return _draw(n_in, n_out, seed, distribution, 2 / (n_in + n_out))


def he_init(n_in, n_out, seed=None, distribution="normal"):
    return _draw(n_in, n_out, seed, distribution, 2 / n_in)


def layer_gradient_norms(depth, width, activation, init, seed=0):
    if activation not in ("sigmoid", "tanh", "relu"):
        raise ValueError("неизвестная активация")
    scales = {"small": 0.01, "xavier": (1 / width) ** 0.5, "he": (2 / width) ** 0.5}
    if init not in scales:
        raise ValueError("неизвестная инициализация")
    rng = np.random.default_rng(seed)
    A = rng.standard_normal((100, width))
    Ws = [scales[init] * rng.standard_normal((width, width)) for _ in range(depth)]
    tape = []
    for W in Ws:
        Z = A @ W
        if activation == "sigmoid":
            out = 0.5 * (1 + np.tanh(Z / 2))
            d = out * (1 - out)
        elif activation == "tanh":
            out = np.tanh(Z)
            d = 1 - out ** 2
        else:
            out = np.maximum(Z, 0)
            d = (Z > 0) * 1.0
        tape.append((A, d))
        A = out
    grad = np.ones_like(A) / A.size
    result = []
    for W, (A_prev, d) in zip(reversed(Ws), reversed(tape)):
        dZ = grad * d
        result.append(np.linalg.norm(A_prev.T @ dZ))
        grad = dZ @ W.T
    return result[::-1]


# ---- the mistake
def xavier_init(n_in, n_out, seed=None, distribution="uniform"):
    return _draw(n_out, n_in, seed, distribution, 1 / n_in).T.copy()
