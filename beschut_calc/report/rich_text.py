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

        def render_str(self, text: str, *args, **kwargs):
            # issue 24: a path, name or header from a file reaches the terminal escaped (ESC as \x1b),
            # before the table measures it, so the columns stay aligned
            return super().render_str(_shown(text), *args, **kwargs)

        def _render_buffer(self, buffer) -> str:
            # the last line: text from a Text object made elsewhere is escaped here too (rich's own
            # codes for colour and cursor are made from styles and control segments, not from text)
            from rich.segment import Segment

            from ..core.errors import UNSAFE

            return super()._render_buffer(
                Segment(_shown(seg.text), seg.style, seg.control)
                if not seg.control and seg.text != "\n" and UNSAFE.search(seg.text) else seg for seg in buffer)

    return QuietPipeConsole


def _shown(text: str) -> str:
    """`text` with control and direction characters escaped (core/errors.visible), its line breaks kept."""
    from ..core.errors import visible

    return "\n".join(visible(line) for line in text.split("\n")) if "\n" in text else visible(text)


def console(file=None, width: int = 140):
    """A terminal gives its own width; redirected output is `width` wide unless COLUMNS says otherwise."""
    global _Console
    if _Console is None:
        _Console = _console_class()

    out = file or sys.stdout
    columns = os.environ.get("COLUMNS", "")
    # COLUMNS of thousands of digits would fail int() (issue 24): at most four digits are read
    sane = columns.isascii() and columns.isdigit() and len(columns) <= 4
    if not out.isatty() and sane and 40 <= int(columns) <= 1000:
        width = int(columns)
    return _Console(file=out, width=None if out.isatty() else width, highlight=False, soft_wrap=False, markup=False,
                    emoji=False, _environ=environ())


def environ() -> dict:
    """The environment for a rich Console: rich reads COLUMNS and LINES itself on a terminal (int() of
    thousands of digits fails), so they pass only when they are short numbers."""
    return {key: value for key, value in os.environ.items()
            if key not in ("COLUMNS", "LINES") or (value.isascii() and value.isdigit() and len(value) <= 4)}


def styled(text: str, style: str = ""):
    from rich.text import Text

    return Text(_shown(str(text)), style=style)


def bold(text: str):
    return styled(text, "bold")


def dim(text: str):
    return styled(text, "dim")


def signed(text: str, bold_: bool = False):
    """An amount in red when it is negative, green otherwise."""
    colour = "red" if text.startswith("-") else "green"
    return styled(text, f"bold {colour}" if bold_ else colour)
