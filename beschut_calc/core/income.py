"""The worker's income and the alternative (issue 22): income tax, the bijstand norm and what the
municipality and the Rijk pay without the placement. Declared once, as core/rules.py does, and
rendered by every renderer from the same trees.

The tax is the statutory income tax of the year on the year's wage (Wet inkomstenbelasting 2001
art. 2.10 with the premiums for the national insurance schemes, minus the algemene heffingskorting
of art. 8.10 and the arbeidskorting of art. 8.11). The bijstand norm is the net monthly norm of
Participatiewet art. 21 (holiday allowance included, art. 19 lid 3), or the kostendelersnorm of
art. 22a when the worker shares a home with cost sharers.

Rules here that read another flow (the tax reads the wage) are built by the engine from that
flow's bound tree (core/flows.py `FromFlows`); `shared` keeps one Step per column for a value
several flows use, so every renderer shows it once.
"""
from __future__ import annotations

from decimal import Decimal

from .expr import And, ByBasis, Choose, Const, Expr, Fixed, Flag, If, Max, Note, Param, Step, Sum, Zero
from .rules import (AGE, CONTRACT_FROM, EMPLOYED_SHARE, FIRST_MONTH, FIRST_YEAR, LAST_MONTH, MONTHS, PLACED_SHARE, YEAR,
                    contracted, placed)
from .text import Text

ZERO = Const(Decimal(0))


def P(name: str, nl: str, en: str, month: int | None = None) -> Param:
    return Param(name, month=month, label=Text(nl, en))


# ---------------------------------------------------------------- piecewise schedules of the law

def schedule(name: str, income: Expr, what: Text) -> Expr:
    """An amount the law gives as a schedule over income (tax brackets, a tax credit): for income y,
    the last segment whose `from` y exceeds gives base + rate × (y − from), at least 0. A segment
    without a `base` continues the one before it (a bracket adds to the tax of the lower brackets)."""
    def pick(column) -> Expr:
        pv = column.param(name)
        segments = pv.value
        n = len(segments)
        starts: list[Expr] = []
        rates: list[Expr] = []
        bases: list[Expr] = []
        for i, segment in enumerate(segments):
            part = Text(f"{what.nl}, deel {i + 1}" if n > 1 else what.nl, f"{what.en}, part {i + 1}" if n > 1 else what.en)
            starts.append(Fixed(pv, Text(f"{part.nl}: inkomen vanaf", f"{part.en}: income from"), (i, "from"), "euro"))
            rates.append(Fixed(pv, Text(f"{part.nl}: percentage", f"{part.en}: rate"), (i, "rate"), "fraction"))
            if "base" in segment:
                bases.append(Fixed(pv, Text(f"{part.nl}: vast bedrag", f"{part.en}: fixed amount"), (i, "base"), "euro"))
            else:
                bases.append(ZERO if i == 0 else bases[i - 1] + rates[i - 1] * (starts[i] - starts[i - 1]))
        # segment i holds up to and including the next one's start ("meer dan ... maar niet meer dan"); written
        # first to last, so the workbook and the words list the parts in the law's order
        out = bases[n - 1] + rates[n - 1] * (income - starts[n - 1])
        for i in range(n - 2, -1, -1):
            out = If(income <= starts[i + 1], bases[i] + rates[i] * (income - starts[i]), out)
        return Max(ZERO, out)
    return Choose(pick)


def shared(trees: dict, key: str, make) -> Expr:
    """One node per column for a value several flows' rules use (kept beside the flows' trees)."""
    if key not in trees:
        trees[key] = make()
    return trees[key]


# ---------------------------------------------------------------- income tax

TAX_WORDS = Text("inkomstenbelasting en premies volksverzekeringen", "income tax and national insurance contributions")


def taxable(trees: dict) -> Expr:
    return shared(trees, "_taxable", lambda: Step("taxable_wage", Text("loon van het jaar (brutoloon met vakantiebijslag)",
                                                                        "wage of the year (gross wage with holiday allowance)"),
                                                   trees["wage"]))


def income_tax(trees: dict) -> Expr:
    """Box 1 tax with the national insurance premiums on the year's wage, less the algemene heffingskorting
    and the arbeidskorting (Wet IB 2001 art. 2.10, 8.10, 8.11); the credits never make it negative."""
    wage = taxable(trees)
    gross = Step("tax_before_credits", Text("belasting en premies vóór heffingskortingen", "tax and premiums before credits"),
                 schedule("income_tax_box1", wage, Text("tarief box 1 met premies", "box 1 rate with premiums")))
    general = Step("general_tax_credit", Text("algemene heffingskorting", "general tax credit"),
                   schedule("general_tax_credit", wage, Text("algemene heffingskorting", "general tax credit"))
                   * Choose(_credit_left))
    labour = Step("labour_tax_credit", Text("arbeidskorting", "labour tax credit"),
                  schedule("labour_tax_credit", wage, Text("arbeidskorting", "labour tax credit")))
    return Max(ZERO, gross - general - labour)


