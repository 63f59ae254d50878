"""Скрытые тесты задания 08 (обучение сети).

Архитектура, инициализация и оптимизатор — на выбор студента, поэтому тесты не
сравнивают веса с эталоном, а проверяют свойства: точность на отложенной выборке
трёх наборов данных, формат модели и предсказаний, независимость предсказания
строки от остального батча, неизменность входов, ValueError на несогласованных формах.

Обучение — самая долгая часть, поэтому каждая модель обучается один раз на
проверяемое решение (кэш в config.stash по имени проверяемого решения), а в
predict всегда передаётся копия модели.
"""
import copy
import time
from pathlib import Path

import numpy as np
import pytest

from grader.testing import assert_true, course_root, points, raises_value_error, reference, unchanged

ref = reference("training")


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


def _predict(student, model, X):
    return student.predict(copy.deepcopy(model), np.array(X, copy=True))


def _labels(pred, m, what):
    """A lenient view of predictions for the accuracy tests, so that they grade the training.

    The format of predict is graded by predict's own tests; here labels of shape (m, 1) or of a
    float dtype are accepted, and a matrix of class scores (m, k) is read through its argmax.
    """
    arr = np.asarray(pred)
    assert_true(arr.dtype.kind in "iufb" and arr.ndim in (1, 2) and len(arr) == m,
                f"{what}: predict должна вернуть по одной метке на каждую из {m} строк X "
                f"(массив формы ({m},)), получено {np.shape(pred)}")
    if arr.ndim == 2 and arr.shape[1] > 1:
        return np.argmax(arr, axis=1)
    return arr.reshape(m)


def _accuracy(student, request, name):
    model, seconds = _trained(student, request, name)
    _, _, X_test, y_test, _, _, what = DATASETS[name]
    pred = _labels(_predict(student, model, X_test), len(y_test), what)
    return float(np.mean(pred == y_test)), seconds


# ------------------------------------------------------------------ train_classifier (70)

@points(35, "train_classifier")
def test_spiral_accuracy(student, request):
    acc, seconds = _accuracy(student, request, "spiral")
    assert_true(acc >= 0.90,
                f"спираль из трёх рукавов (630 обучающих точек, аргументы по умолчанию): точность на отложенной "
                f"выборке {acc:.3f}, нужно не меньше 0.90. Проверьте нелинейность между слоями, инициализацию, "
                "знак шага и что обучение идёт все epochs эпох",
                accuracy=acc)
    assert_true(seconds <= TIME_LIMIT_S,
                f"спираль: обучение с аргументами по умолчанию заняло {seconds:.1f} с, а предел — {TIME_LIMIT_S:g} с; "
                "векторизуйте вычисления по батчу", seconds=seconds)


@points(10, "train_classifier")
def test_circles_accuracy(student, request):
    acc, _ = _accuracy(student, request, "circles")
    assert_true(acc >= 0.90,
                f"два концентрических кольца (2 класса, seed=7): точность на отложенной выборке {acc:.3f}, "
                "нужно не меньше 0.90", accuracy=acc)


@points(10, "train_classifier")
def test_blobs_accuracy(student, request):
    acc, _ = _accuracy(student, request, "blobs")
    assert_true(acc >= 0.90,
                "четыре облака точек (4 класса, 5 признаков разного масштаба со сдвигом, hidden=32, epochs=60, "
                f"batch_size=32, seed=3): точность на отложенной выборке {acc:.3f}, нужно не меньше 0.90",
                accuracy=acc)


@points(5, "train_classifier")
def test_model_is_dict_of_arrays(student, request):
    model, _ = _trained(student, request, "spiral")
    assert_true(isinstance(model, dict) and len(model) > 0,
                f"train_classifier должна вернуть непустой словарь массивов NumPy, получено {type(model).__name__}")
    bad, nonfinite = [], []
    for key, value in model.items():
        if isinstance(value, str):
            continue  # e.g. the name of the activation
        if not isinstance(value, (np.ndarray, int, float, np.number, np.bool_)) \
                or np.asarray(value).dtype.kind not in "biuf":
            bad.append(str(key))
        elif not np.all(np.isfinite(np.asarray(value, dtype=np.float64))):
            nonfinite.append(str(key))
    assert_true(not bad, "в модели должны быть только числовые массивы NumPy (допускаются и отдельные числа "
                         f"и строки); не подходят значения по ключам: {', '.join(bad)}")
    assert_true(not nonfinite, f"в модели после обучения есть nan или inf: ключи {', '.join(nonfinite)}")


