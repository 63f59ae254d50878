"""Типичные ошибки в задании 06 «Борьба с переобучением».

Каждый мутант — эталон с одной заменённой функцией и подсказкой для студента. Мутант отличается
от эталона только своей ошибкой: аргументы он проверяет функциями эталона (`ref._check_p`,
`ref._check_lam`, `ref._weight_list`), иначе его подсказка появлялась бы и у файла, где просто нет
проверок. Вспомогательные имена здесь не совпадают с именами эталона: в синтетическом «студенческом»
файле они не должны подменять функции эталона.
`nngrader validate` проверяет, что каждый мутант теряет баллы хотя бы в одном скрытом тесте.
"""
import math

import numpy as np

from grader.testing import mutant, reference

ref = reference("regularization")


# ---------------------------------------------------------------- dropout_forward

@mutant("dropout_forward", hint="Оставшиеся элементы не масштабируются, и среднее значение выхода в режиме "
                                "обучения меньше, чем при применении сети. В inverted dropout это исправляют "
                                "ещё на этапе обучения — вспомните, на что делятся оставленные элементы.")
def dropout_not_inverted(x, p, training=True, seed=None):
    ref._check_p(p)
    x = np.array(x, dtype=float)
    if not training:
        return x, None
    mask = np.random.default_rng(seed).random(x.shape) >= p
    return x * mask, mask


@mutant("dropout_forward", hint="Доля оставленных элементов не совпадает с 1 − p: похоже, p используется как "
                                "вероятность ОСТАВИТЬ элемент. По условию p — вероятность его выключить.")
def dropout_p_is_keep_probability(x, p, training=True, seed=None):
    ref._check_p(p)
    x = np.array(x, dtype=float)
    if not training:
        return x, None
    mask = np.random.default_rng(seed).random(x.shape) < p
    return x * mask / (1 - p), mask


@mutant("dropout_forward", hint="Оставленные элементы умножаются на (1 − p), а не делятся на него: среднее выхода "
                                "получается меньше входа. Посчитайте матожидание x·mask·c и подберите c, при "
                                "котором оно равно x.")
def dropout_multiplies_by_keep(x, p, training=True, seed=None):
    ref._check_p(p)
    x = np.array(x, dtype=float)
    if not training:
        return x, None
    mask = np.random.default_rng(seed).random(x.shape) >= p
    return x * mask * (1 - p), mask


@mutant("dropout_forward", hint="Маска одна на весь батч: у всех примеров выключаются одни и те же признаки. "
                                "Каждый элемент x должен выключаться независимо — какой формы должна быть маска?")
def dropout_one_mask_per_batch(x, p, training=True, seed=None):
    ref._check_p(p)
    x = np.array(x, dtype=float)
    if not training:
        return x, None
    row = np.random.default_rng(seed).random(x.shape[-1:]) >= p
    mask = np.broadcast_to(row, x.shape).copy()
    return x * mask / (1 - p), mask


@mutant("dropout_forward", hint="Результат не воспроизводится при одинаковом seed: похоже, случайные числа берутся "
                                "из глобального генератора, а аргумент seed не используется. Создайте генератор "
                                "из переданного seed.")
def dropout_ignores_seed(x, p, training=True, seed=None):
    ref._check_p(p)
    x = np.array(x, dtype=float)
    if not training:
        return x, None
    mask = np.random.random(x.shape) >= p
    return x * mask / (1 - p), mask


@mutant("dropout_forward", hint="В режиме training=False выход всё равно меняется (масштабируется). Для inverted "
                                "dropout при применении сети слой должен вернуть x как есть: масштабирование уже "
                                "сделано при обучении.")
def dropout_scales_at_eval(x, p, training=True, seed=None):
    ref._check_p(p)
    x = np.array(x, dtype=float)
    if not training:
        return x * (1 - p), None
    mask = np.random.default_rng(seed).random(x.shape) >= p
    return x * mask / (1 - p), mask


