# expected: 40
# raises an exception whose class name is 2 MiB long and emits warnings with 1 MiB category names
import numpy as np
import warnings


def relu(x):
    return np.maximum(np.asarray(x, dtype=float), 0.0)


def sigmoid(x):
    category = type("W" * (1 << 20), (UserWarning,), {})
    for _ in range(50):
        warnings.warn("w" * 10000, category)
    raise type("E" * (2 << 20), (ValueError,), {})("m" * (1 << 20))
