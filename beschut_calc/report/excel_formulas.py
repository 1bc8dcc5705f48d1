"""One worksheet per column: the inputs, every parameter as a cell, every line as a live formula.

This mirrors the rules of engine.py (both methods) in spreadsheet formulas, so a controller
can change hours or wage value in Excel or LibreOffice and see every line recalculate.
Parameter values come from the engine's own `Context.lookup` (overrides, employer model,
kind of work, neutral defaults), so the sheet uses exactly the values the engine used;
tests let LibreOffice recalculate the workbook and compare every line with the engine.
A line this module has no formula for (a future feature's line) is written as the engine's
figure and marked as a fixed value, never silently.
Imported only by report/excel.py (openpyxl is imported lazily there and here).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from ..core.engine import MEMO_REFERENCE_HOURS, MEMO_REFERENCE_SOURCE, Context, Result, trial_months
from ..core.errors import InputError
from ..core.parameters import ParameterBook, ParamValue
from ..core.text import Text, euro
from .labels import HEADINGS, line_label

EURO = '[$€-413] #,##0;-[$€-413] #,##0'
EURO_CENTS = '[$€-413] #,##0.00;-[$€-413] #,##0.00'
PERCENT = '0.0%'
FACTOR = '0.00000'
NUMBER = 'General'
HOURS_MAX = 40

INPUT_FILL = "FFF2CC"      # yellow: the cells a user may change
HEADER_FILL = "D9E1F2"
TOTAL_FILL = "EDEDED"

MONTHS_NL = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
             "oktober", "november", "december")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December")

PARAM_LABELS = {
    "fulltime_hours": Text("Volledige werkweek van de werkgever", "Employer's full-time week"),
    "wage_level": Text("Loonniveau ten opzichte van WML", "Wage level relative to WML"),
    "employer_charges": Text("Werkgeverslasten", "Employer charges"),
    "holiday_allowance": Text("Vakantiebijslag", "Holiday allowance"),
    "payroll_markup": Text("Payrollopslag (factor)", "Payroll mark-up (factor)"),
    "agency_fee": Text("Uitzendtoeslag", "Agency fee"),
    "lks_max_share": Text("Maximale loonkostensubsidie (deel van WML)", "Maximum wage-cost subsidy (share of WML)"),
    "lks_employer_charge_allowance": Text("Opslag werkgeverslasten in de LKS", "Employer-charge allowance in the LKS"),
    "guidance_cost_fulltime": Text("Begeleiding en indirecte kosten per voltijdplek", "Guidance and indirect costs per full-time place"),
    "guidance_reference_hours": Text("Uren van een voltijdplek (begeleiding)", "Hours of a full-time place (guidance)"),
    "liv_min_hours_year": Text("Minimum verloonde uren per jaar voor het LIV", "Minimum paid hours a year for the LIV"),
    "rijk_lks_per_place": Text("Rijksbedrag loonkostensubsidie per plek", "National wage-subsidy figure per place"),
    "memo_reference_hours": Text("Uren waarvoor de tabel van de notitie is opgesteld", "Hours the note's table is drawn up for"),
    "memo_wage_value_fulltime": Text("Loonwaarde van een voltijdjaar (1 = ja, zoals de notitie)", "Wage value of a full-time year (1 = yes, as the note)"),
    "temporary_subsidy_pro_rata": Text("Tijdelijke subsidie naar rato (1 = ja)", "Temporary subsidy pro rata (1 = yes)"),
    "lkv_enabled": Text("LKV meenemen (1 = ja)", "Include the LKV (1 = yes)"),
}
STATUS_LABELS = {
    "confirmed": Text("bevestigd", "confirmed"),
    "unconfirmed": Text("niet bevestigd", "not confirmed"),
    "assumption": Text("aanname", "assumption"),
    "override": Text("eigen invoer (scenario)", "own input (scenario)"),
    "default": Text("standaardwaarde", "default"),
}


def status_text(pv: ParamValue | None, lang: str) -> str:
    if pv is None:
        return ""
    text = STATUS_LABELS.get(pv.status, Text.same(pv.status))(lang)
    if pv.extrapolated:
        text += "; " + Text("laatst bekende waarde doorgetrokken", "last known value carried forward")(lang)
    return text


def flag_text(pv: ParamValue | None, lang: str) -> str:
    """The assumption/unconfirmed marker a reader scans for."""
    if pv is None or not pv.flagged:
        return ""
    if pv.extrapolated:
        return Text("DOORGETROKKEN", "CARRIED FORWARD")(lang)
    return {"assumption": Text("AANNAME", "ASSUMPTION"), "unconfirmed": Text("NIET BEVESTIGD", "NOT CONFIRMED")}[pv.status](lang)


# ---------------------------------------------------------------- cell helpers (shared with excel.py)

def put_value(cell, value, fmt: str | None) -> None:
    """A value with its number format, or text (via put_text) when there is no format."""
    if fmt is None:
        put_text(cell, value)
    else:
        cell.value = value
        cell.number_format = fmt


def put_text(cell, value) -> None:
    """Text from YAML or users is always a string cell, never a formula (=HYPERLINK(...) stays text)."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment

    # Control characters (possible in YAML's "\x07" escapes) are not allowed in a workbook.
    text = ILLEGAL_CHARACTERS_RE.sub("\ufffd", "" if value is None else str(value))
    cell.value = text
    cell.data_type = "s"
    if text[:1] in ("=", "+", "-", "@"):
        # Excel's own marker for "typed as text": keeps it text when a user edits the cell.
        cell.quotePrefix = True
        cell.alignment = Alignment(horizontal=cell.alignment.horizontal, vertical=cell.alignment.vertical,
                                   wrap_text=cell.alignment.wrap_text)


