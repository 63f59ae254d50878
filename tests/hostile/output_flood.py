# expected: 100
# prints 64 MiB of output but computes honestly
import numpy as np

def relu(x):
    return np.maximum(np.asarray(x, dtype=float), 0.0)

import sys

def sigmoid(x):
    line = "x" * 1023 + "\n"
    for _ in range(64 * 1024):
        sys.stdout.write(line)
    return _honest(x)

def _honest(x):
    x = np.asarray(x, dtype=float)
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))
