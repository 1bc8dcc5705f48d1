"""The municipality's budget for its target number of places (issue 5, item 4; 003 §6.1).

`targets` in a scenario gives the places per year — the number of places in existence
that year, as in the table of endnote i (2017: 58, 2018: 102 for the region). New places are
the increase on the year before (the first target year: all places). Each year's new places
form a cohort whose first year is that year, so trial months, one-off amounts and subsidies
with a maximum number of years follow the cohort.

Every amount is the cohorts' flows (core/flows.py) times their places: national funding is
what the state pays the municipality (per place-year, pro rata to hours as everywhere), the
outlays are what the municipality pays, and the municipal net is the municipality's balance
in its books (core/books.py) — the same figure `--perspective gemeente` shows for one place.
The employer balance is the employer's business case, for reference.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from decimal import Decimal

from ..core.accounts import EMPLOYER, MUNICIPALITY, STATE, VIEWS
from ..core.engine import Result, calculate
from ..core.flows import COMPARISON, FLOWS
from ..core.model import Placement
from ..core.parameters import ParameterBook
from ..core.text import Text

ZERO = Decimal(0)
# The budget's columns, each a set of declared flows (003 §6.1 names the first two claims).
CLAIMS = {"participation_budget": ("rijk_guidance",), "buig": ("rijk_wage_subsidy",), "rijk_bonus": ("rijk_bonus",),
          "lks": ("wage_subsidy",), "pre_trajectory": ("pre_trajectory",),
          "wage_value_measurement": ("wage_value_measurement",)}
# National funding of the places; the BUIG money for bijstand belongs to the comparison with the alternative.
FUNDING = tuple(f.key for f in FLOWS if f.payer == STATE and f.payee == MUNICIPALITY and f.key not in COMPARISON)
# What the municipality pays the employer besides the LKS and an invoice: the regional subsidies and a top-up.
SUBSIDIES = tuple(f.key for f in FLOWS if f.payer == MUNICIPALITY and f.payee == EMPLOYER and f.line is not None
                  and f.key not in CLAIMS["lks"])
# Each view's balance (core/books.py); the municipality's keeps its name of old.
NET = {view.key: "municipal_net" if view.key == MUNICIPALITY else f"{view.key}_net" for view in VIEWS}
MONEY = ("participation_budget", "buig", "rijk_bonus", "national_funding", "lks", "regional_subsidies",
         "pre_trajectory", "wage_value_measurement", "municipal_outlays", "employer_balance", *NET.values())


@dataclass
class Row:
    scenario: str
    column: str
    municipality: str | None
    year: int
    places: int = 0
    new_places: int = 0
    total: bool = False
    bears_employer_balance: bool = False
    amounts: dict[str, Decimal] = field(default_factory=lambda: {k: ZERO for k in MONEY})

    def add(self, other: "Row") -> None:
        self.places += other.places
        self.new_places += other.new_places
        for key in MONEY:
            self.amounts[key] += other.amounts[key]


@dataclass
class Budget:
    rows: list[Row]
    warnings: list[Text]
    per_municipality: bool


def _cohorts(targets: dict[int, int]):
    """Per target year: (places, new places, [(first year, places) ...]) — shrinking removes the newest first."""
    cohorts: list[list[int]] = []
    stock = 0
    for year, places in targets.items():
        new = max(places - stock, 0)
        if new:
            cohorts.append([year, new])
        drop = max(stock - places, 0)
        while drop and cohorts:
            take = min(drop, cohorts[-1][1])
            cohorts[-1][1] -= take
            drop -= take
            if not cohorts[-1][1]:
                cohorts.pop()
        stock = places
        yield year, places, new, [tuple(c) for c in cohorts]


class _Place:
    """Engine results per (first year, year) for one column."""

    def __init__(self, placement: Placement, book: ParameterBook):
        self.placement, self.book = placement, book
        self.results: dict[tuple[int, int], Result] = {}

    def result(self, first: int, year: int) -> Result:
        key = (first, year)
        if key not in self.results:
            self.results[key] = calculate(dataclasses.replace(self.placement, year=year, first_year=first), self.book)
        return self.results[key]


def _row(scenario: str, place: _Place, municipality: str | None, year: int, places: int, new: int, cohorts) -> Row:
    p = place.placement
    row = Row(scenario, p.name, municipality, year, places, new, bears_employer_balance=p.employer.bears_employer_balance)
    a = row.amounts
    for first, count in cohorts:
        result = place.result(first, year)
        flows = {f.key: f.amount for f in result.flows}

        def total(keys) -> Decimal:
            return count * sum((flows.get(k, ZERO) for k in keys), ZERO)
        for key, keys in CLAIMS.items():
            a[key] += total(keys)
        a["national_funding"] += total(FUNDING)
        a["regional_subsidies"] += total(SUBSIDIES)
        a["employer_balance"] += count * result.balance
        for view, book in result.views().items():
            a[NET[view]] += count * book.balance
    a["municipal_outlays"] = a["lks"] + a["regional_subsidies"] + a["pre_trajectory"] + a["wage_value_measurement"]
    return row


def budget(scenario_name: str, placements, book: ParameterBook, targets: dict[str | None, dict[int, int]]) -> Budget:
    rows: list[Row] = []
    warnings: list[Text] = []
    per_municipality = None not in targets
    for placement in placements:
        place = _Place(placement, book)
        column_rows = []
        for municipality, by_year in targets.items():
            for year, places, new, cohorts in _cohorts(by_year):
                column_rows.append(_row(scenario_name, place, municipality, year, places, new, cohorts))
        rows.extend(column_rows)
        if per_municipality:
            totals: dict[int, Row] = {}
            for row in column_rows:
                total = totals.setdefault(row.year, Row(scenario_name, placement.name, None, row.year, total=True,
                                                        bears_employer_balance=row.bears_employer_balance))
                total.add(row)
            rows.extend(totals[year] for year in sorted(totals))
        for result in place.results.values():
            for w in result.warnings:
                if w not in warnings:
                    warnings.append(w)
    return Budget(rows, warnings, per_municipality)
