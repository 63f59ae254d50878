# expected: 40
# allocates memory in 256 MiB chunks up to 3 GiB (stopped by the memory limit)
import numpy as np

def relu(x):
    return np.maximum(np.asarray(x, dtype=float), 0.0)

def sigmoid(x):
    hoard = []
    for _ in range(12):
        hoard.append(bytearray(256 * 1024 * 1024))
    return np.zeros(np.shape(x))
