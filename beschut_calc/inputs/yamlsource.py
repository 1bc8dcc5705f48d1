"""Strict, safe reading of hand-edited YAML files, with the position of every value.

Scenario files are written by people, not programs, so anything YAML would
silently reinterpret is refused with a located, Dutch message instead:
YAML 1.1 booleans (``no`` meaning false), octal-looking ``017``, floats,
exponents (``1e3``: text in YAML 1.1, 1000 in 1.2), tags, anchors/aliases/merge keys (expansion bombs), duplicate keys and tabs.

We walk the parser's event stream ourselves rather than using a loader:
that way nothing is ever constructed from a tag or an alias, anchors are
refused the moment they appear, and nesting depth is checked as we go.
"""
from __future__ import annotations

import errno
import os
import re
import stat
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, NoReturn

import yaml

from ..core.errors import CONTROL_CHARACTERS, InputError

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 50
MAX_EVENTS = 50_000    # bounds the work per file; a hand-written scenario has far fewer
MAX_NUMBER_CHARS = 40    # a longer number is a typo, and int() of huge text is slow or refused

# libyaml is much faster; the pure-Python parser yields the same events.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# How plain (unquoted) scalars are read: YAML 1.2 core, plus the YAML 1.1 forms
# people write by accident, which we refuse rather than guess. Order matters.
_PLAIN = re.compile(r"""(?ix)
    (?P<null> null | ~ | )
  | (?P<bool> true | false )
  | (?P<yaml11_bool> yes | no | on | off | y | n )
  | (?P<not_a_number> [-+]? \.? (?: inf | infinity | nan ) )
  | (?P<leading_zero> [-+]? 0 [0-9]+ )
  | (?P<int> [-+]? [0-9]+ )
  | (?P<exponent> [-+]? (?: \.[0-9]+ | [0-9]+ (?: \.[0-9]* )? ) e [-+]? [0-9]+ )
  | (?P<decimal> [-+]? (?: \.[0-9]+ | [0-9]+ (?: \.[0-9]* )? ) (?: e [-+]? [0-9]+ )? )
  | (?P<merge> << )
""")
# Everything outside YAML's printable set; libyaml would refuse it without a line number.
_UNPRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

# In a value, after "\e"-style escapes are decoded: any control character, tab and newline excepted
# (a block scalar may hold them).
_CONTROL_IN_VALUE = re.compile(f"(?![\t\n])[{CONTROL_CHARACTERS}]")

_QUOTE_HINT = "zet tekst tussen aanhalingstekens"
_QUOTE_HINT_EN = "put text between quotes"


@dataclass
class Document:
    data: Any
    file: str
    positions: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[tuple, tuple[int, int]] = field(default_factory=dict)

    def where(self, path: tuple) -> tuple[int | None, int | None]:
        """Best known (line, column) for `path`: its value, its key, or the nearest ancestor."""
        path = tuple(path)
        for table in (self.positions, self.key_positions):
            if path in table:
                return table[path]
        while path:
            path = path[:-1]
            if path in self.positions:
                return self.positions[path]
        return (None, None)

    def within(self, path: tuple, limit, count: int) -> None:
        """Refuse at `path` a request of `count` units over a core/limits.py limit."""
        from ..core import limits

        try:
            limits.check(limit, count)
        except InputError as exc:
            self.fail(path, exc.message, exc.en, exc.hint, exc.hint_en)

    def fail(self, path: tuple, message: str, en: str, hint: str | None = None, hint_en: str | None = None) -> NoReturn:
        """Refuse what stands at `path` in this document: an InputError at its line and column."""
        line, column = self.where(path)
        raise InputError(message, en=en, file=self.file, line=line, column=column, key=dotted(path) or None,
                         hint=hint, hint_en=hint_en)


