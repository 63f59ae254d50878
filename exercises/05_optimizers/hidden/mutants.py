"""Типичные ошибки в задании 05 «Градиентный спуск и оптимизаторы».

Каждый мутант — эталон с одной заменённой функцией и подсказкой для студента. Мутант отличается
от эталона только своей ошибкой: проверки аргументов он делает теми же функциями эталона
(`ref._check_w_dw` и т. п.), иначе его подсказка совпадала бы с «нет проверки аргументов».
`nngrader validate` проверяет, что каждый мутант теряет баллы хотя бы в одном скрытом тесте.
"""
import numpy as np

from grader.testing import mutant, reference

ref = reference("optimizers")


# ---------------------------------------------------------------- sgd_step

@mutant("sgd_step", hint="Веса сдвигаются в сторону роста функции потерь. Градиент указывает, куда потери "
                         "растут быстрее всего, — в какую сторону тогда нужно шагать, чтобы они уменьшались?")
def sgd_plus_gradient(w, dw, state=None, lr=1e-2):
    w, dw = ref._check_w_dw(w, dw)
    return w + lr * dw, {}


@mutant("sgd_step", hint="sgd_step меняет переданный массив w на месте (например, через w -= ...). Вызывающий "
                         "код ещё пользуется старыми весами: верните новый массив и не трогайте входные данные.")
def sgd_in_place(w, dw, state=None, lr=1e-2):
    w, dw = ref._check_w_dw(w, dw)
    w -= lr * dw
    return w, {}


@mutant("sgd_step", hint="Похоже, скорость обучения не берётся из аргумента lr (например, записана числом "
                         "внутри функции). Проверьте шаг при lr, отличном от значения по умолчанию.")
def sgd_ignores_lr(w, dw, state=None, lr=1e-2):
    w, dw = ref._check_w_dw(w, dw)
    return w - 1e-2 * dw, {}


# ---------------------------------------------------------------- momentum_step

@mutant("momentum_step", hint="Скорость v усредняется с весом (1 − beta) у градиента — это экспоненциальное "
                              "среднее, а не heavy-ball momentum из задания. При постоянном градиенте шаг должен "
                              "разгоняться до lr·g/(1 − beta); сравните свою формулу скорости с README.")
def momentum_ema(w, dw, state=None, lr=1e-2, beta=0.9):
    w, dw = ref._check_w_dw(w, dw)
    v = np.zeros_like(w) if state is None else state["v"]
    v = beta * v + (1 - beta) * dw
    return w - lr * v, {"v": v}


@mutant("momentum_step", hint="Скорость не переходит от шага к шагу: похоже, она не сохраняется в возвращаемом "
                              "состоянии или не читается из переданного state. Тогда momentum превращается в "
                              "обычный SGD.")
def momentum_forgets_velocity(w, dw, state=None, lr=1e-2, beta=0.9):
    w, dw = ref._check_w_dw(w, dw)
    v = beta * np.zeros_like(w) + dw
    return w - lr * v, {}


@mutant("momentum_step", hint="Веса сдвигаются старой скоростью, а скорость обновляется уже после шага. "
                              "Подумайте, в каком порядке идут две формулы: на первом шаге веса уже должны "
                              "сдвинуться по градиенту.")
def momentum_stale_velocity(w, dw, state=None, lr=1e-2, beta=0.9):
    w, dw = ref._check_w_dw(w, dw)
    v = np.zeros_like(w) if state is None else state["v"]
    w_next = w - lr * v
    return w_next, {"v": beta * v + dw}


@mutant("momentum_step", hint="Смешаны две записи momentum: скорость накапливается как v ← β·v − lr·dw (уже со знаком "
                              "минус и с lr), а веса обновляются как w − v. Тогда шаг идёт в сторону роста потерь. "
                              "Выберите одну запись: либо v ← β·v + dw и w − lr·v, либо v ← β·v − lr·dw и w + v.")
def momentum_mixed_convention(w, dw, state=None, lr=1e-2, beta=0.9):
    w, dw = ref._check_w_dw(w, dw)
    v = np.zeros_like(w) if state is None else state["v"]
    v = beta * v - lr * dw
    return w - v, {"v": v}


@mutant("momentum_step", hint="Старая скорость не затухает: v ← v + dw без множителя beta. Тогда скорость растёт "
                              "без предела, и при постоянном градиенте шаг не выходит на lr·g/(1 − beta).")
def momentum_no_decay(w, dw, state=None, lr=1e-2, beta=0.9):
    w, dw = ref._check_w_dw(w, dw)
    v = np.zeros_like(w) if state is None else state["v"]
    v = v + dw
    return w - lr * v, {"v": v}


# ---------------------------------------------------------------- adam_step

@mutant("adam_step", hint="Нет поправки на смещение (bias correction): m и v стартуют с нуля, и на первых шагах "
                          "они занижены. Из-за этого первый шаг Adam не равен lr против знака градиента. "
                          "Вспомните, зачем нужен номер шага t.")
