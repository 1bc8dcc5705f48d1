"""The declaration of every input a scenario can set (issue 20, items 1 and 2): one per input.

A `Variable` says, once: its kind and unit, its bounds and default, its Dutch and English
label and words (what to write), the Dutch aliases of its key, and whether it can be swept,
broken even or given an uncertainty range. Everything else derives from it: the scenario
schema and its errors (inputs/schema.py), the override kinds and bounds (inputs/overrides.py),
the caseload columns (inputs/caseload.py), `--help`, JSON, the workbook's rows, `--sweep`,
`--breakeven`, `--sensitivity` and `--simulate`.

Two homes, one per input:
- a dated legal parameter declares itself in its own file, `beschut_calc/params/NAME.yaml`
  (keys `label:` for the workbook and `input:` for the rest; read by inputs/declared.py);
- an input without a parameter file (a field of the placement such as `hours`, an
  employer-model parameter such as `agency_fee`, a scenario-only one such as
  `municipal_top_up`, or a categorical key of the column such as `method` or `employer_model`,
  kind "choice", with its options and the Dutch words for its values; or the column's year and period,
  kinds "year", "months" and "month") is declared here, in `DECLARED`.
`inputs/declared.variables()` gives both as one registry.
"""
from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as default_of
from decimal import Decimal
from typing import Any, Callable, NamedTuple

from .model import ALTERNATIVES, EMPLOYER_MODELS, HOUSEHOLDS, METHODS, ROUNDINGS, WORK_TYPES
from .text import Text, euro, number, percent

ZERO = Decimal(0)
D = Decimal
# Bounds a real case stays within; the readers of scenario files use the same ones.
MAX_HOURS = Decimal(40)
# A scenario's contract: under an hour a week is a typo. Sweeps and break-even may still explore (0, 1).
MIN_HOURS = Decimal(1)
MAX_ABSENCE = Decimal("0.5")      # sickness absence: at most half the contract hours
# A trial placement with benefits kept (proefplaatsing) lasts at most 2 + 4 = 6 months
# (Participatiewet art. 8a lid 2 onder d); the scenario key and caseload column trial_months.
MAX_TRIAL_MONTHS = 6
TRIAL_SOURCE = "Participatiewet art. 8a lid 2 onder d"
# The years the parameters cover: a scenario's `year`, and the year of its `start` and `end`.
FIRST_YEAR = 2015
LAST_YEAR = 2100
# A flat-rate LKS (forfaitaire loonkostensubsidie) for at most the first 6 months (Participatiewet art. 10d lid 5).
MAX_FORFAITAIR_MONTHS = 6
# Shares and factors (charges, fees, mark-ups, wage level) multiply each other in the wage costs;
# 10 (1000 %) is far beyond any real one and keeps their product within Decimal's precision.
MAX_FACTOR = Decimal(10)
# No number a person types into a business case of one placement comes near this; beyond it,
# products of several inputs would exceed what Decimal's 28 digits hold to the cent.
MAX_MAGNITUDE = Decimal(10) ** 9
# A yearly amount per place above MAX_AMOUNT is a typo.
MAX_AMOUNT = Decimal(100_000)

KINDS = ("hours", "fraction", "euro", "factor", "markup", "number", "bool", "excluded", "choice", "year", "month", "months")
# Kinds of a key of the scenario column only (never an override, a field, swept, solved or ranged): a choice, and the
# column's year (`year`), a calendar month such as "2025-03" (`month`: start, end) and a count of months within a
# legal maximum (`months`: trial_months). The inputs layer registers the parser of a year, month and months (add_parser).
KEY_KINDS = ("choice", "year", "month", "months")
# Kinds whose value is not a number to vary: no override bounds, no caseload number column, no sweep, break-even or range.
NOT_NUMBERS = ("bool", "excluded") + KEY_KINDS
BREAKEVEN = ("linear", "scan", "no")


