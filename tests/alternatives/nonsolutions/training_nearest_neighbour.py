"""Not a solution of 08: the "model" stores the training set and predict answers with the label of
the nearest training point (accurate on every dataset of the tests, but no network at all)."""
import numpy as np


def train_classifier(X, y, hidden=64, epochs=200, lr=1e-3, batch_size=64, seed=0):
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    if len(X) != len(y):
        raise ValueError("длины X и y не совпадают")
    return {"X": X.copy(), "y": y.astype(np.int64)}


def predict(model, X):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[1] != model["X"].shape[1]:
        raise ValueError("не то число признаков")
    d = ((X[:, None, :] - model["X"][None, :, :]) ** 2).sum(axis=2)
    return model["y"][np.argmin(d, axis=1)]
