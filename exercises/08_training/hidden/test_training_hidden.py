"""Скрытые тесты задания 08 (обучение сети).

Архитектура, инициализация и оптимизатор — на выбор студента в рамках формата модели из
условия, поэтому тесты не сравнивают веса с эталоном, а проверяют свойства. Каждая функция
оценивается сама по себе: точность модели студента считает эталонный predict, а predict
студента проверяется на моделях, обученных эталоном, и на моделях, собранных здесь же.

Обучение — самая долгая часть, поэтому каждая модель студента обучается один раз на
проверяемое решение (кэш в config.stash по имени решения), эталонные модели — один раз на
процесс. Студенту всегда передаются копии (модели и данных): записи в аргументы не должны
доходить до общих данных следующих решений.
"""
import copy
import time
from pathlib import Path

import numpy as np
import pytest

from grader.testing import assert_true, course_root, points, raises_value_error, reference, rule, unchanged

ref = reference("training")

WORKS_FIRST = "ValueError засчитывается только вместе с верным результатом на допустимых аргументах"


def _time_limit() -> float:
    try:
        from grader.course import load_course
        return float(load_course(course_root(Path(__file__).resolve().parent)).course.limits.call_timeout_s)
    except Exception:  # noqa: BLE001 - без course.yaml берём предел по умолчанию
        return 10.0


TIME_LIMIT_S = _time_limit()


# ------------------------------------------------------------------ datasets

def _split(X, y, seed, frac=0.7):
    perm = np.random.default_rng(seed).permutation(len(y))
    cut = int(frac * len(y))
    return X[perm[:cut]], y[perm[:cut]], X[perm[cut:]], y[perm[cut:]]


def make_spiral(n_per_class=300, k=3, noise=0.2, seed=0):
    rng = np.random.default_rng(seed)
    r = np.tile(np.linspace(0.0, 1.0, n_per_class), k)
    y = np.repeat(np.arange(k), n_per_class)
    t = np.tile(np.linspace(0.0, 4.0, n_per_class), k) + 4.0 * y + noise * rng.standard_normal(n_per_class * k)
    return np.column_stack([r * np.sin(t), r * np.cos(t)]), y


def make_circles(n=600, noise=0.08, seed=0):
    rng = np.random.default_rng(seed)
    y = np.arange(n) % 2
    radius = np.where(y == 0, 0.5, 1.0) + noise * rng.standard_normal(n)
    angle = rng.uniform(0.0, 2 * np.pi, n)
    return np.column_stack([radius * np.cos(angle), radius * np.sin(angle)]), y


def make_blobs(n=600, k=4, d=5, seed=0):
    rng = np.random.default_rng(seed)
    y = np.arange(n) % k
    X = 4.0 * np.eye(k, d)[y] + rng.standard_normal((n, d))
    return X * np.array([1.0, 2.0, 0.5, 3.0, 1.0]) + 5.0, y


DATASETS = {
    # name: (X_train, y_train, X_test, y_test, число классов, аргументы train_classifier, описание)
    "spiral": (*_split(*make_spiral(seed=2024), seed=11), 3, {},
               "спираль из трёх рукавов, аргументы по умолчанию"),
    "circles": (*_split(*make_circles(seed=2025), seed=12), 2, {"seed": 7},
                "два концентрических кольца, seed=7"),
    "blobs": (*_split(*make_blobs(seed=2026), seed=13), 4, {"hidden": 32, "epochs": 60, "batch_size": 32, "seed": 3},
              "четыре облака в 5-мерном пространстве, hidden=32, epochs=60, batch_size=32, seed=3"),
}

_MODELS = pytest.StashKey[dict]()
_REFERENCE_MODELS: dict = {}


def _trained(student, request, name):
    """(model, seconds) for dataset `name`, trained once per checked submission."""
    cache = request.config.stash.setdefault(_MODELS, {})
    callspec = getattr(request.node, "callspec", None)
    key = (callspec.params.get("student") if callspec is not None else None, name)
    if key not in cache:
        X_train, y_train, _, _, _, kwargs, _ = DATASETS[name]
        start = time.perf_counter()
        try:
            model = student.train_classifier(X_train.copy(), y_train.copy(), **kwargs)
        except Exception as exc:  # noqa: BLE001 - ошибка обучения проваливает каждый тест, которому нужна модель
            cache[key] = exc
        else:
            cache[key] = (model, time.perf_counter() - start)
    value = cache[key]
    if isinstance(value, Exception):
        raise value
    return value


