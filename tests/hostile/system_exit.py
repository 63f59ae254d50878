# expected: 40
# raises SystemExit inside a function
import numpy as np

def relu(x):
    return np.maximum(np.asarray(x, dtype=float), 0.0)

def sigmoid(x):
    raise SystemExit("bye")
