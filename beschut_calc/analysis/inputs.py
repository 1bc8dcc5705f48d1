"""The numeric inputs a break-even or a sweep can vary, and how to set one on a placement.

`hours` and `wage_value` are fields of the Placement; the others are parameters the
engine looks up, set here as scenario overrides (ParamValue), exactly as a scenario's
own `overrides:` would. Nothing is recomputed here: the engine does that.
"""
from __future__ import annotations

import dataclasses
from decimal import Decimal

from ..core.engine import parameter_in_use
from ..core.errors import InputError
from ..core.model import Placement
from ..core.parameters import ParameterBook, ParamValue
from ..core.variables import FIELDS, INPUTS, LINEAR, Input  # noqa: F401  (re-exported for the analyses)


ZERO = Decimal(0)


def get_input(name: str, option: str) -> Input:
    if name not in INPUTS:
        from ..core.errors import suggest

        close = suggest(name, INPUTS)
        raise InputError(f"kan {name!r} niet variëren", en=f"cannot vary {name!r}", key=option,
                         hint=(f"bedoelt u '{close}'? " if close else "") + f"kies uit: {', '.join(INPUTS)}",
                         hint_en=(f"did you mean '{close}'? " if close else "") + f"choose from: {', '.join(INPUTS)}")
    return INPUTS[name]


def with_value(placement: Placement, name: str, value: Decimal) -> Placement:
    """The placement with one input set to `value` (a field, or an override the engine looks up)."""
    if name in FIELDS:
        return dataclasses.replace(placement, **{name: value})
    pv = ParamValue(name=name, value=value, since=None, status="override", source=f"analyse ({name})")
    return dataclasses.replace(placement, overrides={**placement.overrides, name: pv})


def current_value(placement: Placement, book: ParameterBook, name: str) -> Decimal:
    """What the column uses now (the engine's own lookup, so employer defaults and work type count)."""
    if name in FIELDS:
        value = getattr(placement, name)
        return ZERO if value is None else value
    if name == "municipal_top_up" and name not in placement.overrides:
        return ZERO
    return parameter_in_use(placement, book, name)