def _reference_model(name):
    """A model of dataset `name` trained by the reference (trusted, once per process); a private copy."""
    if name not in _REFERENCE_MODELS:
        X_train, y_train, _, _, _, kwargs, _ = DATASETS[name]
        _REFERENCE_MODELS[name] = ref.train_classifier(X_train.copy(), y_train.copy(), **kwargs)
    return copy.deepcopy(_REFERENCE_MODELS[name])


def _reference_predict(model, X, what):
    """Labels of the student's model by the reference predict; a model outside the format fails here."""
    try:
        return ref.predict(copy.deepcopy(model), np.array(X, copy=True))
    except ValueError as exc:
        raise AssertionError(f"{what}: модель не в формате из условия («Формат модели»): {exc}") from None


def _student_predict(student, model, X):
    return student.predict(copy.deepcopy(model), np.array(X, copy=True))


def _accuracy(student, request, name):
    model, seconds = _trained(student, request, name)
    _, _, X_test, y_test, _, _, what = DATASETS[name]
    pred = _reference_predict(model, X_test, what)
    return float(np.mean(pred == y_test)), seconds


def _size(model) -> int:
    """How many numbers a model holds (strings count as none)."""
    if not isinstance(model, dict):
        return -1
    return int(sum(np.size(v) for v in model.values() if not isinstance(v, str)))


# ------------------------------------------------------------------ train_classifier (70)

@rule("train-accuracy")
@points(25, "train_classifier")
def test_spiral_accuracy(student, request):
    acc, _ = _accuracy(student, request, "spiral")
    assert_true(acc >= 0.90,
                f"спираль из трёх рукавов (630 обучающих точек, аргументы по умолчанию): точность на отложенной "
                f"выборке {acc:.3f}, нужно не меньше 0.90. Проверьте нелинейность между слоями, инициализацию, "
                "знак шага и что обучение идёт все epochs эпох",
                accuracy=acc)


@rule("train-time")
@points(5, "train_classifier")
def test_spiral_time(student, request):
    acc, seconds = _accuracy(student, request, "spiral")
    assert_true(acc >= 0.90, f"спираль: время обучения засчитывается только вместе с точностью не ниже 0.90, "
                             f"получено {acc:.3f}")
    assert_true(seconds <= TIME_LIMIT_S,
                f"спираль: обучение с аргументами по умолчанию заняло {seconds:.1f} с, а предел — {TIME_LIMIT_S:g} с; "
                "векторизуйте вычисления по батчу", seconds=seconds)


@rule("train-accuracy")
@points(10, "train_classifier")
def test_circles_accuracy(student, request):
    acc, _ = _accuracy(student, request, "circles")
    assert_true(acc >= 0.90,
                f"два концентрических кольца (2 класса, seed=7): точность на отложенной выборке {acc:.3f}, "
                "нужно не меньше 0.90", accuracy=acc)


@rule("train-accuracy")
@points(10, "train_classifier")
def test_blobs_accuracy(student, request):
    acc, _ = _accuracy(student, request, "blobs")
    assert_true(acc >= 0.90,
                "четыре облака точек (4 класса, 5 признаков разного масштаба со сдвигом, hidden=32, epochs=60, "
                f"batch_size=32, seed=3): точность на отложенной выборке {acc:.3f}, нужно не меньше 0.90",
                accuracy=acc)


@rule("model-format")
@points(5, "train_classifier")
def test_model_format(student):
    X, y = make_blobs(n=120, seed=34)
    model = student.train_classifier(X, y, hidden=8, epochs=3, batch_size=16, seed=0)
    assert_true(isinstance(model, dict) and len(model) > 0,
                f"train_classifier должна вернуть непустой словарь, получено {type(model).__name__}")
    bad, nonfinite = [], []
    for key, value in model.items():
        if isinstance(value, str):
            continue  # e.g. the name of the activation
        if not isinstance(value, (np.ndarray, int, float, np.number)) or isinstance(value, (bool, np.bool_)) \
                or np.asarray(value).dtype.kind not in "iuf":
            bad.append(f"{key} ({type(value).__name__})")
        elif not np.all(np.isfinite(np.asarray(value, dtype=np.float64))):
            nonfinite.append(str(key))
    assert_true(not bad, "значения модели должны быть массивами NumPy, числами или строками (не списками и не "
                         f"объектами); не подходят: {', '.join(bad)}")
    assert_true(not nonfinite, f"в модели после обучения есть nan или inf: ключи {', '.join(nonfinite)}")
    try:
        ref.model_layers(copy.deepcopy(model))
    except ValueError as exc:
        raise AssertionError(f"модель не в формате из условия («Формат модели»): {exc}") from None


