"""Fixture reference module: only what the fixture bank's expressions call."""
import numpy as np


def sigmoid(x):
    x = np.asarray(x, dtype=np.float64)
    return (0.5 * (1.0 + np.tanh(0.5 * x)))[()]
