# expected: 40
# kills its own worker with os._exit inside a function
import numpy as np

def relu(x):
    return np.maximum(np.asarray(x, dtype=float), 0.0)

import os

def sigmoid(x):
    os._exit(0)
