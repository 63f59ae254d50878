# expected: 40
# an honest relu that also tries the network, other folders and a write outside the scratch folder:
# the points stay honest, and the instructor sees the "подозрительные действия" note (test_sandbox_alerts.py)
import os
import socket

import numpy as np


def relu(x):
    try:
        socket.socket(socket.AF_INET, socket.SOCK_STREAM).connect(("127.0.0.1", 9))
    except OSError:
        pass
    for place in ("/work", "/home", "../hidden"):
        try:
            os.listdir(place)
        except OSError:
            pass
    try:
        with open("/var/tmp/nngrader-reach-out", "w") as handle:
            handle.write("был здесь")
    except OSError:
        pass
    return np.maximum(np.asarray(x, dtype=np.float64), 0.0)