@rule("model-size")
@points(5, "train_classifier")
def test_model_size_does_not_grow_with_data(student):
    X, y = make_blobs(n=480, seed=33)
    sizes = []
    for m in (120, 480):
        model = student.train_classifier(X[:m].copy(), y[:m].copy(), hidden=16, epochs=3, batch_size=32, seed=0)
        _reference_predict(model, X[:5], f"train_classifier на {m} примерах")
        sizes.append(_size(model))
    assert_true(sizes[0] == sizes[1] and sizes[0] > 0,
                f"модель, обученная на 120 примерах, хранит {sizes[0]} чисел, а на 480 примерах — {sizes[1]}: размер "
                "модели не должен зависеть от числа обучающих примеров (модель хранит параметры сети, а не выборку)")


@rule("inputs-unchanged")
@points(5, "train_classifier")
def test_train_inputs_unchanged(student):
    X, y = make_blobs(n=120, seed=31)
    with unchanged(X, y, names=("X", "y")):
        model = student.train_classifier(X, y, hidden=8, epochs=2, batch_size=16, seed=0)
    _reference_predict(model, X[:3], "train_classifier(X из 120 строк, hidden=8, epochs=2)")


@rule("train-mismatched-lengths")
@points(5, "train_classifier")
def test_train_mismatched_lengths(student):
    X, y = make_blobs(n=80, seed=32)
    what = f"train_classifier(X из 80 строк, y из 80 меток, hidden=8, epochs=2) — {WORKS_FIRST}"
    pred = _reference_predict(student.train_classifier(X.copy(), y.copy(), hidden=8, epochs=2, batch_size=16),
                              X, what)
    assert_true(pred.shape == (80,), f"{what}: модель должна давать метку для каждой строки X")
    with raises_value_error("train_classifier: X из 80 строк, а y из 79 меток"):
        student.train_classifier(X, y[:-1], hidden=8, epochs=2, batch_size=16)


# ------------------------------------------------------------------ predict (30)

def _random_model(seed, sizes, activation=None, standardize=True):
    """A model in the statement's format with random weights (logits of a useful scale)."""
    rng = np.random.default_rng(seed)
    model = {}
    for i, (a, b) in enumerate(zip(sizes[:-1], sizes[1:]), start=1):
        model[f"W{i}"] = rng.normal(0.0, np.sqrt(2.0 / a), size=(a, b))
        model[f"b{i}"] = rng.normal(0.0, 0.1, size=b)
    if activation is not None:
        model["activation"] = activation
    if standardize:
        model["mean"] = rng.normal(0.0, 2.0, size=sizes[0])
        model["std"] = rng.uniform(0.5, 3.0, size=sizes[0])
    return model


def _oracle(model, X):
    """Labels by the formula of the statement, written here independently of the reference."""
    A = np.asarray(X, dtype=np.float64)
    if "mean" in model:
        A = (A - model["mean"]) / model["std"]
    f = {"relu": lambda z: np.maximum(z, 0.0), "tanh": np.tanh,
         "sigmoid": lambda z: 0.5 * (1.0 + np.tanh(z / 2.0))}[model.get("activation", "relu")]
    layers = sum(1 for k in model if k.startswith("W"))
    for i in range(1, layers + 1):
        A = A @ model[f"W{i}"] + model[f"b{i}"]
        if i < layers:
            A = f(A)
    return np.argmax(A, axis=1)


def _check_labels(pred, expected, what):
    assert_true(isinstance(pred, np.ndarray),
                f"{what}: predict должна вернуть массив NumPy, получено {type(pred).__name__}")
    assert_true(pred.shape == expected.shape,
                f"{what}: ожидалась форма {expected.shape} — одна метка на строку, получено {pred.shape}")
    assert_true(np.issubdtype(pred.dtype, np.integer),
                f"{what}: predict должна вернуть целые метки классов (dtype int), а вернула dtype {pred.dtype}; "
                "метки — это номера классов, а не вероятности и не числа с плавающей точкой")
    wrong = int(np.sum(pred != expected))
    assert_true(wrong == 0, f"{what}: {wrong} из {len(expected)} меток не совпали с argmax логитов модели "
                            f"(первые ожидаемые {expected[:5].tolist()}, получено {pred[:5].tolist()})")