@mutant("dropout_forward", hint="Недопустимое p (например, 1 или отрицательное) не отвергается: при p = 1 "
                                "получается деление на ноль. Проверьте аргумент и бросьте ValueError с понятным "
                                "сообщением.")
def dropout_no_p_check(x, p, training=True, seed=None):
    x = np.array(x, dtype=float)  # the mistake: p is never checked
    if not training:
        return x, None
    mask = np.random.default_rng(seed).random(x.shape) >= p
    with np.errstate(all="ignore"):
        return x * mask / (1 - p), mask


@mutant("dropout_forward", hint="Возвращается маска ВЫКЛЮЧЕННЫХ элементов (True там, где элемент занулён). По условию "
                                "mask — маска оставленных элементов: True там, где элемент остался.")
def dropout_returns_drop_mask(x, p, training=True, seed=None):
    out, mask = ref.dropout_forward(x, p, training, seed)
    return out, (None if mask is None else ~mask)


@mutant("dropout_forward", hint="Аргумент training не учитывается: при training=False элементы всё равно "
                                "выключаются. При применении сети dropout не работает и возвращает (x, None).")
def dropout_ignores_training(x, p, training=True, seed=None):
    return ref.dropout_forward(x, p, True, seed)


@mutant("dropout_forward", hint="Маска возвращается числами (0/1), а по условию это булев массив (True — элемент "
                                "оставлен). Приведите её к нужному типу.")
def dropout_float_mask(x, p, training=True, seed=None):
    out, mask = ref.dropout_forward(x, p, training, seed)
    return out, (None if mask is None else mask.astype(float))


# ---------------------------------------------------------------- dropout_backward

def _m_backward_args(dout, mask):
    """dout as floats and mask as booleans, with the reference's shape check."""
    dout = np.asarray(dout, dtype=np.float64)
    mask = np.asarray(mask)
    if mask.shape != dout.shape:
        raise ValueError("формы dout и mask должны совпадать")
    return dout, mask.astype(bool)


@mutant("dropout_backward", hint="В обратном проходе потерян множитель 1/(1 − p). Прямой проход умножал x на "
                                 "mask/(1 − p) — значит, и градиент по x умножается на то же самое.")
def dropout_backward_no_scale(dout, mask, p):
    ref._check_p(p)
    dout, mask = _m_backward_args(dout, mask)
    return dout * mask


@mutant("dropout_backward", hint="Градиент делится на p вместо 1 − p. p — доля выключенных элементов, а "
                                 "масштабируются оставленные.")
def dropout_backward_divides_by_p(dout, mask, p):
    ref._check_p(p)
    dout, mask = _m_backward_args(dout, mask)
    with np.errstate(all="ignore"):
        return dout * mask / p


@mutant("dropout_backward", hint="dropout_backward меняет переданный массив dout на месте (например, через *=). "
                                 "Входные данные менять нельзя: верните новый массив.")
def dropout_backward_in_place(dout, mask, p):
    ref._check_p(p)
    dout, mask = _m_backward_args(dout, mask)
    dout *= mask
    dout /= 1 - p
    return dout


@mutant("dropout_backward", hint="Оставленные градиенты умножаются на (1 − p), а не делятся на него. В прямом "
                                 "проходе оставленные элементы делились на (1 − p) — значит, и градиент по ним "
                                 "делится на (1 − p).")
def dropout_backward_multiplies_by_keep(dout, mask, p):
    ref._check_p(p)
    dout, mask = _m_backward_args(dout, mask)
    return dout * mask * (1 - p)


@mutant("dropout_backward", hint="Градиент проходит там, где маска False, и обнуляется там, где True: маска "
                                 "понята наоборот. mask — это маска ОСТАВЛЕННЫХ элементов (True — элемент остался).")
def dropout_backward_inverted_mask(dout, mask, p):
    ref._check_p(p)
    dout, mask = _m_backward_args(dout, mask)
    return dout * ~mask / (1 - p)


