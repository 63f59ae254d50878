"""Plain JSON data from whatever a test or a record carries (shared by the harness and the gradebook)."""
from __future__ import annotations

import math
from datetime import datetime
from typing import Any


def jsonable(value: Any) -> Any:
    """Plain JSON data from feedback details (tuples, NumPy scalars and arrays, …).

    Tuples become lists, NumPy numbers Python numbers, non-finite floats strings
    ("nan", "inf": JSON has no such literals), anything else its str().
    """
    if value is None or isinstance(value, (bool, str, int)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=repr) if isinstance(value, (set, frozenset)) else value
        return [jsonable(v) for v in items]
    if isinstance(value, datetime):
        return value.isoformat()
    tolist = getattr(value, "tolist", None)  # NumPy scalars and arrays, without importing NumPy
    if callable(tolist):
        return jsonable(tolist())
    return str(value)
