# expected: 0
# calls sys.exit at import time
import numpy as np

def relu(x):
    return np.maximum(np.asarray(x, dtype=float), 0.0)

import sys
sys.exit(0)

def sigmoid(x):
    x = np.asarray(x, dtype=float)
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))
