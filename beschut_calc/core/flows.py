"""Who pays whom: every amount of a placement as a flow between two accounts, declared once.

A flow names its payer and payee (core/accounts.py), its label, its time basis and its rule.
Its time basis says which part of a calendar year it counts for (core/period.py):

- `placed`: the months of the placement, trial months included (the work is done);
- `contract`: the months with a paid contract;
- `once`: the placement's first year only (one-off amounts per realised place);
- `year`: the rule counts the year itself (the LIV reads the paid hours; an invoice settles a balance).

The engine applies the basis; no rule multiplies by a share of the year.

The employer's business case (the table of the note, 003 ch. 6) is a set of lines; each line is
one or more flows. A flow with `rule=None` is the rest of its line (the line's own rule, from
core/rules.py, minus the line's other flows), so a line is always exactly the sum of its flows,
rounding included. A flow without a line is not in the employer's table (national funding, the
municipality's own costs, an invoice), but is in every party's books.

Adding a flow is one entry in FLOWS: the engine, the vectorised caseload, the workbook
formulas, JSON and every party's table read it from here.

A flow of the *alternative* (issue 22: what would happen without the placement, bijstand or
dagbesteding) is declared as it would run then: bijstand from the municipality to the worker.
The books count it the other way round (core/books.py `legs`): each party's balance is what it
has with the placement minus what it would have had without.
"""
from __future__ import annotations

from typing import Callable, NamedTuple

from .accounts import EMPLOYER, MUNICIPALITY, OUTSIDE, SOCIETY, STATE, WORKER
from .expr import Expr
from . import income
from .model import Placement
from .period import BASES
from .text import Text
from . import rules


class FlowSpec(NamedTuple):
    key: str
    payer: str
    payee: str
    label: Text
    basis: str                                     # placed | contract | once | year
    source: str = ""                               # why this party pays that one
    line: str | None = None                        # the employer-table line it is (part of)
    rule: Expr | dict | None = None                # a rule, one per method, or None: the rest of its line
    applies: Callable[[Placement], bool] | None = None   # only some placements have it
    alternative: bool = False                      # a flow of the alternative, not of the placement
    apart: bool = False                            # shown apart: an estimate in no party's balance (core/books.py legs)

    def rule_for(self, method: str) -> Expr | None:
        return self.rule.get(method) if isinstance(self.rule, dict) else self.rule

    def present(self, placement: Placement) -> bool:
        return self.applies is None or self.applies(placement)


class FromFlows(NamedTuple):
    """A rule over other flows' amounts of the same column (the tax reads the wage): `build` receives
    the bound trees by flow key and returns the rule, which the engine binds with no time basis of its own."""
    keys: tuple[str, ...]
    build: Callable[[dict], Expr]


# The settlement of a deficit an employer invoices (payroll, 003 ch. 6 footnote): not a rule of its
# own but the employer's balance over its other flows, so the engine builds it (core/engine.py).
SETTLES_EMPLOYER_BALANCE = "settles_employer_balance"