def number_value(value):
    """Decimal -> int or float for a number cell (the sheet computes in doubles; the engine in Decimal)."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def quote_sheet(title: str) -> str:
    return "'" + title.replace("'", "''") + "'"


def fill(color: str):
    from openpyxl.styles import PatternFill

    return PatternFill("solid", start_color=color, end_color=color)


# ---------------------------------------------------------------- the sheet

@dataclass
class ColumnLayout:
    """Where things are on a column sheet (absolute addresses), for the summary and for tests."""
    sheet: str
    hours: str = ""
    wage_value: str = ""
    lines: dict[str, str] = field(default_factory=dict)       # key -> amount cell (after rounding)
    unrounded: dict[str, str] = field(default_factory=dict)   # key -> amount before rounding
    fixed: list[str] = field(default_factory=list)            # keys written as fixed values (no formula)
    benefits: str = ""
    costs: str = ""
    balance: str = ""
    verdict: str = ""
    params: list[ParamValue] = field(default_factory=list)    # every parameter value shown as a cell


class ColumnSheet:
    """Builds one column's sheet row by row; `ref[name]` is the absolute address of a named value."""

    COLUMNS = (("A", 50), ("B", 16), ("C", 16), ("D", 13), ("E", 22), ("F", 100))

    def __init__(self, ws, result: Result, book: ParameterBook, lang: str, scenario_title: str):
        self.ws, self.result, self.p, self.lang = ws, result, result.placement, lang
        self.book = book
        self.ctx = Context(result.placement, book)
        self.row = 1
        self.ref: dict[str, str] = {}
        self.layout = ColumnLayout(sheet=ws.title)
        self.scenario_title = scenario_title

    # -- primitives

    def t(self, nl: str, en: str) -> str:
        return en if self.lang == "en" else nl

    def _addr(self, col: str = "B", row: int | None = None) -> str:
        return f"${col}${row or self.row}"

    def heading(self, text: str) -> None:
        from openpyxl.styles import Font

        self.row += 1
        cell = self.ws.cell(self.row, 1)
        put_text(cell, text)
        cell.font = Font(bold=True, size=12)
        self.row += 1

    def header(self, *titles: str) -> None:
        from openpyxl.styles import Font

        for i, title in enumerate(titles, 1):
            cell = self.ws.cell(self.row, i)
            put_text(cell, title)
            cell.font = Font(bold=True)
            cell.fill = fill(HEADER_FILL)
        self.row += 1

    def value_row(self, name: str, label: str, value, fmt: str = NUMBER, pv: ParamValue | None = None,
                  unit: str = "", note: str = "", is_input: bool = False) -> str:
        """A constant (parameter or input) in column B, with its date, status and source beside it."""
        from openpyxl.styles import Border, Font, Protection, Side

        ws = self.ws
        put_text(ws.cell(self.row, 1), label)
        cell = ws.cell(self.row, 2)
        if isinstance(value, str):
            put_text(cell, value)
        else:
            cell.value = number_value(value)
        cell.number_format = fmt
        put_text(ws.cell(self.row, 3), unit)
        if pv is not None:
            put_text(ws.cell(self.row, 4), pv.since.isoformat() if pv.since else "")
            status = status_text(pv, self.lang)
            flag = flag_text(pv, self.lang)
            put_text(ws.cell(self.row, 5), f"{flag}: {status}" if flag else status)
            if flag:
                ws.cell(self.row, 5).font = Font(bold=True, color="C00000")
            source = pv.source + (f" — {pv.note}" if pv.note else "")
            put_text(ws.cell(self.row, 6), source)
            if pv not in self.layout.params:
                self.layout.params.append(pv)
        elif note:
            put_text(ws.cell(self.row, 6), note)
        if is_input:
            thin = Side(style="medium", color="BF8F00")
            cell.fill = fill(INPUT_FILL)
            cell.font = Font(bold=True)
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
            cell.protection = Protection(locked=False)
            put_text(ws.cell(self.row, 5), self.t("INVOER: mag worden gewijzigd", "INPUT: may be changed"))
            ws.cell(self.row, 5).font = Font(bold=True, color="BF8F00")
        address = self._addr()
        self.ref[name] = address
        self.row += 1
        return address

    def param(self, name: str, when: dt.date | None = None, label: str | None = None, fmt: str = NUMBER,
              unit: str = "", key: str | None = None) -> str:
        pv = self.ctx.lookup(name, when)
        value = pv.value
        if isinstance(value, bool) or value is None:
            value = int(bool(value))
        text = label or PARAM_LABELS.get(name, Text.same(name))(self.lang)
        return self.value_row(key or name, f"{text} [{name}]", value, fmt, pv, unit)

    def formula_row(self, name: str, label: str, formula: str, fmt: str = EURO_CENTS, note: str = "",
                    bold: bool = False) -> str:
        from openpyxl.styles import Font

        put_text(self.ws.cell(self.row, 1), label)
        cell = self.ws.cell(self.row, 2)
        cell.value = "=" + formula
        cell.number_format = fmt
        if bold:
            cell.font = Font(bold=True)
            self.ws.cell(self.row, 1).font = Font(bold=True)
        if note:
            put_text(self.ws.cell(self.row, 6), note)
        address = self._addr()
        self.ref[name] = address
        self.row += 1
        return address

    # -- the sheet, top to bottom

    def build(self) -> ColumnLayout:
        from openpyxl.styles import Font

        ws, p = self.ws, self.p
        for col, width in self.COLUMNS:
            ws.column_dimensions[col].width = width
        title = ws.cell(1, 1)
        put_text(title, f"{p.name}")
        title.font = Font(bold=True, size=14)
        put_text(ws.cell(2, 1), self.scenario_title)
        put_text(ws.cell(3, 1), self.t(
            "Gele cellen zijn invoer: wijzig uren of loonwaarde en alle posten rekenen mee. Overige cellen zijn "
            "beveiligd tegen per ongeluk wijzigen (zonder wachtwoord: Blad > Beveiliging opheffen).",
            "Yellow cells are inputs: change hours or wage value and every line recalculates. Other cells are "
            "protected against accidental edits (no password: unprotect the sheet to change them)."))
        self.row = 4
        self.header(self.t("Omschrijving", "Description"), self.t("Waarde", "Value"), self.t("Eenheid", "Unit"),
                    self.t("Geldt vanaf", "Effective"), self.t("Status", "Status"), self.t("Bron en toelichting", "Source and note"))
        ws.freeze_panes = "B5"

        self.heading(self.t("Invoer", "Inputs"))
        self.layout.hours = self.value_row("hours", self.t("Uren per week", "Hours a week"), p.hours, NUMBER,
                                           unit=self.t("uur, (0, 40]", "hours, (0, 40]"), is_input=True)
        self.layout.wage_value = self.value_row("wage_value", self.t("Loonwaarde (deel van WML)", "Wage value (share of WML)"),
                                                p.wage_value, PERCENT, unit="0-100 %", is_input=True)
        self._validate()
        self.value_row("year", self.t("Jaar", "Year"), p.year, "0", note=self.t(
            "het jaar bepaalt de parameters hieronder; voor een ander jaar: nieuw scenario exporteren",
            "the year decides the parameters below; for another year export a new scenario"))
        self.value_row("method", self.t("Methode", "Method"), {"memo": self.t("memo (notitie)", "memo (note)"),
                                                               "statutory": self.t("wettelijk", "statutory")}[p.method])
        self.value_row("employer", self.t("Werkgever", "Employer"), p.employer.label(self.lang), note=p.employer.source)
        self.value_row("subsidy_set", self.t("Subsidieset", "Subsidy set"), p.subsidy_set.name, note=p.subsidy_set.source)
        if p.work_type:
            self.value_row("work_type", self.t("Soort werk", "Kind of work"), p.work_type)
        self.value_row("rounding", self.t("Afronding", "Rounding"),
                       p.rounding.description(self.lang) if p.rounding else self.t("geen (tot op de cent)", "none (to the cent)"),
                       note=p.rounding.source if p.rounding else "")
        self.value_row("trial", self.t("Maanden proefplaatsing (zonder loon) in dit jaar", "Trial-placement months (no wage) this year"),
                       trial_months(p), "0", note=self.t("proefplaatsing met behoud van uitkering aan het begin van het eerste jaar",
                                                        "trial placement with benefits kept at the start of the first year"))
        if any(sub.max_years for sub in p.subsidy_set.subsidies.values()):
            self.value_row("start_year", self.t("Eerste jaar van de plek", "First year of the placement"), p.start_year, "0")

        self.heading(self.t("Parameters (met bron; wijzigen kan na opheffen van de beveiliging)",
                            "Parameters (with source; change them after unprotecting the sheet)"))
        self._parameters()
        self.heading(self.t("Tussenberekening", "Intermediate steps"))
        if p.method == "memo":
            self._memo_steps()
        else:
            self._statutory_steps()
        self._shared_steps()
        self.heading(self.t("Posten (euro per plek per jaar)", "Lines (euro per placement per year)"))
        self._lines()
        self._protect()
        return self.layout

    def _validate(self) -> None:
        from openpyxl.worksheet.datavalidation import DataValidation

        hours = self.layout.hours.replace("$", "")
        dv = DataValidation(type="custom", formula1=f"AND(ISNUMBER({hours}),{hours}>0,{hours}<={HOURS_MAX})", allow_blank=False,
                            showErrorMessage=True, errorTitle=self.t("Uren per week", "Hours a week"),
                            error=self.t("Geef de contracturen per week: meer dan 0 en ten hoogste 40.",
                                         "Give the contract hours a week: more than 0 and at most 40."))
        dv.add(hours)
        wv = self.layout.wage_value.replace("$", "")
        dv2 = DataValidation(type="decimal", operator="between", formula1="0", formula2="1", allow_blank=False,
                             showErrorMessage=True, errorTitle=self.t("Loonwaarde", "Wage value"),
                             error=self.t("De loonwaarde ligt tussen 0 % en 100 % van het WML.",
                                          "The wage value lies between 0% and 100% of WML."))
        dv2.add(wv)
        self.ws.add_data_validation(dv)
        self.ws.add_data_validation(dv2)

    # -- parameters

    def _month_label(self, m: int) -> str:
        return (MONTHS_EN if self.lang == "en" else MONTHS_NL)[m - 1]

    def _wml_row(self, first: dt.date, suffix: str) -> None:
        """One month: whether the hourly WML applies (1/0) and the WML amount in force."""
        month = self._month_label(first.month)
        hourly = bool(self.ctx.lookup("hourly_wml_from", first).value)
        self.param("hourly_wml_from", first, self.t(f"Uur-WML geldt in {month} (1 = ja)", f"Hourly WML applies in {month} (1 = yes)"),
                   key=f"hourly{suffix}")
        if hourly:
            self.param("wml_hour", first, self.t(f"WML per uur, {month} {first.year}", f"WML per hour, {month} {first.year}"),
                       EURO_CENTS, self.t("per uur", "per hour"), key=f"wml{suffix}")
        else:
            self.param("wml_month", first, self.t(f"WML per maand bij voltijd, {month} {first.year}",
                                                  f"WML per month, full-time, {month} {first.year}"),
                       EURO_CENTS, self.t("per maand", "per month"), key=f"wml{suffix}")

    def _parameters(self) -> None:
        p, t = self.p, self.t
        year = p.year
        if p.method == "memo":
            self._wml_row(dt.date(year, 1, 1), "_jan")
        else:
            for m in range(1, 13):
                self._wml_row(dt.date(year, m, 1), f"_{m}")
        self.param("fulltime_hours", unit=t("uur per week", "hours a week"))
        self.param("holiday_allowance", fmt=PERCENT)
        self.param("wage_level", fmt=PERCENT)
        self.param("employer_charges", fmt=PERCENT)
        self.param("payroll_markup", fmt=FACTOR, unit="factor")
        self.param("agency_fee", fmt=PERCENT)
        if p.subsidy_set.wage_subsidy_rule == "bands":
            for i, band in enumerate(p.subsidy_set.lks_bands, 1):
                src = ParamValue(name=f"{p.subsidy_set.name}:wage_subsidy", value=p.subsidy_set.wage_subsidy_rule,
                                 since=None, source=p.subsidy_set.lks_source or p.subsidy_set.source)
                label = t(f"LKS-band {i}", f"LKS band {i}")
                self.value_row(f"lks_band{i}_from", t(f"{label}: loonwaarde vanaf", f"{label}: wage value from"), band.from_share, PERCENT, src)
                self.value_row(f"lks_band{i}_to", t(f"{label}: loonwaarde tot", f"{label}: wage value to"), band.to_share, PERCENT, src,
                               unit=t("tot (laatste band: tot en met)", "below (last band: up to and including)"))
                self.value_row(f"lks_band{i}_share", t(f"{label}: LKS (deel van WML)", f"{label}: LKS (share of WML)"), band.lks_share, PERCENT, src)
        self.param("lks_max_share", fmt=PERCENT)
        if p.method == "statutory":
            self.param("lks_employer_charge_allowance", fmt=PERCENT)
        else:
            self.param("rijk_lks_per_place", fmt=EURO)
            ref = ParamValue(name="memo_reference_hours", value=MEMO_REFERENCE_HOURS, since=None, source=MEMO_REFERENCE_SOURCE)
            self.value_row("memo_reference_hours", f"{PARAM_LABELS['memo_reference_hours'](self.lang)} [memo_reference_hours]",
                           MEMO_REFERENCE_HOURS, NUMBER, ref, t("uur per week", "hours a week"))
            self.param("memo_wage_value_fulltime")
        self.param("guidance_cost_fulltime", fmt=EURO)
        self.param("guidance_reference_hours", unit=t("uur per week", "hours a week"))
        self._subsidy_parameters()
        self._tax_parameters()
        if p.rounding is not None:
            src = ParamValue(name=f"rounding:{p.rounding.name}", value=None, since=None, source=p.rounding.source)
            for origin, step in p.rounding.step.items():
                what = {"estimate": t("eigen schatting", "own estimate"), "quoted": t("overgenomen bedrag", "quoted figure")}.get(origin, origin)
                self.value_row(f"step_{origin}", t(f"Afrondingsstap {what}", f"Rounding step, {what}"), step, EURO, src)
            for side, direction in p.rounding.direction.items():
                what = {"benefit": t("baten", "benefits"), "cost": t("kosten", "costs")}.get(side, side)
                way = {"down": t("omlaag", "down"), "up": t("omhoog", "up")}.get(direction, direction)
                self.value_row(f"dir_{side}", t(f"Afronding {what}", f"Rounding of {what}"), way, NUMBER, src)

    def _subsidy_parameters(self) -> None:
        p, t = self.p, self.t
        sset = p.subsidy_set
        self.value_row("full_hours", t("Subsidies volledig vanaf (uren per week)", "Subsidies in full from (hours a week)"),
                       sset.full_hours, NUMBER, note=sset.source)
        for key, sub in sset.subsidies.items():
            src = ParamValue(name=f"{sset.name}:{key}", value=sub.amount, since=None, source=sub.source)
            name = LINE_NAMES.get(key, Text.same(key))(self.lang)
            self.value_row(f"{key}_amount", t(f"{name}: bedrag per jaar bij volledige uren", f"{name}: amount a year at full hours"),
                           sub.amount, EURO, src)
            pro_rata = sub.pro_rata
            override = None
            if key == "temporary_subsidy":
                override = self.ctx.lookup("temporary_subsidy_pro_rata")
                if override.value is not None:
                    pro_rata = bool(override.value)
            if override is not None and override.value is not None:
                self.value_row(f"{key}_pro_rata", t(f"{name}: naar rato onder de volledige uren (1 = ja)", f"{name}: pro rata below full hours (1 = yes)"),
                               int(pro_rata), NUMBER, override)
            else:
                self.value_row(f"{key}_pro_rata", t(f"{name}: naar rato onder de volledige uren (1 = ja)", f"{name}: pro rata below full hours (1 = yes)"),
                               int(pro_rata), NUMBER, src)
            if sub.from_year:
                self.value_row(f"{key}_from", t(f"{name}: geldt vanaf jaar", f"{name}: applies from year"), sub.from_year, "0", src)
            if sub.until_year:
                self.value_row(f"{key}_until", t(f"{name}: geldt tot en met jaar", f"{name}: applies up to year"), sub.until_year, "0", src)
            if sub.max_years:
                self.value_row(f"{key}_max_years", t(f"{name}: ten hoogste jaren per plek", f"{name}: at most years per placement"), sub.max_years, "0", src)
        for extra in sset.extra_benefits:
            src = ParamValue(name=f"{sset.name}:{extra.key}", value=extra.amount, since=None, source=extra.source)
            if extra.key in p.overrides:
                src = p.overrides[extra.key]
            self.value_row(f"{extra.key}_amount", t(f"{extra.label.nl}: bedrag per jaar", f"{extra.label.en}: amount a year"),
                           src.value, EURO, src)
            self.value_row(f"{extra.key}_pro_rata", t(f"{extra.label.nl}: naar rato (1 = ja)", f"{extra.label.en}: pro rata (1 = yes)"),
                           int(extra.pro_rata), NUMBER, note=extra.source)
        if "municipal_top_up" in p.overrides:
            self.param("municipal_top_up", label=t("Aanvulling gemeente per plek per jaar", "Municipal top-up per place a year"), fmt=EURO)

    def _tax_parameters(self) -> None:
        t = self.t
        liv_pv = self.ctx.lookup("liv")
        self.liv_bands = 0
        if liv_pv.value is None:
            self.value_row("liv_exists", t("LIV bestaat in dit jaar (1 = ja)", "LIV exists this year (1 = yes)"), 0, NUMBER, liv_pv)
        else:
            self.value_row("liv_exists", t("LIV bestaat in dit jaar (1 = ja)", "LIV exists this year (1 = yes)"), 1, NUMBER, liv_pv)
            self.param("liv_min_hours_year", unit=t("uur per jaar", "hours a year"))
            for i, band in enumerate(liv_pv.value["bands"], 1):
                label = t(f"LIV-band {i}", f"LIV band {i}")
                self.value_row(f"liv{i}_from", t(f"{label}: gemiddeld uurloon vanaf", f"{label}: average hourly wage from"), band["from"], EURO_CENTS, liv_pv)
                self.value_row(f"liv{i}_to", t(f"{label}: gemiddeld uurloon tot en met", f"{label}: average hourly wage up to"), band["to"], EURO_CENTS, liv_pv)
                self.value_row(f"liv{i}_rate", t(f"{label}: bedrag per verloond uur", f"{label}: amount per paid hour"), band["rate"], EURO_CENTS, liv_pv)
                self.value_row(f"liv{i}_max", t(f"{label}: maximum per jaar", f"{label}: maximum a year"), band["max"], EURO, liv_pv)
                self.liv_bands = i
        enabled_pv = self.ctx.lookup("lkv_enabled")
        enabled = enabled_pv.value if enabled_pv.value is not None else self.p.subsidy_set.lkv
        self.lkv = False
        if enabled_pv.value is not None:
            self.value_row("lkv_enabled", f"{PARAM_LABELS['lkv_enabled'](self.lang)} [lkv_enabled]", int(bool(enabled)), NUMBER, enabled_pv)
        else:
            self.value_row("lkv_enabled", f"{PARAM_LABELS['lkv_enabled'](self.lang)} [lkv_enabled]", int(bool(enabled)), NUMBER,
                           note=t(f"zoals subsidieset {self.p.subsidy_set.name}", f"as subsidy set {self.p.subsidy_set.name}"))
        if enabled:
            lkv_pv = self._lookup_or_none("lkv")
            if lkv_pv is not None and lkv_pv.value is not None:
                self.value_row("lkv_rate", t("LKV: bedrag per verloond uur", "LKV: amount per paid hour"), lkv_pv.value["rate"], EURO_CENTS, lkv_pv)
                self.value_row("lkv_max", t("LKV: maximum per jaar", "LKV: maximum a year"), lkv_pv.value["max"], EURO, lkv_pv)
                self.lkv = True

    def _lookup_or_none(self, name: str) -> ParamValue | None:
        try:
            return self.ctx.lookup(name)
        except (InputError, KeyError):
            return None

    # -- intermediate steps

    def _statutory_steps(self) -> None:
        t, r = self.t, self.ref
        h, f = r["hours"], r["fulltime_hours"]
        months = []
        for m in range(1, 13):
            month = self._month_label(m)
            months.append(self.formula_row(
                f"wml_part_{m}", t(f"WML-loon {month} bij de contracturen", f"WML wage {month} at the contract hours"),
                f"IF({r[f'hourly_{m}']}=1,{r[f'wml_{m}']}*{h}*52/12,{r[f'wml_{m}']}*{h}/{f})",
                note=t("uur-WML × uren × 52/12, of maand-WML × uren / volledige werkweek",
                       "hourly WML × hours × 52/12, or monthly WML × hours / full-time week")))
        base = self.formula_row("wml_base", t("WML-jaarloon zonder vakantiebijslag", "WML year wage without holiday allowance"),
                                "SUM(" + ",".join(months) + ")")
        self.formula_row("W", t("WML-jaarloon met vakantiebijslag (W)", "WML year wage with holiday allowance (W)"),
                         f"{base}*(1+{r['holiday_allowance']})", bold=True)
        # A trial placement keeps the wage value but has no wage in its months: LKS, wage costs and LIV use these.
        paid = "+".join(f"IF({m}>{r['trial']},{part},0)" for m, part in enumerate(months, 1))
        self.formula_row("W_paid", t("WML-loon met vakantiebijslag in de maanden met dienstverband", "WML wage with holiday allowance in the months with a contract"),
                         f"({paid})*(1+{r['holiday_allowance']})", note=t("gelijk aan W zonder proefplaatsing", "equals W without a trial placement"))
        self._paid_hours()
        self.formula_row("hourly_wage", t("Gemiddeld uurloon (voor het LIV)", "Average hourly wage (for the LIV)"),
                         f"IF({r['paid_hours']}>0,{r['W_paid']}*{r['wage_level']}/{r['paid_hours']},0)",
                         note=t("loon × loonniveau / verloonde uren", "wage × wage level / paid hours"))

    def _memo_steps(self) -> None:
        t, r = self.t, self.ref
        f = r["fulltime_hours"]
        self.formula_row("W_full", t("WML-jaarloon voltijd met vakantiebijslag (12 × WML 1 januari)",
                                     "Full-time WML year wage with holiday allowance (12 × WML 1 January)"),
                         f"IF({r['hourly_jan']}=1,{r['wml_jan']}*{f}*52,12*{r['wml_jan']})*(1+{r['holiday_allowance']})", bold=True)
        self.formula_row("scale", t("Schaal: uren / 31", "Scale: hours / 31"), f"{r['hours']}/{r['memo_reference_hours']}", "0.0000")
        self._paid_hours()
        self.formula_row("hourly_wage", t("Gemiddeld uurloon voltijd (voor het LIV)", "Full-time average hourly wage (for the LIV)"),
                         f"{r['W_full']}*{r['wage_level']}/({f}*52)")

    def _paid_hours(self) -> None:
        t, r = self.t, self.ref
        self.formula_row("employed_share", t("Deel van het jaar met dienstverband", "Share of the year with a contract"),
                         f"(12-{r['trial']})/12", "0.0000")
        self.formula_row("paid_hours", t("Verloonde uren per jaar", "Paid hours a year"), f"{r['hours']}*52*{r['employed_share']}", "#,##0.##")

    def _shared_steps(self) -> None:
        t, r, p = self.t, self.ref, self.p
        self.formula_row("factor", t("Loonkostenfactor", "Wage-cost factor"),
                         f"{r['wage_level']}*(1+{r['employer_charges']})*{r['payroll_markup']}*(1+{r['agency_fee']})", FACTOR,
                         note=t("loonniveau × (1 + werkgeverslasten) × payrollopslag × (1 + uitzendtoeslag)",
                                "wage level × (1 + employer charges) × payroll mark-up × (1 + agency fee)"))
        if p.subsidy_set.wage_subsidy_rule == "bands":
            wv = r["wage_value"]
            n = len(p.subsidy_set.lks_bands)
            formula = "0"
            for i in range(n, 0, -1):
                upper = f"{wv}<={r[f'lks_band{i}_to']}" if i == n else f"{wv}<{r[f'lks_band{i}_to']}"
                formula = f"IF(AND({wv}>={r[f'lks_band{i}_from']},{upper}),{r[f'lks_band{i}_share']},{formula})"
            self.formula_row("lks_share", t("LKS als deel van WML (band van de loonwaarde)", "LKS as a share of WML (band of the wage value)"),
                             formula, PERCENT)
        else:
            self.formula_row("lks_share", t("LKS als deel van WML: min(1 − loonwaarde, maximum)", "LKS as a share of WML: min(1 − wage value, maximum)"),
                             f"MIN(1-{r['wage_value']},{r['lks_max_share']})", PERCENT)
        if self.liv_bands:
            hw, paid = r["hourly_wage"], r["paid_hours"]
            formula = "0"
            for i in range(self.liv_bands, 0, -1):
                formula = (f"IF(AND({hw}>={r[f'liv{i}_from']},{hw}<={r[f'liv{i}_to']}),"
                           f"MIN({r[f'liv{i}_rate']}*{paid},{r[f'liv{i}_max']}),{formula})")
            self.formula_row("liv", t("LIV (band van het gemiddelde uurloon, alleen vanaf het minimum aantal uren)",
                                      "LIV (band of the average hourly wage, only from the minimum hours)"),
                             f"IF({paid}<{r['liv_min_hours_year']},0,{formula})")
        else:
            self.formula_row("liv", t("LIV (bestaat niet in dit jaar)", "LIV (does not exist this year)"), "0")
        if self.lkv:
            self.formula_row("lkv", t("LKV: bedrag per uur × verloonde uren, tot het maximum", "LKV: rate × paid hours, up to the maximum"),
                             f"MIN({r['lkv_rate']}*{r['paid_hours']},{r['lkv_max']})")
        if p.method == "memo":
            wv_hours = f"IF({r['memo_wage_value_fulltime']}=1,{r['fulltime_hours']},{r['memo_reference_hours']})"
            self.formula_row("wv_ref", t("Loonwaarde bij 31 uur", "Wage value at 31 hours"),
                             f"{r['wage_value']}*{r['W_full']}*{wv_hours}/{r['fulltime_hours']}")
            self.formula_row("lks_ref", t("Loonkostensubsidie bij 31 uur: rijksbedrag × LKS-deel / maximum", "Wage subsidy at 31 hours: national figure × LKS share / maximum"),
                             f"{r['rijk_lks_per_place']}*{r['lks_share']}/{r['lks_max_share']}")
            self.formula_row("wc_ref", t("Loonkosten bij 31 uur", "Wage costs at 31 hours"),
                             f"{r['W_full']}*{r['memo_reference_hours']}/{r['fulltime_hours']}*{r['factor']}")
            self.formula_row("gc_ref", t("Begeleiding bij 31 uur", "Guidance at 31 hours"),
                             f"{r['guidance_cost_fulltime']}*{r['memo_reference_hours']}/{r['guidance_reference_hours']}")

    # -- lines

    def _line_formula(self, key: str) -> str | None:
        r, p = self.ref, self.p
        h = r["hours"]
        memo = p.method == "memo"
        if key in ("general_subsidy", "temporary_subsidy"):
            if f"{key}_amount" not in r:
                return "0"
            amount, full = r[f"{key}_amount"], r["full_hours"]
            conditions = []
            if f"{key}_from" in r:
                conditions.append(f"{r['year']}>={r[f'{key}_from']}")
            if f"{key}_until" in r:
                conditions.append(f"{r['year']}<={r[f'{key}_until']}")
            if f"{key}_max_years" in r:
                conditions.append(f"{r['year']}-{r['start_year']}<{r[f'{key}_max_years']}")
            valid = f"AND({','.join(conditions)})" if conditions else "TRUE()"
            return f"IF({valid},IF({r[f'{key}_pro_rata']}=1,{amount}*MIN({h},{full})/{full},{amount})*{r['employed_share']},0)"
        if key == "tax_advantage":
            if self.lkv:
                return f"IF(AND({r['lkv_enabled']}=1,{r['lkv']}>{r['liv']}),{r['lkv']},{r['liv']})"
            return r["liv"]
        if key == "municipal_top_up" and key in r:
            return r[key]
        if f"{key}_amount" in r and f"{key}_pro_rata" in r:       # an extra benefit of the subsidy set
            full = r["full_hours"]
            return f"{r[f'{key}_amount']}*IF({r[f'{key}_pro_rata']}=1,MIN({h},{full})/{full},1)"
        if memo:
            return {"wage_value": f"{r['wv_ref']}*{r['scale']}",
                    "wage_subsidy": f"{r['lks_ref']}*{r['scale']}*{r['employed_share']}",
                    "wage_costs": f"{r['wc_ref']}*{r['scale']}*{r['employed_share']}",
                    "guidance_costs": f"{r['gc_ref']}*{r['scale']}"}.get(key)
        return {"wage_value": f"{r['wage_value']}*{r['W']}",
                "wage_subsidy": f"{r['lks_share']}*{r['W_paid']}*(1+{r['lks_employer_charge_allowance']})",
                "wage_costs": f"{r['W_paid']}*{r['factor']}",
                "guidance_costs": f"{r['guidance_cost_fulltime']}*{h}/{r['guidance_reference_hours']}"}.get(key)

    def _lines(self) -> None:
        from openpyxl.styles import Font

        t, ws, p = self.t, self.ws, self.p
        self.header(HEADINGS["line"](self.lang), t("Bedrag", "Amount"), t("Onafgerond", "Unrounded"), t("Afronding", "Rounding"),
                    t("Soort bedrag", "Kind of figure"), t("Regel (bij de invoer uit het scenario)", "Rule (at the scenario's inputs)"))
        rows = {"benefit": [], "cost": []}
        for line in self.result.lines:
            formula = self._line_formula(line.key)
            put_text(ws.cell(self.row, 1), line_label(line, self.lang))
            unrounded = ws.cell(self.row, 3)
            if formula is None:
                unrounded.value = number_value(line.unrounded if line.unrounded is not None else line.amount)
                self.layout.fixed.append(line.key)
                note = t("VASTE WAARDE uit de rekenkern (geen formule beschikbaar): ", "FIXED VALUE from the engine (no formula available): ")
            else:
                unrounded.value = "=" + formula
                note = ""
            unrounded.number_format = EURO_CENTS
            u = f"$C${self.row}"
            amount = ws.cell(self.row, 2)
            if p.rounding is not None and line.origin in p.rounding.step:
                step = self.ref[f"step_{line.origin}"]
                fn = "ROUNDDOWN" if p.rounding.direction.get(line.side) == "down" else "ROUNDUP"
                # Round to 1e-6 first so a double like 16499.999999999998 is not pushed a whole step.
                amount.value = f"={fn}(ROUND({u},6)/{step},0)*{step}"
                put_text(ws.cell(self.row, 4), f"{euro(p.rounding.step[line.origin], self.lang)} "
                         + {"ROUNDDOWN": t("omlaag", "down"), "ROUNDUP": t("omhoog", "up")}[fn])
            else:
                amount.value = f"={u}"
                put_text(ws.cell(self.row, 4), t("geen", "none"))
            amount.number_format = EURO_CENTS
            amount.font = Font(bold=True)
            put_text(ws.cell(self.row, 5), {"benefit": t("baat", "benefit"), "cost": t("kosten", "cost")}[line.side]
                     + " · " + {"estimate": t("eigen schatting", "own estimate"), "quoted": t("overgenomen", "quoted")}.get(line.origin, line.origin))
            put_text(ws.cell(self.row, 6), note + line.rule(self.lang)
                     + (f" — {line.reason(self.lang)}" if line.reason is not None else ""))
            self.layout.lines[line.key] = f"$B${self.row}"
            self.layout.unrounded[line.key] = u
            rows[line.side].append(f"$B${self.row}")
            self.row += 1
        self.layout.benefits = self._total("benefits", HEADINGS["total_benefits"](self.lang), rows["benefit"])
        self.layout.costs = self._total("costs", HEADINGS["total_costs"](self.lang), rows["cost"])
        self.layout.balance = self.formula_row("balance", HEADINGS["balance"](self.lang), f"{self.layout.benefits}-{self.layout.costs}",
                                               EURO_CENTS, bold=True)
        deficit = self.formula_row("deficit", t("Tekort in hele euro's (0 of minder: sluitend)", "Deficit in whole euros (0 or less: breaks even)"),
                                   f"-ROUND({self.layout.balance},0)", EURO)
        self.layout.verdict = self.formula_row("verdict", HEADINGS["verdict"](self.lang), verdict_formula(deficit, self.lang), NUMBER, bold=True)

    def _total(self, name: str, label: str, cells: list[str]) -> str:
        address = self.formula_row(name, label, f"SUM({','.join(cells)})" if cells else "0", EURO_CENTS, bold=True)
        self.ws[address.replace("$", "")].fill = fill(TOTAL_FILL)
        return address

    def _protect(self) -> None:
        ws = self.ws
        ws.protection.sheet = True
        # Allow resizing and selecting; everything else needs the (password-less) unprotect.
        ws.protection.formatColumns = False
        ws.protection.formatRows = False
        ws.protection.selectLockedCells = False
        ws.protection.selectUnlockedCells = False


LINE_NAMES = {
    "general_subsidy": Text("Algemene subsidie beschut", "General sheltered-work subsidy"),
    "temporary_subsidy": Text("Tijdelijke subsidie beschut", "Temporary sheltered-work subsidy"),
}


def thousands(cell: str, sep: str) -> str:
    """A whole non-negative number as text with a thousands separator, without TEXT() (whose format is locale-bound)."""
    return (f'IF({cell}>=1000000,INT({cell}/1000000)&"{sep}"&RIGHT("00"&INT(MOD({cell},1000000)/1000),3)&"{sep}"&RIGHT("00"&MOD({cell},1000),3),'
            f'IF({cell}>=1000,INT({cell}/1000)&"{sep}"&RIGHT("00"&MOD({cell},1000),3),{cell}&""))')


def verdict_formula(deficit: str, lang: str) -> str:
    """Same words as labels.verdict: 'sluitend' or 'tekort van € 5.698' (balance to the euro, half-up)."""
    if lang == "en":
        return f'IF({deficit}<=0,"breaks even","deficit of € "&{thousands(deficit, ",")})'
    return f'IF({deficit}<=0,"sluitend","tekort van € "&{thousands(deficit, ".")})'