@dataclass(frozen=True)
class Variable:
    """One input, declared once. `kind`: hours | fraction | euro | factor | markup | number | bool | excluded | choice
    | year | month | months.

    A `choice` is a categorical key of the scenario column (method, employer_model, ...): one of its `options`
    (a tuple: a closed list; or a callable giving the names of a catalogue, see `catalogue`), written in English
    or as one of its Dutch `value_aliases`. It is never an override, a number, swept, solved or ranged; its
    `field` stays False (that flag marks the numeric fields of the column; `column_key` covers both). A `year`,
    `month` or `months` (KEY_KINDS) is a key of the column in the same way, read by the parser the inputs layer
    registers for its kind (add_parser), within its bounds and refused in its words; `source` names the law that
    bounds it."""
    name: str
    kind: str
    label: Text                         # short, for sentences and analyses: "uitzendtoeslag"
    words: Text = Text("", "")          # what to write, for messages: "uitzendtoeslag op de loonkosten, bijvoorbeeld 15%"
    title: Text | None = None           # the workbook's row label: "Uitzendtoeslag" (default: the label, capitalised)
    low: Decimal | None = None          # the valid range: low (inclusive unless low_open) ...
    high: Decimal | None = None         # ... to high (inclusive); None = no upper bound
    low_open: bool = False
    entry_low: Decimal | None = None    # a stricter lower bound for what a scenario may state (hours: 1)
    default: Any = None                 # the value when a scenario does not give it (None: not counted)
    required: bool = False              # a scenario key every column must give
    field: bool = False                 # a key of the scenario column (a Placement field), not an override
    override: bool = True               # may be set under `overrides:`
    row: bool = True                    # may be a caseload column (overrides: numbers only)
    aliases: tuple[str, ...] = ()       # Dutch words for the key (scenario key, override, caseload header)
    value_aliases: dict = default_of(default_factory=dict)   # Dutch words for its values -> the value
    sweep: bool = False                 # --sweep NAME=START:STOP:STEP
    breakeven: str = "no"               # --breakeven NAME: linear (two evaluations) | scan | no
    step: Decimal | None = None         # the break-even scan's step
    range: dict | None = None           # uncertainty {low, central, high, source}, as written (--sensitivity, --simulate)
    decimals: int = 2                   # decimals of a reported solution (JSON)
    example: str | None = None          # the example a fraction's error gives ("8%")
    options: tuple | Callable[[], Any] | None = None   # a choice's values: a tuple (closed), or a catalogue's names (callable)
    nullable: bool = False              # a choice or month that may be written as null (work_type, start: none given)
    source: str | None = None           # the law that bounds it, named when a value is refused (trial_months)

    @property
    def whole(self) -> bool:
        """A count (an age, months, co-residents): a number reported without decimals takes no fraction."""
        return self.kind == "number" and self.decimals == 0

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"input {self.name}: kind {self.kind!r} not one of {KINDS}")
        if self.breakeven not in BREAKEVEN:
            raise ValueError(f"input {self.name}: breakeven {self.breakeven!r} not one of {BREAKEVEN}")
        if self.breakeven == "scan" and self.step is None:
            raise ValueError(f"input {self.name}: a scanned break-even needs a step")
        if (self.sweep or self.breakeven != "no") and self.low is None:
            raise ValueError(f"input {self.name}: a swept or solved input needs bounds")
        if self.kind in KEY_KINDS:
            if self.override or self.field or self.sweep or self.breakeven != "no" or self.range is not None:
                raise ValueError(f"input {self.name}: a {self.kind} is a scenario key only (override=False, field=False), "
                                 "never swept, solved or ranged")
        if self.kind == "choice":
            if self.options is None:
                raise ValueError(f"input {self.name}: a choice needs its options")
            if isinstance(self.options, tuple) and set(self.value_aliases.values()) - set(self.options):
                raise ValueError(f"input {self.name}: value aliases for values that are no option: "
                                 f"{sorted(set(self.value_aliases.values()) - set(self.options))}")
        elif self.options is not None:
            raise ValueError(f"input {self.name}: only a choice has options")
        elif self.nullable and self.kind != "month":
            raise ValueError(f"input {self.name}: only a choice or a month may be null")
        if self.kind in ("year", "months") and self.low is None:
            raise ValueError(f"input {self.name}: a {self.kind} needs bounds")

    # -- derived
    @property
    def per_row(self) -> bool:
        """A caseload row may set it, a column each (inputs/caseload.row_overrides): a numeric override. Its value
        then differs between the rows of one caseload group, which the rules bind once (core/rules.ColumnChoices)."""
        return self.override and not self.field and self.row and self.numeric

    @property
    def numeric(self) -> bool:
        """Its value is a number (not a switch, the excluded LKV or a choice)."""
        return self.kind not in NOT_NUMBERS

    @property
    def analysed(self) -> bool:
        return self.numeric and (self.sweep or self.breakeven != "no" or self.range is not None)

    @property
    def column_key(self) -> bool:
        """A key of the scenario column (inputs/schema.py): a numeric field, a choice, or a year, month or months."""
        return self.field or self.kind in KEY_KINDS

    @property
    def from_catalogue(self) -> bool:
        """A choice among the files of a catalogue: any name passes the schema, loading refuses an unknown one."""
        return self.kind == "choice" and callable(self.options)

    def choices(self) -> tuple:
        """A choice's values (a catalogue's names are read when asked for)."""
        return tuple(self.options() if callable(self.options) else self.options or ())

    @property
    def heading(self) -> Text:
        if self.title is not None:
            return self.title
        return Text(self.label.nl[:1].upper() + self.label.nl[1:], self.label.en[:1].upper() + self.label.en[1:])

    @property
    def bounds(self) -> tuple[Decimal, Decimal] | None:
        if self.low is None:
            return None
        return (self.entry_low if self.entry_low is not None else self.low, self.high)

    @property
    def unit(self) -> str:
        """The ParamValue unit of an override of this input (for display)."""
        return {"fraction": "fraction", "euro": "euro"}.get(self.kind, "")

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
        if self.kind in ("number", "months"):
            return number(value, lang, 2).rstrip("0").rstrip(",.")
        if self.kind == "year":
            return str(value)
        return "× " + number(value, lang, 4)

    def valid(self, value: Decimal) -> bool:
        above = value > self.low if self.low_open else value >= self.low
        return above and (self.high is None or value <= self.high)


