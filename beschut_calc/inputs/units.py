"""Reading the units users write: percentages ('30%', '23,5 %', 0.30), numbers and euro amounts.

Every refusal is an `Invalid` in Dutch and English with a hint; the hint recognises the
ways people write numbers in a Dutch memo (13.000, 31,5, "2017", € 8.500, 31 uur) and says
how to write them instead.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from ..core.errors import Invalid
from ..core.variables import MAX_MAGNITUDE  # no amount a person types comes near 10^9


_PERCENT = re.compile(r"^\s*([+-]?\d+(?:[.,]\d+)?)\s*%\s*$")
# Text that is a number written the memo way: optional €, digits with . or , and an optional unit.
_NUMBERISH = re.compile(r"^\s*(?:€\s*)?([+-]?\d[\d.,]*)\s*(€|euro|eur|uur|u|jaar)?\s*$", re.IGNORECASE)
_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(?:\.\d{3})+$")
_DECIMAL_COMMA = re.compile(r"^[+-]?\d+,\d+$")
_PLAIN = re.compile(r"^[+-]?\d+(?:\.\d+)?$")


def shown(value) -> str:
    """A value as the user wrote it, for Dutch messages (no Python spellings like None or True)."""
    if value is None:
        return "een lege waarde"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, dict):
        return "een groep 'sleutel: waarde'"
    return repr(value) if isinstance(value, str) else str(value)


def shown_en(value) -> str:
    """`shown` for English messages."""
    if value is None:
        return "an empty value"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping 'key: value'"
    return shown(value)


def text_hint(value) -> tuple[str, str] | None:
    """How to write `value` (text that looks like a number) so that it is read as one."""
    if not isinstance(value, str):
        return None
    match = _NUMBERISH.match(value)
    if not match:
        return None
    number, unit = match.group(1), match.group(2)
    if _THOUSANDS.match(number):
        plain = number.replace(".", "")
        return (f"schrijf het getal zonder punten voor duizendtallen: {plain}",
                f"write the number without thousands separators: {plain}")
    if _DECIMAL_COMMA.match(number):
        plain = number.replace(",", ".")
        return (f"gebruik een punt als decimaalteken: {plain}", f"use a point as decimal separator: {plain}")
    if _PLAIN.match(number):
        if unit or "€" in value:
            return (f"schrijf alleen het getal: {number}", f"write the number only: {number}")
        return (f"haal de aanhalingstekens weg: {number}", f"remove the quotes: {number}")
    return None


def _hinted(message: str, en: str, value, hint: str | None = None, hint_en: str | None = None) -> Invalid:
    """An Invalid whose hint is the number-writing hint for `value` when there is one."""
    better = text_hint(value)
    if better:
        hint, hint_en = better
    return Invalid(message, en, hint, hint_en)


def parse_number(value, what: str, what_en: str, hint: str | None = None, hint_en: str | None = None) -> Decimal:
    """A finite number (int or the exact Decimal the YAML reader gives); text, bool, None refused."""
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        raise _hinted(f"verwacht een getal voor {what}, niet {shown(value)}", f"expected a number for {what_en}, not {shown_en(value)}",
                      value, hint, hint_en)
    number = Decimal(value)
    if not number.is_finite():
        raise Invalid(f"verwacht een eindig getal voor {what}", f"expected a finite number for {what_en}")
    if abs(number) >= MAX_MAGNITUDE:
        raise _too_large(value)
    return number


def _too_large(value) -> Invalid:
    return Invalid(f"{value} is onredelijk groot", f"{value} is unreasonably large",
                   "controleer het aantal nullen", "check the number of zeros")


def parse_euro(value, what: str = "een bedrag", what_en: str = "an amount") -> Decimal:
    """An amount in euro, 0 or more. `13.000` is refused: YAML reads it as 13, the writer meant 13000.

    Exactly three decimals is how a Dutch thousands separator looks; no amount has
    tenths of a cent, so refusing it costs nothing and saves a factor of 1000.
    """
    number = parse_number(value, what, what_en, "bijvoorbeeld 8500", "for example 8500")
    if isinstance(value, Decimal) and value.as_tuple().exponent == -3:
        plain = format(value.scaleb(3), "f").split(".")[0]
        raise Invalid(f"{value} heeft drie cijfers achter de punt en wordt gelezen als {number.normalize():f} euro",
                      f"{value} has three digits after the point and is read as {number.normalize():f} euro",
                      f"bedoelt u {plain}? schrijf bedragen zonder punt voor duizendtallen",
                      f"did you mean {plain}? write amounts without a thousands separator")
    if number < 0:
        raise Invalid(f"verwacht {what} van 0 of meer, niet {value}", f"expected {what_en} of 0 or more, not {value}")
    return number


def parse_fraction(value, example: str = "30%") -> Decimal:
    """'30%' / '30 %' / '23.5%' / 0.30 -> Decimal fraction; a bare number above 1 is refused.

    A decimal comma is refused here as for every number ('23,5%' as '31,5'): one rule, because
    in a YAML list [23,5%] the comma splits the value in two.

    Raises Invalid (a ValueError) that suggests the percentage form, with `example` as a value that
    fits the key (8% for absence, 23% for employer charges).
    """
    fraction = format(Decimal(example.rstrip("%")) / 100, "f")
    if len(fraction.split(".")[-1]) < 2:
        fraction = format(Decimal(fraction).quantize(Decimal("0.01")), "f")
    if isinstance(value, bool) or not isinstance(value, (int, Decimal, str)):
        raise Invalid(f"verwacht een percentage zoals {example}, niet {shown(value)}",
                      f"expected a percentage such as {example}, not {shown_en(value)}", f"bijvoorbeeld {example}", f"for example {example}")
    if isinstance(value, str):
        comma = _PERCENT.match(value)
        if comma and "," in comma.group(1):
            plain = comma.group(1).replace(",", ".")
            raise Invalid(f"verwacht een percentage met een punt als decimaalteken, niet {shown(value)}",
                          f"expected a percentage with a point as decimal separator, not {shown_en(value)}",
                          f"schrijf {plain}%", f"write {plain}%")
        match = _PERCENT.match(value)
        if not match:
            hint = text_hint(value)
            if hint and _DECIMAL_COMMA.match(_NUMBERISH.match(value).group(1)):
                hint = (hint[0] + f" of schrijf een percentage: {example}", hint[1] + f" or write a percentage: {example}")
            elif hint:
                number = _NUMBERISH.match(value).group(1)
                hint = (f"schrijf {number}%", f"write {number}%")
            raise Invalid(f"verwacht een percentage zoals {example} of een fractie zoals {fraction}, niet {shown(value)}",
                          f"expected a percentage such as {example} or a fraction such as {fraction}, not {shown_en(value)}",
                          *(hint or (f"bijvoorbeeld {example}", f"for example {example}")))
        number = Decimal(match.group(1)) / 100
    else:
        try:
            number = Decimal(str(value))
        except InvalidOperation:  # pragma: no cover - defensive
            raise Invalid(f"verwacht een percentage, niet {shown(value)}", f"expected a percentage, not {shown_en(value)}")
        if not number.is_finite():
            raise Invalid("verwacht een eindig getal", "expected a finite number")
        if number > 1:
            raise Invalid(f"{value} is groter dan 1", f"{value} is larger than 1",
                          f"bedoelt u {value}%? schrijf percentages met %", f"did you mean {value}%? write percentages with %")
    if not number.is_finite():
        raise Invalid("verwacht een eindig getal", "expected a finite number")
    if abs(number) >= MAX_MAGNITUDE:
        raise _too_large(value)
    return number
