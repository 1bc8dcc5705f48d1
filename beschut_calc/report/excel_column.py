"""One worksheet per column: the inputs, every parameter as a cell, every step and line as a
live formula, all rendered from the column's bound rule trees (core/rules.py via
report/excel_rules.py); then every flow (who pays whom, core/flows.py) and, per party and for
society, what it receives, pays and keeps, as sums over the flow cells (core/books.py). A controller can change hours or wage value (or, after unprotecting,
any parameter) and see every line recalculate; tests let LibreOffice recalculate the workbook
and compare every line with the engine to the cent.
Imported only by report/excel.py (openpyxl is imported lazily there and here).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..core.accounts import SHORT, SOCIETY, VIEWS, sign
from ..core.books import legs
from ..core.engine import BoundColumn, bind_column
from ..core.expr import Value, inputs_of, leaves, steps_of
from ..core.parameters import ParameterBook, ParamValue
from ..core.result import Result
from ..inputs.declared import title as declared_title
from ..core.text import euro
from .excel_cells import (EURO, EURO_CENTS, FACTOR, HEADER_FILL, HOURS_MAX, INPUT_FILL, NUMBER, PERCENT,
                          TOTAL_FILL, fill, flag_text, number_value, put_text, status_text)
from .excel_rules import Addresses, formula
from .labels import HEADINGS, line_label

STEP_FORMATS = {"euro": EURO_CENTS, "fraction": PERCENT, "factor": FACTOR, "number": "#,##0.##", "count": "0"}


def unit_format(unit: str, value) -> str:
    if unit == "fraction":
        return PERCENT
    if unit in ("euro_per_month", "euro_per_hour", "rate"):
        return EURO_CENTS
    if unit in ("year", "count"):
        return "0"
    if unit.startswith("euro"):
        return EURO if value == value.to_integral_value() else EURO_CENTS
    return NUMBER


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
    flows: dict[str, str] = field(default_factory=dict)       # flow key -> amount cell (core/flows.py)
    parties: dict[str, dict[str, str]] = field(default_factory=dict)   # view key -> receives|pays|balance -> cell


class ColumnSheet:
    """Builds one column's sheet row by row; `ref[name]` is the absolute address of a named value."""

    COLUMNS = (("A", 50), ("B", 16), ("C", 16), ("D", 13), ("E", 22), ("F", 100))

    def __init__(self, ws, result: Result, book: ParameterBook, lang: str, scenario_title: str):
        self.ws, self.result, self.p, self.lang = ws, result, result.placement, lang
        self.book = book
        self.column: BoundColumn = bind_column(result.placement, book)
        self.where = Addresses()
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
            # "AANNAME" alone, not "AANNAME: aanname"; a carried-forward value keeps its status beside the flag
            put_text(ws.cell(self.row, 5), status if not flag else flag if status.lower() == flag.lower() else f"{flag}: {status}")
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
        self.layout.hours = self.where.inputs["hours"] = self.value_row("hours", self.declared_label("hours"), p.hours, NUMBER,
                                           unit=self.t("uur, (0, 40]", "hours, (0, 40]"), is_input=True)
        self.layout.wage_value = self.where.inputs["wage_value"] = self.value_row("wage_value", self.declared_label("wage_value"),
                                                p.wage_value, PERCENT, unit="0-100 %", is_input=True)
        self._validate()
        self.where.inputs["year"] = self.value_row("year", self.t("Jaar", "Year"), p.year, "0", note=self.t(
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
        first, last, _ = p.months_in(p.year)
        self.where.inputs["first_month"] = self.value_row("first_month", self.t("Eerste maand van de plek in dit jaar", "First month of the placement this year"),
                                                          first, "0", note=self.t("1 = januari; een plek telt van haar eerste tot en met haar laatste maand",
                                                                                  "1 = January; a placement counts from its first to its last month inclusive"))
        self.where.inputs["last_month"] = self.value_row("last_month", self.t("Laatste maand van de plek in dit jaar", "Last month of the placement this year"),
                                                         last, "0", note=self.t("12 = december", "12 = December"))
        self.where.inputs["trial_months"] = self.value_row("trial", self.t("Maanden proefplaatsing (zonder loon) in dit jaar", "Trial-placement months (no wage) this year"),
                       p.months_in(p.year)[2], "0", note=self.t("proefplaatsing met behoud van uitkering aan het begin van de plek",
                                                        "trial placement with benefits kept at the start of the placement"))
        used = set().union(*(inputs_of(tree) for tree in self._trees()))
        if "first_year" in used:
            self.where.inputs["first_year"] = self.value_row("start_year", self.t("Eerste jaar van de plek", "First year of the placement"), p.start_year, "0")
        if "absence" in used:
            self.where.inputs["absence"] = self.value_row(
                "absence", self.declared_label("absence"),
                p.absence or 0, PERCENT, unit="0-50 %", is_input=True)
        if "indexation" in used:
            self.where.inputs["indexation"] = self.value_row(
                "indexation", self.declared_label("indexation"),
                p.indexation or 0, PERCENT, note=self.t("vanaf het eerste jaar van de plek", "from the first year of the placement"))

        self.heading(self.t("Parameters (met bron; wijzigen kan na opheffen van de beveiliging)",
                            "Parameters (with source; change them after unprotecting the sheet)"))
        self._parameters()
        self.heading(self.t("Tussenberekening", "Intermediate steps"))
        self._steps()
        self.heading(self.t("Posten (euro per plek per jaar)", "Lines (euro per placement per year)"))
        self._lines()
        self.heading(self.t("Geldstromen: wie betaalt wie (euro per plek per jaar)",
                            "Flows: who pays whom (euro per placement per year)"))
        self._flows()
        self.heading(self.t("Per partij: wat zij ontvangt en betaalt", "Per party: what it receives and pays"))
        self._parties()
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

    # -- lines

    # -- parameters and steps, as the bound rules use them

    def _trees(self):
        """Every tree the sheet writes as a formula: the lines, then the flows (national funding,
        the municipality's own costs and an invoice have rules of their own)."""
        return [bl.final for bl in self.column.lines] + [bf.tree for bf in self.column.flows]

    def _parameters(self) -> None:
        seen: set[tuple] = set()
        for tree in self._trees():
            for leaf in leaves(tree):
                if leaf.key in seen:
                    continue
                seen.add(leaf.key)
                unit = leaf.unit or leaf.pv.unit
                self.where.values[leaf.key] = self.value_row(
                    leaf.pv.name, self._value_label(leaf), leaf.number, unit_format(unit, leaf.number), leaf.pv)

    def declared_label(self, name: str) -> str:
        """An input row's label, from the input's declaration (core/variables.py)."""
        return declared_title(name)(self.lang)

    def _value_label(self, leaf: Value) -> str:
        pv = leaf.pv
        if not leaf.path and declared_title(pv.name) is not None:
            text = declared_title(pv.name)(self.lang)
        elif leaf.label is not None:
            text = leaf.label(self.lang)
            text = text[:1].upper() + text[1:]
        else:
            text = pv.name
        return f"{text} [{pv.name}]"

    def _steps(self) -> None:
        done: set[int] = set()
        for tree in self._trees():
            for step in steps_of(tree):
                if id(step) in done:
                    continue
                done.add(id(step))
                label = step.label(self.lang)
                self.where.nodes[id(step)] = self.formula_row(
                    step.name, label[:1].upper() + label[1:], formula(step.expr, self.where), STEP_FORMATS[step.fmt])

    def _lines(self) -> None:
        from openpyxl.styles import Font

        t, ws, p = self.t, self.ws, self.p
        self.header(HEADINGS["line"](self.lang), t("Bedrag", "Amount"), t("Onafgerond", "Unrounded"), t("Afronding", "Rounding"),
                    t("Soort bedrag", "Kind of figure"), t("Regel (bij de invoer uit het scenario)", "Rule (at the scenario's inputs)"))
        rows = {"benefit": [], "cost": []}
        for line, bound in zip(self.result.lines, self.column.lines):
            put_text(ws.cell(self.row, 1), line_label(line, self.lang))
            unrounded = ws.cell(self.row, 3)
            unrounded.value = "=" + formula(bound.tree, self.where)
            note = ""
            unrounded.number_format = EURO_CENTS
            u = f"$C${self.row}"
            amount = ws.cell(self.row, 2)
            if bound.rounded is not None:
                self.where.nodes[id(bound.tree)] = u
                amount.value = "=" + formula(bound.rounded, self.where)
                put_text(ws.cell(self.row, 4), f"{euro(p.rounding.step[line.origin], self.lang)} "
                         + {"down": t("omlaag", "down"), "up": t("omhoog", "up")}[bound.rounded.direction])
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

    # -- flows and parties (core/flows.py, core/books.py)

    def _flows(self) -> None:
        """One row per flow: its amount a live formula (a line's cell, or the flow's own tree), payer and payee."""
        from openpyxl.styles import Font

        t, ws = self.t, self.ws
        # A flow that is a whole line refers to the line's cell; the rest of a line and the invoice too.
        for bound in self.column.lines:
            self.where.nodes.setdefault(id(bound.final), self.layout.lines[bound.spec.key])
        line_labels = {line.key: line_label(line, self.lang) for line in self.result.lines}
        self.header(t("Geldstroom", "Flow"), t("Bedrag", "Amount"), t("Betaald door", "Paid by"), t("Aan", "To"),
                    t("Post van de werkgever", "Employer's line"), t("Waarom deze partij betaalt (bron)", "Why this party pays (source)"))
        for flow, bound in zip(self.result.flows, self.column.flows):
            # a flow of the alternative (issue 22) as it would run without the placement; the books count it reversed
            put_text(ws.cell(self.row, 1), (t("zonder de plek: ", "without the placement: ") if flow.alternative else "")
                     + flow.label(self.lang))
            amount = ws.cell(self.row, 2)
            amount.value = "=" + formula(bound.tree, self.where)
            amount.number_format = EURO_CENTS
            amount.font = Font(bold=True)
            put_text(ws.cell(self.row, 3), SHORT[bound.payer](self.lang))
            put_text(ws.cell(self.row, 4), SHORT[bound.payee](self.lang))
            put_text(ws.cell(self.row, 5), line_labels.get(flow.line, "") if flow.line else "")
            note = flow.source
            if bound.payer == bound.payee:
                note = t("binnen de eigen boeken van de ", "within the own books of the ") + SHORT[bound.payer](self.lang) \
                    + t(": telt voor geen partij", ": counts for no party") + (f" — {note}" if note else "")
            put_text(ws.cell(self.row, 6), note)
            address = f"$B${self.row}"
            self.where.nodes.setdefault(id(bound.tree), address)
            self.layout.flows[flow.key] = address
            self.row += 1

    def _parties(self) -> None:
        """Per view (core/accounts.py VIEWS): what it receives, what it pays and its balance, as sums of the flow cells."""
        from openpyxl.styles import Font

        from .perspective import HEAD, flow_label

        t, ws, lang = self.t, self.ws, self.lang
        books = self.result.views()
        for account in VIEWS:
            key = account.key
            title = HEAD["society_title"](lang) if key == SOCIETY else HEAD["title"](lang).format(party=account.label(lang))
            put_text(ws.cell(self.row, 1), title)
            ws.cell(self.row, 1).font = Font(bold=True)
            same_as = books[key].same_as
            if same_as is not None:
                put_text(ws.cell(self.row, 6), HEAD["same_as"](lang))
                ws.cell(self.row, 6).font = Font(bold=True, color="C00000")
            self.row += 1
            sides = {"receives": [], "pays": []}
            for flow in self.result.flows:
                s = sign(key, *legs(flow))
                if s:
                    sides["receives" if s > 0 else "pays"].append(flow)
            cells = {}
            for side in ("receives", "pays"):
                flows = sides[side]
                refs = [self.layout.flows[f.key] for f in flows]
                label = HEAD[f"society_{side}" if key == SOCIETY else f"total_{side}"](lang)
                if same_as is not None:
                    note = t("zie ", "see ") + SHORT[same_as](lang)
                else:
                    note = "; ".join(flow_label(f, key, lang) for f in flows) or t("niets", "nothing")
                cells[side] = self.formula_row(f"{key}_{side}", "  " + label, f"SUM({','.join(refs)})" if refs else "0",
                                               EURO_CENTS, note=note)
            whose = t("maatschappij", "society") if key == SOCIETY else SHORT[key](lang)
            cells["balance"] = self.formula_row(f"{key}_balance", HEAD["balance"](lang).format(party=whose),
                                                f"{cells['receives']}-{cells['pays']}", EURO_CENTS, bold=True,
                                                note=t("zie ", "see ") + SHORT[same_as](lang) if same_as is not None else "")
            apart = [f for f in self.result.flows if f.apart] if key == SOCIETY else []
            if apart:
                # what is shown apart (the wider benefits of work): beside society's balance, not in it
                refs = [self.layout.flows[f.key] for f in apart]
                cells["with_apart"] = self.formula_row(f"{key}_with_apart", HEAD["with_apart"](lang),
                                                       f"{cells['balance']}+{'+'.join(refs)}", EURO_CENTS, bold=True,
                                                       note="; ".join(f"{f.label(lang)} ({HEAD['apart'](lang)})" for f in apart))
            self.layout.parties[key] = cells
        put_text(ws.cell(self.row, 1), HEAD["rule"](lang))
        ws.cell(self.row, 1).font = Font(italic=True, color="666666")
        self.row += 1

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


def thousands(cell: str, sep: str) -> str:
    """A whole non-negative number as text with a thousands separator, without TEXT() (whose format is locale-bound)."""
    return (f'IF({cell}>=1000000,INT({cell}/1000000)&"{sep}"&RIGHT("00"&INT(MOD({cell},1000000)/1000),3)&"{sep}"&RIGHT("00"&MOD({cell},1000),3),'
            f'IF({cell}>=1000,INT({cell}/1000)&"{sep}"&RIGHT("00"&MOD({cell},1000),3),{cell}&""))')


def verdict_formula(deficit: str, lang: str) -> str:
    """Same words as labels.verdict: 'sluitend' or 'tekort van € 5.698' (balance to the euro, half-up)."""
    if lang == "en":
        return f'IF({deficit}<=0,"breaks even","deficit of € "&{thousands(deficit, ",")})'
    return f'IF({deficit}<=0,"sluitend","tekort van € "&{thousands(deficit, ".")})'
