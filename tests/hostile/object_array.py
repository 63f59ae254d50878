# expected: 40
# returns an object array (would need pickle to cross)
import numpy as np

def relu(x):
    return np.maximum(np.asarray(x, dtype=float), 0.0)

class Evil:
    def __reduce__(self):
        return (print, ("pwned",))

def sigmoid(x):
    return np.array([Evil()] * np.size(x), dtype=object)
