# expected: 40
# starts a thread that keeps writing after the call returns
import numpy as np

def relu(x):
    return np.maximum(np.asarray(x, dtype=float), 0.0)

import threading, time

def _spam():
    for _ in range(100):
        print("spam" * 100)
        time.sleep(0.01)

def sigmoid(x):
    threading.Thread(target=_spam, daemon=True).start()
    return np.zeros(np.shape(x))
