"""The rules, each declared once (domain.md section 3; the sources in each parameter file).

Every line of both methods, and every amount of the municipal perspective, is a tree of
core/expr.py nodes. The engine evaluates them exactly; the sweep, the workbook formulas
and the rule in words are rendered from the same trees. To change a rule, change it here.

Inputs (may vary per evaluation): `hours`, `wage_value`, `first_month` and `last_month` (the
months of this calendar year the placement runs, inclusive), `trial_months` (of those, the
months without a contract at the start of a trial placement), `year` and `first_year`
(the placement's first calendar year, for subsidies granted for a number of years), `absence`
(sickness absence, share of contract hours) and `indexation` (yearly rise of non-legal costs).
"""
from __future__ import annotations

from decimal import Decimal

from .expr import (And, Bands, ByBasis, Choose, Const, Differs, Expr, Fixed, Flag, If, Input, Min, Note, Param, Pow, Step, Sum,
                   Zero)
from . import lines as registry
from .lines import MUNICIPAL_TOP_UP, LineSpec
from .model import Placement
from .parameters import ParamValue
from .text import Text, percent, plain

HOURS, WAGE_VALUE, TRIAL = Input("hours"), Input("wage_value"), Input("trial_months")
FIRST_MONTH, LAST_MONTH = Input("first_month"), Input("last_month")
ABSENCE, INDEXATION = Input("absence"), Input("indexation")
YEAR, FIRST_YEAR = Input("year"), Input("first_year")
WEEKS_PER_YEAR = Const(Decimal(52))
MONTHS = 12

# The hours the memo's table is drawn up for: the national assumption of 31 hours a place.
MEMO_REFERENCE = ParamValue(
    name="memo_reference_hours", value=Decimal(31), since=None, unit="hours_per_week",
    source="Notitie Nieuw beschut werk Zaanstreek-Waterland 2017, §3.1 en §4.4 (het Rijk gaat uit van gemiddeld 31 uur per plek)")
MEMO_HOURS = Fixed(MEMO_REFERENCE, Text("uren waarvoor de tabel van de notitie is opgesteld", "hours the note's table is drawn up for"))
RIJK_HOURS = Fixed(ParamValue(
    name="rijk_hours_basis", value=Decimal(31), since=None, status="assumption", unit="hours_per_week",
    source="Notitie Nieuw beschut werk Zaanstreek-Waterland 2017, §3.1 en §4.4 (rijksbedragen per plek gaan uit van gemiddeld 31 uur)",
    note="De rijksmiddelen zijn een gemiddelde per plek van 31 uur en de taakstelling telt in zulke plekken (§4.4: bij minder uren moet een gemeente meer plekken realiseren); daarom krijgt elke plek ze naar rato van haar uren, overal: per plek, in de taakstelling en in een caseload.",
    note_en="National funding is an average per place of 31 hours and the target counts in such places (§4.4: with fewer hours a municipality must create more places); so every place earns it in proportion to its hours, everywhere: per place, in the target and in a caseload."),
    Text("uren per plek waarop de rijksmiddelen zijn gebaseerd", "hours per place national funding is based on"))


# A parameter's workbook label is in its declaration (params/NAME.yaml `label:`, core/variables.py `title`).


class ChoiceError(TypeError):
    """A catalogue choice (`Choose`, `Bands`) asked for what may differ between the rows bound together."""


class ColumnChoices:
    """What catalogue choices (`Choose`, `Bands`) see of the column being bound: only what a rule may
    branch on when binding. Never the hours, the wage value or the months: they are inputs, which
    differ between the rows of a caseload group (bound once) and in a sweep; a rule that depends on
    them says so in its tree (`If`, `Min`), where every renderer sees it."""
    __slots__ = ("_placement", "_lookup")
    MAY_READ = ("year", "method", "employer", "subsidy_set", "work_type", "household", "on_social_assistance", "override_names",
                "has_absence",
                "has_indexation", "param", "param_at")

    def __init__(self, placement: Placement, lookup):
        object.__setattr__(self, "_placement", placement)
        object.__setattr__(self, "_lookup", lookup)      # Param -> ParamValue

    year = property(lambda self: self._placement.year)
    method = property(lambda self: self._placement.method)
    employer = property(lambda self: self._placement.employer)
    subsidy_set = property(lambda self: self._placement.subsidy_set)
    work_type = property(lambda self: self._placement.work_type)
    household = property(lambda self: self._placement.household)
    on_social_assistance = property(lambda self: self._placement.on_social_assistance)
    override_names = property(lambda self: frozenset(self._placement.overrides))   # which are set, not their values
    has_absence = property(lambda self: self._placement.absence is not None)
    has_indexation = property(lambda self: self._placement.indexation is not None)

    def param(self, name: str, law: bool = False, year: int | None = None) -> ParamValue:
        """A parameter as the column uses it (override, employer model, dated law). With `law`, the dated law
        only (params/NAME.yaml), in `year` if given: the law's own table, whatever a scenario overrides.
        The value of an override a caseload row may set is withheld (see _withheld)."""
        return _withheld(self._lookup(Param(name, law=law, year=year)))

    def param_at(self, name: str, month: int) -> ParamValue:
        """A dated parameter as it stands on the first of `month` of the column's year."""
        return _withheld(self._lookup(Param(name, month=month)))

    def __getattr__(self, name: str):
        raise ChoiceError(f"a Choose or Bands callback asked for {name!r}, which it may not branch on: it sees only "
                          f"{', '.join(self.MAY_READ)}. Hours, wage value and months are inputs (Input('hours') …): put a "
                          "condition on them in the tree (If, Min, Note), so the engine, the caseload and the workbook see it.")

    def __setattr__(self, name, value):
        raise ChoiceError("the column's choices are read-only")


Column = ColumnChoices   # what the callbacks below are given


