"""The numeric inputs a break-even or a sweep can vary, and how to set one on a placement.

`hours` and `wage_value` are fields of the Placement; the others are parameters the
engine looks up, set here as scenario overrides (ParamValue), exactly as a scenario's
own `overrides:` would. Nothing is recomputed here: the engine does that.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from decimal import Decimal

from ..core.engine import parameter_in_use
from ..core.errors import InputError
from ..core.model import Placement
from ..core.parameters import ParameterBook, ParamValue
from ..inputs.overrides import MAX_FACTOR
from ..inputs.schema import MAX_HOURS
from ..core.text import Text, euro, number, percent
from ..inputs.units import MAX_MAGNITUDE


ZERO = Decimal(0)


@dataclass(frozen=True)
class Input:
    name: str
    kind: str                      # hours | fraction | euro | factor
    label: Text
    low: Decimal                   # the valid range: low (inclusive unless low_open) ...
    high: Decimal | None           # ... to high (inclusive); None = no upper bound
    low_open: bool = False
    decimals: int = 2              # decimals of a reported solution (JSON)

    def fmt(self, value: Decimal | None, lang: str = "nl") -> str:
        if value is None:
            return "onbeperkt" if lang == "nl" else "unlimited"
        if self.kind == "euro":
            return euro(value, lang)
        if self.kind == "fraction":
            return percent(Decimal(value).quantize(Decimal("0.0001")), lang)
        if self.kind == "hours":
            text = number(value, lang, 2).rstrip("0").rstrip(",.")
            return f"{text} uur" if lang == "nl" else f"{text} hours"
        return "× " + number(value, lang, 4)

    def valid(self, value: Decimal) -> bool:
        above = value > self.low if self.low_open else value >= self.low
        return above and (self.high is None or value <= self.high)


# Upper bounds are those the scenario file allows for the same inputs (load.py, units.py), so a
# sweep or a break-even never asks the engine for amounts beyond Decimal's working precision.
INPUTS = {i.name: i for i in (
    Input("hours", "hours", Text("uren per week", "hours a week"), ZERO, MAX_HOURS, low_open=True, decimals=4),
    Input("wage_value", "fraction", Text("loonwaarde", "wage value"), ZERO, Decimal(1), decimals=6),
    Input("guidance_cost_fulltime", "euro", Text("kosten begeleiding per voltijdplek", "guidance cost per full-time place"), ZERO, MAX_MAGNITUDE),
    Input("agency_fee", "fraction", Text("uitzendtoeslag", "agency fee"), ZERO, MAX_FACTOR, decimals=6),
    Input("payroll_markup", "factor", Text("payrollopslag", "payroll mark-up"), ZERO, MAX_FACTOR, low_open=True, decimals=6),
    Input("municipal_top_up", "euro", Text("aanvulling gemeente per plek", "municipal top-up per place"), ZERO, MAX_MAGNITUDE),
)}
# The balance is linear in these (engine: wage costs x mark-up x (1 + fee), guidance x cost per
# place, the top-up line itself); break-even solves them from two evaluations and checks a third.
LINEAR = ("guidance_cost_fulltime", "agency_fee", "payroll_markup", "municipal_top_up")


def get_input(name: str, option: str) -> Input:
    if name not in INPUTS:
        from ..core.errors import suggest

        close = suggest(name, INPUTS)
        raise InputError(f"kan {name!r} niet variëren", en=f"cannot vary {name!r}", key=option,
                         hint=(f"bedoelt u '{close}'? " if close else "") + f"kies uit: {', '.join(INPUTS)}",
                         hint_en=(f"did you mean '{close}'? " if close else "") + f"choose from: {', '.join(INPUTS)}")
    return INPUTS[name]


FIELDS = ("hours", "wage_value")      # fields of the Placement; the other inputs are overrides


def with_value(placement: Placement, name: str, value: Decimal) -> Placement:
    """The placement with one input set to `value` (a field, or an override the engine looks up)."""
    if name in FIELDS:
        return dataclasses.replace(placement, **{name: value})
    pv = ParamValue(name=name, value=value, since=None, status="override", source=f"analyse ({name})")
    return dataclasses.replace(placement, overrides={**placement.overrides, name: pv})


def current_value(placement: Placement, book: ParameterBook, name: str) -> Decimal:
    """What the column uses now (the engine's own lookup, so employer defaults and work type count)."""
    if name in FIELDS:
        return getattr(placement, name)
    if name == "municipal_top_up" and name not in placement.overrides:
        return ZERO
    return parameter_in_use(placement, book, name)
