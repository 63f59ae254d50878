# expected: 40
# writes half a frame header to the protocol pipe, then sleeps: the trusted side must not wait for the rest
import numpy as np


def relu(x):
    return np.maximum(np.asarray(x, dtype=float), 0.0)


import fcntl, os, stat, time


def protocol_writers():
    out = []
    for fd in range(3, 64):
        try:
            if stat.S_ISFIFO(os.fstat(fd).st_mode) and fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_ACCMODE == os.O_WRONLY:
                out.append(fd)
        except OSError:
            pass
    return out


def sigmoid(x):
    for fd in protocol_writers():
        os.write(fd, b"\x05\x00\x00")  # 3 of the 12 header bytes
    time.sleep(20)  # bounded even if the grader waited: the worker is killed at the call's timeout
    return np.zeros(np.shape(x))