def _withheld(pv: ParamValue) -> ParamValue:
    """`pv` as a callback may see it. The value of an override a caseload row may set (a declared `row` input,
    core/variables.Variable.per_row) is refused: a caseload binds a group once, with its first row's value, so a
    choice made on it would hold for every row of the group, whatever their own values."""
    from .variables import declaration

    declared = declaration(pv.name) if pv.status == "override" else None
    if declared is not None and declared.per_row:
        raise ChoiceError(
            f"a Choose or Bands callback read the value of the override {pv.name!r}, which a caseload row may set: the "
            "rows of a group are bound once and differ in it. Branch on column.override_names (whether it is set), put the "
            f"value in the tree (P({pv.name!r})) so every row's own is used, or read the law's own value with "
            f"column.param({pv.name!r}, law=True).")
    return pv


def P(name: str, nl: str | None = None, en: str | None = None, month: int | None = None) -> Param:
    return Param(name, month=month, label=Text(nl, en or nl) if nl else None)


# ---------------------------------------------------------------- wage bases

# A young worker (scenario key `age`, whole years in the scenario year, one more each later year): below the
# adult age the Participatiewet's minimum wage (art. 2) is the youth minimum wage (Wml art. 8 lid 3, Besluit
# minimumjeugdloonregeling), for the wage, the wage value and the LKS basis alike (params/youth_wml_share.yaml).
AGE = Step("age", Text("leeftijd in dit jaar", "age this year"),
           P("age", "leeftijd in het eerste jaar van de plek", "age in the placement's first year") + YEAR - FIRST_YEAR, "number")


_YOUTH_STEPS: dict[tuple, Step] = {}   # one Step per scale, shared by every month and column that uses it


def _youth(column: Column, month: int) -> Expr:
    if "age" not in column.override_names:
        return Const(Decimal(1))
    pv = column.param_at("youth_wml_share", month)
    key = (pv.since, pv.source, pv.status, tuple(sorted(pv.value.items())))
    if key not in _YOUTH_STEPS:
        _YOUTH_STEPS[key] = _youth_step(pv)
    return _YOUTH_STEPS[key]


def _youth_step(pv: ParamValue) -> Step:
    rule: Expr = Const(Decimal(1))
    for age in sorted(pv.value, key=Decimal, reverse=True):
        share = Fixed(pv, Text(f"minimumjeugdloon {age} jaar", f"youth minimum wage at {age}"), (age,))
        rule = If(AGE <= Const(Decimal(age)), share, rule)
    return Step(f"youth_share_{pv.since.isoformat()}", Text(f"minimumjeugdloon als deel van het WML (staffel vanaf {pv.since.isoformat()})",
                                                             f"youth minimum wage as a share of WML (scale from {pv.since.isoformat()})"),
                rule, "fraction")


def youth(month: int) -> Expr:
    """The share of the adult minimum wage for the worker's age in `month` (1 without an age)."""
    return Choose(lambda column: _youth(column, month))


def month_wage(m: int) -> Expr:
    """WML for month m at the contract hours: before 2024 the monthly WML for the employer's full-time
    week x hours / full-time week; from 2024 the hourly WML x hours x 52/12 (domain.md section 3); for a
    young worker the youth minimum wage of that month."""
    return If(Flag(P("hourly_wml_from", month=m)),
              P("wml_hour", month=m) * HOURS * WEEKS_PER_YEAR / MONTHS,
              P("wml_month", month=m) * HOURS / P("fulltime_hours")) * youth(m)


HOLIDAY = P("holiday_allowance", "vakantiebijslag", "holiday allowance")
WML_WORDS = Text("som van de maandlonen", "sum of the monthly wages")
W = Step("W", Text("WML-jaarloon met vakantiebijslag", "WML year wage with holiday allowance"),
         Sum(tuple(month_wage(m) for m in range(1, MONTHS + 1)), WML_WORDS) * (1 + HOLIDAY))
# A placement counts for the months from its start to its end (domain: partial years). A trial
# placement keeps the wage value (the work is done) but has no wage in its months: LKS, wage
# costs and paid hours use the wage of the months with a contract.
CONTRACT_FROM = FIRST_MONTH + TRIAL


def placed(m: int) -> Expr:
    return And((Const(Decimal(m)) >= FIRST_MONTH, Const(Decimal(m)) <= LAST_MONTH))


def contracted(m: int) -> Expr:
    return And((Const(Decimal(m)) >= CONTRACT_FROM, Const(Decimal(m)) <= LAST_MONTH))


W_PLACED = Step("W_placed", Text("WML-loon met vakantiebijslag in de maanden van de plek",
                                 "WML wage with holiday allowance in the months of the placement"),
                Sum(tuple(If(placed(m), month_wage(m), Const(Decimal(0))) for m in range(1, MONTHS + 1)),
                    WML_WORDS) * (1 + HOLIDAY))
W_PAID = Step("W_paid", Text("WML-loon met vakantiebijslag in de maanden met dienstverband",
                             "WML wage with holiday allowance in the months with a contract"),
              Sum(tuple(If(contracted(m), month_wage(m), Const(Decimal(0))) for m in range(1, MONTHS + 1)),
                  WML_WORDS) * (1 + HOLIDAY))
# The LKS (Participatiewet art. 10d): from the version of 2017-02-01 (lid 7) it is set anew on 1 January
# and stays there all year, on 12 x the monthly WML of 1 January (from 2024 the reference amount of Wml
# art. 8 lid 1 onder b), in proportion to the hours: against the employer's normal week before 2024,
# against 36 hours (up to the full-time week) from 2024 (lid 4). Before 2017-02-01 it follows the monthly WML.
FULLTIME = P("fulltime_hours")
LKS_PART_TIME = Step("lks_part_time", Text("deeltijdfactor van de LKS", "part-time factor of the LKS"),
                     If(Flag(P("lks_hours_basis_36")), Min(HOURS, FULLTIME) / P("lks_reference_hours", "uren per week van de LKS-basis", "hours a week of the LKS basis"),
                        Min(HOURS, FULLTIME) / FULLTIME), "factor")
