"""Multi-year projection: one placement followed over N calendar years (issue 5, item 3).

Each year is a separate engine calculation with that year's parameters (WML, LKS
allowance, LIV or none), the subsidies of the set in their own years (the temporary
subsidy stops after 2019; a subsidy with `max_years` stops that many years after the
placement's first year) and, in the first year, the trial months (`trial_months`).
A year past the last known value of a parameter is computed with that last value; the
engine flags it and the projection lists the warning with the years it concerns.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from decimal import Decimal

from ..core.income import discount_rate
from ..core.engine import Result, calculate
from ..core.errors import InputError
from ..core.model import Placement
from ..core.parameters import ParameterBook, ParamValue
from ..core.text import Text

MAX_YEARS = 50
LAST_YEAR = 2100


@dataclass(frozen=True)
class Year:
    year: int
    result: Result
    cumulative: Decimal           # balance summed from the first year up to and including this one
    discount: Decimal = Decimal(1)  # 1 / (1 + discount rate) ^ (years after the first): its weight in a present value
    rate: ParamValue | None = None  # the discount rate it was weighed at


def present_value(years: list[Year], view: str) -> Decimal:
    """A view's balances over the years, each discounted to the first year at the discount rate
    (params/discount_rate.yaml: the real rate for social cost-benefit analyses, overridable)."""
    return sum((y.result.views()[view].balance * y.discount for y in years), Decimal(0))


def check_years(years: int) -> None:
    if not 1 <= years <= MAX_YEARS:
        raise InputError(f"--years {years}: kies 1 tot en met {MAX_YEARS} jaar", en=f"--years {years}: choose 1 to {MAX_YEARS} years",
                         key="--years", hint="bijvoorbeeld --years 5", hint_en="for example --years 5")


def project(placement: Placement, book: ParameterBook, years: int) -> list[Year]:
    check_years(years)
    first = placement.start_year
    rate = discount_rate(placement, book)
    out, total = [], Decimal(0)
    for i, year in enumerate(range(placement.year, min(placement.year + years, LAST_YEAR + 1))):
        result = calculate(dataclasses.replace(placement, year=year, first_year=first), book)
        total += result.balance
        out.append(Year(year, result, total, 1 / (1 + rate.value) ** i, rate))
    return out


def warnings(years: list[Year]) -> list[tuple[Text, list[int]]]:
    """Each distinct warning once, with the years it applies to."""
    seen: dict[Text, list[int]] = {}
    for y in years:
        for w in y.result.warnings:
            seen.setdefault(w, []).append(y.year)
    return list(seen.items())
