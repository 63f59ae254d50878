"""Типичные ошибки в задании 07: каждая — небольшая правка эталона и подсказка студенту.

Мутант отличается от эталона только своей ошибкой: недопустимые аргументы он отвергает так же,
как эталон (вызывая его проверки), иначе его подсказка появлялась бы и у файла без проверок.
"""
import numpy as np

from grader.testing import mutant, reference

ref = reference("normalization")


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


@mutant("batchnorm_forward", hint="Похоже, в batchnorm используется несмещённая дисперсия (деление на m − 1). "
        "Batch Normalization нормирует смещённой дисперсией батча — делите на m. Проверьте и батч из одного примера.")
def batchnorm_unbiased_var(x, gamma, beta, state=None, training=True, momentum=0.9, eps=1e-5):
    return _bn(x, gamma, beta, state, training, momentum, eps, ddof=1, running_ddof=1)


@mutant("batchnorm_forward", hint="Похоже, в формуле скользящего среднего перепутаны коэффициенты: старое значение "
        "running-статистики должно умножаться на momentum, а статистика текущего батча — на (1 − momentum).")
def batchnorm_swapped_momentum(x, gamma, beta, state=None, training=True, momentum=0.9, eps=1e-5):
    return _bn(x, gamma, beta, state, training, momentum, eps, swap=True)


@mutant("batchnorm_forward", hint="Похоже, в режиме применения (training=False) нормировка идёт по статистикам "
        "текущего батча. После обучения модель должна работать одинаково для любого батча — для этого "
        "и копятся running_mean и running_var.")
def batchnorm_eval_batch_stats(x, gamma, beta, state=None, training=True, momentum=0.9, eps=1e-5):
    return _bn(x, gamma, beta, state, training, momentum, eps, eval_batch=True)


@mutant("batchnorm_forward", hint="Похоже, eps прибавляется к стандартному отклонению, а не к дисперсии. "
        "По формуле eps стоит под корнем: sqrt(var + eps). Разница особенно заметна у признаков с маленькой дисперсией.")
def batchnorm_eps_outside_sqrt(x, gamma, beta, state=None, training=True, momentum=0.9, eps=1e-5):
    return _bn(x, gamma, beta, state, training, momentum, eps, eps_outside=True)


@mutant("batchnorm_forward", hint="Похоже, в running_var копится несмещённая дисперсия (деление на m − 1), "
        "как в некоторых фреймворках. По условию задания running_var обновляется той же смещённой дисперсией, "
        "что используется для нормировки батча.")
def batchnorm_running_unbiased(x, gamma, beta, state=None, training=True, momentum=0.9, eps=1e-5):
    return _bn(x, gamma, beta, state, training, momentum, eps, running_ddof=1)


@mutant("batchnorm_forward", hint="Похоже, нормировка идёт по строкам (по признакам каждого примера, axis=1), а не по "
        "батчу. Batch Normalization считает среднее и дисперсию каждого признака по всем примерам батча: axis=0.")
def batchnorm_wrong_axis(x, gamma, beta, state=None, training=True, momentum=0.9, eps=1e-5):
    return _bn(x, gamma, beta, state, training, momentum, eps, axis=1)


@mutant("batchnorm_forward", hint="Похоже, в режиме обучения running_mean и running_var не обновляются (state "
        "возвращается прежним). Тогда в режиме применения модель нормирует нулями и единицами, а не статистикой "
        "обучающих батчей.")
def batchnorm_no_running_update(x, gamma, beta, state=None, training=True, momentum=0.9, eps=1e-5):
    return _bn(x, gamma, beta, state, training, momentum, eps, update=False)


@mutant("batchnorm_backward", hint="Похоже, в режиме обучения dx посчитан так, будто среднее и дисперсия батча — "
        "константы. Но они сами зависят от x: по цепному правилу к градиенту добавляются слагаемые через μ и σ². "
        "Проверьте себя численным градиентом.")
def batchnorm_backward_ignores_stats(dout, cache):
    ref.batchnorm_backward(dout, cache)  # the reference's ValueErrors
    dout = np.asarray(dout, dtype=float)
    dx = dout * cache["gamma"] * cache["inv_std"]
    return dx, (dout * cache["x_hat"]).sum(axis=0), dout.sum(axis=0)


@mutant("batchnorm_backward", hint="Похоже, dgamma и dbeta не просуммированы по батчу. Параметры gamma и beta общие "
        "для всех примеров, поэтому их градиенты имеют форму (d,) и складываются по всем m примерам.")
def batchnorm_backward_not_summed(dout, cache):
    dx, _, _ = ref.batchnorm_backward(dout, cache)
    dout = np.asarray(dout, dtype=float)
    return dx, dout * cache["x_hat"], dout