@rule("predict-labels")
@points(10, "predict")
@pytest.mark.parametrize("name", ["spiral", "circles", "blobs"])
def test_predict_reference_models(student, name):
    model = _reference_model(name)
    _, _, X_test, _, _, _, what = DATASETS[name]
    expected = ref.predict(copy.deepcopy(model), X_test.copy())
    _check_labels(_student_predict(student, model, X_test), expected,
                  f"predict на модели, обученной эталоном ({what}), X формы {X_test.shape}")


FORMAT_CASES = {
    "one-layer": ((3, 4), None, False, "один слой W1, b1 (линейная модель), без mean/std"),
    "tanh-3": ((4, 16, 8, 5), "tanh", True, "три слоя, activation='tanh', с mean/std"),
    "sigmoid-2": ((2, 12, 3), "sigmoid", True, "два слоя, activation='sigmoid', с mean/std"),
    "relu-4": ((6, 10, 10, 10, 4), "relu", False, "четыре слоя, activation='relu', без mean/std"),
    "default-relu": ((5, 9, 3), None, True, "два слоя без ключа activation (значит, ReLU), с mean/std"),
}


@rule("predict-format")
@points(9, "predict")
@pytest.mark.parametrize("case", list(FORMAT_CASES))
def test_predict_model_format(student, case):
    sizes, activation, standardize, text = FORMAT_CASES[case]
    model = _random_model(len(case) + sizes[0], sizes, activation, standardize)
    X = np.random.default_rng(sizes[-1]).normal(0.0, 2.0, size=(60, sizes[0]))
    _check_labels(_student_predict(student, model, X), _oracle(model, X),
                  f"predict на модели «{text}», X формы {X.shape}")


@rule("predict-rows-independent")
@points(6, "predict")
def test_predict_rows_independent(student):
    model = _reference_model("spiral")
    X_test = DATASETS["spiral"][2][:12]
    batch = np.asarray(_student_predict(student, model, X_test))
    assert_true(batch.shape == (12,), f"predict для X формы (12, 2): ожидалась форма (12,), получено {batch.shape}")
    for i in range(len(X_test)):
        one = np.asarray(_student_predict(student, model, X_test[i:i + 1]))
        assert_true(one.shape == (1,), f"predict для одной строки (X формы (1, 2)) должна вернуть форму (1,), "
                                       f"получено {one.shape}")
        assert_true(one[0] == batch[i],
                    f"строка {i}: предсказанная отдельно метка {one[0]} не совпала с меткой {batch[i]} в составе батча; "
                    "предсказание строки не должно зависеть от остальных строк (не нормируйте X по статистикам батча)")
    reverse = np.asarray(_student_predict(student, model, X_test[::-1]))
    assert_true(reverse.shape == (12,) and bool(np.all(reverse == batch[::-1])),
                "predict для тех же 12 строк в обратном порядке дала другие метки (с учётом порядка)")


@rule("inputs-unchanged")
@points(2, "predict")
def test_predict_inputs_unchanged(student):
    model = _reference_model("spiral")
    X_test = np.array(DATASETS["spiral"][2], copy=True)
    arrays = [v for v in model.values() if isinstance(v, np.ndarray)]
    names = tuple(f"model[{k!r}]" for k, v in model.items() if isinstance(v, np.ndarray))
    with unchanged(X_test, *arrays, names=("X",) + names):
        student.predict(model, X_test)


@rule("predict-wrong-features")
@points(3, "predict")
def test_predict_wrong_features(student):
    model = _reference_model("spiral")
    X_test = DATASETS["spiral"][2][:20]
    _check_labels(_student_predict(student, model, X_test), ref.predict(copy.deepcopy(model), X_test.copy()),
                  f"predict на модели эталона для X формы (20, 2) — {WORKS_FIRST}")
    with raises_value_error("predict: модель обучена на 2 признаках, а X формы (5, 3)"):
        _student_predict(student, model, np.ones((5, 3)))
