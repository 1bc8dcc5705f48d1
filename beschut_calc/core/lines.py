"""The line registry: every line of the employer's business case (the table of the note), once.

Key, side, origin (decides the memo rounding step), Dutch and English labels and order. Who pays
and receives each amount is in core/flows.py (a line is one or more flows); the rules that
compute them are in core/rules.py.
"""
from __future__ import annotations

from dataclasses import dataclass

from .text import Text


@dataclass(frozen=True)
class LineSpec:
    key: str
    side: str                        # benefit | cost (for the municipality: receives = benefit, pays = cost)
    label: Text
    origin: str = "estimate"         # estimate | quoted | employer (the employer model's wage_cost_origin)
    sheet_name: Text | None = None   # a short name for parameter rows in the workbook


EMPLOYER_LINES: tuple[LineSpec, ...] = (
    LineSpec("wage_value", "benefit", Text("1. loonwaarde", "1. wage value")),
    LineSpec("wage_subsidy", "benefit", Text("2. loonkostensubsidie", "2. wage-cost subsidy"), origin="quoted"),
    LineSpec("general_subsidy", "benefit", Text("3. algemene subsidie beschut", "3. general sheltered-work subsidy"),
             sheet_name=Text("Algemene subsidie beschut", "General sheltered-work subsidy")),
    LineSpec("temporary_subsidy", "benefit", Text("4. tijdelijke subsidie beschut", "4. temporary sheltered-work subsidy"),
             sheet_name=Text("Tijdelijke subsidie beschut", "Temporary sheltered-work subsidy")),
    LineSpec("tax_advantage", "benefit", Text("5. belastingvoordeel LIV", "5. tax advantage (LIV)")),
    LineSpec("wage_costs", "cost", Text("loonkosten", "wage costs"), origin="employer"),
    LineSpec("guidance_costs", "cost", Text("kosten begeleiding en indirecte kosten", "guidance and indirect costs")),
)
# The no-risk policy (Ziektewet art. 29b): only when the scenario counts sickness absence.
SICKNESS_BENEFIT = LineSpec("sickness_benefit", "benefit", Text("vergoeding no-riskpolis (Ziektewet)", "no-risk policy benefit (Ziektewet)"))
# An extra municipal contribution per place (issue 5): a policy choice, so it exists only as an input.
MUNICIPAL_TOP_UP = LineSpec("municipal_top_up", "benefit", Text("aanvulling gemeente", "municipal top-up"))
# The regional subsidies a subsidy set can grant, on the lines above.
SUBSIDY_LINES = ("general_subsidy", "temporary_subsidy")

REGISTRY: dict[str, LineSpec] = {spec.key: spec for spec in EMPLOYER_LINES + (SICKNESS_BENEFIT, MUNICIPAL_TOP_UP)}


def spec(key: str) -> LineSpec | None:
    return REGISTRY.get(key)


def label(key: str, lang: str = "nl") -> str:
    return REGISTRY[key].label(lang)