# The LKS is first set when the employment starts, on the WML then in force (lid 4), and set anew each 1 January
# (lid 7): in the placement's first year a contract that starts in July or later keeps the WML of 1 July (the WML
# changes on 1 January and 1 July, Wml art. 14). The reading the tool takes, flagged as a note.
STARTS_AFTER_JULY_1 = And((YEAR <= FIRST_YEAR, CONTRACT_FROM >= 7))
LKS_WML = Note("lks_wml_at_start",
               If(STARTS_AFTER_JULY_1, P("wml_month", "WML bij de start van het dienstverband", "WML at the start of the employment", month=7),
                  P("wml_month", "WML 1 januari", "WML 1 January")),
               Text("de loonkostensubsidie van het eerste jaar is vastgesteld op het WML van de maand waarin het dienstverband "
                    "begint ({wml_month}) en wordt per 1 januari opnieuw vastgesteld (Participatiewet art. 10d lid 4 en lid 7); "
                    "dat is de lezing die de tool neemt",
                    "the first year's wage-cost subsidy is set on the WML of the month the employment starts ({wml_month}) and "
                    "set anew each 1 January (Participatiewet art. 10d lid 4 and lid 7); that is the reading the tool takes"),
               when=STARTS_AFTER_JULY_1,
               summary=Text("de loonkostensubsidie van het eerste jaar is vastgesteld op het WML van de maand waarin het "
                            "dienstverband begint en wordt per 1 januari opnieuw vastgesteld (Participatiewet art. 10d lid 4 en "
                            "lid 7); dat is de lezing die de tool neemt",
                            "the first year's wage-cost subsidy is set on the WML of the month the employment starts and set "
                            "anew each 1 January (Participatiewet art. 10d lid 4 and lid 7); that is the reading the tool takes"))
LKS_YOUTH = Choose(lambda column: _youth(column, 1) if "age" not in column.override_names
                   else If(STARTS_AFTER_JULY_1, _youth(column, 7), _youth(column, 1)))
# The flat-rate LKS (Participatiewet art. 10d lid 1 onder b, lid 5): in the first `lks_forfaitair_months` contract
# months (at most 6) 50 % of WML plus holiday allowance, plus the allowance, without a wage-value determination.
# Counted in the placement's first year; months that would fall after 31 December are said in a note.
FORFAITAIR_MONTHS = P("lks_forfaitair_months", "maanden forfaitaire LKS", "months of flat-rate LKS")


def forfaitair(m: int) -> Expr:
    return And((YEAR <= FIRST_YEAR, Const(Decimal(m)) >= CONTRACT_FROM, Const(Decimal(m)) < CONTRACT_FROM + FORFAITAIR_MONTHS,
                Const(Decimal(m)) <= LAST_MONTH))


W_LKS_CONTRACT = Step("W_lks", Text("WML-basis van de loonkostensubsidie met vakantiebijslag", "WML basis of the wage-cost subsidy with holiday allowance"),
             If(Flag(P("lks_fixed_on_january_1", month=7)),
                Sum(tuple(If(contracted(m), LKS_WML * LKS_YOUTH * LKS_PART_TIME,
                             Const(Decimal(0))) for m in range(1, MONTHS + 1)),
                    Text("12 maanden het WML van 1 januari", "12 months of the WML of 1 January")) * (1 + HOLIDAY),
                W_PAID))
# The wage a flow counts over: the months placed or the months with a contract, by its time basis.
W_PERIOD = ByBasis(placed=W_PLACED, contract=W_PAID)
W_LKS = ByBasis(contract=W_LKS_CONTRACT)
# The shares of the year the engine multiplies a flow by when its rule has no months of its own
# (core/flows.py declares each flow's basis; no rule multiplies by these itself).
EMPLOYED_SHARE = Step("employed_share", Text("deel van het jaar met dienstverband", "share of the year with a contract"),
                      (LAST_MONTH - CONTRACT_FROM + 1) / MONTHS, "fraction")
# Wage value, guidance, the regional lines a place earns while it runs and national funding count
# for the months of the placement, trial months included.
PLACED_SHARE = Step("placed_share", Text("deel van het jaar met de plek", "share of the year with the placement"),
                    (LAST_MONTH - FIRST_MONTH + 1) / MONTHS, "fraction")
PAID_HOURS = Step("paid_hours", Text("verloonde uren per jaar", "paid hours a year"),
                  HOURS * WEEKS_PER_YEAR * EMPLOYED_SHARE, "number")
WAGE_LEVEL = P("wage_level", "loonniveau", "wage level")

# The memo's basis: 12 x the WML in force on 1 January, for a full-time week (endnote vii).
W_FULL = Step("W_full", Text("WML-jaarloon voltijd met vakantiebijslag (12 × WML 1 januari)",
                             "full-time WML year wage with holiday allowance (12 × WML 1 January)"),
              If(Flag(P("hourly_wml_from")), P("wml_hour") * P("fulltime_hours") * WEEKS_PER_YEAR, MONTHS * P("wml_month"))
              * (1 + HOLIDAY))
SCALE = Step("scale", Text("schaal: uren / 31", "scale: hours / 31"), HOURS / MEMO_HOURS, "factor")


# ---------------------------------------------------------------- wage costs

