# expected: 40
# tries to raise its own resource limits, then allocates 3 GiB in chunks
import numpy as np

def relu(x):
    return np.maximum(np.asarray(x, dtype=float), 0.0)

import resource

def sigmoid(x):
    for limit in (resource.RLIMIT_AS, resource.RLIMIT_CPU, resource.RLIMIT_NPROC, resource.RLIMIT_FSIZE):
        try:
            resource.setrlimit(limit, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
        except (ValueError, OSError):
            pass
    hoard = [bytearray(256 * 1024 * 1024) for _ in range(12)]
    return np.zeros(np.shape(x))
