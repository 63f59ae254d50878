"""Типичные ошибки в задании 06 «Борьба с переобучением».

Каждый мутант — эталон с одной заменённой функцией и подсказкой для студента.
`nngrader validate` проверяет, что каждый мутант теряет баллы хотя бы в одном скрытом тесте.
"""
import math

import numpy as np

from grader.testing import mutant, reference

ref = reference("regularization")


def _check_p(p):
    if not 0 <= p < 1:
        raise ValueError("p должно лежать в [0, 1)")


# ---------------------------------------------------------------- dropout_forward

@mutant("dropout_forward", hint="Оставшиеся элементы не масштабируются, и среднее значение выхода в режиме "
                                "обучения меньше, чем при применении сети. В inverted dropout это исправляют "
                                "ещё на этапе обучения — вспомните, на что делятся оставленные элементы.")
def dropout_not_inverted(x, p, training=True, seed=None):
    _check_p(p)
    x = np.array(x, dtype=float)
    if not training:
        return x, None
    mask = np.random.default_rng(seed).random(x.shape) >= p
    return x * mask, mask


@mutant("dropout_forward", hint="Доля оставленных элементов не совпадает с 1 − p: похоже, p используется как "
                                "вероятность ОСТАВИТЬ элемент. По условию p — вероятность его выключить.")
def dropout_p_is_keep_probability(x, p, training=True, seed=None):
    _check_p(p)
    x = np.array(x, dtype=float)
    if not training:
        return x, None
    mask = np.random.default_rng(seed).random(x.shape) < p
    return x * mask / (1 - p), mask


@mutant("dropout_forward", hint="Оставленные элементы умножаются на (1 − p), а не делятся на него: среднее выхода "
                                "получается меньше входа. Посчитайте матожидание x·mask·c и подберите c, при "
                                "котором оно равно x.")
def dropout_multiplies_by_keep(x, p, training=True, seed=None):
    _check_p(p)
    x = np.array(x, dtype=float)
    if not training:
        return x, None
    mask = np.random.default_rng(seed).random(x.shape) >= p
    return x * mask * (1 - p), mask


@mutant("dropout_forward", hint="Маска одна на весь батч: у всех примеров выключаются одни и те же признаки. "
                                "Каждый элемент x должен выключаться независимо — какой формы должна быть маска?")
def dropout_one_mask_per_batch(x, p, training=True, seed=None):
    _check_p(p)
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
    _check_p(p)
    x = np.array(x, dtype=float)
    if not training:
        return x, None
    mask = np.random.random(x.shape) >= p
    return x * mask / (1 - p), mask


@mutant("dropout_forward", hint="В режиме training=False выход всё равно меняется (масштабируется). Для inverted "
                                "dropout при применении сети слой должен вернуть x как есть: масштабирование уже "
                                "сделано при обучении.")
def dropout_scales_at_eval(x, p, training=True, seed=None):
    _check_p(p)
    x = np.array(x, dtype=float)
    if not training:
        return x * (1 - p), None
    mask = np.random.default_rng(seed).random(x.shape) >= p
    return x * mask / (1 - p), mask


@mutant("dropout_forward", hint="Недопустимое p (например, 1 или отрицательное) не отвергается: при p = 1 "
                                "получается деление на ноль. Проверьте аргумент и бросьте ValueError с понятным "
                                "сообщением.")
def dropout_no_p_check(x, p, training=True, seed=None):
    x = np.array(x, dtype=float)
    if not training:
        return x, None
    mask = np.random.default_rng(seed).random(x.shape) >= p
    with np.errstate(all="ignore"):
        return x * mask / (1 - p), mask


@mutant("dropout_forward", hint="Маска возвращается числами (0/1), а по условию это булев массив (True — элемент "
                                "оставлен). Приведите её к нужному типу.")
def dropout_float_mask(x, p, training=True, seed=None):
    out, mask = ref.dropout_forward(x, p, training, seed)
    return out, (None if mask is None else mask.astype(float))


