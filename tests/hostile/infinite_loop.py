# expected: 40
# loops forever in one function
import numpy as np

def relu(x):
    return np.maximum(np.asarray(x, dtype=float), 0.0)

def sigmoid(x):
    while True:
        pass
