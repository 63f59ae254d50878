"""Show a self-check summary: a rich display bundle (HTML + text) in IPython, plain text elsewhere."""
from __future__ import annotations

import sys
from typing import Any


def ipython() -> Any | None:
    """The running IPython shell, or None (IPython is never imported just to ask)."""
    if "IPython" not in sys.modules:
        return None
    try:
        from IPython import get_ipython
    except ImportError:
        return None
    return get_ipython()


def show(summary: Any) -> None:
    shell = ipython()
    if shell is None:
        print(summary.text())
        return
    from IPython.display import display

    display({"text/plain": summary.text(), "text/html": summary.html()}, raw=True)
    # check() both shows the summary and returns it; the cell's Out[…] must not repeat it.
    summary._shown_in = shell.execution_count


def display_hook(summary: Any) -> None:
    """IPython's display of a summary object (e.g. the value of a cell's last expression)."""
    shell = ipython()
    if shell is not None and summary._shown_in == shell.execution_count:
        summary._shown_in = None
        return
    if shell is None:
        print(summary.text())
        return
    from IPython.display import display

    display({"text/plain": summary.text(), "text/html": summary.html()}, raw=True)
