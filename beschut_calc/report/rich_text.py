"""Terminal output that never interprets text from files: every console has markup off, and the
styling we want is given as rich Text objects, so a name like "[/bold]" or "[link=...]" is shown as
written (issue 15)."""
from __future__ import annotations

import os
import sys


_Console = None


def _console_class():
    from rich.console import Console

    class QuietPipeConsole(Console):
        """rich answers a closed pipe (`| head -1`) with exit 1; we let the CLI end quietly with 0."""

        def on_broken_pipe(self) -> None:
            raise BrokenPipeError()

    return QuietPipeConsole


def console(file=None, width: int = 140):
    """A terminal gives its own width; redirected output is `width` wide unless COLUMNS says otherwise."""
    global _Console
    if _Console is None:
        _Console = _console_class()

    out = file or sys.stdout
    columns = os.environ.get("COLUMNS", "")
    if not out.isatty() and columns.isdigit() and 40 <= int(columns) <= 1000:
        width = int(columns)
    return _Console(file=out, width=None if out.isatty() else width, highlight=False, soft_wrap=False, markup=False,
                    emoji=False)


def styled(text: str, style: str = ""):
    from rich.text import Text

    return Text(str(text), style=style)


def bold(text: str):
    return styled(text, "bold")


def dim(text: str):
    return styled(text, "dim")


def signed(text: str, bold_: bool = False):
    """An amount in red when it is negative, green otherwise."""
    colour = "red" if text.startswith("-") else "green"
    return styled(text, f"bold {colour}" if bold_ else colour)