Input = Variable     # the name the analyses used


# The declarations of the parameter files (params/NAME.yaml `input:`) are read by inputs/declared.py, which core
# may not import; it registers them here, as it registers their Dutch words with core/errors (add_names).
_FILE_SOURCES: list = []


def add_declarations(source) -> None:
    """Register `source()` -> {name: Variable}: the inputs the parameter files declare."""
    if source not in _FILE_SOURCES:
        _FILE_SOURCES.append(source)


def declaration(name: str) -> Variable | None:
    """The one declaration of `name`: here (DECLARED) or in its parameter file (once inputs/declared.py is loaded,
    as it is before any scenario or caseload is read)."""
    if name in DECLARED:
        return DECLARED[name]
    for source in _FILE_SOURCES:
        found = source().get(name)
        if found is not None:
            return found
    return None


# The names of a catalogue (subsidy_sets/) are files, which core does not read: inputs/schema.py registers their
# reader (add_catalogue), and a choice's options name it (catalogue("subsidy_sets")).
_CATALOGUES: dict[str, Callable[[], Any]] = {}


def add_catalogue(folder: str, names: Callable[[], Any]) -> None:
    _CATALOGUES[folder] = names


def catalogue(folder: str) -> Callable[[], tuple[str, ...]]:
    """A choice's options: the names of the catalogue `folder`, read when asked for."""
    def names() -> tuple[str, ...]:
        return tuple(_CATALOGUES[folder]())
    names.__qualname__ = f"catalogue({folder!r})"
    return names


# How a value of a year, a month or a count of months is read is the inputs layer's (it parses what a file holds):
# inputs/schema.py registers a parser for each of those kinds (add_parser), as it registers a catalogue's reader.
_PARSERS: dict[str, Callable[["Variable"], Callable[[Any], Any]]] = {}


def add_parser(kind: str, make: Callable[["Variable"], Callable[[Any], Any]]) -> None:
    """Register `make(variable)` -> the check of a value of `variable` (a scenario key of kind `kind`)."""
    if kind not in KINDS:
        raise ValueError(f"kind {kind!r} not one of {KINDS}")
    _PARSERS[kind] = make


def parser(variable: "Variable") -> Callable[[Any], Any]:
    """The check of a value of `variable`, by the parser registered for its kind."""
    return _PARSERS[variable.kind](variable)


def _employer_models() -> tuple[str, ...]:
    """The employer models (employers/*.yaml), as core/model.py names them."""
    return EMPLOYER_MODELS


