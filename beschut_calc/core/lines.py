"""The line registry: every line of the business case and of the municipal perspective, once.

Key, side, origin (decides the memo rounding step), Dutch and English labels, order, and who
pays or receives it in the municipal perspective. Reports, the workbook and the analyses read
lines from here; the rules that compute them are in core/rules.py.
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
    municipality_pays: bool = False  # an employer's benefit the municipality pays for (perspective gemeente)
    sheet_name: Text | None = None   # a short name for parameter rows in the workbook


EMPLOYER_LINES: tuple[LineSpec, ...] = (
    LineSpec("wage_value", "benefit", Text("1. loonwaarde", "1. wage value")),
    LineSpec("wage_subsidy", "benefit", Text("2. loonkostensubsidie", "2. wage-cost subsidy"), origin="quoted",
             municipality_pays=True),
    LineSpec("general_subsidy", "benefit", Text("3. algemene subsidie beschut", "3. general sheltered-work subsidy"),
             municipality_pays=True, sheet_name=Text("Algemene subsidie beschut", "General sheltered-work subsidy")),
    LineSpec("temporary_subsidy", "benefit", Text("4. tijdelijke subsidie beschut", "4. temporary sheltered-work subsidy"),
             municipality_pays=True, sheet_name=Text("Tijdelijke subsidie beschut", "Temporary sheltered-work subsidy")),
    LineSpec("tax_advantage", "benefit", Text("5. belastingvoordeel LIV", "5. tax advantage (LIV)")),
    LineSpec("wage_costs", "cost", Text("loonkosten", "wage costs"), origin="employer"),
    LineSpec("guidance_costs", "cost", Text("kosten begeleiding en indirecte kosten", "guidance and indirect costs")),
)
# The no-risk policy (Ziektewet art. 29b): only when the scenario counts sickness absence.
SICKNESS_BENEFIT = LineSpec("sickness_benefit", "benefit", Text("vergoeding no-riskpolis (Ziektewet)", "no-risk policy benefit (Ziektewet)"))
# An extra municipal contribution per place (issue 5): a policy choice, so it exists only as an input.
MUNICIPAL_TOP_UP = LineSpec("municipal_top_up", "benefit", Text("aanvulling gemeente", "municipal top-up"),
                            municipality_pays=True)
# The regional subsidies a subsidy set can grant, on the lines above.
SUBSIDY_LINES = ("general_subsidy", "temporary_subsidy")

# What the municipality receives and pays for a place besides the employer's subsidies (003 §3.1, §6.1).
MUNICIPAL_LINES: tuple[LineSpec, ...] = (
    LineSpec("rijk_guidance", "benefit", Text("rijk: begeleiding en werkvoorzieningen (integratie-uitkering)",
                                              "national: guidance and workplace provisions")),
    LineSpec("rijk_wage_subsidy", "benefit", Text("rijk: loonkostensubsidie (BUIG)", "national: wage-cost subsidy (BUIG)")),
    LineSpec("rijk_bonus", "benefit", Text("rijk: bonus per gerealiseerde plek", "national: bonus per realised place")),
    LineSpec("pre_trajectory", "cost", Text("praktijkvoortraject (3 maanden, eenmalig)", "pre-trajectory (3 months, one-off)")),
    LineSpec("wage_value_measurement", "cost", Text("loonwaardemeting (eenmalig)", "wage-value measurement (one-off)")),
)
# How the perspective names the employer's lines the municipality pays for.
PAID_LABELS = {
    "wage_subsidy": Text("loonkostensubsidie aan de werkgever", "wage-cost subsidy to the employer"),
    "general_subsidy": Text("algemene subsidie beschut aan de werkgever", "general sheltered-work subsidy to the employer"),
    "temporary_subsidy": Text("tijdelijke subsidie beschut aan de werkgever", "temporary sheltered-work subsidy to the employer"),
    "municipal_top_up": Text("aanvulling gemeente aan de werkgever", "municipal top-up to the employer"),
}

REGISTRY: dict[str, LineSpec] = {spec.key: spec for spec in EMPLOYER_LINES + (SICKNESS_BENEFIT, MUNICIPAL_TOP_UP) + MUNICIPAL_LINES}


def spec(key: str) -> LineSpec | None:
    return REGISTRY.get(key)


def label(key: str, lang: str = "nl") -> str:
    return REGISTRY[key].label(lang)
