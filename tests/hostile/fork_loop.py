# expected: 40
# forks at most 200 sleeping children (bounded), then returns a wrong answer
import numpy as np

def relu(x):
    return np.maximum(np.asarray(x, dtype=float), 0.0)

import os, time

def sigmoid(x):
    children = 0
    for _ in range(200):
        try:
            pid = os.fork()
        except OSError:
            break
        if pid == 0:
            time.sleep(30)
            os._exit(0)
        children += 1
    return np.zeros(np.shape(x))
