"""Reading the units users write: percentages ('30%', '23,5 %', 0.30) and plain numbers."""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_PERCENT = re.compile(r"^\s*([+-]?\d+(?:[.,]\d+)?)\s*%\s*$")


def parse_fraction(value) -> Decimal:
    """'30%' / '30 %' / '23,5%' / 0.30 -> Decimal fraction; a bare number above 1 is refused.

    Raises ValueError with a Dutch message that suggests the percentage form.
    """
    if isinstance(value, bool) or value is None:
        raise ValueError(f"verwacht een percentage zoals 30%, niet {value!r}")
    if isinstance(value, str):
        match = _PERCENT.match(value)
        if not match:
            raise ValueError(f"verwacht een percentage zoals 30% of een fractie zoals 0.30, niet {value!r}")
        number = Decimal(match.group(1).replace(",", ".")) / 100
    else:
        try:
            number = Decimal(str(value))
        except InvalidOperation:  # pragma: no cover - defensive
            raise ValueError(f"verwacht een percentage, niet {value!r}")
        if not number.is_finite():
            raise ValueError("verwacht een eindig getal")
        if number > 1:
            raise ValueError(f"{value} is groter dan 1; bedoelt u {value}%? Schrijf percentages met %")
    if not number.is_finite():
        raise ValueError("verwacht een eindig getal")
    return number