def dotted(path: tuple) -> str:
    """("variants", 1, "hours") -> "variants[1].hours", the form used in messages."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def load_document(path: str | os.PathLike) -> Document:
    file = os.fspath(path)
    try:
        info = os.stat(file)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(info.st_mode):
            # A pipe, socket or device could block for ever or never end; only plain files are read.
            raise InputError("dit is geen gewoon bestand (maar bijvoorbeeld een pipe of apparaat)",
                             en="this is not a regular file (but e.g. a pipe or device)", file=file,
                             hint="sla de invoer eerst op als .yaml-bestand", hint_en="save the input as a .yaml file first")
        # Refuse before reading, so a huge file costs nothing.
        if info.st_size > MAX_BYTES:
            raise _too_big(file, info.st_size)
        with open(file, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise InputError("bestand bestaat niet", en="file does not exist", file=file,
                         hint="controleer de naam en de map", hint_en="check the name and folder") from None
    except IsADirectoryError:
        raise InputError("dit is een map, geen bestand", en="this is a directory, not a file",
                         file=file, hint="geef het pad naar een .yaml-bestand",
                         hint_en="give the path of a .yaml file") from None
    except PermissionError:
        raise InputError("geen toestemming om het bestand te lezen", en="permission denied",
                         file=file, hint="vraag leesrechten of kopieer het bestand naar uw eigen map",
                         hint_en="ask for read access or copy the file to your own folder") from None
    except OSError as exc:
        reason = _OS_REASONS.get(exc.errno)
        if reason:
            raise InputError(reason[0], en=reason[1], file=file, hint=reason[2], hint_en=reason[3]) from None
        raise InputError(f"bestand kan niet gelezen worden ({exc.strerror})",
                         en=f"cannot read file ({exc.strerror})", file=file,
                         hint="kopieer het bestand naar een lokale map en probeer opnieuw",
                         hint_en="copy the file to a local folder and try again") from None
    if len(raw) > MAX_BYTES:    # the file grew after stat, or stat reports no size (a pipe)
        raise _too_big(file, len(raw))
    return parse_document(_decode(raw, file), file)


_OS_REASONS = {
    errno.ENAMETOOLONG: ("de bestandsnaam of het pad is te lang", "the file name or path is too long",
                         "kies een kortere naam of map", "choose a shorter name or folder"),
    errno.ENOTDIR: ("een deel van het pad is geen map", "part of the path is not a directory",
                    "controleer het pad", "check the path"),
    errno.ELOOP: ("het pad verwijst in een kring naar zichzelf (symbolische koppelingen)",
                  "the path refers to itself in a loop (symbolic links)", "controleer de koppelingen", "check the links"),
}


def parse_document(text: str, file: str = "<invoer>") -> Document:
    text = text.removeprefix("\ufeff")    # Windows editors add a BOM; it would shift column 1
    _check_characters(text, file)
    return _Reader(text, file).read()


def _too_big(file: str, size: int) -> InputError:
    return InputError(f"bestand is te groot ({size:,} bytes; maximaal {MAX_BYTES:,})".replace(",", "."),
                      en=f"file too large ({size:,} bytes; at most {MAX_BYTES:,})", file=file,
                      hint="een scenariobestand is normaal een paar kilobyte",
                      hint_en="a scenario file is normally a few kilobytes")


def _decode(raw: bytes, file: str) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("bestand is opgeslagen als UTF-16", en="file is saved as UTF-16", file=file,
                         hint="sla het op als UTF-8", hint_en="save it as UTF-8")
    if b"\0" in raw:
        offset = raw.index(b"\0")
        line_start = raw.rfind(b"\n", 0, offset) + 1
        raise InputError(f"bestand lijkt geen tekst maar binair (nul-byte op positie {offset})",
                         en=f"file looks binary, not text (NUL byte at offset {offset})",
                         file=file, line=raw.count(b"\n", 0, offset) + 1,
                         column=len(raw[line_start:offset].decode("utf-8", "replace")) + 1,
                         hint="geef een YAML-tekstbestand op", hint_en="give a YAML text file")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        column = len(raw[line_start:exc.start].decode("utf-8", "replace")) + 1
        raise InputError(f"bestand is geen UTF-8-tekst (onleesbaar teken op positie {exc.start})",
                         en=f"file is not UTF-8 text (undecodable byte at offset {exc.start})",
                         file=file, line=raw.count(b"\n", 0, exc.start) + 1, column=column,
                         hint="sla het bestand op met codering UTF-8",
                         hint_en="save the file with UTF-8 encoding") from None


def _check_characters(text: str, file: str) -> None:
    bad = _UNPRINTABLE.search(text)
    if not bad:
        return
    line = text.count("\n", 0, bad.start()) + 1
    column = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
    code = f"U+{ord(bad.group()):04X}"
    if bad.group() == "\0":
        raise InputError("bestand lijkt geen tekst maar binair (nul-teken)",
                         en="file looks binary, not text (NUL character)", file=file,
                         line=line, column=column,
                         hint="geef een YAML-tekstbestand op", hint_en="give a YAML text file")
    raise InputError(f"onzichtbaar stuurteken {code} in de tekst",
                     en=f"invisible control character {code} in the text", file=file,
                     line=line, column=column,
                     hint="verwijder het teken (vaak meegekopieerd uit Word of een pdf)",
                     hint_en="remove it (often pasted along from Word or a PDF)")


class _Reader:
    """Builds plain data and positions from parser events, refusing what we don't allow."""

    def __init__(self, text: str, file: str):
        self.text = text
        self.file = file
        self.positions: dict[tuple, tuple[int, int]] = {}
        self.key_positions: dict[tuple, tuple[int, int]] = {}
        self.events = 0

    def read(self) -> Document:
        try:
            self.parser = _Loader(self.text)
        except yaml.YAMLError as exc:
            raise InputError("ongeldige YAML", en=f"invalid YAML: {exc}", file=self.file) from None
        try:
            # The stream and document start/end events carry nothing we need; a
            # stream that ends right after starting held only comments.
            self._next()
            if isinstance(self._next(), yaml.StreamEndEvent):
                raise self._empty()
            first = self._checked(())
            if isinstance(first, yaml.ScalarEvent) and self._kind(first) == "null":
                raise self._empty()
            if not isinstance(first, yaml.MappingStartEvent):
                raise self._not_a_mapping(first)
            data = self._build(first, (), 1)
            self._next()
            event = self._next()
            if not isinstance(event, yaml.StreamEndEvent):
                raise self._error(event, "meer dan één document in het bestand (een tweede '---')",
                                  "more than one document in the file (a second '---')",
                                  "verwijder de tweede '---' of splits het bestand",
                                  "remove the second '---' or split the file")
        finally:
            self.parser.dispose()
        return Document(data, self.file, self.positions, self.key_positions)

    # -- events -------------------------------------------------------------

    def _next(self):
        try:
            return self.parser.get_event()
        except yaml.YAMLError as exc:
            raise self._syntax_error(exc) from None

    def _checked(self, path: tuple):
        """Next event, refused if it is an alias or carries an anchor or tag."""
        event = self._next()
        self.events += 1
        if self.events > MAX_EVENTS:
            raise self._error(event, f"te veel waarden (meer dan {MAX_EVENTS})",
                              f"too many values (more than {MAX_EVENTS})",
                              "een scenario heeft er normaal hooguit een paar duizend",
                              "a scenario normally has a few thousand at most", path)
        if getattr(event, "anchor", None):    # aliases carry the name of their anchor here too
            raise self._error(event, "ankers en verwijzingen (&naam, *naam) zijn niet toegestaan",
                              "anchors and aliases (&name, *name) are not allowed",
                              "schrijf de waarde gewoon uit", "write the value out in full", path)
        if getattr(event, "tag", None) is not None:
            tag = event.tag.replace("tag:yaml.org,2002:", "!!")    # show it as it was written
            raise self._error(event, f"YAML-tag '{tag}' is niet toegestaan",
                              f"YAML tag '{tag}' is not allowed",
                              "verwijder de tag: het woord dat met ! begint",
                              "remove the tag: the word starting with !", path)
        return event

    # -- building -----------------------------------------------------------

    def _build(self, event, path: tuple, depth: int) -> Any:
        self.positions[path] = (event.start_mark.line + 1, event.start_mark.column + 1)
        if isinstance(event, yaml.ScalarEvent):
            return self._scalar(event, path)
        if depth > MAX_DEPTH:
            raise self._error(event, f"te diep genest (meer dan {MAX_DEPTH} niveaus)",
                              f"nested too deeply (more than {MAX_DEPTH} levels)",
                              "een scenario heeft hooguit een paar niveaus; controleer de haakjes en de inspringing",
                              "a scenario has a few levels at most; check the brackets and indentation", path[:3])
        if isinstance(event, yaml.SequenceStartEvent):
            items: list[Any] = []
            while True:
                item_path = path + (len(items),)
                event = self._checked(item_path)
                if isinstance(event, yaml.SequenceEndEvent):
                    return items
                items.append(self._build(event, item_path, depth + 1))
        mapping: dict[str, Any] = {}
        while True:
            event = self._checked(path)
            if isinstance(event, yaml.MappingEndEvent):
                return mapping
            key = self._key(event, path, mapping)
            mapping[key] = self._build(self._checked(path + (key,)), path + (key,), depth + 1)

    def _key(self, event, path: tuple, mapping: dict) -> str:
        if not isinstance(event, yaml.ScalarEvent):
            raise self._error(event, "een sleutel moet een woord zijn, geen lijst of groep",
                              "a key must be a word, not a list or mapping",
                              "controleer de inspringing en de haakjes",
                              "check the indentation and brackets", path)
        # Keys keep their text: "2017: 31" has key "2017", and "no:" stays "no".
        key = event.value
        self._refuse_controls(event, key, path)
        kind = self._kind(event)
        if kind == "merge":
            raise self._error(event, "samenvoegsleutel '<<' is niet toegestaan",
                              "merge key '<<' is not allowed",
                              "schrijf de sleutels gewoon uit", "write the keys out in full", path)
        if kind == "null":
            raise self._error(event, "lege sleutel", "empty key",
                              "zet een naam vóór de dubbele punt", "put a name before the colon", path)
        if key in mapping:
            first_line = self.key_positions[path + (key,)][0]
            raise self._error(event, f"dubbele sleutel '{key}' (ook op regel {first_line})",
                              f"duplicate key '{key}' (also on line {first_line})",
                              "houd er één over; YAML zou de eerste stilzwijgend negeren",
                              "keep one; YAML would silently drop the first", path + (key,))
        self.key_positions[path + (key,)] = (event.start_mark.line + 1, event.start_mark.column + 1)
        return key

    def _kind(self, event) -> str | None:
        """What a scalar looks like (a group name of _PLAIN), or None for text."""
        if event.style not in ("", None):    # quoted and block scalars are text (libyaml: "", PyYAML: None)
            return None
        match = _PLAIN.fullmatch(event.value)
        return match.lastgroup if match else None

    def _scalar(self, event, path: tuple) -> Any:
        text = event.value
        kind = self._kind(event)
        if kind is None or kind == "merge":
            self._refuse_controls(event, text, path)
            return text
        if kind == "null":
            return None
        if kind == "bool":
            return text.lower() == "true"
        if kind == "yaml11_bool":
            raise self._error(event, f"'{text}' is dubbelzinnig: ja/nee of tekst?",
                              f"'{text}' is ambiguous: yes/no or text?",
                              f"schrijf true of false, of {_QUOTE_HINT}: \"{text}\"",
                              f"write true or false, or {_QUOTE_HINT_EN}: \"{text}\"", path)
        if kind == "not_a_number":
            raise self._error(event, f"'{text}' is geen bruikbaar getal",
                              f"'{text}' is not a usable number",
                              "schrijf een getal als 31", "write a number such as 31", path)
        if len(text) > MAX_NUMBER_CHARS:
            raise self._error(event, f"getal is te lang (meer dan {MAX_NUMBER_CHARS} tekens)",
                              f"number too long (more than {MAX_NUMBER_CHARS} characters)",
                              "controleer het getal", "check the number", path)
        if kind == "leading_zero":
            raise self._error(event, f"'{text}' begint met een 0 en is daardoor dubbelzinnig",
                              f"'{text}' starts with 0, which makes it ambiguous (octal in YAML 1.1)",
                              f"laat de 0 weg, of {_QUOTE_HINT}: \"{text}\"",
                              f"drop the leading 0, or {_QUOTE_HINT_EN}: \"{text}\"", path)
        if kind == "int":
            return int(text)
        number = Decimal(text)
        if abs(number.adjusted()) > MAX_NUMBER_CHARS:
            raise self._error(event, f"getal '{text}' is onredelijk groot of klein",
                              f"number '{text}' is unreasonably large or small",
                              "controleer het getal", "check the number", path)
        if kind == "exponent":
            # YAML 1.1 readers (PyYAML, hence many tools) keep 1e3 as text, YAML 1.2 reads 1000.
            written = format(number, "f")
            raise self._error(event, f"'{text}' is een getal met een e-macht; YAML-lezers lezen dat verschillend",
                              f"'{text}' is a number with an exponent; YAML readers disagree on what it means",
                              f"schrijf het getal uit: {written}", f"write the number out: {written}", path)
        return number

    def _refuse_controls(self, event, text: str, path: tuple) -> None:
        bad = _CONTROL_IN_VALUE.search(text)
        if bad:
            code = f"U+{ord(bad.group()):04X}"
            raise self._error(event, f"stuurteken {code} in de tekst (bijvoorbeeld via \\e of \\x1b)",
                              f"control character {code} in the text (e.g. via \\e or \\x1b)",
                              "verwijder het teken; namen en omschrijvingen zijn gewone tekst",
                              "remove it; names and descriptions are plain text", path)

    # -- errors -------------------------------------------------------------

    def _error(self, event, nl: str, en: str, hint: str | None = None, hint_en: str | None = None,
               path: tuple = ()) -> InputError:
        return InputError(nl, en=en, hint=hint, hint_en=hint_en, file=self.file,
                          line=event.start_mark.line + 1, column=event.start_mark.column + 1,
                          key=dotted(path) or None)

    def _empty(self) -> InputError:
        return InputError("leeg bestand", en="empty file", file=self.file,
                          hint="een scenario bestaat uit regels als 'naam: waarde'",
                          hint_en="a scenario consists of lines like 'name: value'")

    def _not_a_mapping(self, event) -> InputError:
        what, what_en = ("een lijst", "a list") if isinstance(event, yaml.SequenceStartEvent) \
            else ("een losse waarde", "a single value")
        return self._error(event, f"het bestand moet uit 'sleutel: waarde'-regels bestaan, niet uit {what}",
                           f"the file must consist of 'key: value' lines, not {what_en}",
                           "begin met bijvoorbeeld 'naam: ...'", "start with e.g. 'name: ...'")

    def _syntax_error(self, exc: yaml.YAMLError) -> InputError:
        if not isinstance(exc, yaml.MarkedYAMLError):
            return InputError("ongeldige YAML", en=f"invalid YAML: {exc}", file=self.file,
                              hint="controleer de inspringing, dubbele punten en aanhalingstekens",
                              hint_en="check the indentation, colons and quotes")
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or ""
        # An unclosed quote or bracket is only noticed at the end; point at where it opened.
        if exc.context_mark and mark and self._at_end(mark):
            mark = exc.context_mark
        line, column = _position(mark) if mark else (None, None)
        en = f"invalid YAML: {exc.context + ', ' if exc.context else ''}{problem}"
        if mark and self._tab_at(mark):
            return InputError("tab gebruikt voor inspringen; gebruik spaties",
                              en="tab used for indentation; use spaces", file=self.file,
                              line=line, column=column,
                              hint="vervang de tab door spaties", hint_en="replace the tab by spaces")
        nl, hint, hint_en = _explain(problem, exc.context or "")
        return InputError(f"ongeldige YAML: {nl}", en=en, hint=hint, hint_en=hint_en, file=self.file,
                          line=line, column=column)

    def _at_end(self, mark) -> bool:
        lines = self.text.splitlines()
        rest = lines[mark.line][mark.column:] if mark.line < len(lines) else ""
        return not rest.strip() and not any(line.strip() for line in lines[mark.line + 1:])

    def _tab_at(self, mark) -> bool:
        lines = self.text.splitlines()
        if mark.line >= len(lines):
            return False
        text = lines[mark.line]
        indent = text[:len(text) - len(text.lstrip(" \t-"))]
        return "\t" in indent or text[mark.column:mark.column + 1] == "\t"


