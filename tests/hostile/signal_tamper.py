# expected: 40
# ignores every catchable signal, then loops forever
import numpy as np

def relu(x):
    return np.maximum(np.asarray(x, dtype=float), 0.0)

import signal

def sigmoid(x):
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP, signal.SIGALRM, signal.SIGXCPU, signal.SIGUSR1):
        try:
            signal.signal(sig, signal.SIG_IGN)
        except (OSError, ValueError):
            pass
    while True:
        pass
