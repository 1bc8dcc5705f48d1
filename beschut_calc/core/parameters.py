"""Dated legal parameters (OpenFisca style): one YAML file per parameter.

A file looks like::

    description: Wettelijk minimumloon per maand, 21 jaar en ouder
    unit: euro_per_month
    known_until: 2023-12-31        # optional: lookups after this date are extrapolated
    values:
      2017-01-01:
        value: 1551.60
        source: "Notitie Nieuw beschut werk Zaanstreek-Waterland 2017, eindnoot vii"
        status: confirmed          # confirmed (default) | unconfirmed | assumption
        note: optional remark shown in traces and warnings (Dutch)
        note_en: the same remark in English (for --lang en)

A lookup returns the latest value on or before the date. A date before the
first value is an error; a value whose status is not `confirmed`, or a date
after `known_until`, comes back flagged so the output can warn about it.
This module holds the types only; `inputs/parameter_files.py` reads the files.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, NamedTuple

from .errors import InputError

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


class ParamValue(NamedTuple):
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
    price_year: int | None = None  # an amount's price level (the year of its source), for the price-level warning

    def note_in(self, lang: str) -> str:
        return (self.note_en or self.note) if lang == "en" else self.note

    @property
    def flagged(self) -> bool:
        return self.status in ("unconfirmed", "assumption") or self.extrapolated


class Parameter(NamedTuple):
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
            return chosen._replace(extrapolated=True)
        return chosen


@dataclass
class ParameterBook:
    """All parameters, by name; `digest` identifies the data they were read from (the receipt)."""
    parameters: dict[str, Parameter] = field(default_factory=dict)
    digest: str = ""

    def __getitem__(self, name: str) -> Parameter:
        return self.parameters[name]

    def __contains__(self, name: str) -> bool:
        return name in self.parameters

    def at(self, name: str, when: dt.date) -> ParamValue:
        return self.parameters[name].at(when)
