"""The resolved inputs of one calculation (one column): plain frozen data, no I/O.

The loaders (`load.py`, `catalog.py`) build these from YAML; the engine only reads them.
"""
from __future__ import annotations

from typing import NamedTuple

from dataclasses import dataclass, field
from decimal import Decimal

from .parameters import ParamValue
from .period import month_index, months_in
from .text import Text

METHODS = ("statutory", "memo")
ROUNDINGS = ("none", "memo")
EMPLOYER_MODELS = ("municipality", "regular", "temp_agency", "payroll")
WORK_TYPES = ("green", "internal", "secondment")
# What would happen without the placement (issue 22): the person stays on bijstand, goes to dagbesteding,
# both, or nothing is counted. The household decides the bijstand norm (Participatiewet art. 21).
ALTERNATIVES = ("none", "social_assistance", "day_activities", "social_assistance_and_day_activities")
HOUSEHOLDS = ("single", "couple")


class EmployerModel(NamedTuple):
    name: str
    label: Text
    source: str
    wage_cost_origin: str                       # "estimate" or "quoted" (decides memo rounding step)
    parameters: dict[str, ParamValue]           # model defaults, e.g. fulltime_hours
    requires: tuple[str, ...] = ()              # overrides the scenario must supply (agency_fee)
    # Whose books the employer's flows are in (core/accounts.py): "employer", or "municipality" when
    # the municipality employs the person itself (eigen dienst): then the two are one account.
    account: str = "employer"
    # A party the employer invoices for its deficit (payroll: the municipality, 003 ch. 6 footnote).
    invoices: str | None = None

    @property
    def bears_employer_balance(self) -> bool:
        """The municipality carries the employer's balance: as the employer itself, or by invoice."""
        return self.account == "municipality" or self.invoices == "municipality"


class Subsidy(NamedTuple):
    key: str                      # the line it lands on: general_subsidy or temporary_subsidy
    amount: Decimal               # per year at full_hours or more
    pro_rata: bool
    source: str
    from_year: int | None = None
    until_year: int | None = None
    max_years: int | None = None  # per placement, counted from its first year (multi-year projections)


class LksBand(NamedTuple):
    from_share: Decimal           # wage value from (inclusive)
    to_share: Decimal             # wage value to (exclusive, the last band inclusive)
    lks_share: Decimal            # LKS as a share of WML


class ExtraBenefit(NamedTuple):
    key: str
    label: Text
    amount: Decimal               # default per year at full_hours; the scenario may override it
    pro_rata: bool
    source: str


class SubsidySet(NamedTuple):
    name: str
    title: Text
    source: str
    full_hours: Decimal
    subsidies: dict[str, Subsidy]
    wage_subsidy_rule: str = "statutory"        # "statutory" (min(1 - loonwaarde, 70 %)) or "bands"
    lks_bands: tuple[LksBand, ...] = ()
    lks_source: str = ""
    extra_benefits: tuple[ExtraBenefit, ...] = ()
    path: str | None = None                     # where a user's own set came from


class RoundingScheme(NamedTuple):
    name: str
    description: Text
    source: str
    step: dict[str, Decimal]                    # by line origin: estimate / quoted
    direction: dict[str, str]                   # by side: benefit / cost -> down / up


@dataclass(frozen=True)
class Placement:
    """Everything one column needs: the scenario's choices with their catalogue entries."""
    name: str
    year: int
    method: str
    hours: Decimal
    wage_value: Decimal                         # fraction of WML, 0.30 = 30 %
    employer: EmployerModel
    subsidy_set: SubsidySet
    rounding: RoundingScheme | None = None
    work_type: str | None = None
    overrides: dict[str, ParamValue] = field(default_factory=dict)
    first_year: int | None = None               # the placement's first year (multi-year: max_years, trial); None = year
    trial_months: int = 0                       # trial placement with benefits kept, at the start of the first year
    absence: Decimal | None = None              # sickness absence, share of contract hours; None = not counted
    indexation: Decimal | None = None           # yearly growth of non-legal costs (guidance); None = not indexed
    start_month: int = 1                        # the month of start_year the placement starts in
    end: tuple[int, int] | None = None          # (year, month) of the last month; None = runs on
    wml_growth: Decimal | None = None           # yearly minimum-wage growth after its last known value; None = carried forward
    alternative: str = "none"                   # what happens without the placement (ALTERNATIVES)
    household: str = "single"                   # the bijstand norm's household (HOUSEHOLDS)

    @property
    def on_social_assistance(self) -> bool:
        """The alternative is bijstand: without the placement the municipality pays the norm."""
        return self.alternative in ("social_assistance", "social_assistance_and_day_activities")

    @property
    def at_day_activities(self) -> bool:
        return self.alternative in ("day_activities", "social_assistance_and_day_activities")

    @property
    def start_year(self) -> int:
        return self.year if self.first_year is None else self.first_year

    def months_in(self, year: int) -> tuple[int, int, int]:
        """(first month, last month, trial months) of `year` the placement runs; (1, 0, 0) for none."""
        end = month_index(*self.end) if self.end is not None else None
        return months_in(month_index(self.start_year, self.start_month), self.trial_months, end, year)
