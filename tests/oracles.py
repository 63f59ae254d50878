"""Independent oracles shared by the reference tests: written here, never taken from solutions/."""
import re

import numpy as np

CYRILLIC = re.compile("[а-яА-ЯёЁ]")


def fd_grad(f, x, h=1e-5):
    """Central-difference gradient of a scalar function f at x (perturbs a private copy)."""
    x = np.array(x, dtype=float)
    g = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        old = x[idx]
        x[idx] = old + h
        fp = f(x.copy())
        x[idx] = old - h
        fm = f(x.copy())
        x[idx] = old
        g[idx] = (fp - fm) / (2 * h)
    return g


def rel_err(a, b):
    """Relative error of two arrays in the Frobenius norm."""
    a, b = np.asarray(a, float), np.asarray(b, float)
    return np.linalg.norm(a - b) / max(np.linalg.norm(a) + np.linalg.norm(b), 1e-300)
