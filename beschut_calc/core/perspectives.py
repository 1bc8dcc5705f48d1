"""The municipality's perspective on one placement (pure, no I/O).

The employer's business case is the engine's Result. The municipality sees the same
placement differently: it pays the wage-cost subsidy and the regional subsidies, a
pre-trajectory and a wage-value measurement, and receives national money for the place
(file 003 §3.1 and §6.1). When the municipality employs the person itself (or through a
payroll company, 003 chapter 6 footnote), it also carries the employer's balance.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .engine import MEMO_REFERENCE_HOURS, Context, Line, Result
from .parameters import ParameterBook, ParamValue
from .text import Text, euro, plain

ZERO = Decimal(0)

LABELS = {
    "rijk_guidance": Text("rijk: begeleiding en werkvoorzieningen (integratie-uitkering)", "national: guidance and workplace provisions"),
    "rijk_wage_subsidy": Text("rijk: loonkostensubsidie (BUIG)", "national: wage-cost subsidy (BUIG)"),
    "rijk_bonus": Text("rijk: bonus per gerealiseerde plek", "national: bonus per realised place"),
    "wage_subsidy": Text("loonkostensubsidie aan de werkgever", "wage-cost subsidy to the employer"),
    "general_subsidy": Text("algemene subsidie beschut aan de werkgever", "general sheltered-work subsidy to the employer"),
    "temporary_subsidy": Text("tijdelijke subsidie beschut aan de werkgever", "temporary sheltered-work subsidy to the employer"),
    "municipal_top_up": Text("aanvulling gemeente aan de werkgever", "municipal top-up to the employer"),
    "pre_trajectory": Text("praktijkvoortraject (3 maanden, eenmalig)", "pre-trajectory (3 months, one-off)"),
    "wage_value_measurement": Text("loonwaardemeting (eenmalig)", "wage-value measurement (one-off)"),
}
# The employer's benefit lines the municipality itself pays for.
PAID_BY_MUNICIPALITY = ("wage_subsidy", "general_subsidy", "temporary_subsidy", "municipal_top_up")
SCALING_NOTE = ParamValue(
    name="rijk_hours_basis", value=MEMO_REFERENCE_HOURS, since=None, status="assumption",
    source="003_77b5e6ae8c4da4a6.txt, §3.1 en §4.4 (rijksbedragen per plek gaan uit van gemiddeld 31 uur)",
    note="De rijksmiddelen zijn een gemiddelde per plek van 31 uur; hier naar rato van de uren toegerekend (minder uren = meer plekken voor hetzelfde budget).",
    note_en="National funding is an average per 31-hour place; here it is allotted in proportion to the hours (fewer hours = more places for the same budget).")


@dataclass(frozen=True)
class MunicipalView:
    receives: tuple[Line, ...]
    pays: tuple[Line, ...]
    employer_balance: Decimal | None      # set when the municipality carries the employer's balance

    @property
    def received(self) -> Decimal:
        return sum((line.amount for line in self.receives), ZERO)

    @property
    def paid(self) -> Decimal:
        return sum((line.amount for line in self.pays), ZERO)

    @property
    def net(self) -> Decimal:
        return self.received - self.paid + (self.employer_balance or ZERO)


def municipal_view(result: Result, book: ParameterBook) -> MunicipalView:
    p = result.placement
    ctx = Context(p, book)
    share = p.hours / MEMO_REFERENCE_HOURS
    share_text = f"× {plain(p.hours)}/31"

    def national(key: str, param: str) -> Line:
        amount = ctx.v(param)
        return Line(key, "benefit", amount * share,
                    Text(f"{euro(amount)} per plek van 31 uur {share_text}", f"{euro(amount, 'en')} per 31-hour place {share_text}"),
                    ctx.take() + (SCALING_NOTE,))

    receives = [national("rijk_guidance", "rijk_guidance_per_place"), national("rijk_wage_subsidy", "rijk_lks_per_place")]
    bonus = ctx.v("rijk_bonus_per_place")
    receives.append(Line("rijk_bonus", "benefit", bonus,
                         Text(f"{euro(bonus)} per plek, onafhankelijk van de uren (plekken 2015-2019)",
                              f"{euro(bonus, 'en')} per place, whatever the hours (places 2015-2019)"), ctx.take()))

    pays = [Line(line.key, "cost", line.amount, line.rule, line.params)
            for line in result.lines if line.key in PAID_BY_MUNICIPALITY]
    pre = ctx.v("pre_trajectory_cost")
    pays.append(Line("pre_trajectory", "cost", pre, Text(f"{euro(pre)} per kandidaat", f"{euro(pre, 'en')} per candidate"), ctx.take()))
    budget, count = ctx.v("wage_value_measurement_budget"), ctx.v("wage_value_measurements_count")
    pays.append(Line("wage_value_measurement", "cost", budget / count,
                     Text(f"{euro(budget)} per jaar / {plain(count)} metingen", f"{euro(budget, 'en')} a year / {plain(count, 'en')} measurements"),
                     ctx.take()))
    return MunicipalView(receives=tuple(receives), pays=tuple(pays),
                         employer_balance=result.balance if p.employer.bears_employer_balance else None)


def label(line: Line, lang: str = "nl") -> str:
    return LABELS[line.key](lang)
