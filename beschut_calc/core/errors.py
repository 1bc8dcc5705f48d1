"""Errors the user can act on (bad input, refused actions): exit code 2, one clear line."""
from __future__ import annotations

import difflib


class InputError(Exception):
    """A problem with what the user gave us, located as precisely as we can.

    `file`, `line` and `column` point at the offending place (line and column
    are 1-based; None when unknown), `key` names the scenario key (dotted path,
    e.g. ``variants[1].hours``), `message` says what is wrong and `hint` what
    to do about it.
    """

    def __init__(self, message: str, *, file: str | None = None, line: int | None = None,
                 column: int | None = None, key: str | None = None, hint: str | None = None,
                 en: str | None = None, hint_en: str | None = None):
        super().__init__(message)
        self.message = message
        self.en = en or message
        self.hint_en = hint_en or hint
        self.file = file
        self.line = line
        self.column = column
        self.key = key
        self.hint = hint

    def located(self, file: str | None = None, line: int | None = None,
                column: int | None = None, key: str | None = None) -> "InputError":
        """Fill in location details that are still unknown; returns self."""
        self.file = self.file or file
        self.line = self.line or line
        self.column = self.column or column
        self.key = self.key or key
        return self

    def render(self, lang: str = "nl") -> str:
        message, hint = (self.en, self.hint_en) if lang == "en" else (self.message, self.hint)
        where = self.file or ""
        if self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        # A command-line option (--years) is located by its name alone; there is no file to name.
        text = f"{where}: " if where else ("" if (self.key or "").startswith("--") else "<invoer>: ")
        if self.key:
            text += f"{self.key}: "
        text += message
        if hint:
            text += f" ({hint})"
        return text

    def __str__(self) -> str:
        return self.render()


class Invalid(ValueError):
    """A wrong value, said in Dutch and English with a hint; whoever catches it adds where it is.

    A ValueError, so code that only knows ValueError still works; str() is Dutch.
    """

    def __init__(self, message: str, en: str, hint: str | None = None, hint_en: str | None = None):
        super().__init__(message)
        self.message, self.en, self.hint, self.hint_en = message, en, hint, hint_en

    @classmethod
    def of(cls, exc: ValueError) -> "Invalid":
        """`exc` itself, or a plain ValueError wrapped (its text in both languages)."""
        return exc if isinstance(exc, Invalid) else cls(str(exc), str(exc))

    def at(self, **where) -> InputError:
        """This problem as a located InputError (file, line, column, key)."""
        return InputError(self.message, en=self.en, hint=self.hint, hint_en=self.hint_en, **where)


def suggest(value: str, options) -> str | None:
    """The nearest valid name: a close spelling, or the one name that starts with what was typed."""
    options = list(options)
    match = difflib.get_close_matches(str(value), options, n=1, cutoff=0.6)
    if match:
        return match[0]
    starts = [o for o in options if str(value) and o.startswith(str(value))]
    return starts[0] if len(starts) == 1 else None