def _payroll_markup(column: Column) -> Expr:
    """The payroll tariff of a year divided by what the same place costs in own employment that
    year by the note's rule (endnote vii: 12 x WML 1 January x holiday allowance x employer charges)."""
    if "payroll_markup" in column.override_names:      # a scenario's or a row's own mark-up, in the tree
        return P("payroll_markup", "payrollopslag", "payroll mark-up")
    pv = column.param("payroll_markup")
    if not isinstance(pv.value, dict):
        return P("payroll_markup", "payrollopslag", "payroll mark-up")
    spec = pv.value
    year = int(spec["year"])
    tariff = Fixed(pv, Text(f"payrolltarief {year}", f"payroll tariff {year}"), ("tariff",))
    hours = Fixed(pv, Text("uren van het tarief", "hours of the tariff"), ("hours",))
    own = (MONTHS * Param("wml_month", year=year, law=True) * (1 + Param("holiday_allowance", year=year, law=True))
           * (1 + Param("memo_employer_charges", year=year, law=True)) * hours / P("fulltime_hours"))
    return Step("payroll_markup", Text("payrollopslag (tarief / loonkosten in eigen dienst)",
                                       "payroll mark-up (tariff / own-employment wage costs)"), tariff / own, "factor")


WAGE_COST_FACTOR = Step("factor", Text("loonkostenfactor", "wage-cost factor"),
                        WAGE_LEVEL * (1 + P("employer_charges", "werkgeverslasten", "employer charges"))
                        * Choose(_payroll_markup) * (1 + P("agency_fee", "uitzendtoeslag", "agency fee")), "factor")


# ---------------------------------------------------------------- wage-cost subsidy

def _set_lks_bands(column: Column):
    sset = column.subsidy_set
    pv = ParamValue(name=f"{sset.name}:wage_subsidy", value=sset.wage_subsidy_rule, since=None,
                    source=sset.lks_source or sset.source)
    return pv, [{"from": b.from_share, "to": b.to_share, "share": b.lks_share} for b in sset.lks_bands]


# The legal cap of the LKS (Participatiewet art. 10d): a share of WML. Not the basis of the national
# figure per place, which is a dated parameter of its own (RIJK_LKS_BASIS below).
LKS_CAP = P("lks_max_share", "maximum", "maximum")
# The statutory LKS share is capped below this wage value (1 − the cap); only for the notes' words.
_CAPPED_BELOW = {"lks_capped_below": (1 - LKS_CAP, "fraction")}
LKS_AT_CAP = Text(
    "loonwaarde {wage_value} is lager dan {lks_capped_below}: de loonkostensubsidie is ten hoogste {lks_max_share} WML "
    "(Participatiewet art. 10d), de werkgever draagt het verschil (Notitie Nieuw beschut werk Zaanstreek-Waterland 2017, §3.3 punt 2)",
    "wage value {wage_value} is below {lks_capped_below}: the wage subsidy is at most {lks_max_share} of WML (Participatiewet "
    "art. 10d), the employer carries the gap (Notitie Nieuw beschut werk Zaanstreek-Waterland 2017, §3.3 item 2)")
LKS_AT_CAP_ROWS = Text(
    "loonwaarde lager dan {lks_capped_below}: de loonkostensubsidie is ten hoogste {lks_max_share} WML (Participatiewet art. 10d), "
    "de werkgever draagt het verschil (Notitie Nieuw beschut werk Zaanstreek-Waterland 2017, §3.3 punt 2)",
    "wage value below {lks_capped_below}: the wage subsidy is at most {lks_max_share} of WML (Participatiewet art. 10d), the "
    "employer carries the gap (Notitie Nieuw beschut werk Zaanstreek-Waterland 2017, §3.3 item 2)")


def _lks_share(column: Column) -> Expr:
    """LKS as a share of WML: min(1 - wage value, 70 %) by law, or a subsidy set's bands (Arnhem 2014)."""
    sset = column.subsidy_set
    if sset.wage_subsidy_rule == "bands":
        low, high = min(b.from_share for b in sset.lks_bands), max(b.to_share for b in sset.lks_bands)
        span, span_en = f"{percent(low)}-{percent(high)}", f"{percent(low, 'en')}-{percent(high, 'en')}"
        outside = Note("lks_outside_bands", Zero(Text(f"de loonwaarde valt buiten de LKS-banden van {sset.name}",
                                                      f"the wage value is outside the LKS bands of {sset.name}")),
                       Text(f"loonwaarde {{wage_value}} valt buiten de LKS-banden van {sset.name} ({span}): er is geen "
                            "loonkostensubsidie gerekend",
                            f"wage value {{wage_value}} is outside the LKS bands of {sset.name} ({span_en}): no wage subsidy "
                            "is counted"),
                       summary=Text(f"loonwaarde buiten de LKS-banden van {sset.name} ({span}): er is geen loonkostensubsidie "
                                    "gerekend", f"wage value outside the LKS bands of {sset.name} ({span_en}): no wage subsidy "
                                    "is counted"))
        return Bands(_set_lks_bands, WAGE_VALUE, lambda band: band["share"], outside,
                     labels={"from": Text("LKS-band {i}: loonwaarde vanaf", "LKS band {i}: wage value from"),
                             "to": Text("LKS-band {i}: loonwaarde tot", "LKS band {i}: wage value below"),
                             "share": Text("LKS-band {i}: LKS (deel van WML)", "LKS band {i}: LKS (share of WML)")},
                     units={"from": "fraction", "to": "fraction", "share": "fraction"}, inclusive_last=True)
    return Note("lks_at_cap", Min(1 - WAGE_VALUE, LKS_CAP), LKS_AT_CAP, when=1 - WAGE_VALUE > LKS_CAP,
                summary=LKS_AT_CAP_ROWS, shows=_CAPPED_BELOW)


LKS_SHARE = Step("lks_share", Text("LKS als deel van WML", "LKS as a share of WML"), Choose(_lks_share), "fraction")


# ---------------------------------------------------------------- regional subsidies and extra lines

YEAR_OF_PLACEMENT = Step("year_of_placement", Text("jaar van de plek", "year of the placement"), YEAR - FIRST_YEAR + 1, "count")