@points(5, "train_classifier")
def test_train_inputs_unchanged(student):
    X, y = make_blobs(n=120, seed=31)
    with unchanged(X, y, names=("X", "y")):
        student.train_classifier(X, y, hidden=8, epochs=2, batch_size=16, seed=0)


@points(5, "train_classifier")
def test_train_mismatched_lengths(student):
    X, y = make_blobs(n=80, seed=32)
    with raises_value_error("train_classifier: X из 80 строк, а y из 79 меток"):
        student.train_classifier(X, y[:-1], hidden=8, epochs=2, batch_size=16)


# ------------------------------------------------------------------ predict (30)

@points(10, "predict")
def test_predict_integer_labels(student, request):
    model, _ = _trained(student, request, "spiral")
    X_test, m = DATASETS["spiral"][2], len(DATASETS["spiral"][3])
    pred = _predict(student, model, X_test)
    assert_true(isinstance(pred, np.ndarray),
                f"predict должна вернуть массив NumPy, получено {type(pred).__name__}")
    assert_true(pred.shape == (m,),
                f"predict для X формы {X_test.shape}: ожидалась форма ({m},) — одна метка на строку, получено {pred.shape}")
    assert_true(np.issubdtype(pred.dtype, np.integer),
                f"predict должна вернуть целые метки классов (dtype int), а вернула dtype {pred.dtype}; "
                "метки — это номера классов, а не вероятности и не числа с плавающей точкой")
    values = sorted(set(np.unique(pred).tolist()))
    assert_true(set(values) <= {0, 1, 2},
                f"predict на спирали из 3 классов должна возвращать метки 0, 1, 2, а вернула {values[:10]}")


@points(8, "predict")
def test_predict_rows_independent(student, request):
    model, _ = _trained(student, request, "spiral")
    X_test = DATASETS["spiral"][2][:12]
    batch = np.asarray(_predict(student, model, X_test))
    assert_true(batch.shape == (12,), f"predict для X формы (12, 2): ожидалась форма (12,), получено {batch.shape}")
    for i in range(len(X_test)):
        one = np.asarray(_predict(student, model, X_test[i:i + 1]))
        assert_true(one.shape == (1,), f"predict для одной строки (X формы (1, 2)) должна вернуть форму (1,), "
                                       f"получено {one.shape}")
        assert_true(one[0] == batch[i],
                    f"строка {i}: предсказанная отдельно метка {one[0]} не совпала с меткой {batch[i]} в составе батча; "
                    "предсказание строки не должно зависеть от остальных строк (не нормируйте X по статистикам батча)")
    reverse = np.asarray(_predict(student, model, X_test[::-1]))
    assert_true(reverse.shape == (12,) and bool(np.all(reverse == batch[::-1])),
                "predict для тех же 12 строк в обратном порядке дала другие метки (с учётом порядка)")


@points(6, "predict")
@pytest.mark.parametrize("name", ["circles", "blobs"])
def test_predict_other_datasets(student, request, name):
    model, _ = _trained(student, request, name)
    _, _, X_test, y_test, k, _, what = DATASETS[name]
    pred = _predict(student, model, X_test)
    assert_true(isinstance(pred, np.ndarray) and pred.shape == (len(y_test),),
                f"{what}: predict для X формы {X_test.shape} должна вернуть массив формы ({len(y_test)},), "
                f"получено {np.shape(pred)}")
    assert_true(np.issubdtype(pred.dtype, np.integer), f"{what}: predict вернула dtype {pred.dtype}, а нужны целые метки")
    assert_true(bool(np.all((pred >= 0) & (pred < k))),
                f"{what}: метки должны быть из диапазона 0…{k - 1}, получено {sorted(set(pred.tolist()))[:10]}")


@points(3, "predict")
def test_predict_inputs_unchanged(student, request):
    model, _ = _trained(student, request, "spiral")
    model = copy.deepcopy(model)
    X_test = np.array(DATASETS["spiral"][2], copy=True)
    arrays = [v for v in model.values() if isinstance(v, np.ndarray)] if isinstance(model, dict) else []
    names = tuple(f"model[{k!r}]" for k, v in model.items() if isinstance(v, np.ndarray)) if isinstance(model, dict) else ()
    with unchanged(X_test, *arrays, names=("X",) + names):
        student.predict(model, X_test)


@points(3, "predict")
def test_predict_wrong_features(student, request):
    model, _ = _trained(student, request, "spiral")
    with raises_value_error("predict: модель обучена на 2 признаках, а X формы (5, 3)"):
        _predict(student, model, np.ones((5, 3)))