class Range(NamedTuple):
    """How uncertain an input is: low, central and high, with the source of the range."""
    name: str
    low: Decimal
    central: Decimal
    high: Decimal
    source: str


MEMO = "Notitie Nieuw beschut werk Zaanstreek-Waterland 2017"

# The inputs without a parameter file: fields of the scenario column, employer-model parameters
# (employers/*.yaml, core/context.py) and scenario-only values. Legal parameters declare
# themselves in params/NAME.yaml. A new input: one entry here (or an `input:` block there)
# and the rule that reads it.
DECLARED: dict[str, Variable] = {v.name: v for v in (
    # -- fields of the scenario column
    Variable("hours", "hours", Text("uren per week", "hours a week"),
             Text("geef de contracturen per week, bijvoorbeeld 31", "give the contract hours a week, e.g. 31"),
             title=Text("Uren per week", "Hours a week"), low=ZERO, high=MAX_HOURS, low_open=True, entry_low=MIN_HOURS,
             required=True, field=True, override=False,
             aliases=("uren", "uur", "uren per week", "contracturen"),
             sweep=True, breakeven="scan", step=D("0.25"), decimals=4,
             range={"low": 24, "central": 31, "high": 31,
                    "source": f"{MEMO}, §4.4 (24 tot 31 uur per week)"}),
    Variable("wage_value", "fraction", Text("loonwaarde", "wage value"),
             Text("schrijf bijvoorbeeld 30%", "write e.g. 30%"), title=Text("Loonwaarde (deel van WML)", "Wage value (share of WML)"),
             low=ZERO, high=D(1), required=True, field=True, override=False, aliases=("loonwaarde",),
             sweep=True, breakeven="scan", step=D("0.01"), decimals=6,
             range={"low": "30%", "central": "30%", "high": "50%",
                    "source": f"{MEMO}, §4.5 (loonwaarde vanaf 30 %); de bovengrens van 50 % is een aanname"}),
    Variable("absence", "fraction", Text("verzuim", "absence"),
             Text("het deel van de contracturen dat de werknemer ziek is, bijvoorbeeld absence: 8%",
                  "the share of contract hours the employee is ill, for example absence: 8%"),
             title=Text("Verzuim (deel van de contracturen)", "Sickness absence (share of contract hours)"),
             low=ZERO, high=MAX_ABSENCE, field=True, override=False, row=False, aliases=("verzuim", "ziekteverzuim"),
             sweep=True, breakeven="linear", step=D("0.01"), decimals=6, example="8%",
             range={"low": "0%", "central": "5%", "high": "15%",
                    "source": "aanname (geen gebronde verzuimcijfers voor beschut werk gevonden)"}),
    Variable("indexation", "fraction", Text("indexatie per jaar", "indexation a year"),
             Text("de jaarlijkse stijging van de kosten, bijvoorbeeld indexation: 3%",
                  "the yearly rise of the costs, for example indexation: 3%"),
             title=Text("Indexatie van de begeleidingskosten per jaar", "Yearly indexation of the guidance costs"),
             low=D("-0.10"), high=D("0.20"), field=True, override=False, row=False, aliases=("indexatie",),
             sweep=True, breakeven="scan", step=D("0.005"), decimals=6, example="3%",
             range={"low": "0%", "central": "2%", "high": "4%",
                    "source": "aanname (jaarlijkse stijging van de begeleidingskosten)"}),
    # A young worker: below 21 the youth minimum wage (params/youth_wml_share.yaml). A scenario key (inputs/schema.py
    # AGE_KEY), an override and a caseload column; the rules read it as the parameter `age` (inputs/placement.py), so one
    # caseload group holds any ages.
    Variable("age", "number", Text("leeftijd", "age"),
             Text("leeftijd van de werknemer in hele jaren in het jaar van het scenario (bij een caseload: in het startjaar), "
                  "bijvoorbeeld age: 19; onder 21 geldt het minimumjeugdloon",
                  "the worker's age in whole years in the scenario's year (in a caseload: in the start year), for example "
                  "age: 19; below 21 the youth minimum wage applies"),
             title=Text("Leeftijd in het eerste jaar van de plek", "Age in the placement's first year"),
             low=D(15), high=D(99), aliases=("leeftijd",), decimals=0),
    # The bijstand household's cost sharers (Participatiewet art. 19a, 22a): a scenario key, an override and a caseload
    # column, as the age; the rules read it as the parameter `cost_sharers` (core/income.py).
    Variable("cost_sharers", "number", Text("kostendelende medebewoners", "cost-sharing co-residents"),
             Text("het aantal kostendelende medebewoners naast de werknemer en een partner (Participatiewet art. 19a: vanaf 2023 "
                  "27 jaar of ouder), voor de kostendelersnorm van de bijstand, bijvoorbeeld cost_sharers: 1",
                  "the number of cost-sharing co-residents besides the worker and a partner (Participatiewet art. 19a: from 2023 "
                  "aged 27 or over), for the bijstand's cost-sharing norm, for example cost_sharers: 1"),
             title=Text("Kostendelende medebewoners", "Cost-sharing co-residents"),
             low=ZERO, high=D(20), default=ZERO, row=False, aliases=("kostendelers", "kostendelende medebewoners", "medebewoners"), decimals=0),
    # The first months of a flat-rate LKS (Participatiewet art. 10d lid 1 onder b, lid 5): a scenario key (inputs/schema.py),
    # an override and a caseload column; the rules read it as the parameter `lks_forfaitair_months`.
    Variable("lks_forfaitair_months", "number", Text("maanden forfaitaire LKS", "months of flat-rate LKS"),
             Text("de eerste maanden van het dienstverband met een forfaitaire loonkostensubsidie (50 % WML, zonder "
                  "loonwaardemeting), 0 tot en met 6 (Participatiewet art. 10d lid 5), bijvoorbeeld lks_forfaitair_months: 6",
                  "the first months of the employment with a flat-rate wage-cost subsidy (50% of WML, without a wage-value "
                  "determination), 0 to 6 (Participatiewet art. 10d lid 5), for example lks_forfaitair_months: 6"),
             title=Text("Maanden forfaitaire LKS aan het begin van het dienstverband", "Months of flat-rate LKS at the start of the employment"),
             low=ZERO, high=D(MAX_FORFAITAIR_MONTHS), aliases=("forfaitaire lks", "maanden forfaitaire lks", "forfaitair"), decimals=0),
    Variable("wml_growth", "fraction", Text("groei van het minimumloon per jaar", "minimum-wage growth a year"),
             Text("de jaarlijkse stijging van het minimumloon na de laatst bekende waarde, bijvoorbeeld wml_growth: 2%",
                  "the yearly rise of the minimum wage after its last known value, for example wml_growth: 2%"),
             title=Text("Groei van het minimumloon per jaar na de laatst bekende waarde", "Minimum-wage growth a year after the last known value"),
             low=D("-0.05"), high=D("0.20"), field=True, override=False, row=False, aliases=("groei minimumloon", "wml-groei"),
             decimals=6, example="2%"),
    # -- employer-model parameters (employers/*.yaml; neutral defaults in core/context.py)
    Variable("fulltime_hours", "hours", Text("volledige werkweek", "full-time week"),
             Text("volledige werkweek van de werkgever in uren", "the employer's full-time week in hours"),
             title=Text("Volledige werkweek van de werkgever", "Employer's full-time week"),
             low=D(20), high=D(48), aliases=("voltijd", "voltijduren")),
    Variable("wage_level", "factor", Text("loonniveau", "wage level"),
             Text("loonniveau ten opzichte van WML, ten minste 100 %: een dienstbetrekking beschut werk (Participatiewet art. 10b) "
                  "betaalt ten minste het wettelijk minimumloon (Wet minimumloon en minimumvakantiebijslag art. 7 en 13); "
                  "bijvoorbeeld 1.05 of 105%",
                  "wage level relative to WML, at least 100%: a sheltered-work employment (Participatiewet art. 10b) pays at "
                  "least the statutory minimum wage (Wet minimumloon en minimumvakantiebijslag art. 7 and 13); e.g. 1.05 or 105%"),
             title=Text("Loonniveau ten opzichte van WML", "Wage level relative to WML"),
             low=D(1), high=D(3), aliases=("loonniveau",)),
    Variable("payroll_markup", "markup", Text("payrollopslag", "payroll mark-up"),
             Text("payrollopslag als factor of als percentage erbovenop, bijvoorbeeld 1.25 of 25%",
                  "payroll mark-up as a factor or as a percentage on top, e.g. 1.25 or 25%"),
             title=Text("Payrollopslag (factor)", "Payroll mark-up (factor)"),
             low=D(1), high=D(3), aliases=("payrollopslag",), sweep=True, breakeven="linear", decimals=6,
             range={"low": D("1.10"), "central": D("1.2488"), "high": D("1.35"),
                    "source": f"{MEMO}, §3.2 (tarief Servorg: factor 1,2488 ten opzichte van eigen dienst); de marge eromheen is een aanname"}),
    Variable("agency_fee", "fraction", Text("uitzendtoeslag", "agency fee"),
             Text("uitzendtoeslag op de loonkosten, bijvoorbeeld 15%", "agency fee on the wage costs, e.g. 15%"),
             title=Text("Uitzendtoeslag", "Agency fee"), low=ZERO, high=D(1), aliases=("uitzendtoeslag", "uitzendtarief"),
             sweep=True, breakeven="linear", decimals=6,
             range={"low": "5%", "central": "15%", "high": "30%", "source": "aanname (de bronnen noemen geen uitzendtarief)"}),
    # -- scenario-only
    Variable("municipal_top_up", "euro", Text("aanvulling gemeente per plek", "municipal top-up per place"),
             Text("aanvulling van de gemeente per plek per jaar, bijvoorbeeld 1000",
                  "the municipality's top-up per place per year, e.g. 1000"),
             title=Text("Aanvulling gemeente per plek per jaar", "Municipal top-up per place a year"),
             low=ZERO, high=MAX_AMOUNT, default=ZERO, aliases=("aanvulling",), sweep=True, breakeven="linear"),
    Variable("temporary_subsidy_pro_rata", "bool", Text("tijdelijke subsidie naar rato", "temporary subsidy pro rata"),
             Text("true of false", "true or false"), title=Text("Tijdelijke subsidie naar rato (1 = ja)", "Temporary subsidy pro rata (1 = yes)"),
             row=False),
    Variable("memo_wage_value_fulltime", "bool", Text("loonwaarde van een voltijdjaar", "wage value of a full-time year"),
             Text("true: loonwaarde van een voltijdjaar zoals de notitie; false: van 31 uur",
                  "true: wage value of a full-time year as in the memo; false: of 31 hours"),
             title=Text("Loonwaarde van een voltijdjaar (1 = ja, zoals de notitie)", "Wage value of a full-time year (1 = yes, as the note)"),
             row=False),
    # Known so that it is refused with the law, not as an unknown key (core/rules.py _tax; params/lkv_beschut_werk.yaml).
    Variable("lkv_enabled", "excluded", Text("LKV", "LKV"), Text("verwijder overrides.lkv_enabled", "remove overrides.lkv_enabled"),
             row=False),
    # -- the choices of the scenario column (issue 20, item 1): their values and Dutch words, for the schema
    # (inputs/schema.py COLUMN_FIELDS) and core/errors.value_words(); no number, never an override or analysed.
    Variable("method", "choice", Text("methode", "method"),
             Text("statutory (wettelijk) of memo (notitie)", "statutory or memo"),
             options=METHODS, default="statutory", override=False, aliases=("methode",),
             value_aliases={"wettelijk": "statutory", "wet": "statutory", "wettelijke methode": "statutory",
                            "notitie": "memo", "memomethode": "memo"}),
    Variable("employer_model", "choice", Text("werkgeversmodel", "employer model"),
             Text("een werkgeversmodel: municipality (eigen dienst), regular, temp_agency of payroll",
                  "an employer model: municipality (own employment), regular, temp_agency or payroll"),
             options=_employer_models, default="municipality", override=False, aliases=("werkgever", "werkgeversmodel"),
             value_aliases={"gemeente": "municipality", "eigen dienst": "municipality", "sw-bedrijf": "municipality",
                            "eigen dienst gemeente": "municipality", "gemeente (eigen dienst)": "municipality",
                            "regulier": "regular", "reguliere werkgever": "regular", "werkgever regulier": "regular",
                            "uitzendbureau": "temp_agency", "uitzendkracht": "temp_agency",
                            "payrollbedrijf": "payroll", "payroll": "payroll"}),
    Variable("subsidy_set", "choice", Text("subsidieset", "subsidy set"),
             Text("de naam van een meegeleverde subsidieset of het pad naar een eigen setbestand",
                  "the name of a shipped subsidy set or the path to a set file of your own"),
             options=catalogue("subsidy_sets"), default="geen", override=False, aliases=("subsidieset", "subsidies")),
    Variable("rounding", "choice", Text("afronding", "rounding"),
             Text("none (geen afronding) of memo (de afronding van de notitie)", "none or memo (the memo's rounding)"),
             options=ROUNDINGS, default="none", override=False, row=False, aliases=("afronding",),
             value_aliases={"geen afronding": "none", "geen": "none", "notitie": "memo"}),
    Variable("work_type", "choice", Text("soort werk", "kind of work"),
             Text("green (groen), internal (intern) of secondment (detachering)", "green, internal or secondment"),
             options=WORK_TYPES, nullable=True, override=False, aliases=("soort_werk", "werksoort"),
             value_aliases={"groen": "green", "intern": "internal", "detachering": "secondment", "gedetacheerd": "secondment"}),
    # What happens without the placement, and the bijstand household (issue 22, core/model.py).
    Variable("alternative", "choice", Text("alternatief", "alternative"),
             Text("wat er zonder de plek gebeurt: none, social_assistance (bijstand), day_activities (dagbesteding) of "
                  "social_assistance_and_day_activities",
                  "what happens without the placement: none, social_assistance, day_activities or "
                  "social_assistance_and_day_activities"),
             options=ALTERNATIVES, default="none", override=False, aliases=("alternatief",),
             value_aliases={"geen": "none", "bijstand": "social_assistance", "dagbesteding": "day_activities",
                            "bijstand en dagbesteding": "social_assistance_and_day_activities",
                            "bijstand_en_dagbesteding": "social_assistance_and_day_activities"}),
    Variable("household", "choice", Text("huishouden", "household"),
             Text("single (alleenstaande) of couple (gehuwden of samenwonenden)", "single or couple"),
             options=HOUSEHOLDS, default="single", override=False, aliases=("huishouden",),
             value_aliases={"alleenstaande": "single", "alleenstaand": "single", "gehuwd": "couple", "gehuwden": "couple",
                            "samenwonend": "couple", "paar": "couple"}),
    # -- the column's year and period (issue 20, item 1): scenario keys only, read by the parsers inputs/schema.py
    # registers for their kinds (add_parser); never an override, a caseload number column, swept, solved or ranged,
    # and not among JSON's declared fields (report/jsonout.py writes them itself).
    Variable("year", "year", Text("jaar", "year"), Text("bijvoorbeeld year: 2026", "for example year: 2026"),
             low=D(FIRST_YEAR), high=D(LAST_YEAR), required=True, override=False, aliases=("jaar",), decimals=0),
    # proefplaatsing met behoud van uitkering at the start of the first year
    Variable("trial_months", "months", Text("proefplaatsing", "trial placement"),
             Text(f"geef 0 tot en met {MAX_TRIAL_MONTHS} maanden, bijvoorbeeld 3",
                  f"give 0 to {MAX_TRIAL_MONTHS} months, for example 3"),
             low=ZERO, high=D(MAX_TRIAL_MONTHS), default=0, source=TRIAL_SOURCE, override=False, aliases=("proefplaatsing",),
             decimals=0),
    # the first and last month of the placement ("2025-03"); it counts for the months in between, inclusive
    Variable("start", "month", Text("begin", "start"),
             Text('bijvoorbeeld start: "2025-03" (maart 2025)', 'for example start: "2025-03" (March 2025)'),
             nullable=True, override=False, aliases=("begin", "startdatum", "begindatum", "ingangsdatum")),
    Variable("end", "month", Text("einde", "end"),
             Text('bijvoorbeeld start: "2025-03" (maart 2025)', 'for example start: "2025-03" (March 2025)'),
             nullable=True, override=False, aliases=("einde", "einddatum")),
    # -- a fixed value of the rules (core/rules.py MEMO_REFERENCE), named in the workbook; not settable
    Variable("memo_reference_hours", "hours", Text("uren waarvoor de tabel van de notitie is opgesteld", "hours the note's table is drawn up for"),
             title=Text("Uren waarvoor de tabel van de notitie is opgesteld", "Hours the note's table is drawn up for"),
             override=False, row=False),
)}
