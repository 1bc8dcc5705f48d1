"""Dated legal parameters (OpenFisca style): one YAML file per parameter.

A file looks like::

    description: Wettelijk minimumloon per maand, 21 jaar en ouder
    unit: euro_per_month
    known_until: 2023-12-31        # optional: lookups after this date are extrapolated
    values:
      2017-01-01:
        value: 1551.60
        source: "003_77b5e6ae8c4da4a6.txt, eindnoot vii"
        status: confirmed          # confirmed (default) | unconfirmed | assumption
        note: optional remark shown in traces and warnings (Dutch)
        note_en: the same remark in English (for --lang en)

A lookup returns the latest value on or before the date. A date before the
first value is an error; a value whose status is not `confirmed`, or a date
after `known_until`, comes back flagged so the output can warn about it.
This module only reads data; the engine never touches files.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from .errors import InputError

PARAMS_DIR = Path(__file__).with_name("params")
STATUSES = ("confirmed", "unconfirmed", "assumption", "override", "default")


def to_decimal(value: Any) -> Any:
    """Numbers become Decimal (via their text, so 1551.60 stays exact); containers recurse."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, (int, float)):
        return Decimal(str(value))
    if isinstance(value, dict):
        return {k: to_decimal(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_decimal(v) for v in value]
    return value


@dataclass(frozen=True)
class ParamValue:
    """One value of one parameter, as used in a calculation."""
    name: str
    value: Any
    since: dt.date | None
    source: str
    status: str = "confirmed"
    note: str = ""
    extrapolated: bool = False   # the date lies after the last date the value is known for
    unit: str = ""               # fraction, euro_per_year, hours_per_week, ... (for display)
    note_en: str = ""            # the note in English, for --lang en (falls back to the Dutch note)

    def note_in(self, lang: str) -> str:
        return (self.note_en or self.note) if lang == "en" else self.note

    @property
    def flagged(self) -> bool:
        return self.status in ("unconfirmed", "assumption") or self.extrapolated


@dataclass
class Parameter:
    name: str
    description: str
    unit: str
    values: list[ParamValue]          # sorted by `since`
    known_until: dt.date | None = None

    def at(self, when: dt.date) -> ParamValue:
        chosen = None
        for v in self.values:
            if v.since <= when:
                chosen = v
            else:
                break
        if chosen is None:
            first = self.values[0].since
            raise InputError(
                f"parameter {self.name} heeft geen waarde op {when.isoformat()}; de eerste waarde geldt vanaf {first.isoformat()}",
                en=f"parameter {self.name} has no value on {when.isoformat()}; its first value takes effect on {first.isoformat()}",
                key="year", hint=f"kies een jaar vanaf {first.year}", hint_en=f"choose a year from {first.year}")
        if self.known_until and when > self.known_until:
            return ParamValue(**{**chosen.__dict__, "extrapolated": True})
        return chosen


@dataclass
class ParameterBook:
    """All parameters, by name."""
    parameters: dict[str, Parameter] = field(default_factory=dict)

    def __getitem__(self, name: str) -> Parameter:
        return self.parameters[name]

    def __contains__(self, name: str) -> bool:
        return name in self.parameters

    def at(self, name: str, when: dt.date) -> ParamValue:
        return self.parameters[name].at(when)


def _parse_date(raw: Any, where: str) -> dt.date:
    if isinstance(raw, dt.date):
        return raw
    try:
        return dt.date.fromisoformat(str(raw))
    except ValueError as exc:
        raise ValueError(f"{where}: {raw!r} is not a date (YYYY-MM-DD)") from exc


def parse_parameter(name: str, doc: dict) -> Parameter:
    """Build a Parameter from a parsed YAML document; raises ValueError on a malformed file."""
    for required in ("description", "values"):
        if required not in doc:
            raise ValueError(f"parameter {name}: missing '{required}'")
    values = []
    for raw_date, entry in doc["values"].items():
        since = _parse_date(raw_date, f"parameter {name}")
        if not isinstance(entry, dict) or "value" not in entry or not entry.get("source"):
            raise ValueError(f"parameter {name} {since}: every value needs 'value' and 'source'")
        status = entry.get("status", "confirmed")
        if status not in STATUSES:
            raise ValueError(f"parameter {name} {since}: status {status!r} not one of {STATUSES}")
        values.append(ParamValue(name=name, value=to_decimal(entry["value"]), since=since,
                                 source=str(entry["source"]).strip(), status=status,
                                 note=str(entry.get("note", "")).strip(), unit=str(doc.get("unit", "")),
                                 note_en=str(entry.get("note_en", "")).strip()))
    values.sort(key=lambda v: v.since)
    known_until = doc.get("known_until")
    return Parameter(name=name, description=str(doc["description"]).strip(), unit=str(doc.get("unit", "")),
                     values=values, known_until=_parse_date(known_until, name) if known_until else None)


_BOOK: ParameterBook | None = None


def load_parameters(directory: Path = PARAMS_DIR) -> ParameterBook:
    """Read every parameter file of the package (cached for the default folder)."""
    global _BOOK
    if directory == PARAMS_DIR and _BOOK is not None:
        return _BOOK
    import yaml  # local: keeps `import beschut_calc.parameters` cheap for tools that only need types

    book = ParameterBook()
    for path in sorted(directory.glob("*.yaml")):
        doc = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        book.parameters[path.stem] = parse_parameter(path.stem, doc)
    if directory == PARAMS_DIR:
        _BOOK = book
    return book
