"""Типичные ошибки в задании 07: каждая — небольшая правка эталона и подсказка студенту."""
import numpy as np

from grader.testing import mutant, reference

ref = reference("normalization")


def _bn(x, gamma, beta, state, training, momentum, eps, *, ddof=0, swap=False, eps_outside=False,
        eval_batch=False, running_ddof=0):
    x = np.asarray(x, dtype=float)
    gamma = np.asarray(gamma, dtype=float)
    beta = np.asarray(beta, dtype=float)
    if gamma.shape != (x.shape[1],):
        raise ValueError("gamma не той формы")
    d = x.shape[1]
    rm = np.zeros(d) if state is None else np.asarray(state["running_mean"], dtype=float)
    rv = np.ones(d) if state is None else np.asarray(state["running_var"], dtype=float)
    if training or eval_batch:
        mu, var = x.mean(axis=0), x.var(axis=0, ddof=ddof)
        a, b = (1 - momentum, momentum) if swap else (momentum, 1 - momentum)
        new = {"running_mean": a * rm + b * mu, "running_var": a * rv + b * x.var(axis=0, ddof=running_ddof)}
        if not training:
            new = {"running_mean": rm.copy(), "running_var": rv.copy()}
    else:
        mu, var = rm, rv
        new = {"running_mean": rm.copy(), "running_var": rv.copy()}
    std = np.sqrt(var) + eps if eps_outside else np.sqrt(var + eps)
    x_hat = (x - mu) / std
    cache = {"x_hat": x_hat, "gamma": gamma.copy(), "inv_std": 1.0 / std, "training": bool(training)}
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


@mutant("batchnorm_backward", hint="Похоже, в режиме обучения dx посчитан так, будто среднее и дисперсия батча — "
        "константы. Но они сами зависят от x: по цепному правилу к градиенту добавляются слагаемые через μ и σ². "
        "Проверьте себя численным градиентом.")
def batchnorm_backward_ignores_stats(dout, cache):
    dout = np.asarray(dout, dtype=float)
    if dout.shape != cache["x_hat"].shape:
        raise ValueError("dout не той формы")
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
    dout = np.asarray(dout, dtype=float)
    if dout.shape != cache["x_hat"].shape:
        raise ValueError("dout не той формы")
    x_hat, gamma, inv_std = cache["x_hat"], cache["gamma"], cache["inv_std"]
    dbeta, dgamma = dout.sum(axis=0), (dout * x_hat).sum(axis=0)
    m = dout.shape[0]
    if cache["training"]:
        dx = gamma * inv_std / m * (m * dout - dbeta)
    else:
        dx = dout * gamma * inv_std
    return dx, dgamma, dbeta


@mutant("xavier_init", hint="Похоже, дисперсия Xavier считается только по числу входов n_in. У Xavier в знаменателе "
        "стоит сумма n_in + n_out — это компромисс между сохранением масштаба сигнала вперёд и градиента назад.")
def xavier_only_n_in(n_in, n_out, seed=None, distribution="uniform"):
    return ref.he_init(n_in, n_out, seed=seed, distribution=distribution)  # Var = 2 / n_in


@mutant("xavier_init", hint="Похоже, в нормальном варианте Xavier стандартное отклонение взято равным границе "
        "равномерного распределения sqrt(6 / (n_in + n_out)). Дисперсия U(−a, a) равна a²/3, поэтому нормальному "
        "распределению нужна своя σ так, чтобы дисперсии совпали.")
def xavier_normal_uniform_limit(n_in, n_out, seed=None, distribution="uniform"):
    if distribution == "normal":
        return np.random.default_rng(seed).normal(0.0, np.sqrt(6.0 / (n_in + n_out)), size=(n_in, n_out))
    return ref.xavier_init(n_in, n_out, seed=seed, distribution=distribution)


@mutant("xavier_init", hint="Похоже, параметр distribution игнорируется и веса всегда равномерные. "
        "При distribution='normal' нужно нормальное распределение с той же дисперсией.")
def xavier_ignores_distribution(n_in, n_out, seed=None, distribution="uniform"):
    if distribution not in ("uniform", "normal"):
        raise ValueError("неизвестное распределение")
    return ref.xavier_init(n_in, n_out, seed=seed)


@mutant("he_init", hint="Похоже, в He-инициализации дисперсия считается по числу выходов n_out. "
        "He сохраняет масштаб сигнала при прямом проходе через ReLU, поэтому дисперсия равна 2 / n_in.")
def he_uses_n_out(n_in, n_out, seed=None, distribution="normal"):
    return ref.he_init(n_out, n_in, seed=seed, distribution=distribution).T.copy()


@mutant("he_init", hint="Похоже, граница равномерного варианта He равна sqrt(2 / n_in). Так совпадает граница, "
        "но не дисперсия: у U(−a, a) дисперсия a²/3, и чтобы она была 2 / n_in, граница должна быть другой.")
def he_uniform_wrong_limit(n_in, n_out, seed=None, distribution="normal"):
    if distribution == "uniform":
        a = np.sqrt(2.0 / n_in)
        return np.random.default_rng(seed).uniform(-a, a, size=(n_in, n_out))
    return ref.he_init(n_in, n_out, seed=seed, distribution=distribution)


@mutant("he_init", hint="Похоже, в He-инициализации потерян множитель 2: дисперсия 1 / n_in подходит для линейных "
        "и tanh-слоёв, а ReLU обнуляет примерно половину входов, и дисперсию нужно удвоить.")
def he_without_factor_two(n_in, n_out, seed=None, distribution="normal"):
    return ref.he_init(n_in, n_out, seed=seed, distribution=distribution) / np.sqrt(2.0)


@mutant("layer_gradient_norms", hint="Похоже, нормы возвращаются в обратном порядке (последний слой первым). "
        "Обратный проход идёт от последнего слоя к первому, но результат нужно вернуть в порядке слоёв: первый слой первым.")
def lgn_reversed(depth, width, activation, init, seed=0):
    return ref.layer_gradient_norms(depth, width, activation, init, seed=seed)[::-1]


@mutant("layer_gradient_norms", hint="Похоже, функция потерь — сумма выходов последнего слоя, а не их среднее. "
        "Тогда начальный градиент dL/dA равен 1 вместо 1/(m·width), и все нормы получаются в m·width раз больше.")
def lgn_sum_loss(depth, width, activation, init, seed=0):
    return [v * 64 * width for v in ref.layer_gradient_norms(depth, width, activation, init, seed=seed)]


def _lgn(depth, width, activation, init, seed, *, small_std=0.01, use_derivative=True):
    if activation not in ("sigmoid", "tanh", "relu") or init not in ("small", "xavier", "he"):
        raise ValueError("неизвестная активация или инициализация")
    std = {"small": small_std, "xavier": np.sqrt(1.0 / width), "he": np.sqrt(2.0 / width)}[init]
    rng = np.random.default_rng(seed)
    A = rng.standard_normal((64, width))
    Ws = [rng.normal(0.0, std, size=(width, width)) for _ in range(depth)]
    acts, derivs = [], []
    for W in Ws:
        acts.append(A)
        Z = A @ W
        if activation == "sigmoid":
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
        norms[layer] = float(np.linalg.norm(acts[layer].T @ dZ))
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
