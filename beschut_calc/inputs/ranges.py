"""Ranges of the uncertain inputs: the shipped ones, each in its input's declaration (`range:` in
core/variables.py or in params/NAME.yaml `input:`), and a scenario's own `ranges:` (issue 14).
Every value is read and bounded like the same input in a scenario file."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..core.errors import Invalid
from ..core.variables import Range
from . import declared

KEYS = {"low", "central", "high", "source"}


def range_names() -> tuple[str, ...]:
    """The inputs that have an uncertainty range: those whose declaration gives one."""
    return tuple(name for name, v in declared.variables().items() if v.range is not None)


def _value(name: str, raw: Any) -> Decimal:
    from .units import parse_euro, parse_fraction, parse_number

    inp = declared.get(name)
    if inp.kind == "fraction":
        value = parse_fraction(raw)
    elif inp.kind == "euro":
        value = parse_euro(raw)
    else:
        value = parse_number(raw, name, name, f"bijvoorbeeld {name}: {{low: 24, central: 31, high: 31, source: ...}}",
                             f"for example {name}: {{low: 24, central: 31, high: 31, source: ...}}")
    if not inp.valid(value):
        raise Invalid(f"{inp.fmt(value)} valt buiten het geldige bereik van {name} ({inp.fmt(inp.low)} tot {inp.fmt(inp.high)})",
                      f"{inp.fmt(value, 'en')} is outside the valid range of {name} ({inp.fmt(inp.low, 'en')} to {inp.fmt(inp.high, 'en')})")
    return value


def parse_range(name: str, raw: Any, fail) -> Range:
    """One entry; `fail(path, nl, en, hint, hint_en)` refuses at the entry's place in the file."""
    example = f"bijvoorbeeld {name}: {{low: ..., central: ..., high: ..., source: aanname}}"
    example_en = f"for example {name}: {{low: ..., central: ..., high: ..., source: aanname}}"
    names = range_names()
    if name not in names:
        from ..core.errors import suggest

        close = suggest(str(name), names)
        fail((name,), f"geen bereik mogelijk voor {name!r}", f"no range possible for {name!r}",
             (f"bedoelt u '{close}'? " if close else "") + "kies uit: " + ", ".join(names),
             (f"did you mean '{close}'? " if close else "") + "choose from: " + ", ".join(names))
    if not isinstance(raw, dict):
        fail((name,), "verwacht een mapping met low, central, high en source", "expected a mapping with low, central, high and source",
             example, example_en)
    for key in raw:
        if key not in KEYS:
            fail((name, key), "onbekende sleutel in een bereik", "unknown key in a range", "toegestaan: low, central, high, source",
                 "allowed: low, central, high, source")
    for key in ("low", "central", "high", "source"):
        if key not in raw:
            fail((name,), f"'{key}' ontbreekt", f"'{key}' is missing", example, example_en)
    values = {}
    for key in ("low", "central", "high"):
        try:
            values[key] = _value(name, raw[key])
        except Invalid as problem:
            fail((name, key), problem.message, problem.en, problem.hint or example, problem.hint_en or example_en)
    if not values["low"] <= values["central"] <= values["high"]:
        fail((name,), "verwacht low ≤ central ≤ high", "expected low ≤ central ≤ high", example, example_en)
    if not isinstance(raw["source"], str) or not raw["source"].strip():
        fail((name, "source"), "verwacht een bron (tekst), of 'aanname'", "expected a source (text), or 'aanname'",
             "bijvoorbeeld source: aanname", "for example source: aanname")
    return Range(name, values["low"], values["central"], values["high"], raw["source"].strip())


def default_ranges() -> dict[str, Range]:
    """Every declared range, read and bounded as a scenario's own would be."""
    from ..core.parameters import to_decimal

    def fail(path, nl, en, *_):
        raise ValueError(f"the declared range of {'.'.join(map(str, path))}: {en}")

    return {name: parse_range(name, to_decimal(v.range), fail) for name, v in declared.variables().items() if v.range is not None}


def scenario_ranges(doc) -> dict[str, Range]:
    """A scenario's `ranges:` laid over the shipped ones."""
    raw = doc.data["ranges"]
    if not isinstance(raw, dict) or not raw:
        doc.fail(("ranges",), "verwacht per invoer een bereik (low, central, high, source)",
                 "expected a range per input (low, central, high, source)",
                 "bijvoorbeeld ranges: {hours: {low: 20, central: 28, high: 32, source: aanname}}",
                 "for example ranges: {hours: {low: 20, central: 28, high: 32, source: aanname}}")

    def fail(path, nl, en, hint, hint_en):
        doc.fail(("ranges",) + tuple(path), nl, en, hint, hint_en)

    return {**default_ranges(), **{name: parse_range(name, value, fail) for name, value in raw.items()}}
