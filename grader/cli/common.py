"""What every command module shares: the Russian error line and its exit code."""
from __future__ import annotations

import typer
from rich.console import Console
from rich.markup import escape

_stderr = Console(stderr=True)


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print «Ошибка: …» to stderr and return the Exit to raise (`raise fail(...) from None`)."""
    _stderr.print(f"[bold red]Ошибка:[/] {escape(message)}", highlight=False)
    return typer.Exit(code)
