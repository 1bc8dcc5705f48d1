"""Scenario `overrides`: which parameters a scenario may set, and how each value is read.

A value is checked by its kind (a share, a factor, a mark-up, an amount, hours, yes/no) and
comes back as the Decimal or bool the engine uses; a wrong one raises Invalid (Dutch and English).
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..core.errors import Invalid
from ..core.variables import MAX_AMOUNT, MAX_FACTOR  # MAX_FACTOR 10 (1000 %): beyond any real share
from . import declared


# What a real employer or municipality could write; beyond the bounds the value is a typo (0.0001
# hours, 230 % charges, an extra zero), and the engine would happily divide by it. Each kind, its
# words and its bounds come from the input's one declaration (core/variables.py, params/NAME.yaml).
def override_kinds() -> dict[str, tuple[str, str, str]]:
    """name -> (kind, Dutch description, English description), for every input `overrides:` may set."""
    return {name: (v.kind, v.words.nl, v.words.en) for name, v in declared.overridable().items()}


def bounds() -> dict[str, tuple[Decimal, Decimal]]:
    return {name: v.bounds for name, v in declared.overridable().items() if v.bounds is not None}


def __getattr__(name: str):
    # OVERRIDE_KINDS and BOUNDS as before, derived from the declarations when asked for
    if name == "OVERRIDE_KINDS":
        return override_kinds()
    if name == "BOUNDS":
        return bounds()
    raise AttributeError(name)


EXTRA_AMOUNT_BOUNDS = (-MAX_AMOUNT, MAX_AMOUNT)


def within(name: str, value: Decimal, raw: Any, bounds: tuple[Decimal, Decimal], description: str, description_en: str) -> Decimal:
    from ..core.text import with_unit

    low, high = bounds
    if low <= value <= high:
        return value
    variable = declared.get(name)
    unit = variable.unit if variable is not None else "euro"
    span, span_en = (f"{with_unit(low, unit, lang)} tot en met {with_unit(high, unit, lang)}" if lang == "nl"
                     else f"{with_unit(low, unit, lang)} to {with_unit(high, unit, lang)}" for lang in ("nl", "en"))
    raise Invalid(f"{raw} valt buiten wat kan ({span})", f"{raw} is outside what is possible ({span_en})",
                  description, description_en)


def parse_override(name: str, raw: Any) -> Any:
    """Check and convert one override value by its kind and bounds; raises Invalid (Dutch and English)."""
    value = _parse_kind(name, raw)
    variable = declared.get(name)
    if variable is not None and variable.bounds is not None and not isinstance(value, bool):
        return within(name, value, raw, variable.bounds, variable.words.nl, variable.words.en)
    return value


def _parse_kind(name: str, raw: Any) -> Any:
    from .units import parse_euro, parse_fraction, parse_number, shown, shown_en

    variable = declared.get(name)
    kind, description, description_en = variable.kind, variable.words.nl, variable.words.en
    if kind == "excluded":
        raise lkv_excluded(description, description_en)
    if kind == "bool":
        if not isinstance(raw, bool):
            raise Invalid(f"verwacht true of false, niet {shown(raw)}", f"expected true or false, not {shown_en(raw)}",
                          description, description_en)
        return raw
    if kind == "fraction":
        value = parse_fraction(raw, variable.example or _example(description))
        if value < 0:
            raise Invalid(f"{raw} mag niet negatief zijn", f"{raw} cannot be negative", description, description_en)
        return _at_most(value, MAX_FACTOR, raw, description, description_en)
    if kind == "factor" and isinstance(raw, str) and "%" in raw:
        value = parse_fraction(raw)
        if value <= 0:
            raise Invalid(f"{raw} moet groter zijn dan 0", f"{raw} must be larger than 0", description, description_en)
        return _at_most(value, MAX_FACTOR, raw, description, description_en)
    if kind == "markup":
        # A mark-up over own employment: '25%' means 25 % on top (factor 1.25), 1.25 is the factor.
        if isinstance(raw, str) and "%" in raw:
            value = 1 + parse_fraction(raw)
        else:
            value = parse_number(raw, "deze parameter", "this parameter", description, description_en)
            if value < 1:
                raise Invalid(f"{raw} is geen opslag: de factor is 1 of meer (1.25 = 25 % duurder dan in eigen dienst)",
                              f"{raw} is not a mark-up: the factor is 1 or more (1.25 = 25% dearer than own employment)",
                              f"bedoelt u {1 + value} of {(value * 100).normalize():f}%?", f"did you mean {1 + value} or {(value * 100).normalize():f}%?")
        return _at_most(value, MAX_FACTOR, raw, description, description_en)
    if kind == "euro":
        return parse_euro(raw)
    try:
        value = parse_number(raw, "deze parameter", "this parameter")
    except Invalid as exc:
        exc.hint, exc.hint_en = exc.hint or description, exc.hint_en or description_en
        raise
    if kind in ("hours", "factor") and value <= 0:
        raise Invalid(f"{raw} moet groter zijn dan 0", f"{raw} must be larger than 0", description, description_en)
    if kind == "hours" and value > 80:
        raise Invalid(f"{raw} uur is geen werkweek", f"{raw} hours is not a working week", description, description_en)
    if value < 0:
        raise Invalid(f"{raw} mag niet negatief zijn", f"{raw} cannot be negative", description, description_en)
    if variable.whole and value != value.to_integral_value():
        raise whole_number(raw, description, description_en)
    return _at_most(value, MAX_FACTOR, raw, description, description_en) if kind == "factor" else value


def whole_number(raw, description: str, description_en: str) -> Invalid:
    """A count (an age, months, co-residents) given with a fraction."""
    return Invalid(f"{raw} is geen geheel getal", f"{raw} is not a whole number", description, description_en)




def _example(description: str) -> str:
    """The percentage a key's own description gives as its example ('bijvoorbeeld 23%'), else 30%."""
    import re

    match = re.search(r"(\d+(?:[.,]\d+)?)%", description)
    return match.group(1).replace(",", ".") + "%" if match else "30%"


def _at_most(value: Decimal, limit: Decimal, raw: Any, description: str, description_en: str) -> Decimal:
    if value > limit:
        raise Invalid(f"{raw} is onredelijk groot (hooguit {limit:f} ofwel {limit * 100:f}%)",
                      f"{raw} is unreasonably large (at most {limit:f}, i.e. {limit * 100:f}%)", description, description_en)
    return value


def lkv_excluded(hint: str, hint_en: str) -> Invalid:
    """The LKV cannot be switched on: the law excludes employment in beschut werk."""
    return Invalid("het loonkostenvoordeel (LKV) geldt niet voor beschut werk: Wet tegemoetkomingen loondomein art. 2.10 "
                   "lid 2 onder b sluit een dienstbetrekking als bedoeld in art. 10b Participatiewet uit (2018-2025); "
                   "vanaf 2026 art. 2.10 met art. 38b Wet financiering sociale verzekeringen",
                   "the wage-cost advantage (LKV) does not apply to sheltered work: Wet tegemoetkomingen loondomein "
                   "art. 2.10(2)(b) excludes employment under art. 10b Participatiewet (2018-2025); from 2026 art. 2.10 "
                   "with art. 38b Wet financiering sociale verzekeringen", hint, hint_en)
