# expected: 100
# writes up to 200 MiB to its working directory (stopped at the file-size limit), computes honestly
import numpy as np

def relu(x):
    return np.maximum(np.asarray(x, dtype=float), 0.0)

def sigmoid(x):
    chunk = b"0" * (1024 * 1024)
    try:
        with open("big.bin", "wb") as f:
            for _ in range(200):
                f.write(chunk)
    except OSError:
        pass
    x = np.asarray(x, dtype=float)
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))