def _position(mark) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1)


_INDENT = ("de inspringing klopt niet", "regels op hetzelfde niveau moeten even ver inspringen",
           "lines at the same level must be indented equally")
# (fragment of the parser's problem or context, Dutch explanation, Dutch hint, English hint);
# fragments cover both libyaml's and PyYAML's wording.
_EXPLANATIONS = [
    ("mapping values are not allowed", ("onverwachte dubbele punt",
     "staat er ': ' in een tekst, zet die dan tussen aanhalingstekens; controleer anders de inspringing",
     "if the text contains ': ', put it between quotes; otherwise check the indentation")),
    ("unknown escape", ("onbekende \\-code in tekst tussen dubbele aanhalingstekens",
     "gebruik enkele aanhalingstekens, bijvoorbeeld 'C:\\map'", "use single quotes, e.g. 'C:\\folder'")),
    ("quoted scalar", ("aanhalingsteken wordt niet afgesloten",
     "zet aan het eind van de tekst hetzelfde aanhalingsteken", "close the text with the same quote")),
    ("flow sequence", ("lijst tussen [ ] wordt niet goed afgesloten",
     "controleer de komma's en de ] aan het eind", "check the commas and the closing ]")),
    ("flow mapping", ("groep tussen { } wordt niet goed afgesloten",
     "controleer de komma's en de } aan het eind", "check the commas and the closing }")),
    ("cannot start any token", ("teken dat hier niet mag staan (zoals @, ` of %)",
     _QUOTE_HINT, _QUOTE_HINT_EN)),
    ("could not find expected ':'", ("regel zonder dubbele punt", "schrijf 'sleutel: waarde'",
     "write 'key: value'")),
    ("block sequence entries are not allowed", ("lijstteken '-' op een plek waar geen lijst kan beginnen",
     "controleer de inspringing", "check the indentation")),
    ("expected key", _INDENT),
    ("block end", _INDENT),
    ("'-' indicator", _INDENT),
]


def _explain(problem: str, context: str) -> tuple[str, str, str]:
    for fragment, explanation in _EXPLANATIONS:
        if fragment in problem or fragment in context:
            return explanation
    return ("het bestand volgt de YAML-regels niet",
            "controleer de inspringing, dubbele punten en aanhalingstekens",
            "check the indentation, colons and quotes")
