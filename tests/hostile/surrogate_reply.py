# expected: 40
# forges the reply to its own call (it counts the requests): an error whose type and message hold lone
# surrogates, which no UTF-8 database column accepts
import json
import os
import struct

import numpy as np

_requests = [1]  # the load request was number 1


def _counted(function):
    def call(*args, **kwargs):
        _requests[0] += 1
        return function(*args, **kwargs)
    return call


@_counted
def relu(x):
    return np.maximum(np.asarray(x, dtype=float), 0.0)


@_counted
def relu_grad(x):
    return (np.asarray(x, dtype=float) > 0).astype(float)[()]


@_counted
def leaky_relu(x, alpha=0.01):
    x = np.asarray(x, dtype=float)
    return np.where(x > 0, x, alpha * x)[()]


@_counted
def sigmoid(x):
    error = {"type": "ValueError\ud800", "base": "ValueError", "message": "\ud800\udfff", "line": 1,
             "traceback": "\udcff"}
    header = json.dumps({"op": "reply", "id": _requests[0], "error": error, "stdout": "\ud800", "stderr": "",
                         "warnings": [{"category": "UserWarning", "message": "\ud800"}], "mutated": [],
                         "mutated_values": []}).encode()  # ASCII: the surrogates travel as \ud800 escapes
    frame = struct.pack("<QI", len(header), 0) + header
    for fd in range(3, 64):
        try:
            os.write(fd, frame)
        except OSError:
            pass
    return np.zeros(np.shape(x))