def _credit_left(column) -> Expr:
    """The share of the year's algemene heffingskorting left for the wage. On bijstand the months without a
    contract (before a start, after an end, a trial placement) have their own income, whose wage tax the
    municipality withholds with the credit for those months; the wage keeps the months with a contract.
    Without bijstand there is no other income and the wage has the whole credit."""
    return EMPLOYED_SHARE if column.on_social_assistance else Const(Decimal(1))


def net_wage(trees: dict) -> Expr:
    return shared(trees, "_net", lambda: Step("net_wage", Text("nettoloon van het jaar", "net wage of the year"),
                                              taxable(trees) - trees["income_tax"]))


# ---------------------------------------------------------------- bijstand

# The norm of a month: the household's norm of Participatiewet art. 21, or with cost sharers the
# kostendelersnorm of art. 22a lid 1: ((40 + A × 30) / A) % of the couple norm per person, A being
# everyone in the home who shares the costs (the worker, a partner and the cost sharers).
COST_SHARERS = P("cost_sharers", "kostendelende medebewoners", "cost-sharing co-residents")


def _household_norm(column, month: int) -> Expr:
    if column.household == "couple":
        return P("bijstand_norm_couple", "bijstandsnorm gehuwden", "bijstand norm, couple", month)
    return P("bijstand_norm_single", "bijstandsnorm alleenstaande", "bijstand norm, single", month)


def _cost_sharing(column, month: int) -> Expr:
    persons = Const(Decimal(2 if column.household == "couple" else 1))
    pv = column.param("bijstand_cost_sharing")
    base = Fixed(pv, Text("kostendelersnorm: basispercentage", "cost-sharing norm: base percentage"), ("base_share",), "fraction")
    per = Fixed(pv, Text("kostendelersnorm: percentage per persoon", "cost-sharing norm: percentage per person"),
                ("per_person_share",), "fraction")
    sharers = persons + COST_SHARERS
    couple = P("bijstand_norm_couple", "bijstandsnorm gehuwden", "bijstand norm, couple", month)
    return persons * (base + sharers * per) / sharers * couple


def norm(month: int) -> Expr:
    """The bijstand norm of `month` for the worker's household (Participatiewet art. 21, 22a)."""
    return Choose(lambda column: If(COST_SHARERS > 0, _cost_sharing(column, month), _household_norm(column, month)))


NORM_WORDS = Text("som van de maandnormen", "sum of the monthly norms")


def in_trial(m: int) -> Expr:
    return And((Const(Decimal(m)) >= FIRST_MONTH, Const(Decimal(m)) < CONTRACT_FROM, Const(Decimal(m)) <= LAST_MONTH))


def _norm_sum(name: str, nl: str, en: str, when) -> Step:
    return Step(name, Text(nl, en), Sum(tuple(If(when(m), norm(m), ZERO) for m in range(1, MONTHS + 1)), NORM_WORDS))


NORM_PLACED = _norm_sum("norm_placed", "bijstandsnorm over de maanden van de plek", "bijstand norm over the months of the placement",
                        placed)
NORM_CONTRACT = _norm_sum("norm_contract", "bijstandsnorm over de maanden met dienstverband",
                          "bijstand norm over the months with a contract", contracted)
NORM_TRIAL = _norm_sum("norm_trial", "bijstandsnorm over de maanden van de proefplaatsing",
                       "bijstand norm over the months of the trial placement", in_trial)
# Without the placement the municipality pays the norm for the months the placement would have run.
# Below 21 the Participatiewet has its own, lower norms (art. 20), which the tool does not hold: said, not hidden.
YOUTH_NORMS = Text("de werknemer is jonger dan 21 ({age} jaar): de bijstand volgt dan de jongerennormen van Participatiewet art. 20, "
                   "die lager zijn dan de normen van art. 21 die de tool gebruikt; de bijstand in het alternatief, de aanvullende "
                   "bijstand en dus het saldo van gemeente, Rijk en werknemer gaan uit van te hoge normen",
                   "the worker is younger than 21 ({age}): bijstand then follows the youth norms of Participatiewet art. 20, which "
                   "are lower than the art. 21 norms the tool uses; the alternative's bijstand, the supplementary bijstand and so "
                   "the balances of municipality, state and worker assume norms that are too high")