def adam_no_bias_correction(w, dw, state=None, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    w, dw = ref._check_w_dw(w, dw)
    m = np.zeros_like(w) if state is None else state["m"]
    v = np.zeros_like(w) if state is None else state["v"]
    m = beta1 * m + (1 - beta1) * dw
    v = beta2 * v + (1 - beta2) * dw * dw
    return w - lr * m / (np.sqrt(v) + eps), {"m": m, "v": v}


@mutant("adam_step", hint="eps оказался под корнем: √(v̂ + eps) вместо √v̂ + eps. При маленьких градиентах или "
                          "большом eps это заметно меняет шаг. Проверьте, к чему именно прибавляется eps.")
def adam_eps_inside_sqrt(w, dw, state=None, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    w, dw = ref._check_w_dw(w, dw)
    m = np.zeros_like(w) if state is None else state["m"]
    v = np.zeros_like(w) if state is None else state["v"]
    t = 1 if state is None else state["t"] + 1
    m = beta1 * m + (1 - beta1) * dw
    v = beta2 * v + (1 - beta2) * dw * dw
    m_hat, v_hat = m / (1 - beta1**t), v / (1 - beta2**t)
    return w - lr * m_hat / np.sqrt(v_hat + eps), {"m": m, "v": v, "t": t}


@mutant("adam_step", hint="Номер шага t не растёт от вызова к вызову (например, не сохраняется в состоянии), "
                          "поэтому поправка на смещение всё время считается как для первого шага. Первый шаг "
                          "верный, а дальше траектория уходит.")
def adam_t_stuck(w, dw, state=None, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    w, dw = ref._check_w_dw(w, dw)
    m = np.zeros_like(w) if state is None else state["m"]
    v = np.zeros_like(w) if state is None else state["v"]
    t = 1
    m = beta1 * m + (1 - beta1) * dw
    v = beta2 * v + (1 - beta2) * dw * dw
    m_hat, v_hat = m / (1 - beta1**t), v / (1 - beta2**t)
    return w - lr * m_hat / (np.sqrt(v_hat) + eps), {"m": m, "v": v}


@mutant("adam_step", hint="В знаменателе нет квадратного корня: делить нужно на величину того же масштаба, что и "
                          "градиент, иначе шаг зависит от масштаба градиента. Проверьте, что стоит в знаменателе.")
def adam_no_sqrt(w, dw, state=None, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    w, dw = ref._check_w_dw(w, dw)
    m = np.zeros_like(w) if state is None else state["m"]
    v = np.zeros_like(w) if state is None else state["v"]
    t = 1 if state is None else state["t"] + 1
    m = beta1 * m + (1 - beta1) * dw
    v = beta2 * v + (1 - beta2) * dw * dw
    m_hat, v_hat = m / (1 - beta1**t), v / (1 - beta2**t)
    return w - lr * m_hat / (v_hat + eps), {"m": m, "v": v, "t": t}


@mutant("adam_step", hint="Коэффициенты beta1 и beta2 перепутаны: первый момент (среднее градиента) затухает с "
                          "beta1, второй (среднее квадрата) — с beta2. С параметрами по умолчанию первый шаг "
                          "ещё верный, а дальше траектория расходится с правильной.")
def adam_betas_swapped(w, dw, state=None, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    w, dw = ref._check_w_dw(w, dw)
    m = np.zeros_like(w) if state is None else state["m"]
    v = np.zeros_like(w) if state is None else state["v"]
    t = 1 if state is None else state["t"] + 1
    m = beta2 * m + (1 - beta2) * dw
    v = beta1 * v + (1 - beta1) * dw * dw
    m_hat, v_hat = m / (1 - beta2**t), v / (1 - beta1**t)
    return w - lr * m_hat / (np.sqrt(v_hat) + eps), {"m": m, "v": v, "t": t}


@mutant("adam_step", hint="Поправка на смещение перенесена в шаг (lr·√(1 − β2^t)/(1 − β1^t)), а eps прибавляется к "
                          "√v без поправки — так Adam записан в некоторых библиотеках, но это другое правило: при "
                          "крупном eps шаги отличаются. По условию eps прибавляется к √v̂ после поправки.")
def adam_eps_uncorrected(w, dw, state=None, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    w, dw = ref._check_w_dw(w, dw)
    m = np.zeros_like(w) if state is None else state["m"]
    v = np.zeros_like(w) if state is None else state["v"]
    t = 1 if state is None else state["t"] + 1
    m = beta1 * m + (1 - beta1) * dw
    v = beta2 * v + (1 - beta2) * dw * dw
    lr_t = lr * np.sqrt(1 - beta2**t) / (1 - beta1**t)
    return w - lr_t * m / (np.sqrt(v) + eps), {"m": m, "v": v, "t": t}


@mutant("adam_step", hint="Номер шага t увеличивается уже после поправки на смещение, и на первом шаге 1 − β^0 = 0: "
                          "деление на ноль даёт nan или inf. Сначала t ← t + 1, потом m̂ = m/(1 − β1^t).")
def adam_t_incremented_late(w, dw, state=None, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    w, dw = ref._check_w_dw(w, dw)
    m = np.zeros_like(w) if state is None else state["m"]
    v = np.zeros_like(w) if state is None else state["v"]
    t = 0 if state is None else state["t"]
    m = beta1 * m + (1 - beta1) * dw
    v = beta2 * v + (1 - beta2) * dw * dw
    with np.errstate(divide="ignore", invalid="ignore"):
        m_hat, v_hat = m / (1 - beta1**t), v / (1 - beta2**t)
        w_next = w - lr * m_hat / (np.sqrt(v_hat) + eps)
    return w_next, {"m": m, "v": v, "t": t + 1}


@mutant("adam_step", hint="Второй момент копит сам градиент, а не его квадрат (v ← β2·v + (1 − β2)·dw). "
                          "Тогда √v̂ не определён для отрицательных градиентов (nan). Усредняйте dw².")
def adam_v_not_squared(w, dw, state=None, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    w, dw = ref._check_w_dw(w, dw)
    m = np.zeros_like(w) if state is None else state["m"]
    v = np.zeros_like(w) if state is None else state["v"]
    t = 1 if state is None else state["t"] + 1
    m = beta1 * m + (1 - beta1) * dw
    v = beta2 * v + (1 - beta2) * dw
    m_hat, v_hat = m / (1 - beta1**t), v / (1 - beta2**t)
    with np.errstate(invalid="ignore"):
        return w - lr * m_hat / (np.sqrt(v_hat) + eps), {"m": m, "v": v, "t": t}


# ---------------------------------------------------------------- minimize

_m_rules = {"sgd": ref.sgd_step, "momentum": ref.momentum_step, "adam": ref.adam_step}


@mutant("minimize", hint="В траектории нет начальной точки: строка 0 должна быть w0, а всего строк steps + 1.")
def minimize_without_w0(grad_fn, w0, method="adam", steps=100, **hyper):
    if method not in _m_rules:
        raise ValueError(f"Неизвестный метод {method!r}")
    w0 = np.asarray(w0, dtype=np.float64)
    w, state, path = np.array(w0, dtype=float), None, []
    for _ in range(steps):
        w, state = _m_rules[method](w, grad_fn(w.copy()), state, **hyper)
        path.append(w)
    return np.array(path).reshape((steps,) + np.shape(w0))


@mutant("minimize", hint="Состояние правила не передаётся от шага к шагу (на каждом шаге state=None). Для SGD "
                         "это незаметно, но momentum теряет скорость, а Adam — накопленные моменты и номер шага.")
def minimize_resets_state(grad_fn, w0, method="adam", steps=100, **hyper):
    if method not in _m_rules:
        raise ValueError(f"Неизвестный метод {method!r}")
    w0 = np.asarray(w0, dtype=np.float64)
    w = np.array(w0, dtype=float)
    path = [w]
    for _ in range(steps):
        w, _ = _m_rules[method](w, grad_fn(w.copy()), None, **hyper)
        path.append(w)
    return np.array(path)


@mutant("minimize", hint="Градиент считается один раз в начальной точке и дальше не пересчитывается. "
                         "На каждом шаге grad_fn нужно вызывать в текущих весах.")
def minimize_gradient_once(grad_fn, w0, method="adam", steps=100, **hyper):
    if method not in _m_rules:
        raise ValueError(f"Неизвестный метод {method!r}")
    w0 = np.asarray(w0, dtype=np.float64)
    w = np.array(w0, dtype=float)
    g = grad_fn(w.copy())
    path, state = [w], None
    for _ in range(steps):
        w, state = _m_rules[method](w, g, state, **hyper)
        path.append(w)
    return np.array(path)


@mutant("minimize", hint="Неизвестное имя метода молча заменяется каким-то правилом по умолчанию. По условию "
                         "такой вызов — ошибка: бросайте ValueError с понятным сообщением.")
def minimize_silent_fallback(grad_fn, w0, method="adam", steps=100, **hyper):
    rule = _m_rules.get(method, ref.adam_step)
    w = np.array(w0, dtype=float)
    path, state = [w], None
    for _ in range(steps):
        w, state = rule(w, grad_fn(w.copy()), state, **hyper)
        path.append(w)
    return np.array(path)


@mutant("minimize", hint="Метод по умолчанию должен быть 'adam' (см. сигнатуру): похоже, без аргумента method "
                         "используется другое правило.")
def minimize_default_sgd(grad_fn, w0, method="sgd", steps=100, **hyper):
    return ref.minimize(grad_fn, w0, method, steps, **hyper)



# ---------------------------------------------------------------- observable properties (hints)
#
# The optimizer's state is the student's own format ({"v": …}, {"u": …}, a tuple, …): the hint engine
# compares only the new weights an update rule returns, never its state. (A replay passes each module
# its own earlier state; see grader.harness.recording.)

def _view_step(result, *args, **kwargs):
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        return ("not a pair", type(result).__name__)
    return result[0]


OBSERVABLES = {"sgd_step": _view_step, "momentum_step": _view_step, "adam_step": _view_step}