# ---------------------------------------------------------------- dropout_backward

@mutant("dropout_backward", hint="В обратном проходе потерян множитель 1/(1 − p). Прямой проход умножал x на "
                                 "mask/(1 − p) — значит, и градиент по x умножается на то же самое.")
def dropout_backward_no_scale(dout, mask, p):
    _check_p(p)
    return np.asarray(dout, dtype=float) * np.asarray(mask)


@mutant("dropout_backward", hint="Градиент делится на p вместо 1 − p. p — доля выключенных элементов, а "
                                 "масштабируются оставленные.")
def dropout_backward_divides_by_p(dout, mask, p):
    _check_p(p)
    with np.errstate(all="ignore"):
        return np.asarray(dout, dtype=float) * np.asarray(mask) / p


@mutant("dropout_backward", hint="dropout_backward меняет переданный массив dout на месте (например, через *=). "
                                 "Входные данные менять нельзя: верните новый массив.")
def dropout_backward_in_place(dout, mask, p):
    _check_p(p)
    dout = np.asarray(dout, dtype=float)
    dout *= np.asarray(mask)
    dout /= 1 - p
    return dout


# ---------------------------------------------------------------- L2 / L1

@mutant("l2_penalty", hint="Штраф L2 вдвое больше нужного: в определении есть множитель 1/2 (ради того, чтобы "
                           "градиент был ровно lam·w).")
def l2_penalty_no_half(weights, lam):
    return float(lam * sum(float(np.sum(np.square(w))) for w in weights))


@mutant("l2_penalty", hint="Похоже, вместо суммы квадратов берётся норма (корень из суммы квадратов). Штраф L2 "
                           "— это сумма квадратов весов, без корня.")
def l2_penalty_norm_not_squared(weights, lam):
    return float(lam / 2 * sum(float(np.linalg.norm(np.ravel(w))) for w in weights))


@mutant("l2_penalty", hint="Учитывается не весь список weights: штраф должен складываться по всем массивам "
                           "списка, а не только по первому.")
def l2_penalty_first_only(weights, lam):
    return float(lam / 2 * np.sum(np.square(weights[0])))


@mutant("l2_grad", hint="Градиент L2 вдвое больше нужного. Производная от lam/2·w² — это lam·w: множитель 1/2 "
                        "в штрафе как раз сокращается с двойкой.")
def l2_grad_double(w, lam):
    return 2 * lam * np.asarray(w, dtype=float)


@mutant("l2_grad", hint="l2_grad меняет переданный массив w на месте (например, через w *= lam). Входные данные "
                        "менять нельзя: верните новый массив.")
def l2_grad_in_place(w, lam):
    w = np.asarray(w, dtype=float)
    w *= lam
    return w


@mutant("l1_penalty", hint="Отрицательные веса уменьшают штраф L1: похоже, суммируются сами веса, а не их "
                           "модули.")
def l1_penalty_no_abs(weights, lam):
    return float(lam * sum(float(np.sum(w)) for w in weights))


@mutant("l1_penalty", hint="Штраф L1 вдвое меньше нужного: множитель 1/2 есть только в L2, в L1 его нет.")
def l1_penalty_half(weights, lam):
    return float(lam / 2 * sum(float(np.sum(np.abs(w))) for w in weights))


@mutant("l1_grad", hint="В точке w = 0 градиент получается ненулевым. У |w| в нуле производной нет, и по условию "
                        "берётся субградиент 0 — нулевые веса штраф L1 не двигает.")
def l1_grad_nonzero_at_zero(w, lam):
    w = np.asarray(w, dtype=float)
    return np.where(w >= 0, lam, -lam)


@mutant("l1_grad", hint="При w = 0 получается деление на ноль (nan и предупреждение): формула вида w/|w| в нуле "
                        "не определена. Найдите способ, который в нуле сразу даёт 0.")
