# expected: 40
# raises an exception whose str() itself raises
import numpy as np

def relu(x):
    return np.maximum(np.asarray(x, dtype=float), 0.0)

class Evil(Exception):
    def __str__(self):
        raise RuntimeError("no message for you")

def sigmoid(x):
    raise Evil()
