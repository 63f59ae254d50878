"""Публичные тесты задания 06 «Борьба с переобучением».

Запуск в папке задания:  pytest test_regularization.py
Это простые проверки на маленьких примерах; оценку ставят скрытые тесты.
"""
import numpy as np

from grader.testing import assert_close, assert_float, assert_true, checks, raises_value_error, unchanged


def as_mask(mask, shape, what):
    mask = np.asarray(mask)
    assert_true(mask.shape == shape, f"{what}: маска должна иметь форму {shape}, получена {mask.shape}")
    assert_true(mask.dtype == bool, f"{what}: маска должна быть булевым массивом (dtype=bool), получен dtype {mask.dtype}")
    return mask


# ---------------------------------------------------------------- dropout_forward

@checks("dropout_forward")
def test_dropout_output_follows_mask(student):
    x = np.array([[1.0, 2.0, 3.0, 4.0], [-1.0, 0.5, 2.0, -3.0]])
    with unchanged(x, names=("x",)):
        out, mask = student.dropout_forward(x, 0.25, seed=1)
    mask = as_mask(mask, x.shape, "dropout_forward(x формы (2, 4), p=0.25)")
    assert_close(out, np.where(mask, x / 0.75, 0.0),
                 what="dropout_forward(x, p=0.25): оставленные элементы делятся на 1 − p, выключенные равны 0")


@checks("dropout_forward")
def test_dropout_same_seed_same_mask(student):
    x = np.ones((10, 10))
    out1, mask1 = student.dropout_forward(x, 0.5, seed=42)
    out2, mask2 = student.dropout_forward(x, 0.5, seed=42)
    assert_true(np.array_equal(np.asarray(mask1), np.asarray(mask2)),
                "dropout_forward с одинаковым seed=42 должен давать одинаковую маску")


@checks("dropout_forward")
def test_dropout_keeps_about_one_minus_p(student):
    x = np.ones((200, 100))
    _, mask = student.dropout_forward(x, 0.2, seed=0)
    kept = float(np.mean(np.asarray(mask)))
    assert_true(abs(kept - 0.8) < 0.02,
                f"dropout_forward с p=0.2 (вероятность ВЫКЛЮЧИТЬ элемент): доля оставленных элементов должна быть "
                f"около 0.8, получено {kept:.3f}")


@checks("dropout_forward")
def test_dropout_p_zero_and_eval_mode(student):
    x = np.array([1.0, -2.0, 3.0])
    out, mask = student.dropout_forward(x, 0.0, seed=0)
    assert_close(out, x, what="dropout_forward(x, p=0): ничего не выключается")
    out, mask = student.dropout_forward(x, 0.5, training=False)
    assert_close(out, x, what="dropout_forward(x, p=0.5, training=False): при применении сети x не меняется")
    assert_true(mask is None, "dropout_forward(..., training=False) должен вернуть маску None")


@checks("dropout_forward")
def test_dropout_rejects_p_one(student):
    with raises_value_error("dropout_forward(x, p=1.0)"):
        student.dropout_forward(np.ones(3), 1.0)


# ---------------------------------------------------------------- dropout_backward

@checks("dropout_backward")
def test_dropout_backward_small(student):
    mask = np.array([[True, True, False, True], [True, True, True, True]])
    dout = np.full((2, 4), 0.1)
    dx = student.dropout_backward(dout, mask, 0.25)
    expected = np.array([[0.1, 0.1, 0.0, 0.1], [0.1, 0.1, 0.1, 0.1]]) / 0.75
    assert_close(dx, expected, what="dropout_backward(dout = 0.1, маска с одним нулём, p=0.25)")


# ---------------------------------------------------------------- L2 / L1

W1 = np.array([[1.0, -2.0], [3.0, 0.0]])
B = np.array([0.5, -0.5])


@checks("l2_penalty")
def test_l2_penalty_example(student):
    value = assert_float(student.l2_penalty([W1, B], 0.1), "l2_penalty([W1, b], 0.1)")
    assert_close(value, 0.725, what="l2_penalty([W1, b], lam=0.1) из примера README")


@checks("l2_grad")
def test_l2_grad_example(student):
    assert_close(student.l2_grad(W1, 0.1), [[0.1, -0.2], [0.3, 0.0]], what="l2_grad(W1, lam=0.1)")


@checks("l1_penalty")
def test_l1_penalty_example(student):
    value = assert_float(student.l1_penalty([W1, B], 0.1), "l1_penalty([W1, b], 0.1)")
    assert_close(value, 0.7, what="l1_penalty([W1, b], lam=0.1) из примера README")


@checks("l1_grad")
def test_l1_grad_example(student):
    assert_close(student.l1_grad(W1, 0.1), [[0.1, -0.1], [0.1, 0.0]], what="l1_grad(W1, lam=0.1): в нуле градиент 0")


# ---------------------------------------------------------------- early_stopping

@checks("early_stopping")
def test_early_stopping_readme_example(student):
    losses = [5, 4, 3, 3.5, 3.6, 3.7, 3.8, 3.9]
    got = tuple(student.early_stopping(losses, patience=3))
    assert_true(got == (5, 2), f"early_stopping({losses}, patience=3): ожидалось (5, 2), получено {got}")
    got = tuple(student.early_stopping(losses, patience=6))
    assert_true(got == (None, 2), f"early_stopping({losses}, patience=6): ожидалось (None, 2), получено {got}")
    losses = [3.0, 2.5, 2.6, 2.7, 2.4, 2.8, 2.9, 3.0]  # разбор по шагам из README
    got = tuple(student.early_stopping(losses, patience=3))
    assert_true(got == (7, 4), f"early_stopping({losses}, patience=3): ожидалось (7, 4) — эпоха 4 улучшает best "
                               f"и поэтому не эпоха остановки, получено {got}")


@checks("early_stopping")
def test_early_stopping_min_delta(student):
    losses = [1.0, 0.95, 0.91, 0.5]
    got = tuple(student.early_stopping(losses, patience=2, min_delta=0.1))
    assert_true(got == (2, 0),
                f"early_stopping({losses}, patience=2, min_delta=0.1): ожидалось (2, 0), получено {got}")
    got = tuple(student.early_stopping(losses, patience=2))
    assert_true(got == (None, 3), f"early_stopping({losses}, patience=2): ожидалось (None, 3), получено {got}")