PW = "Participatiewet"
FLOWS: tuple[FlowSpec, ...] = (
    FlowSpec("wage_value", OUTSIDE, EMPLOYER, Text("loonwaarde: opbrengst van het werk", "wage value: revenue of the work"),
             "placed", "Notitie Nieuw beschut werk Zaanstreek-Waterland 2017, §3.3 punt 1 (de productiviteit van de werknemer)",
             line="wage_value"),
    FlowSpec("wage_subsidy", MUNICIPALITY, EMPLOYER, Text("loonkostensubsidie", "wage-cost subsidy"), "contract",
             f"{PW} art. 10d (het college verstrekt de loonkostensubsidie aan de werkgever)", line="wage_subsidy"),
    FlowSpec("general_subsidy", MUNICIPALITY, EMPLOYER, Text("algemene subsidie beschut", "general sheltered-work subsidy"),
             "contract", "de subsidieset van de regio (Notitie Nieuw beschut werk Zaanstreek-Waterland 2017, §4.3.2)",
             line="general_subsidy"),
    FlowSpec("temporary_subsidy", MUNICIPALITY, EMPLOYER, Text("tijdelijke subsidie beschut", "temporary sheltered-work subsidy"),
             "contract", "de subsidieset van de regio (Notitie Nieuw beschut werk Zaanstreek-Waterland 2017, §4.3.2)",
             line="temporary_subsidy"),
    FlowSpec("tax_advantage", STATE, EMPLOYER, Text("lage-inkomensvoordeel (LIV)", "low-income advantage (LIV)"), "year",
             "Wet tegemoetkomingen loondomein, hoofdstuk 3 (de Belastingdienst betaalt het LIV aan de werkgever)",
             line="tax_advantage"),
    FlowSpec("wage", EMPLOYER, WORKER, Text("brutoloon met vakantiebijslag", "gross wage with holiday allowance"), "contract",
             "de arbeidsovereenkomst (dienstbetrekking beschut werk, Participatiewet art. 10b)", line="wage_costs",
             rule=rules.WAGE),
    FlowSpec("employer_charges", EMPLOYER, STATE, Text("werkgeverslasten (premies)", "employer charges (contributions)"),
             "contract", "Wet financiering sociale verzekeringen (werkgeverspremies)", line="wage_costs", rule=rules.CHARGES),
    FlowSpec("wage_cost_mark_up", EMPLOYER, OUTSIDE, Text("opslag uitzend- of payrollbedrijf", "agency or payroll mark-up"),
             "contract", "het tarief van het uitzend- of payrollbedrijf (Notitie Nieuw beschut werk Zaanstreek-Waterland 2017, §3.2)",
             line="wage_costs"),
    FlowSpec("guidance_costs", EMPLOYER, OUTSIDE, Text("begeleiding en indirecte kosten", "guidance and indirect costs"),
             "placed", "Notitie Nieuw beschut werk Zaanstreek-Waterland 2017, eindnoten viii en ix", line="guidance_costs"),
    FlowSpec("sickness_benefit", STATE, EMPLOYER, Text("ziekengeld no-riskpolis (UWV)", "no-risk sickness benefit (UWV)"),
             "contract", "Ziektewet art. 29b (UWV betaalt de werkgever ziekengeld)", line="sickness_benefit",
             applies=lambda p: p.absence is not None),
    FlowSpec("municipal_top_up", MUNICIPALITY, EMPLOYER, Text("aanvulling gemeente", "municipal top-up"), "placed",
             "een keuze van de gemeente (scenario)", line="municipal_top_up",
             applies=lambda p: "municipal_top_up" in p.overrides),
    FlowSpec("rijk_guidance", STATE, MUNICIPALITY,
             Text("rijksmiddelen begeleiding en werkvoorzieningen (integratie-uitkering)", "national funding: guidance and workplace provisions"),
             "placed", "Notitie Nieuw beschut werk Zaanstreek-Waterland 2017, §3.1 a en §4.4", rule=rules.RIJK_GUIDANCE),
    FlowSpec("rijk_wage_subsidy", STATE, MUNICIPALITY, Text("rijksmiddelen loonkostensubsidie (BUIG)", "national funding: wage-cost subsidy (BUIG)"),
             "placed", "Notitie Nieuw beschut werk Zaanstreek-Waterland 2017, §3.1 b en §4.4", rule=rules.RIJK_WAGE_SUBSIDY),
    FlowSpec("rijk_bonus", STATE, MUNICIPALITY, Text("bonus per gerealiseerde plek", "bonus per realised place"),
             "once", "Notitie Nieuw beschut werk Zaanstreek-Waterland 2017, §3.1 tijdelijk a", rule=rules.RIJK_BONUS),
    FlowSpec("pre_trajectory", MUNICIPALITY, OUTSIDE, Text("praktijkvoortraject (3 maanden, eenmalig)",
                                                           "pre-trajectory (3 months, one-off)"),
             "once", "Notitie Nieuw beschut werk Zaanstreek-Waterland 2017, §6.1", rule=rules.PRE_TRAJECTORY),
    FlowSpec("wage_value_measurement", MUNICIPALITY, OUTSIDE, Text("loonwaardemeting (eenmalig)", "wage-value measurement (one-off)"),
             "once", "Collegevoorstel Arnhem 2014 (loonwaardemetingen)", rule=rules.WAGE_VALUE_MEASUREMENT),
    FlowSpec("employer_invoice", MUNICIPALITY, EMPLOYER, Text("factuur van de werkgever: het tekort van de plek",
                                                              "the employer's invoice: the placement's deficit"),
             "year", "Notitie Nieuw beschut werk Zaanstreek-Waterland 2017, voetnoot bij hoofdstuk 6 (de gemeente betaalt het "
                     "payrollbedrijf)", rule=SETTLES_EMPLOYER_BALANCE,
             applies=lambda p: p.employer.invoices == MUNICIPALITY),
)


# The worker's income and the alternative (issue 22, core/income.py). The tax is part of every placement (the
# worker keeps the net wage); bijstand and the rest only when the scenario names an alternative.
IB = "Wet inkomstenbelasting 2001"


def _compared(p: Placement) -> bool:
    return p.alternative != "none"


def _bijstand(p: Placement) -> bool:
    return p.on_social_assistance


ALTERNATIVE_LABEL = {"none": Text("geen", "none"), "social_assistance": Text("bijstand", "bijstand (social assistance)"),
                     "day_activities": Text("dagbesteding", "day activities"),
                     "social_assistance_and_day_activities": Text("bijstand en dagbesteding", "bijstand and day activities")}

