# expected: 40
# returns a 100000-deep nested list
import numpy as np

def relu(x):
    return np.maximum(np.asarray(x, dtype=float), 0.0)

def sigmoid(x):
    value = []
    for _ in range(100000):
        value = [value]
    return value