# ---------------------------------------------------------------- L2 / L1

@mutant("l2_penalty", hint="Штраф L2 вдвое больше нужного: в определении есть множитель 1/2 (ради того, чтобы "
                           "градиент был ровно lam·w).")
def l2_penalty_no_half(weights, lam):
    ref._check_lam(lam)
    return float(lam * sum(float(np.sum(np.square(w))) for w in ref._weight_list(weights)))


@mutant("l2_penalty", hint="Похоже, вместо суммы квадратов берётся норма (корень из суммы квадратов). Штраф L2 "
                           "— это сумма квадратов весов, без корня.")
def l2_penalty_norm_not_squared(weights, lam):
    ref._check_lam(lam)
    return float(lam / 2 * sum(float(np.linalg.norm(np.ravel(w))) for w in ref._weight_list(weights)))


@mutant("l2_penalty", hint="Учитывается не весь список weights: штраф должен складываться по всем массивам "
                           "списка, а не только по первому.")
def l2_penalty_first_only(weights, lam):
    ref._check_lam(lam)
    return float(lam / 2 * np.sum(np.square(ref._weight_list(weights)[0])))


@mutant("l2_grad", hint="Градиент L2 вдвое больше нужного. Производная от lam/2·w² — это lam·w: множитель 1/2 "
                        "в штрафе как раз сокращается с двойкой.")
def l2_grad_double(w, lam):
    ref._check_lam(lam)
    return 2 * lam * np.asarray(w, dtype=float)


@mutant("l2_grad", hint="Градиент L2 вдвое меньше нужного: производная от lam/2·w² — это lam·w (двойка из степени "
                        "сокращается с 1/2), а не lam/2·w.")
def l2_grad_half(w, lam):
    ref._check_lam(lam)
    return lam / 2 * np.asarray(w, dtype=float)


@mutant("l2_grad", hint="l2_grad меняет переданный массив w на месте (например, через w *= lam). Входные данные "
                        "менять нельзя: верните новый массив.")
def l2_grad_in_place(w, lam):
    ref._check_lam(lam)
    w = np.asarray(w, dtype=float)
    w *= lam
    return w


@mutant("l1_penalty", hint="Отрицательные веса уменьшают штраф L1: похоже, суммируются сами веса, а не их "
                           "модули.")
def l1_penalty_no_abs(weights, lam):
    ref._check_lam(lam)
    return float(lam * sum(float(np.sum(w)) for w in ref._weight_list(weights)))


@mutant("l1_penalty", hint="Штраф L1 вдвое меньше нужного: множитель 1/2 есть только в L2, в L1 его нет.")
def l1_penalty_half(weights, lam):
    ref._check_lam(lam)
    return float(lam / 2 * sum(float(np.sum(np.abs(w))) for w in ref._weight_list(weights)))


@mutant("l1_penalty", hint="Список weights превращается в один массив (np.array(weights) или np.abs(weights)), а это "
                           "работает, только если все массивы одной формы. Обычно это не так ([W1, b1, W2, b2]): "
                           "складывайте сумму модулей по каждому массиву отдельно.")
def l1_penalty_stacked(weights, lam):
    ref._check_lam(lam)
    return float(lam * np.sum(np.abs(np.array(weights, dtype=float))))


@mutant("l1_grad", hint="В точке w = 0 градиент получается ненулевым. У |w| в нуле производной нет, и по условию "
                        "берётся субградиент 0 — нулевые веса штраф L1 не двигает.")
def l1_grad_nonzero_at_zero(w, lam):
    ref._check_lam(lam)
    w = np.asarray(w, dtype=float)
    return np.where(w >= 0, lam, -lam)


@mutant("l1_grad", hint="При w = 0 получается деление на ноль (nan и предупреждение): формула вида w/|w| в нуле "
                        "не определена. Найдите способ, который в нуле сразу даёт 0.")