def _subsidy(key: str):
    def pick(column: Column) -> Expr:
        sset = column.subsidy_set
        sub = sset.subsidies.get(key)
        if sub is None:
            return Zero(Text(f"subsidieset {sset.name} kent deze subsidie niet", f"subsidy set {sset.name} has no such subsidy"))
        source = ParamValue(name=f"{sset.name}:{key}", value=sub.amount, since=None, source=sub.source, unit="euro_per_year")
        amount = Fixed(source, Text(f"{sset.name}", f"{sset.name}"))
        if key == "temporary_subsidy" and column.param("temporary_subsidy_pro_rata").value is not None:
            # Decided by the scenario: kept as a condition so the trace names the choice.
            kept = amount if not sub.pro_rata else Note(
                "temporary_subsidy_not_pro_rata", amount,
                Text("de tijdelijke subsidie is bij {hours} uur niet naar rato gerekend, zoals in de tabel van hoofdstuk 6; "
                     "§4.3.2 van de notitie rekent wel naar rato",
                     "the temporary subsidy is not pro-rated at {hours} hours, as in the table of chapter 6; "
                     "§4.3.2 of the note does pro-rate it"),
                when=HOURS < _full_hours(sset),
                summary=Text(f"de tijdelijke subsidie is bij minder dan {plain(sset.full_hours)} uur niet naar rato gerekend, "
                             "zoals in de tabel van hoofdstuk 6; §4.3.2 van de notitie rekent wel naar rato",
                             f"the temporary subsidy is not pro-rated below {plain(sset.full_hours, 'en')} hours, as in the "
                             "table of chapter 6; §4.3.2 of the note does pro-rate it"))
            rule: Expr = If(Flag(P("temporary_subsidy_pro_rata")), _pro_rata(amount, sset, key), kept)
        else:
            rule = _pro_rata(amount, sset, key) if sub.pro_rata else amount
        if sub.max_years:
            most = Fixed(ParamValue(name=f"{sset.name}:{key}:max_years", value=sub.max_years, since=None, source=sub.source,
                                    unit="count"), Text("jaar per plek", "years per place"))
            rule = If(YEAR_OF_PLACEMENT <= most, rule, Zero(Text(
                f"ten hoogste {sub.max_years} jaar vanaf het eerste jaar van de plek ({{first_year}}); {{year}} is jaar {{year_of_placement}}",
                f"at most {sub.max_years} years from the place's first year ({{first_year}}); {{year}} is year {{year_of_placement}}")))
        if sub.from_year or sub.until_year:
            span = f"{sub.from_year or ''}-{sub.until_year or ''}"
            conds = []
            if sub.from_year:
                conds.append(YEAR >= Fixed(ParamValue(name=f"{sset.name}:{key}:from_year", value=sub.from_year, since=None,
                                                      source=sub.source, unit="year"), Text("eerste jaar", "first year")))
            if sub.until_year:
                conds.append(YEAR <= Fixed(ParamValue(name=f"{sset.name}:{key}:until_year", value=sub.until_year, since=None,
                                                      source=sub.source, unit="year"), Text("laatste jaar", "last year")))
            rule = If(And(tuple(conds)), rule, Zero(Text(f"geldt alleen in de jaren {span}, niet in {{year}}",
                                                         f"applies only in the years {span}, not in {{year}}")))
        return rule
    return Choose(pick)


def _full_hours(sset) -> Expr:
    return Fixed(ParamValue(name=f"{sset.name}:full_hours", value=sset.full_hours, since=None, source=sset.source,
                            unit="hours_per_week"), Text("volledige uren", "full hours"))


SUBSIDY_WORDS = {"general_subsidy": Text("de algemene subsidie", "the general subsidy"),
                 "temporary_subsidy": Text("de tijdelijke subsidie", "the temporary subsidy")}


def _pro_rata(amount: Expr, sset, key: str, label: Text | None = None) -> Expr:
    """An amount per year at full hours or more, x min(hours, full)/full below (003 §4.3.2); below the
    set's full week a note says so."""
    full = _full_hours(sset)
    what = label or SUBSIDY_WORDS.get(key) or Text(key, key)
    hours, hours_en = plain(sset.full_hours), plain(sset.full_hours, "en")
    return Note(f"pro_rata:{key}", amount * Min(HOURS, full) / full,
                Text(f"{what.nl} van {sset.name} is naar rato van de uren gerekend: {{hours}} uur is minder dan de {hours} uur "
                     "waarvoor het bedrag geldt",
                     f"{what.en} of {sset.name} is pro rata to the hours: {{hours}} hours is less than the {hours_en} hours "
                     "the amount is for"),
                when=HOURS < full,
                summary=Text(f"{what.nl} van {sset.name} is naar rato van de uren gerekend (minder dan {hours} uur per week)",
                             f"{what.en} of {sset.name} is pro rata to the hours (fewer than {hours_en} hours a week)"))


def extra_line(extra, sset) -> Expr:
    """A benefit line a subsidy set declares (secondment revenue, say); the scenario may set its amount."""
    def pick(column: Column) -> Expr:
        if extra.key in column.override_names:
            amount: Expr = P(extra.key, extra.label.nl, extra.label.en)
        else:
            amount = Fixed(ParamValue(name=f"{sset.name}:{extra.key}", value=extra.amount, since=None, source=extra.source,
                                      unit="euro_per_year"), extra.label)
        return _pro_rata(amount, sset, extra.key, extra.label) if extra.pro_rata else amount
    return Choose(pick)


TOP_UP = P("municipal_top_up", "aanvulling gemeente per plek per jaar", "municipal top-up per place a year")


# ---------------------------------------------------------------- tax advantage

def _liv_bands(column: Column):
    pv = column.param("liv")
    return pv, pv.value["bands"]


def _law_in(column: Column, name: str, year: int) -> ParamValue | None:
    """The dated law's value of `name` in `year`, or None when the parameter has no value yet then (before
    its first date): whether a legal scheme existed in a year, read from its file instead of a year typed here."""
    from .errors import InputError

    try:
        return column.param(name, law=True, year=year)
    except InputError:
        return None