FLOWS += (
    FlowSpec("income_tax", WORKER, STATE, Text("inkomstenbelasting en premies volksverzekeringen",
                                               "income tax and national insurance contributions"),
             "year", f"{IB} art. 2.10 (tarief met premies volksverzekeringen), 8.10 (algemene heffingskorting) en 8.11 "
                     "(arbeidskorting): de werknemer betaalt via de loonheffing aan de Belastingdienst",
             rule=FromFlows(("wage",), income.income_tax)),
    FlowSpec("social_assistance_top_up", MUNICIPALITY, WORKER, Text("aanvullende bijstand", "supplementary bijstand"), "year",
             f"{PW} art. 21, 22a en 31 (inkomsten onder de norm vult de gemeente aan); in een proefplaatsing blijft de uitkering "
             "(art. 8a lid 2 onder d)", rule=FromFlows(("wage", "income_tax"), income.top_up), applies=_bijstand),
    FlowSpec("social_assistance_execution", MUNICIPALITY, OUTSIDE, Text("uitvoeringskosten bijstand", "execution cost of bijstand"),
             "year", "een aanname over de uitvoeringskosten van een bijstandsuitkering (zie de parameter)",
             rule=FromFlows(("wage", "income_tax"), income.execution_with_placement), applies=_bijstand),
    FlowSpec("buig_top_up", STATE, MUNICIPALITY, Text("BUIG-middelen voor de bijstand", "BUIG funding of bijstand"), "year",
             f"{PW} art. 69 (het Rijk verstrekt de gemeente een gebundelde uitkering voor de bijstand)",
             rule=FromFlows(("social_assistance_top_up",), income.buig("social_assistance_top_up")), applies=_bijstand),
    # -- the alternative
    FlowSpec("alternative_social_assistance", MUNICIPALITY, WORKER, Text("bijstand", "bijstand (social assistance)"), "placed",
             f"{PW} art. 21 en 22a (de bijstandsnorm; de gemeente betaalt de uitkering)", rule=income.ALTERNATIVE_BIJSTAND,
             applies=_bijstand, alternative=True),
    FlowSpec("alternative_execution", MUNICIPALITY, OUTSIDE, Text("uitvoeringskosten bijstand", "execution cost of bijstand"),
             "placed", "een aanname over de uitvoeringskosten van een bijstandsuitkering (zie de parameter)",
             rule=income.EXECUTION, applies=_bijstand, alternative=True),
    FlowSpec("alternative_buig", STATE, MUNICIPALITY, Text("BUIG-middelen voor de bijstand", "BUIG funding of bijstand"), "year",
             f"{PW} art. 69 (het Rijk verstrekt de gemeente een gebundelde uitkering voor de bijstand)",
             rule=FromFlows(("alternative_social_assistance",), income.buig("alternative_social_assistance")),
             applies=_bijstand, alternative=True),
    FlowSpec("wider_benefits", OUTSIDE, SOCIETY, Text("bredere baten van werk", "wider benefits of work"),
             "placed", "CPB en SCP, De brede baten van werk (2020): minder zorg, Wmo-ondersteuning en criminaliteit als iemand "
                       "werkt; een landelijke schatting, daarom apart en in geen saldo", rule=income.WIDER_BENEFITS,
             applies=_compared, apart=True),
    FlowSpec("alternative_day_activities", MUNICIPALITY, OUTSIDE, Text("dagbesteding (Wmo)", "day activities (Wmo)"), "placed",
             "Wet maatschappelijke ondersteuning 2015 (de gemeente koopt dagbesteding in); het bedrag is een aanname (zie de parameter)",
             rule=income.DAY_ACTIVITIES, applies=lambda p: p.at_day_activities, alternative=True),
)

# The flows of the comparison with the alternative (issue 22): not national funding of the places.
COMPARISON = frozenset(spec.key for spec in FLOWS if spec.alternative or spec.applies in (_compared, _bijstand))


def extra_flow(extra) -> FlowSpec:
    """A benefit line a subsidy set declares (a secondment fee, say): paid by a customer, the outside world."""
    return FlowSpec(extra.key, OUTSIDE, EMPLOYER, extra.label, "placed", extra.source, line=extra.key)


def flows_of(placement: Placement) -> list[FlowSpec]:
    """The flows one column has, in order: the declared ones, then a subsidy set's extra lines."""
    out = [spec for spec in FLOWS if spec.present(placement)]
    out += [extra_flow(extra) for extra in placement.subsidy_set.extra_benefits]
    return out


def _check() -> None:
    for spec in FLOWS:
        assert spec.basis in BASES, spec.key
        assert spec.payer != spec.payee, spec.key
    bases: dict[str, str] = {}
    for spec in FLOWS:
        if spec.line is not None:
            assert bases.setdefault(spec.line, spec.basis) == spec.basis, f"line {spec.line} mixes time bases"


_check()
