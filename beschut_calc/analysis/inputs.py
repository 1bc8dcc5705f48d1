"""The numeric inputs a break-even, a sweep or a range can vary, and how to set one on a placement.

Which inputs, their bounds and how a break-even solves each come from their declarations
(core/variables.py, params/NAME.yaml; inputs/declared.py). A field of the Placement (hours,
wage value, absence, indexation) is set as a field; the others are parameters the engine looks
up, set here as scenario overrides (ParamValue), exactly as a scenario's own `overrides:` would.
Nothing is recomputed here: the engine does that.
"""
from __future__ import annotations

import dataclasses
from decimal import Decimal

from ..core.engine import parameter_in_use
from ..core.errors import InputError
from ..core.model import Placement
from ..core.parameters import ParameterBook, ParamValue
from ..core.variables import Input  # noqa: F401  (re-exported for the analyses)
from ..inputs import declared


def __getattr__(name: str):
    # INPUTS, FIELDS, LINEAR and SCAN as before, derived from the declarations when asked for
    if name == "INPUTS":
        return declared.analysed()
    if name == "FIELDS":
        return declared.fields()
    if name == "LINEAR":
        return tuple(n for n, v in declared.variables().items() if v.breakeven == "linear")
    if name == "SCAN":
        return {n: v.step for n, v in declared.variables().items() if v.breakeven == "scan"}
    raise AttributeError(name)


OPTIONS = {"--breakeven": declared.solvable, "--sweep": declared.sweepable}


ZERO = Decimal(0)


def get_input(name: str, option: str) -> Input:
    """The declaration of `name`, when `option` (--breakeven, --sweep) can vary it; otherwise refused with the choices."""
    names = OPTIONS[option]() if option in OPTIONS else tuple(declared.analysed())
    if name not in names:
        from ..core.errors import suggest

        close = suggest(name, names)
        raise InputError(f"kan {name!r} niet variëren", en=f"cannot vary {name!r}", key=option,
                         hint=(f"bedoelt u '{close}'? " if close else "") + f"kies uit: {', '.join(names)}",
                         hint_en=(f"did you mean '{close}'? " if close else "") + f"choose from: {', '.join(names)}")
    return declared.get(name)


def with_value(placement: Placement, name: str, value: Decimal) -> Placement:
    """The placement with one input set to `value` (a field, or an override the engine looks up)."""
    variable = declared.get(name)
    if variable is not None and variable.field:
        return dataclasses.replace(placement, **{name: value})
    pv = ParamValue(name=name, value=value, since=None, status="override", source=f"analyse ({name})")
    return dataclasses.replace(placement, overrides={**placement.overrides, name: pv})


def current_value(placement: Placement, book: ParameterBook, name: str) -> Decimal:
    """What the column uses now (the engine's own lookup, so employer defaults and work type count)."""
    variable = declared.get(name)
    if variable is not None and variable.field:
        value = getattr(placement, name)
        return ZERO if value is None else value
    if variable is not None and variable.default is not None and name not in placement.overrides:
        return Decimal(variable.default)     # a scenario-only input the column does not set (a top-up: 0)
    return parameter_in_use(placement, book, name)