def _tax(hourly_wage: Expr):
    """LIV: with at least 1,248 paid hours a year (003 §4.4), the band of the average hourly wage gives a
    rate per paid hour up to a maximum; none before 2017 or from 2025. No LKV: the law excludes beschut
    werk (Wtl art. 2.10 lid 2 onder b; from 2026 with Wfsv art. 38b), the parameter lkv_beschut_werk.
    The years in the reasons come from the files: the LKV clause from the first date of lkv_beschut_werk,
    "abolished" when the LIV had bands the year before its null value took effect (params/liv.yaml)."""
    def pick(column: Column) -> Expr:
        year = column.year
        liv_pv = column.param("liv")
        if liv_pv.value is None:
            why = Text(f"het LIV bestaat niet in {year}", f"the LIV does not exist in {year}")
            if _law_in(column, "lkv_beschut_werk", year) is not None:
                since = liv_pv.since.year if liv_pv.since is not None else year
                before = _law_in(column, "liv", since - 1)
                gone = (Text(f" (afgeschaft per {since})", f" (abolished from {since})")
                        if before is not None and before.value is not None else Text("", ""))
                why = Text(f"het LIV bestaat niet in {year}{gone.nl}; een loonkostenvoordeel (LKV) geldt niet voor beschut werk "
                           "(Wet tegemoetkomingen loondomein art. 2.10 lid 2 onder b; vanaf 2026 met art. 38b Wfsv)",
                           f"the LIV does not exist in {year}{gone.en}; a wage-cost advantage (LKV) does not apply to sheltered "
                           "work (Wet tegemoetkomingen loondomein art. 2.10(2)(b); from 2026 with art. 38b Wfsv)")
                return If(Flag(P("lkv_beschut_werk")), Const(Decimal(0)), Zero(why))
            return Zero(why)
        minimum = P("liv_min_hours_year", "minimum verloonde uren", "minimum paid hours")
        return If(PAID_HOURS < minimum,
                  Zero(Text("LIV pas vanaf {liv_min_hours_year} verloonde uren per jaar (24 uur per week); hier {paid_hours}",
                            "LIV only from {liv_min_hours_year} paid hours a year (24 hours a week); here {paid_hours}")),
                  Bands(_liv_bands, hourly_wage, lambda band: Min(band["rate"] * PAID_HOURS, band["max"]),
                        Zero(Text(f"gemiddeld uurloon {{hourly_wage}} valt buiten de LIV-banden van {year}",
                                  f"average hourly wage {{hourly_wage}} is outside the LIV bands of {year}")),
                        labels={"from": Text("LIV-band {i}: gemiddeld uurloon vanaf", "LIV band {i}: average hourly wage from"),
                                "to": Text("LIV-band {i}: gemiddeld uurloon tot en met", "LIV band {i}: average hourly wage up to"),
                                "rate": Text("LIV-band {i}: bedrag per verloond uur", "LIV band {i}: amount per paid hour"),
                                "max": Text("LIV-band {i}: maximum per jaar", "LIV band {i}: maximum a year")},
                        units={"from": "euro_per_hour", "to": "euro_per_hour", "rate": "euro_per_hour", "max": "euro_per_year"}))
    return Choose(pick)


HOURLY_WAGE = Step("hourly_wage", Text("gemiddeld uurloon", "average hourly wage"),
                   If(PAID_HOURS > 0, W_PAID * WAGE_LEVEL / PAID_HOURS, Const(Decimal(0))))
HOURLY_WAGE_FULLTIME = Step("hourly_wage", Text("gemiddeld uurloon voltijd", "full-time average hourly wage"),
                            W_FULL * WAGE_LEVEL / (P("fulltime_hours") * WEEKS_PER_YEAR))


# ---------------------------------------------------------------- guidance

def guidance_at(hours: Expr) -> Expr:
    return P("guidance_cost_fulltime", "per voltijdplek", "per full-time place") * hours / P("guidance_reference_hours")


# ---------------------------------------------------------------- sickness absence and indexation

def _absent(column: Column) -> bool:
    return column.has_absence


PRESENT = Step("present", Text("deel van de uren aanwezig (1 − verzuim)", "share of hours present (1 − absence)"),
               1 - ABSENCE, "fraction")


def less_absence(rule: Expr) -> Expr:
    """During absence the employer keeps paying wages but loses the wage value of those hours."""
    return Choose(lambda column: rule * PRESENT if _absent(column) else rule)


def lks_less_absence(rule: Expr) -> Expr:
    """No LKS over periods with a right to sickness benefit under ZW art. 29b (Participatiewet art. 10d
    lid 12, lapsed on 2022-01-01 by the Verzamelwet SZW 2022, Stb. 2021, 627, art. IV onderdeel aA;
    transitional law Pw art. 78dd); from 2022 the LKS continues over sick periods."""
    return Choose(lambda column: If(Flag(P("lks_stops_during_sickness_benefit")), rule * PRESENT, rule)
                  if _absent(column) else rule)


ZW_29E_FLOOR = P("sickness_benefit_wage_value_floor", "loonwaarde ten minste", "wage value at least")
ZW_29E_WAGE_VALUE = Step("zw_29e_wage_value", Text("loonwaarde waarmee het ziekengeld wordt vermenigvuldigd (Ziektewet art. 29e)",
                                                    "wage value the sickness benefit is multiplied by (Ziektewet art. 29e)"),
                         If(WAGE_VALUE < ZW_29E_FLOOR, ZW_29E_FLOOR, WAGE_VALUE), "fraction")


def _wage_value_factor(column: Column) -> Expr | None:
    """Ziektewet art. 29e (from 2022-01-01): when the employer receives LKS, the sickness benefit is multiplied
    by the worker's wage value, at least 30 % (lid 2 onder a). Before 2022 the LKS stopped instead (Pw art. 10d
    lid 12) and the benefit was not reduced. The two regimes switch together on one dated parameter."""
    if column.param("lks_stops_during_sickness_benefit").value:
        return None
    return ZW_29E_WAGE_VALUE