@mutant("batchnorm_backward", hint="Похоже, в dx потеряно слагаемое, идущее через дисперсию батча "
        "(член с x̂·Σ dout·x̂). Выпишите цепное правило для всех трёх путей: x → x̂ напрямую, через μ и через σ².")
def batchnorm_backward_no_var_term(dout, cache):
    ref.batchnorm_backward(dout, cache)  # the reference's ValueErrors
    dout = np.asarray(dout, dtype=float)
    x_hat, gamma, inv_std = cache["x_hat"], cache["gamma"], cache["inv_std"]
    dbeta, dgamma = dout.sum(axis=0), (dout * x_hat).sum(axis=0)
    m = dout.shape[0]
    if cache["training"]:
        dx = gamma * inv_std / m * (m * dout - dbeta)
    else:
        dx = dout * gamma * inv_std
    return dx, dgamma, dbeta


@mutant("batchnorm_backward", hint="Похоже, в dx потерян множитель gamma: выход y = gamma·x̂ + beta, поэтому "
        "градиент по x̂ равен dout·gamma, и только потом он идёт через нормировку к x.")
def batchnorm_backward_no_gamma(dout, cache):
    dx, dgamma, dbeta = ref.batchnorm_backward(dout, cache)
    gamma = np.asarray(cache["gamma"], dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(gamma != 0, dx / gamma, 0.0), dgamma, dbeta


@mutant("xavier_init", hint="Похоже, дисперсия Xavier считается только по числу входов n_in. У Xavier в знаменателе "
        "стоит сумма n_in + n_out — это компромисс между сохранением масштаба сигнала вперёд и градиента назад.")
def xavier_only_n_in(n_in, n_out, seed=None, distribution="uniform"):
    return ref.he_init(n_in, n_out, seed=seed, distribution=distribution)  # Var = 2 / n_in


@mutant("xavier_init", hint="Похоже, в нормальном варианте Xavier стандартное отклонение взято равным границе "
        "равномерного распределения sqrt(6 / (n_in + n_out)). Дисперсия U(−a, a) равна a²/3, поэтому нормальному "
        "распределению нужна своя σ так, чтобы дисперсии совпали.")
def xavier_normal_uniform_limit(n_in, n_out, seed=None, distribution="uniform"):
    ref.xavier_init(n_in, n_out, seed=seed, distribution=distribution)  # the reference's ValueErrors
    if distribution == "normal":
        return np.random.default_rng(seed).normal(0.0, np.sqrt(6.0 / (n_in + n_out)), size=(n_in, n_out))
    return ref.xavier_init(n_in, n_out, seed=seed, distribution=distribution)


@mutant("xavier_init", hint="Похоже, параметр distribution игнорируется и веса всегда равномерные. "
        "При distribution='normal' нужно нормальное распределение с той же дисперсией.")
def xavier_ignores_distribution(n_in, n_out, seed=None, distribution="uniform"):
    if distribution not in ("uniform", "normal"):
        raise ValueError("неизвестное распределение")
    return ref.xavier_init(n_in, n_out, seed=seed)


@mutant("xavier_init", hint="Похоже, это инициализация LeCun (дисперсия 1 / n_in), а не Xavier. У Xavier дисперсия "
        "2 / (n_in + n_out): она учитывает и число входов, и число выходов слоя.")
def xavier_lecun(n_in, n_out, seed=None, distribution="uniform"):
    ref.xavier_init(n_in, n_out, seed=seed, distribution=distribution)  # the reference's ValueErrors
    return ref._init(n_in, n_out, seed, distribution, 1.0 / n_in)


@mutant("xavier_init", hint="Похоже, граница равномерного распределения взята равной стандартному отклонению "
        "sqrt(2 / (n_in + n_out)). У U(−a, a) дисперсия a²/3, поэтому граница Xavier — sqrt(6 / (n_in + n_out)).")
def xavier_uniform_limit_is_std(n_in, n_out, seed=None, distribution="uniform"):
    ref.xavier_init(n_in, n_out, seed=seed, distribution=distribution)  # the reference's ValueErrors
    if distribution == "uniform":
        a = np.sqrt(2.0 / (n_in + n_out))
        return np.random.default_rng(seed).uniform(-a, a, size=(n_in, n_out))
    return ref.xavier_init(n_in, n_out, seed=seed, distribution=distribution)


@mutant("he_init", hint="Похоже, в He-инициализации дисперсия считается по числу выходов n_out. "
        "He сохраняет масштаб сигнала при прямом проходе через ReLU, поэтому дисперсия равна 2 / n_in.")
def he_uses_n_out(n_in, n_out, seed=None, distribution="normal"):
    return ref.he_init(n_out, n_in, seed=seed, distribution=distribution).T.copy()


@mutant("he_init", hint="Похоже, граница равномерного варианта He равна sqrt(2 / n_in). Так совпадает граница, "
        "но не дисперсия: у U(−a, a) дисперсия a²/3, и чтобы она была 2 / n_in, граница должна быть другой.")
def he_uniform_wrong_limit(n_in, n_out, seed=None, distribution="normal"):
    ref.he_init(n_in, n_out, seed=seed, distribution=distribution)  # the reference's ValueErrors
    if distribution == "uniform":
        a = np.sqrt(2.0 / n_in)
        return np.random.default_rng(seed).uniform(-a, a, size=(n_in, n_out))
    return ref.he_init(n_in, n_out, seed=seed, distribution=distribution)


@mutant("he_init", hint="Похоже, в He-инициализации потерян множитель 2: дисперсия 1 / n_in подходит для линейных "
        "и tanh-слоёв, а ReLU обнуляет примерно половину входов, и дисперсию нужно удвоить.")
def he_without_factor_two(n_in, n_out, seed=None, distribution="normal"):
    return ref.he_init(n_in, n_out, seed=seed, distribution=distribution) / np.sqrt(2.0)


@mutant("he_init", hint="Похоже, дисперсия 2 / n_in передана как стандартное отклонение (например, "
        "rng.normal(0, 2 / n_in)). Второй аргумент normal — это σ, а σ = sqrt(2 / n_in).")
def he_std_is_variance(n_in, n_out, seed=None, distribution="normal"):
    ref.he_init(n_in, n_out, seed=seed, distribution=distribution)  # the reference's ValueErrors
    if distribution == "normal":
        return np.random.default_rng(seed).normal(0.0, 2.0 / n_in, size=(n_in, n_out))
    return ref.he_init(n_in, n_out, seed=seed, distribution=distribution)


@mutant("he_init", hint="Похоже, у he_init по умолчанию равномерное распределение. По условию (см. сигнатуру) "
        "по умолчанию He — нормальное, distribution=\"normal\".")
def he_default_uniform(n_in, n_out, seed=None, distribution="uniform"):
    return ref.he_init(n_in, n_out, seed=seed, distribution=distribution)


@mutant("layer_gradient_norms", hint="Похоже, нормы возвращаются в обратном порядке (последний слой первым). "
        "Обратный проход идёт от последнего слоя к первому, но результат нужно вернуть в порядке слоёв: первый слой первым.")
def lgn_reversed(depth, width, activation, init, seed=0):
    return ref.layer_gradient_norms(depth, width, activation, init, seed=seed)[::-1]


@mutant("layer_gradient_norms", hint="Похоже, функция потерь — сумма выходов последнего слоя, а не их среднее. "
        "Тогда начальный градиент dL/dA равен 1 вместо 1/(m·width), и все нормы получаются в m·width раз больше.")
def lgn_sum_loss(depth, width, activation, init, seed=0):
    return [v * 64 * width for v in ref.layer_gradient_norms(depth, width, activation, init, seed=seed)]


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


@mutant("layer_gradient_norms", hint="Похоже, для init='small' веса взяты с дисперсией 0.01 (σ = 0.1), "
        "а по условию N(0, 0.01²) — это стандартное отклонение 0.01. Следите, где σ, а где σ².")
def lgn_small_variance_confusion(depth, width, activation, init, seed=0):
    return _lgn(depth, width, activation, init, seed, small_std=0.1)


@mutant("layer_gradient_norms", hint="Похоже, при обратном проходе градиент не умножается на производную активации: "
        "dZ = dA · f'(Z). Именно множитель f'(Z) ≤ 0.25 у sigmoid и делает затухание таким сильным.")
def lgn_no_activation_derivative(depth, width, activation, init, seed=0):
    return _lgn(depth, width, activation, init, seed, use_derivative=False)


@mutant("layer_gradient_norms", hint="Похоже, на последнем слое нет активации. По условию активация применяется на "
        "каждом слое, включая последний, и L — среднее выходов после неё.")
def lgn_linear_last_layer(depth, width, activation, init, seed=0):
    return _lgn(depth, width, activation, init, seed, last_linear=True)


@mutant("layer_gradient_norms", hint="Похоже, возвращаются нормы градиента по выходам слоёв ∂L/∂A, а не по весам "
        "∂L/∂W. Норма нужна для ∂L/∂W_l = A_{l−1}ᵀ·dZ_l.")
def lgn_norm_of_activation_grad(depth, width, activation, init, seed=0):
    return _lgn(depth, width, activation, init, seed, norm_of="dA")


# ---------------------------------------------------------------- observable properties (hints)
#
# Initializations and the deep-net experiment are random, and the statement leaves the random calls
# (and the experiment's batch size) to the student. To recognise a mistake whatever the random calls,
# the hint engine compares what these views return — the scale and shape of the distribution, the
# layer-to-layer ratios — instead of the raw numbers. Small results are seen by shape only.

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
