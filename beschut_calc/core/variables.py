"""The numeric inputs a break-even, a sweep or (later) a sensitivity analysis can vary, with
their valid ranges: the hours and wage value of a placement, and the parameters a scenario
may override that the balance depends on smoothly."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .text import Text, euro, number, percent

ZERO = Decimal(0)
# Bounds a real case stays within; the readers of scenario files use the same ones.
MAX_HOURS = Decimal(40)
# A scenario's contract: under an hour a week is a typo. Sweeps and break-even may still explore (0, 1).
MIN_HOURS = Decimal(1)
MAX_ABSENCE = Decimal("0.5")      # sickness absence: at most half the contract hours
# Shares and factors (charges, fees, mark-ups, wage level) multiply each other in the wage costs;
# 10 (1000 %) is far beyond any real one and keeps their product within Decimal's precision.
MAX_FACTOR = Decimal(10)
# No number a person types into a business case of one placement comes near this; beyond it,
# products of several inputs would exceed what Decimal's 28 digits hold to the cent.
MAX_MAGNITUDE = Decimal(10) ** 9


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


# The bounds a real case can have, and the same ones the scenario file allows for these inputs
# (inputs/overrides.py reads them from here): a sweep, a break-even or a simulation never leaves
# what a scenario could state. A yearly amount per place above MAX_AMOUNT is a typo.
MAX_AMOUNT = Decimal(100_000)
INPUTS = {i.name: i for i in (
    Input("hours", "hours", Text("uren per week", "hours a week"), ZERO, MAX_HOURS, low_open=True, decimals=4),
    Input("wage_value", "fraction", Text("loonwaarde", "wage value"), ZERO, Decimal(1), decimals=6),
    Input("absence", "fraction", Text("verzuim", "absence"), ZERO, MAX_ABSENCE, decimals=6),
    Input("indexation", "fraction", Text("indexatie per jaar", "indexation a year"), Decimal("-0.10"), Decimal("0.20"), decimals=6),
    Input("employer_charges", "fraction", Text("werkgeverslasten", "employer charges"), ZERO, Decimal("0.60"), decimals=6),
    Input("guidance_cost_fulltime", "euro", Text("kosten begeleiding per voltijdplek", "guidance cost per full-time place"), ZERO, MAX_AMOUNT),
    Input("agency_fee", "fraction", Text("uitzendtoeslag", "agency fee"), ZERO, Decimal(1), decimals=6),
    Input("payroll_markup", "factor", Text("payrollopslag", "payroll mark-up"), Decimal(1), Decimal(3), decimals=6),
    Input("municipal_top_up", "euro", Text("aanvulling gemeente per plek", "municipal top-up per place"), ZERO, MAX_AMOUNT),
)}
# The balance is linear in these (engine: wage costs x mark-up x (1 + fee), guidance x cost per
# place, the top-up line itself, wage value, LKS and sickness benefit x absence); break-even solves
# them from two evaluations and checks a third.
LINEAR = ("guidance_cost_fulltime", "agency_fee", "payroll_markup", "municipal_top_up", "absence", "employer_charges")

FIELDS = ("hours", "wage_value", "absence", "indexation")      # fields of the Placement; the other inputs are overrides


@dataclass(frozen=True)
class Range:
    """How uncertain an input is: low, central and high, with the source of the range."""
    name: str
    low: Decimal
    central: Decimal
    high: Decimal
    source: str