def l1_grad_divide_by_abs(w, lam):
    w = np.asarray(w, dtype=float)
    return lam * w / np.abs(w)


@mutant("l1_grad", hint="Градиент L1 не зависит от величины веса, но зависит от lam: похоже, множитель lam потерян.")
def l1_grad_no_lam(w, lam):
    return np.sign(np.asarray(w, dtype=float))


# ---------------------------------------------------------------- early_stopping

def _losses(val_losses):
    return [float(v) for v in val_losses]


@mutant("early_stopping", hint="Остановка происходит на эпоху позже: обучение должно прекратиться на эпохе "
                               "best_epoch + patience, а не на следующей после неё. Проверьте пример из README.")
def early_stopping_off_by_one(val_losses, patience=5, min_delta=0.0):
    best, best_epoch = math.inf, None
    for epoch, loss in enumerate(_losses(val_losses)):
        if loss < best - min_delta:
            best, best_epoch = loss, epoch
        elif epoch - best_epoch > patience:
            return epoch, best_epoch
    return None, best_epoch


@mutant("early_stopping", hint="Потеря, равная лучшей, считается улучшением. По условию улучшение — строго меньше "
                               "best − min_delta; плато не должно сбрасывать счётчик терпения.")
def early_stopping_non_strict(val_losses, patience=5, min_delta=0.0):
    best, best_epoch = math.inf, None
    for epoch, loss in enumerate(_losses(val_losses)):
        if loss <= best - min_delta:
            best, best_epoch = loss, epoch
        elif epoch - best_epoch >= patience:
            return epoch, best_epoch
    return None, best_epoch


@mutant("early_stopping", hint="Аргумент min_delta ни на что не влияет: совсем маленькие улучшения (меньше "
                               "min_delta) не должны считаться улучшением.")
def early_stopping_ignores_min_delta(val_losses, patience=5, min_delta=0.0):
    if patience < 1 or min_delta < 0:
        raise ValueError("недопустимые patience или min_delta")
    best, best_epoch = math.inf, None
    for epoch, loss in enumerate(_losses(val_losses)):
        if loss < best:
            best, best_epoch = loss, epoch
        elif epoch - best_epoch >= patience:
            return epoch, best_epoch
    return None, best_epoch


@mutant("early_stopping", hint="Улучшение сравнивается с потерей на предыдущей эпохе, а не с лучшей за всё время. "
                               "Медленное, но постоянное снижение тогда никогда не засчитывается (или "
                               "засчитывается лишнее). Храните лучшее значение best.")
def early_stopping_vs_previous(val_losses, patience=5, min_delta=0.0):
    prev, best_epoch = math.inf, None
    for epoch, loss in enumerate(_losses(val_losses)):
        if loss < prev - min_delta:
            best_epoch = epoch
        elif epoch - best_epoch >= patience:
            return epoch, best_epoch
        prev = loss
    return None, best_epoch


@mutant("early_stopping", hint="best_epoch ищется по всей истории (например, через argmin), хотя после остановки "
                               "обучение уже не идёт и эти эпохи никто не видел. Смотрите только на эпохи до "
                               "остановки включительно.")
def early_stopping_global_argmin(val_losses, patience=5, min_delta=0.0):
    stop, _ = ref.early_stopping(val_losses, patience, min_delta)
    losses = _losses(val_losses)
    return stop, int(np.argmin(losses))


@mutant("early_stopping", hint="Недопустимые значения (patience < 1 или отрицательный min_delta) не отвергаются. "
                               "Проверьте аргументы и бросьте ValueError с понятным сообщением.")
def early_stopping_no_checks(val_losses, patience=5, min_delta=0.0):
    best, best_epoch = math.inf, None
    for epoch, loss in enumerate(_losses(val_losses)):
        if loss < best - min_delta:
            best, best_epoch = loss, epoch
        elif epoch - best_epoch >= patience:
            return epoch, best_epoch
    return None, best_epoch
