"""Errors the user can act on (bad input, refused actions): exit code 2, one clear line."""
from __future__ import annotations

import difflib
import re

# Characters that act instead of showing: C0 controls (ESC starts terminal codes), DEL, C1, and the
# bidi overrides that make text read differently from how it is stored ("Trojan source").
# Control characters, bidi overrides, and what XML (a workbook, a Word file) cannot hold: the
# noncharacters U+FFFE and U+FFFF and lone surrogates. Refused in input, escaped on a terminal.
CONTROL_CHARACTERS = "\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff\ud800-\udfff"
# A file name or value quoted back to the user may hold them; show them, never send them.
_UNSAFE = re.compile(f"[{CONTROL_CHARACTERS}]")
UNSAFE = _UNSAFE      # for the terminal's last check (report/rich_text.py)


def _shortened(file: str, keep: int = 60) -> str:
    """A very long path cut in the middle, so the message stays one readable line."""
    return file if len(file) <= 2 * keep + 1 else file[:keep] + "…" + file[-keep:]


MAX_MESSAGE = 600


def _one_readable_line(text: str) -> str:
    """A message quoting a 100 KB value is still one readable line: long words are cut in the middle."""
    if len(text) <= MAX_MESSAGE:
        return text
    text = re.sub(r"[^\s'\"]{60,}", lambda m: m.group()[:30] + "…" + m.group()[-20:], text)
    return text if len(text) <= MAX_MESSAGE else text[:MAX_MESSAGE // 2] + " … " + text[-MAX_MESSAGE // 3:]


def visible(text: str) -> str:
    """`text` with control characters written as escapes (ESC -> \\x1b), so it prints on one inert line."""
    return _UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


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
        where = _shortened(self.file or "")
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
        return _one_readable_line(visible(text))

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


# Letters from other scripts that look like Latin ones, and invisible characters: a key pasted from a
# web page or chat can hold them and would otherwise be reported as "missing" elsewhere.
_LOOKALIKES = str.maketrans({
    "а": "a", "в": "b", "е": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c", "т": "t", "у": "y",
    "х": "x", "і": "i", "ј": "j", "ѕ": "s", "ԁ": "d", "ԛ": "q", "ԝ": "w", "ӏ": "l",
    "α": "a", "β": "b", "ε": "e", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t", "υ": "u", "χ": "x",
    "\u200b": None, "\u200c": None, "\u200d": None, "\u2060": None, "\ufeff": None, "\u00ad": None,
})


def disguised(value: str, options) -> tuple[str, str] | None:
    """(the valid name `value` looks like, its first odd character as U+XXXX) when `value` is not that
    name but reads as it once look-alike letters, full-width forms and invisible characters are undone."""
    import unicodedata

    if not isinstance(value, str) or value.isascii():
        return None
    skeleton = unicodedata.normalize("NFKC", value).lower().translate(_LOOKALIKES)
    for option in options:
        if option == skeleton:
            odd = next(c for c in value if not c.isascii())
            return option, f"U+{ord(odd):04X}"
    return None


# Dutch words a user writes for our (English) key names; looked up before spelling. The words for an
# input's key and its values (uren, loonwaarde, methode, werkgever, regulier, groen, bijstand, jaar, proefplaatsing,
# startdatum, ...) are in its declaration (core/variables.py `aliases` and `value_aliases`, params/NAME.yaml
# `input.aliases`); inputs/declared.py adds them (add_names, add_value_words). Here only the words of keys that are
# no input.
DUTCH_NAMES = {
    "naam": "name", "omschrijving": "description", "beschrijving": "description",
    "caseloadbestand": "caseload", "bestand": "caseload", "plaatsingen": "caseload",
    "varianten": "variants", "vergelijk": "compare",
    "vergelijking": "compare", "taakstelling": "targets", "bereiken": "ranges", "aanpassingen": "overrides",
}
# Value words a Dutch adviser writes (a caseload cell or a scenario value) that are no input's value: with
# the declared ones, the one table both readers use (value_word below, and inputs/caseload.py for its cells).
# Every value word today is an input's (core/variables.py `value_aliases`).
MORE_VALUE_WORDS: dict[str, str] = {}
_NAME_SOURCES: list = []
_VALUE_SOURCES: list = []


def add_names(source) -> None:
    """Register `source()` -> {Dutch word: name}: the words the input declarations give."""
    if source not in _NAME_SOURCES:
        _NAME_SOURCES.append(source)


def add_value_words(source) -> None:
    """Register `source()` -> {Dutch value word: value}: the value words the input declarations give."""
    if source not in _VALUE_SOURCES:
        _VALUE_SOURCES.append(source)


def dutch_names() -> dict[str, str]:
    """Every Dutch word we know: the general ones above and those of the input declarations."""
    out = dict(DUTCH_NAMES)
    for source in _NAME_SOURCES:
        out.update(source())
    return out


def value_words() -> dict[str, str]:
    """Every Dutch value word -> its (English) value: the one table of a scenario file and a caseload.
    A value word wins over a key's word that is spelled the same (dagbesteding)."""
    out = dutch_names()
    for source in _VALUE_SOURCES:
        out.update(source())
    return {**out, **MORE_VALUE_WORDS}


def value_word(value, options) -> str | None:
    """The value among `options` that the Dutch word `value` stands for ('regulier' -> 'regular'), else None.
    Case and runs of spaces do not count: 'Reguliere  werkgever' is 'regular' too."""
    if not isinstance(value, str):
        return None
    meant = value_words().get(" ".join(value.strip().lower().split()))
    return meant if meant in tuple(options) else None


def suggest(value: str, options) -> str | None:
    """The nearest valid name: the English name of a Dutch word, a close spelling, or the one
    name that starts with what was typed."""
    options = list(options)
    names = dutch_names()
    english = names.get(" ".join(str(value).lower().replace("-", " ").split()))
    if english is None:
        english = names.get(str(value).lower().replace(" ", "_").replace("-", "_"))
    if english in options:
        return english
    match = difflib.get_close_matches(str(value), options, n=1, cutoff=0.6)
    if match:
        return match[0]
    starts = [o for o in options if str(value) and o.startswith(str(value))]
    return starts[0] if len(starts) == 1 else None