def sickness_benefit(wage: Expr) -> Expr:
    """No-risk policy (Ziektewet art. 29b lid 2 onder f): the employer of a beschut-werk employee receives
    sickness benefit from the first day: the daily wage (lid 6, first 52 weeks, on request) or 70 % (lid 5),
    over the absent share of the wage; from 2022 times the wage value (art. 29e)."""
    rule = ABSENCE * wage * WAGE_LEVEL * P("sickness_benefit_share", "van het dagloon", "of the daily wage")

    def pick(column: Column) -> Expr:
        factor = _wage_value_factor(column)
        if factor is None:
            return rule
        out = rule * factor
        if "lks_forfaitair_months" in column.override_names and wage is W_PERIOD:
            # art. 29e lid 2 onder b: while the LKS is flat-rate, the wage value counts as 50 %
            out = out + (ABSENCE * ByBasis(contract=W_PAID_FORFAITAIR) * WAGE_LEVEL
                         * P("sickness_benefit_share", "van het dagloon", "of the daily wage")
                         * (P("sickness_benefit_forfaitair_wage_value", "loonwaarde bij forfaitaire LKS",
                              "wage value with a flat-rate LKS") - factor))
        return out
    return Choose(pick)


# The flat-rate months (see forfaitair above): the LKS basis and the wage of those months only.
W_LKS_FORFAITAIR = Step("W_lks_forfaitair", Text("WML-basis van de LKS in de forfaitaire maanden, met vakantiebijslag",
                                                 "WML basis of the LKS in the flat-rate months, with holiday allowance"),
                        If(Flag(P("lks_fixed_on_january_1", month=7)),
                           Sum(tuple(If(forfaitair(m), LKS_WML * LKS_YOUTH * LKS_PART_TIME, Const(Decimal(0)))
                                     for m in range(1, MONTHS + 1)), Text("de forfaitaire maanden", "the flat-rate months")),
                           Sum(tuple(If(forfaitair(m), month_wage(m), Const(Decimal(0))) for m in range(1, MONTHS + 1)),
                               Text("de forfaitaire maanden", "the flat-rate months"))) * (1 + HOLIDAY))
W_PAID_FORFAITAIR = Step("W_paid_forfaitair", Text("WML-loon met vakantiebijslag in de forfaitaire maanden",
                                                   "WML wage with holiday allowance in the flat-rate months"),
                         Sum(tuple(If(forfaitair(m), month_wage(m), Const(Decimal(0))) for m in range(1, MONTHS + 1)),
                             WML_WORDS) * (1 + HOLIDAY))
FORFAITAIR_SHARE = P("lks_forfaitair_share", "forfaitaire LKS", "flat-rate LKS")
_PAST_DECEMBER = Text(
    "{lks_forfaitair_months} maanden forfaitaire LKS vanaf maand {contract_from} lopen door na 31 december; de tool rekent alleen "
    "de forfaitaire maanden van het eerste jaar, daarna de LKS naar de loonwaarde",
    "{lks_forfaitair_months} months of flat-rate LKS from month {contract_from} run past 31 December; the tool counts only the "
    "flat-rate months of the first year, then the LKS by the wage value")


def with_forfaitair(rule: Expr) -> Expr:
    """The LKS by the wage value, with the flat-rate months at 50 % of WML instead (Pw art. 10d lid 1 onder b, lid 5)."""
    def pick(column: Column) -> Expr:
        if "lks_forfaitair_months" not in column.override_names:
            return rule
        extra = (FORFAITAIR_SHARE - LKS_SHARE) * ByBasis(contract=W_LKS_FORFAITAIR)
        return rule + Note("lks_forfaitair_past_december", extra, _PAST_DECEMBER,
                    when=And((YEAR <= FIRST_YEAR, CONTRACT_FROM + FORFAITAIR_MONTHS > MONTHS + 1)),
                    shows={"contract_from": (CONTRACT_FROM, "number")})
    return Choose(pick)


INDEX = Step("index", Text("indexatie sinds het eerste jaar", "indexation since the first year"),
             Pow(1 + INDEXATION, YEAR - FIRST_YEAR), "factor")


def indexed(rule: Expr) -> Expr:
    """Costs that are not legal parameters (guidance) rise by `indexation` a year from the first year."""
    return Choose(lambda column: rule * INDEX if column.has_indexation else rule)


# ---------------------------------------------------------------- the two methods

STATUTORY: dict[str, Expr] = {
    "wage_value": less_absence(WAGE_VALUE * W_PERIOD),
    "wage_subsidy": lks_less_absence(with_forfaitair(LKS_SHARE * W_LKS) * (1 + P("lks_employer_charge_allowance",
                                                                                  "opslag werkgeverslasten",
                                                                                  "employer-charge allowance"))),
    "general_subsidy": _subsidy("general_subsidy"),
    "temporary_subsidy": _subsidy("temporary_subsidy"),
    "tax_advantage": _tax(HOURLY_WAGE),
    "wage_costs": W_PERIOD * WAGE_COST_FACTOR,
    "guidance_costs": indexed(guidance_at(HOURS)),
    "sickness_benefit": sickness_benefit(W_PERIOD),
}

# The note's method (003 chapter 6): amounts at 31 hours from its own inputs, scaled by hours/31.
_MEMO_WAGE_VALUE_HOURS = If(Flag(P("memo_wage_value_fulltime")), Note(
    "memo_wage_value_fulltime", P("fulltime_hours"),
    Text("memomethode: de loonwaarde is, zoals in hoofdstuk 6 van de notitie, een percentage van een voltijdjaar "
         "({fulltime_hours} uur) en niet van {memo_reference_hours} uur; de regels van de notitie zelf geven minder",
         "memo method: as in chapter 6 of the note, the wage value is a percentage of a full-time ({fulltime_hours}-hour) "
         "year, not of {memo_reference_hours} hours; the note's own rules give less")), MEMO_HOURS)