def l1_grad_divide_by_abs(w, lam):
    ref._check_lam(lam)
    w = np.asarray(w, dtype=float)
    return lam * w / np.abs(w)


@mutant("l1_grad", hint="Градиент L1 не зависит от величины веса, но зависит от lam: похоже, множитель lam потерян.")
def l1_grad_no_lam(w, lam):
    ref._check_lam(lam)
    return np.sign(np.asarray(w, dtype=float))


# ---------------------------------------------------------------- early_stopping

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


@mutant("early_stopping", hint="Остановка происходит на эпоху позже: обучение должно прекратиться на эпохе "
                               "best_epoch + patience (она сама — patience-я эпоха без улучшения), а не на "
                               "следующей после неё. Проверьте пример из README.")
def early_stopping_off_by_one(val_losses, patience=5, min_delta=0.0):
    return _m_early(val_losses, patience, min_delta, stop_after=True)


@mutant("early_stopping", hint="Потеря, равная лучшей (или лучше ровно на min_delta), считается улучшением. По "
                               "условию улучшение — строго меньше best − min_delta; плато не сбрасывает отсчёт.")
def early_stopping_non_strict(val_losses, patience=5, min_delta=0.0):
    return _m_early(val_losses, patience, min_delta, strict=False)


@mutant("early_stopping", hint="Аргумент min_delta ни на что не влияет: спад меньше min_delta не должен считаться "
                               "улучшением.")
def early_stopping_ignores_min_delta(val_losses, patience=5, min_delta=0.0):
    return _m_early(val_losses, patience, min_delta, use_delta=False)


@mutant("early_stopping", hint="Улучшение сравнивается с потерей на предыдущей эпохе, а не с лучшей за всё время. "
                               "Храните лучшее значение best и сравнивайте с ним.")
def early_stopping_vs_previous(val_losses, patience=5, min_delta=0.0):
    return _m_early(val_losses, patience, min_delta, versus_previous=True)


@mutant("early_stopping", hint="Счётчик эпох без улучшения не сбрасывается при улучшении: считаются все такие эпохи, "
                               "а нужно — подряд после последнего улучшения (stop_epoch = best_epoch + patience).")
def early_stopping_counter_not_reset(val_losses, patience=5, min_delta=0.0):
    return _m_early(val_losses, patience, min_delta, reset=False)


@mutant("early_stopping", hint="Остановка проверяется раньше улучшения, и эпоха best_epoch + patience останавливает "
                               "обучение, даже если в ней потеря улучшилась. Эпоха-улучшение никогда не эпоха "
                               "остановки: сначала проверьте улучшение (см. разбор по шагам в README).")
def early_stopping_stop_before_improvement(val_losses, patience=5, min_delta=0.0):
    return _m_early(val_losses, patience, min_delta, stop_first=True)


@mutant("early_stopping", hint="best_epoch ищется по всей истории (например, через argmin), хотя после остановки "
                               "обучение уже не идёт и эти эпохи никто не видел. Смотрите только на эпохи до "
                               "остановки включительно.")
def early_stopping_global_argmin(val_losses, patience=5, min_delta=0.0):
    stop, _ = ref.early_stopping(val_losses, patience, min_delta)
    return stop, int(np.argmin([float(v) for v in val_losses]))


@mutant("early_stopping", hint="Недопустимые значения (patience < 1 или отрицательный min_delta) не отвергаются. "
                               "Проверьте аргументы и бросьте ValueError с понятным сообщением.")
def early_stopping_no_checks(val_losses, patience=5, min_delta=0.0):
    return _m_early(val_losses, patience, min_delta, validate=False)


# ---------------------------------------------------------------- observable properties (hints)
#
# A dropout mask is random: a correct file that draws it another way (rng.binomial, rng.random < 1 − p, …)
# gives other numbers than the reference. To recognise a mistake whatever the random calls, the hint
# engine compares what these views return — properties any implementation shares — instead of raw values.

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