def _alternative_bijstand(column) -> Expr:
    norm_placed = ByBasis(placed=NORM_PLACED)
    if "age" not in column.override_names:
        return norm_placed
    return Note("bijstand_youth_norms", norm_placed, YOUTH_NORMS, when=AGE < 21,
                summary=Text("jonger dan 21: de bijstand volgt de lagere jongerennormen van Participatiewet art. 20, die de tool "
                             "niet kent; de bijstand met en zonder de plek gaat uit van te hoge normen",
                             "younger than 21: bijstand follows the lower youth norms of Participatiewet art. 20, which the tool "
                             "does not hold; the bijstand with and without the placement assumes norms that are too high"))


ALTERNATIVE_BIJSTAND = Choose(_alternative_bijstand)


def contract_top_up(trees: dict) -> Expr:
    """Aanvullende bijstand: what the net wage leaves below the norm in the months with a contract."""
    return shared(trees, "_top_up", lambda: Step(
        "top_up_contract", Text("aanvullende bijstand in de maanden met dienstverband", "supplementary bijstand in the months with a contract"),
        Max(ZERO, NORM_CONTRACT - net_wage(trees))))


def top_up(trees: dict) -> Expr:
    """Bijstand with the placement: the whole norm in the trial months (the benefit is kept,
    Participatiewet art. 8a lid 2 onder d), and what the net wage leaves below the norm after them."""
    return NORM_TRIAL + contract_top_up(trees)


# ---------------------------------------------------------------- the municipality's costs of a case

EXECUTION = P("bijstand_execution_cost", "uitvoeringskosten per bijstandsuitkering per jaar", "execution cost per bijstand case a year")
TRIAL_SHARE = Step("trial_share", Text("deel van het jaar met proefplaatsing", "share of the year in a trial placement"),
                   PLACED_SHARE - EMPLOYED_SHARE, "fraction")


def execution_with_placement(trees: dict) -> Expr:
    """The case stays open in the trial months, and after them while supplementary bijstand remains."""
    return EXECUTION * (TRIAL_SHARE + If(contract_top_up(trees) > 0, EMPLOYED_SHARE, ZERO))


DAY_ACTIVITIES = P("day_activities_cost", "dagbesteding per cliënt per jaar", "day activities per client a year")


# ---------------------------------------------------------------- who keeps a bijstand saving (BUIG)

# The municipality pays bijstand from its BUIG budget, which the Rijk sets beforehand: in the short run
# the municipality keeps a saving. Once the macro budget and its allocation follow the lower volume,
# the Rijk keeps it: then the Rijk's BUIG funding moves with the bijstand paid.
BUIG_LAG = P("buig_follows_after_years", "jaren waarin de gemeente een besparing op de BUIG houdt",
             "years the municipality keeps a BUIG saving")
BUIG_RIJK_SHARE = Note(
    "buig_reading",
    Step("buig_rijk_share", Text("deel van de bijstand dat het Rijk via de BUIG draagt", "share of bijstand the Rijk bears through the BUIG"),
         If(YEAR - FIRST_YEAR + 1 > BUIG_LAG, Const(Decimal(1)), ZERO), "fraction"),
    Text("de gemeente betaalt bijstand uit haar BUIG-budget; de tool neemt aan dat zij een besparing de eerste "
         "{buig_follows_after_years} jaar van de plek zelf houdt en dat daarna het macrobudget en de verdeling de lagere "
         "bijstand volgen, zodat het Rijk de besparing houdt (Participatiewet art. 69; een aanname, zie de README)",
         "the municipality pays bijstand from its BUIG budget; the tool assumes it keeps a saving for the placement's first "
         "{buig_follows_after_years} years, after which the macro budget and its allocation follow the lower volume, so the "
         "Rijk keeps the saving (Participatiewet art. 69; an assumption, see the README)"))


def buig(key: str):
    """The Rijk's BUIG funding of the bijstand flow `key`, for the part the Rijk bears this year."""
    return lambda trees: BUIG_RIJK_SHARE * trees[key]


# ---------------------------------------------------------------- the wider benefits of work, apart

# Public costs that fall away when someone of the target group works (CPB/SCP 2020): an estimate for a national
# group, not a flow of the placement, so shown apart and counted in no party's balance; off unless asked for.
WIDER_BENEFITS = If(Flag(P("wider_benefits", "bredere baten tonen", "show wider benefits")),
                    P("wider_benefits_of_work", "bredere baten van werk per persoon per jaar", "wider benefits of work per person a year"),
                    Zero(Text("de bredere baten van werk zijn niet getoond (zet overrides.wider_benefits: true)",
                              "the wider benefits of work are not shown (set overrides.wider_benefits: true)")))


# ---------------------------------------------------------------- the years weighed

def discount_rate(placement, book):
    """The real discount rate that weighs later years in a present value (params/discount_rate.yaml:
    Werkgroep discontovoet 2020), or the scenario's override; read by --years, not by a rule."""
    from .context import Context

    return Context(placement, book).lookup("discount_rate")