# The national figure per place assumes a wage value (30 %, so an LKS of 70 % WML; 003 §3.1 b): the memo
# scales it by the column's LKS share over the share at that basis. Not the legal cap (LKS_CAP).
RIJK_LKS = P("rijk_lks_per_place", "rijksbedrag", "national figure")
RIJK_LKS_BASIS = P("rijk_lks_wage_value_basis", "loonwaarde van het rijksbedrag", "wage value of the national figure")
_MEMO_LKS_SCALED = Note(
    "memo_national_lks_scaled", RIJK_LKS * LKS_SHARE / (1 - RIJK_LKS_BASIS),
    Text("memomethode: het rijksbedrag van {rijk_lks_per_place} voor de loonkostensubsidie geldt bij {rijk_lks_wage_value_basis} "
         "loonwaarde; voor loonwaarde {wage_value} is het naar verhouding omgerekend",
         "memo method: the national {rijk_lks_per_place} wage-subsidy figure assumes {rijk_lks_wage_value_basis} wage value; for "
         "wage value {wage_value} it is scaled in proportion"),
    when=Differs(WAGE_VALUE, RIJK_LKS_BASIS),
    summary=Text("memomethode: bij een andere loonwaarde dan {rijk_lks_wage_value_basis} is het rijksbedrag van "
                 "{rijk_lks_per_place} voor de loonkostensubsidie naar verhouding omgerekend",
                 "memo method: for a wage value other than {rijk_lks_wage_value_basis} the national {rijk_lks_per_place} "
                 "wage-subsidy figure is scaled in proportion"))
MEMO: dict[str, Expr] = {
    # The note takes the wage value as a percentage of a full-time (36-hour) year for the 31-hour column.
    "wage_value": less_absence(Step("wage_value_at_31", Text("loonwaarde bij 31 uur", "wage value at 31 hours"),
                                    WAGE_VALUE * W_FULL * _MEMO_WAGE_VALUE_HOURS / P("fulltime_hours")) * SCALE),
    # The national budget figure per place (30 % wage value, 31 hours), in proportion to the share of WML allowed.
    "wage_subsidy": lks_less_absence(Step("wage_subsidy_at_31", Text("loonkostensubsidie bij 31 uur", "wage subsidy at 31 hours"),
                                          _MEMO_LKS_SCALED) * SCALE),
    "general_subsidy": _subsidy("general_subsidy"),
    "temporary_subsidy": _subsidy("temporary_subsidy"),
    "tax_advantage": _tax(HOURLY_WAGE_FULLTIME),
    "wage_costs": Step("wage_costs_at_31", Text("loonkosten bij 31 uur", "wage costs at 31 hours"),
                       W_FULL * MEMO_HOURS / P("fulltime_hours") * WAGE_COST_FACTOR) * SCALE,
    "guidance_costs": indexed(Step("guidance_at_31", Text("begeleiding bij 31 uur", "guidance at 31 hours"),
                                   guidance_at(MEMO_HOURS)) * SCALE),
    "sickness_benefit": sickness_benefit(W_FULL * MEMO_HOURS / P("fulltime_hours") * SCALE),
}
METHOD_RULES = {"statutory": STATUTORY, "memo": MEMO}

# The parts of the wage costs that go to the worker and to the state (core/flows.py); the rest of
# the line (an agency's or payroll company's mark-up) goes to the outside world.
EMPLOYER_CHARGES = P("employer_charges", "werkgeverslasten", "employer charges")
WAGE: dict[str, Expr] = {
    "statutory": W_PERIOD * WAGE_LEVEL,
    "memo": Step("wage_at_31", Text("WML-loon bij 31 uur", "WML wage at 31 hours"), W_FULL * MEMO_HOURS / P("fulltime_hours"))
    * WAGE_LEVEL * SCALE,
}
CHARGES: dict[str, Expr] = {method: rule * EMPLOYER_CHARGES for method, rule in WAGE.items()}


def employer_lines(placement: Placement) -> list[tuple[LineSpec, Expr]]:
    """The employer's lines of a column in order, each with its declared rule."""
    rules = METHOD_RULES[placement.method]
    out = [(spec, rules[spec.key]) for spec in registry.EMPLOYER_LINES]
    if placement.absence is not None:
        out.append((registry.SICKNESS_BENEFIT, rules[registry.SICKNESS_BENEFIT.key]))
    sset = placement.subsidy_set
    for extra in sset.extra_benefits:
        out.append((LineSpec(extra.key, "benefit", extra.label), extra_line(extra, sset)))
    if "municipal_top_up" in placement.overrides:
        out.append((MUNICIPAL_TOP_UP, TOP_UP))
    return out


# ---------------------------------------------------------------- national funding and the municipality's own costs (003 §3.1, §6.1)

# National funding is an average per place of 31 hours (003 §3.1 a and b), and the target counts
# in such places: shorter contracts need more places (§4.4). So a place earns it pro rata to its hours.
RIJK_GUIDANCE = (P("rijk_guidance_per_place", "per plek", "per place")
                 + P("rijk_guidance_increase_per_place", "verhoging per plek", "increase per place")) * HOURS / RIJK_HOURS
RIJK_WAGE_SUBSIDY = P("rijk_lks_per_place", "per plek van 31 uur", "per 31-hour place") * HOURS / RIJK_HOURS
RIJK_BONUS = P("rijk_bonus_per_place", "per plek, onafhankelijk van de uren", "per place, whatever the hours")
PRE_TRAJECTORY = P("pre_trajectory_cost", "per kandidaat", "per candidate")
WAGE_VALUE_MEASUREMENT = (P("wage_value_measurement_budget", "per jaar", "a year")
                          / P("wage_value_measurements_count", "metingen", "measurements"))
