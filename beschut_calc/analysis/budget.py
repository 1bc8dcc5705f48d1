"""The municipality's budget for its target number of places (issue 5, item 4; 003 §6.1).

`targets` in a scenario gives the places per year — the number of places in existence
that year, as in the table of endnote i (2017: 58, 2018: 102 for the region). Per year:

- claims: participation budget = places x the national guidance figure per place (€8,500) and
  BUIG = places x the national wage-subsidy figure per place (€14,300), as §6.1 writes them;
- national funding received: those two plus the bonus per place (€3,000 for 2015-2019,
  paid afterwards);
- municipal outlays: the LKS and the regional subsidies (and a municipal top-up) of every
  place — the engine's own lines of the scenario's column for that year —, and for each new
  place one pre-trajectory (€1,495) and one wage-value measurement (€21,000 / 35 = €600).
  The amounts per place are rules (core/rules.py PER_PLACE);
- the employer balance summed over the places;
- the municipal net = funding - outlays, plus the employer balance when the municipality
  carries it (employer models with bears_employer_balance: own employment, payroll).

New places are the increase on the year before (the first target year: all places). Each
year's new places form a cohort whose first year is that year, so trial months and
subsidies with a maximum number of years follow the cohort.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from decimal import Decimal

from ..core.engine import Result, calculate, parameter_warning, per_place_amounts
from ..core.lines import EMPLOYER_LINES, MUNICIPAL_TOP_UP
from ..core.model import Placement
from ..core.parameters import ParameterBook, ParamValue
from ..core.text import Text

ZERO = Decimal(0)
# The municipality's payments to the employer other than the LKS (registry: municipality_pays).
SUBSIDY_LINES = tuple(spec.key for spec in (*EMPLOYER_LINES, MUNICIPAL_TOP_UP) if spec.municipality_pays and spec.key != "wage_subsidy")
MONEY = ("participation_budget", "buig", "rijk_bonus", "national_funding", "lks", "regional_subsidies",
         "pre_trajectory", "wage_value_measurement", "municipal_outlays", "employer_balance", "municipal_net")


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
    """Engine results per (first year, year) for one column, and the national amounts per year."""

    def __init__(self, placement: Placement, book: ParameterBook):
        self.placement, self.book = placement, book
        self.results: dict[tuple[int, int], Result] = {}
        self.used: list[ParamValue] = []

    def result(self, first: int, year: int) -> Result:
        key = (first, year)
        if key not in self.results:
            self.results[key] = calculate(dataclasses.replace(self.placement, year=year, first_year=first), self.book)
        return self.results[key]

    def per_place(self, year: int) -> dict[str, Decimal]:
        amounts, used = per_place_amounts(self.placement, self.book, year)
        self.used.extend(pv for pv in used if pv not in self.used)
        return amounts


def _row(scenario: str, place: _Place, municipality: str | None, year: int, places: int, new: int, cohorts) -> Row:
    p = place.placement
    row = Row(scenario, p.name, municipality, year, places, new, bears_employer_balance=p.employer.bears_employer_balance)
    a = row.amounts
    per_place = place.per_place(year)
    a["participation_budget"] = places * per_place["participation_budget"]
    a["buig"] = places * per_place["buig"]
    a["rijk_bonus"] = places * per_place["rijk_bonus"]
    a["national_funding"] = a["participation_budget"] + a["buig"] + a["rijk_bonus"]
    for first, count in cohorts:
        result = place.result(first, year)
        lines = {line.key: line.amount for line in result.lines}
        a["lks"] += count * lines.get("wage_subsidy", ZERO)
        a["regional_subsidies"] += count * sum((lines.get(k, ZERO) for k in SUBSIDY_LINES), ZERO)
        a["employer_balance"] += count * result.balance
    a["pre_trajectory"] = new * per_place["pre_trajectory"]
    a["wage_value_measurement"] = new * per_place["wage_value_measurement"]
    a["municipal_outlays"] = a["lks"] + a["regional_subsidies"] + a["pre_trajectory"] + a["wage_value_measurement"]
    a["municipal_net"] = a["national_funding"] - a["municipal_outlays"] + (a["employer_balance"] if row.bears_employer_balance else ZERO)
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
        for pv in place.used:
            w = parameter_warning(pv)
            if w is not None and w not in warnings:
                warnings.append(w)
        for result in place.results.values():
            for w in result.warnings:
                if w not in warnings:
                    warnings.append(w)
    return Budget(rows, warnings, per_municipality)
