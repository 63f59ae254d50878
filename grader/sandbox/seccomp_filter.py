"""A seccomp filter for the worker, written as raw BPF (no library needed).

Denies what a numeric function never needs and a hostile one would want:
network sockets (only AF_UNIX allowed), new namespaces (unshare, setns,
clone with namespace flags), ptrace and reading other processes' memory,
mounts, kernel keyrings, bpf, perf, userfaultfd, module loading, io_uring
(which could bypass the socket rule), and SysV IPC (shared memory, semaphores
and message queues outlive the process that made them: one submission could
leave gigabytes or a message for the next one).

`build_guard_program(pid)` is a second filter for the zygote's children: it
lets a process set limits, priority, affinity and signals only for itself and
its own children, never for the zygote `pid` (which forks the next students).
Standalone: copied into the sandbox.
"""
from __future__ import annotations

import ctypes
import errno
import platform
import struct

_RET_ALLOW = 0x7FFF0000
_RET_KILL = 0x80000000
_LD_ABS_W, _JEQ, _JGE, _JSET, _RET = 0x20, 0x15, 0x35, 0x45, 0x06
_NS_FLAGS = 0x7E020000  # CLONE_NEWNS|NEWCGROUP|NEWUTS|NEWIPC|NEWUSER|NEWPID|NEWNET
_AF_UNIX = 1

# name -> (x86_64, aarch64) syscall numbers
_DENIED = {
    "ptrace": (101, 117), "mount": (165, 40), "umount2": (166, 39), "unshare": (272, 97),
    "setns": (308, 268), "bpf": (321, 280), "keyctl": (250, 219), "add_key": (248, 217),
    "request_key": (249, 218), "perf_event_open": (298, 241), "userfaultfd": (323, 282),
    "init_module": (175, 105), "finit_module": (313, 273), "delete_module": (176, 106),
    "kexec_load": (246, 104), "pivot_root": (155, 41), "chroot": (161, 51), "swapon": (167, 224),
    "reboot": (169, 142), "process_vm_readv": (310, 270), "process_vm_writev": (311, 271),
    "io_uring_setup": (425, 425), "io_uring_enter": (426, 426), "io_uring_register": (427, 427),
    "shmget": (29, 194), "semget": (64, 190), "msgget": (68, 186),
}
_SOCKET, _CLONE, _CLONE3 = (41, 198), (56, 220), (435, 435)
_ARCH = {"x86_64": (0xC000003E, 0), "aarch64": (0xC00000B7, 1)}


def _insn(code: int, k: int, jt: int = 0, jf: int = 0) -> bytes:
    return struct.pack("HBBI", code, jt, jf, k)


def build_program(machine: str | None = None) -> bytes:
    arch, col = _ARCH[machine or platform.machine()]
    eperm = 0x00050000 | errno.EPERM
    prog = [_insn(_LD_ABS_W, 4), _insn(_JEQ, arch, 1, 0), _insn(_RET, _RET_KILL), _insn(_LD_ABS_W, 0)]
    if col == 0:  # x32 ABI syscalls on x86_64 would dodge the numbers below
        prog += [_insn(_JGE, 0x40000000, 0, 1), _insn(_RET, eperm)]
    for numbers in _DENIED.values():
        prog += [_insn(_JEQ, numbers[col], 0, 1), _insn(_RET, eperm)]
    # clone3 hides its flags in memory: make libc fall back to clone, which we can inspect.
    prog += [_insn(_JEQ, _CLONE3[col], 0, 1), _insn(_RET, 0x00050000 | errno.ENOSYS)]
    prog += [_insn(_JEQ, _SOCKET[col], 0, 4), _insn(_LD_ABS_W, 16), _insn(_JEQ, _AF_UNIX, 0, 1),
             _insn(_RET, _RET_ALLOW), _insn(_RET, eperm)]
    prog += [_insn(_JEQ, _CLONE[col], 0, 3), _insn(_LD_ABS_W, 16), _insn(_JSET, _NS_FLAGS, 0, 1),
             _insn(_RET, eperm)]
    prog += [_insn(_RET, _RET_ALLOW)]
    return b"".join(prog)


# Guard filter: (x86_64, aarch64) numbers. Signals may go anywhere but to the zygote,
# its process group and "everyone" (-1)...
_SIGNAL_BY_PID = {"kill": (62, 129), "rt_sigqueueinfo": (129, 138), "tkill": (200, 130), "tgkill": (234, 131),
                  "rt_tgsigqueueinfo": (297, 240), "pidfd_open": (434, 434)}
# ...and these act only on the caller itself (pid 0), as libc's setrlimit/nice/sched_* do.
_SELF_ONLY = {"prlimit64": ((302, 261), (0,)), "setpriority": ((141, 140), (0, 1)),
              "sched_setparam": ((142, 118), (0,)), "sched_setscheduler": ((144, 119), (0,)),
              "sched_setaffinity": ((203, 122), (0,)), "sched_setattr": ((314, 274), (0,)),
              "ioprio_set": ((251, 30), (1,)), "migrate_pages": ((256, 238), (0,)),
              "move_pages": ((279, 239), (0,))}


def _arg(i: int) -> bytes:
    return _insn(_LD_ABS_W, 16 + 8 * i)  # low 32 bits of argument i (pids are C ints)


def build_guard_program(protected_pid: int, machine: str | None = None) -> bytes:
    """Deny EPERM for any signal, limit or priority change aimed at `protected_pid`."""
    arch, col = _ARCH[machine or platform.machine()]
    eperm = 0x00050000 | errno.EPERM
    deny_deny = _insn(_RET, eperm)
    prog = [_insn(_LD_ABS_W, 4), _insn(_JEQ, arch, 1, 0), _insn(_RET, _RET_KILL)]
    forbidden = [protected_pid & 0xFFFFFFFF, -protected_pid & 0xFFFFFFFF, 0xFFFFFFFF]
    for numbers in _SIGNAL_BY_PID.values():
        body = [_arg(0)]
        for value in forbidden:
            body += [_insn(_JEQ, value, 0, 1), deny_deny]
        body += [_insn(_RET, _RET_ALLOW)]
        prog += [_insn(_LD_ABS_W, 0), _insn(_JEQ, numbers[col], 0, len(body))] + body
    for numbers, zero_args in _SELF_ONLY.values():
        body = []
        for i in zero_args:  # "who"/"pid" must be 0 (for setpriority "which" too: PRIO_PROCESS)
            body += [_arg(i), _insn(_JEQ, 0, 1, 0), deny_deny]
        body += [_insn(_RET, _RET_ALLOW)]
        prog += [_insn(_LD_ABS_W, 0), _insn(_JEQ, numbers[col], 0, len(body))] + body
    prog += [_insn(_RET, _RET_ALLOW)]
    return b"".join(prog)


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


def install(program: bytes | None = None) -> None:
    """Install the filter (default: the main one) on this process and its future children (irreversible)."""
    program = build_program() if program is None else program
    buffer = ctypes.create_string_buffer(program, len(program))
    fprog = _SockFprog(len(program) // 8, ctypes.cast(buffer, ctypes.c_void_p))
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(38, 1, 0, 0, 0) != 0:  # PR_SET_NO_NEW_PRIVS
        raise OSError(ctypes.get_errno(), "PR_SET_NO_NEW_PRIVS")
    if libc.prctl(22, 2, ctypes.byref(fprog), 0, 0) != 0:  # PR_SET_SECCOMP, SECCOMP_MODE_FILTER
        raise OSError(ctypes.get_errno(), "PR_SET_SECCOMP")


def supported() -> bool:
    return platform.machine() in _ARCH
