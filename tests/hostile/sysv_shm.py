# expected: 40
# leaves SysV shared memory, a semaphore set and a message queue behind for the next submission
import numpy as np


def relu(x):
    return np.maximum(np.asarray(x, dtype=float), 0.0)


import ctypes

KEY = 0x6E6E6772
IPC_CREAT = 0o1000


def leave_ipc_objects():
    """What could be created (each object would outlive this process)."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.shmat.restype = ctypes.c_void_p
    made = {}
    shm = libc.shmget(KEY, 64 << 20, IPC_CREAT | 0o666)  # bounded: 64 MiB
    if shm >= 0:
        address = libc.shmat(shm, None, 0)
        if address not in (None, ctypes.c_void_p(-1).value):
            ctypes.memmove(address, b"secret of the previous student", 30)
            libc.shmdt(ctypes.c_void_p(address))
    made["shm"] = shm >= 0
    made["sem"] = libc.semget(KEY, 1, IPC_CREAT | 0o666) >= 0
    made["msg"] = libc.msgget(KEY, IPC_CREAT | 0o666) >= 0
    return made


def sigmoid(x):
    leave_ipc_objects()
    return np.zeros(np.shape(x))
