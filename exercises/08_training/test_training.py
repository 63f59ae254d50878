"""Публичные тесты задания 08: обучение на маленькой спирали и формат ответа.

Запуск из папки задания: pytest test_training.py
"""
import numpy as np
import pytest

from grader.testing import assert_true, checks


def make_spiral(n_per_class=300, k=3, noise=0.2, seed=0):
    rng = np.random.default_rng(seed)
    r = np.tile(np.linspace(0.0, 1.0, n_per_class), k)
    y = np.repeat(np.arange(k), n_per_class)
    t = np.tile(np.linspace(0.0, 4.0, n_per_class), k) + 4.0 * y + noise * rng.standard_normal(n_per_class * k)
    return np.column_stack([r * np.sin(t), r * np.cos(t)]), y


X, Y = make_spiral(seed=1)
PERM = np.random.default_rng(1).permutation(len(Y))
TRAIN, TEST = PERM[:630], PERM[630:]


_MODELS = pytest.StashKey[dict]()


def spiral_model(student, request):
    """Модель, обученная на спирали; обучаем один раз на весь запуск — это самая долгая часть."""
    cache = request.config.stash.setdefault(_MODELS, {})
    callspec = getattr(request.node, "callspec", None)
    key = callspec.params.get("student") if callspec is not None else None
    if key not in cache:
        cache[key] = student.train_classifier(X[TRAIN], Y[TRAIN])
    return cache[key]


@checks("train_classifier")
def test_spiral_accuracy(student, request):
    model = spiral_model(student, request)
    pred = np.asarray(student.predict(model, X[TEST]))
    assert_true(pred.size == len(TEST), f"predict должна вернуть по одной метке на строку X, получена форма {pred.shape}")
    acc = float(np.mean(pred.reshape(-1) == Y[TEST]))
    assert_true(acc >= 0.9, f"точность на отложенной части спирали {acc:.3f}, нужно не меньше 0.90")


@checks("train_classifier")
def test_model_is_dict_of_arrays(student, request):
    model = spiral_model(student, request)
    assert_true(isinstance(model, dict) and len(model) > 0,
                f"train_classifier должна вернуть непустой словарь массивов, получено {type(model).__name__}")
    bad = [key for key, value in model.items() if not isinstance(value, (np.ndarray, int, float, np.number, str))]
    assert_true(not bad, f"в модели должны быть только массивы NumPy (и отдельные числа или строки), а не: {bad}")


@checks("predict")
def test_predict_returns_integer_labels(student, request):
    model = spiral_model(student, request)
    pred = student.predict(model, X[TEST])
    assert_true(isinstance(pred, np.ndarray), f"predict должна вернуть массив NumPy, получено {type(pred).__name__}")
    assert_true(pred.shape == (len(TEST),), f"predict: ожидалась форма ({len(TEST)},), получено {pred.shape}")
    assert_true(np.issubdtype(pred.dtype, np.integer), f"predict должна вернуть целые метки, а dtype {pred.dtype}")
    assert_true(set(np.unique(pred).tolist()) <= {0, 1, 2}, "predict: метки должны быть из {0, 1, 2}")


@checks("predict")
def test_predict_single_row(student, request):
    model = spiral_model(student, request)
    batch = np.asarray(student.predict(model, X[TEST[:5]]))
    for i in range(5):
        one = np.asarray(student.predict(model, X[TEST[i]:TEST[i] + 1]))
        assert_true(one.shape == (1,), f"predict для одной строки должна вернуть форму (1,), получено {one.shape}")
        assert_true(one[0] == batch[i], f"строка {i}: отдельно предсказан класс {one[0]}, а в составе батча — {batch[i]}")


@checks("train_classifier")
def test_model_follows_the_format(student, request):
    """Формат модели из README: слои W1, b1, ..., WL, bL подряд с 1, согласованные формы."""
    model = spiral_model(student, request)
    L = 0
    while f"W{L + 1}" in model:
        L += 1
    assert_true(L >= 1, "в модели нет слоя W1 (см. «Формат модели» в README)")
    width = 2  # число признаков спирали
    for i in range(1, L + 1):
        W, b = model[f"W{i}"], model.get(f"b{i}")
        assert_true(isinstance(W, np.ndarray) and isinstance(b, np.ndarray),
                    f"W{i} и b{i} должны быть массивами NumPy (не списками)")
        assert_true(W.ndim == 2 and W.shape[0] == width, f"W{i} должна иметь форму ({width}, …), получено {W.shape}")
        assert_true(b.shape == (W.shape[1],), f"b{i} должен иметь форму ({W.shape[1]},), получено {b.shape}")
        width = W.shape[1]
    assert_true(width == 3, f"последний слой должен давать 3 логита (по числу классов), а даёт {width}")
    assert_true(model.get("activation", "relu") in ("relu", "tanh", "sigmoid"),
                f"activation должна быть 'relu', 'tanh' или 'sigmoid', получено {model.get('activation')!r}")
    assert_true(("mean" in model) == ("std" in model), "mean и std задаются вместе (или оба отсутствуют)")


@checks("predict")
def test_predict_on_a_hand_built_model(student):
    """predict понимает любую модель в формате из README, а не только свою."""
    model = {"W1": np.array([[1.0, -1.0, 0.5], [0.5, 2.0, -1.0]]), "b1": np.array([0.0, 0.1, -0.2]),
             "W2": np.array([[1.0, 0.0], [-1.0, 1.0], [0.5, -2.0]]), "b2": np.array([0.05, -0.05]),
             "activation": "tanh", "mean": np.array([1.0, -1.0]), "std": np.array([2.0, 0.5])}
    Xs = np.array([[1.0, -1.0], [3.0, 0.0], [-1.0, -2.0], [0.0, 1.0]])
    A = np.tanh(((Xs - model["mean"]) / model["std"]) @ model["W1"] + model["b1"])
    expected = np.argmax(A @ model["W2"] + model["b2"], axis=1)
    got = np.asarray(student.predict(model, Xs))
    assert_true(got.shape == (4,) and bool(np.all(got == expected)),
                f"predict на модели из двух слоёв с activation='tanh' и mean/std: ожидалось {expected.tolist()}, "
                f"получено {got.tolist()}")
