"""The Excel workbook for council memos: `beschut-calc FILE --excel memo.xlsx`.

Sheets (Dutch names, whatever --lang says, so memos can refer to them):
- Samenvatting: the terminal's side-by-side table, every amount a reference to a column
  sheet's formula, plus a native stacked bar chart of benefits and costs per column;
- one sheet per column (report/excel_column.py): inputs, parameters, live formulas;
- Parameters en bronnen: every parameter value used, with date, source and flag;
- Toelichting: method, warnings and, for Zaanstreek-Waterland, the table's inconsistencies;
- Gevoeligheid / Meerjarig: the sweep and the projection (typed analysis results), when asked for.

openpyxl is imported here only, inside functions: a plain table run never loads it.
The file is written atomically and never over an existing file without --force (safewrite).
"""
from __future__ import annotations

import dataclasses
import re
from decimal import Decimal
from pathlib import Path

from ..core.engine import Result, calculate
from ..core.parameters import ParameterBook, ParamValue
from ..core.text import Text, euro, number, percent, plain
from .excel_cells import EURO, HEADER_FILL, NUMBER, PERCENT, TOTAL_FILL, fill, put_text, put_value, quote_sheet
from .excel_column import ColumnLayout, ColumnSheet
from .excel_sheets import NOTES_WIDTH, SUMMARY, fit_columns, parameter_sheet, print_setup, row_height
from .labels import HEADINGS, line_label
from .layout import difference_label, label_of, numbered_warnings, row_keys

SOURCES = "Parameters en bronnen"
NOTES = "Toelichting"
SWEEP = "Gevoeligheid"
YEARS = "Meerjarig"
UNCERTAINTY = "Onzekerheid"
CHART_DATA = "Grafiekgegevens"
RESERVED = {SUMMARY, SOURCES, NOTES, SWEEP, YEARS, UNCERTAINTY, CHART_DATA, "History"}
ZW_SET = "zaanstreek-waterland-2017"


def write(path: str | Path, runs: list, book: ParameterBook, analyses=None, lang: str = "nl",
          force: bool = False, receipt=None, caseload=None) -> Path:
    """Build the workbook for `runs` [(Scenario, [Result])] and write it safely to `path`."""
    from .safewrite import check_target, write_atomic

    check_target(Path(path), force)      # refuse early, before any work
    from .excel_values import save_with_values

    wb, _ = build(runs, book, analyses, lang, receipt, caseload)
    return write_atomic(path, save_with_values(wb), force=force)


def build(runs: list, book: ParameterBook, analyses=None, lang: str = "nl", receipt=None, caseload=None):
    """The workbook and, per column (in order), its ColumnLayout (cell addresses, for tests and tools)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.workbook.properties import CalcProperties

    from .. import __version__
    from ..core.receipt import receipt as make_receipt

    receipt = receipt or make_receipt(book, __version__)
    wb = Workbook()
    summary = wb.active
    summary.title = SUMMARY
    layouts: list[ColumnLayout] = []
    names = set(RESERVED)
    for scenario, results in runs:
        title = f"{scenario.name} ({scenario.file})"
        for result in results:
            ws = wb.create_sheet(sheet_name(result.placement.name, names))
            layouts.append(ColumnSheet(ws, result, book, lang, title).build())
    flat_results = [r for _, rs in runs for r in rs]
    # The analyses' typed results per column (analysis/hooks.py), None where none ran.
    flat_analyses = analyses.flat() if analyses is not None else [None] * len(flat_results)
    _summary(summary, runs, layouts, flat_analyses, lang)
    # The receipt: which tool and parameter data made these figures (also in the file's properties).
    put_text(summary.cell(2, 1), receipt.line(lang))
    summary.cell(2, 1).font = Font(italic=True, color="666666")
    wb.properties.description = receipt.line(lang)
    _sources(wb.create_sheet(SOURCES), flat_results, layouts, book, lang)
    _notes(wb.create_sheet(NOTES, 1), runs, book, lang)
    from .excel_extras import add_sweep_sheet, add_uncertainty_sheet, add_years_sheet

    add_sweep_sheet(wb, SWEEP, flat_results, flat_analyses, lang)
    add_years_sheet(wb, YEARS, flat_results, flat_analyses, lang)
    add_uncertainty_sheet(wb, UNCERTAINTY, flat_results, flat_analyses, lang)
    if caseload is not None:
        # A caseload run beside ordinary scenarios: its sheets follow, named apart.
        from .excel_caseload import add_sheets

        add_sheets(wb, caseload, book, lang, receipt, prefix="Caseload ")
    # Cached values are written beside the formulas (excel_values.py) for previewers; a spreadsheet
    # still recomputes every formula on opening, so an edited input never shows a stale figure.
    wb.calculation = CalcProperties(fullCalcOnLoad=True)
    print_setup(wb)
    wb.active = 0
    return wb, layouts


def sheet_name(name: str, taken: set[str]) -> str:
    """A valid, unique sheet title from a column name (31 characters, none of []:*?/\\)."""
    base = re.sub(r"[\[\]:*?/\\\x00-\x1f\x7f]", " ", str(name)).strip().strip("'").strip() or "Kolom"
    base = base[:31]
    candidate, n = base, 2
    while candidate.lower() in {t.lower() for t in taken}:
        suffix = f" ({n})"
        candidate = base[:31 - len(suffix)] + suffix
        n += 1
    taken.add(candidate)
    return candidate


def ref(layout: ColumnLayout, address: str) -> str:
    return f"={quote_sheet(layout.sheet)}!{address}"


# ---------------------------------------------------------------- Samenvatting

def _t(lang: str, nl: str, en: str) -> str:
    return en if lang == "en" else nl


def _summary(ws, runs, layouts: list[ColumnLayout], analyses: list, lang: str) -> None:
    from openpyxl.styles import Alignment, Font

    bold = Font(bold=True)
    ws.column_dimensions["A"].width = 44
    put_text(ws.cell(1, 1), _t(lang, "Businesscase beschut werk", "Business case of sheltered work"))
    ws.cell(1, 1).font = Font(bold=True, size=14)
    row = 3
    first_header = None
    header_rows = []
    index = 0
    chart_rows = []       # (category label, {key: cell ref}) for the chart data
    for scenario, results in runs:
        block = layouts[index:index + len(results)]
        breakevens = [a.breakeven if a is not None else None for a in analyses[index:index + len(results)]]
        index += len(results)
        put_text(ws.cell(row, 1), f"{scenario.name}  ({scenario.file})")
        ws.cell(row, 1).font = Font(bold=True, size=12)
        row += 1
        put_text(ws.cell(row, 1), HEADINGS["line"](lang))
        for j, result in enumerate(results, 2):
            put_text(ws.cell(row, j), result.placement.name)
            ws.cell(row, j).alignment = Alignment(horizontal="right")
        for j in range(1, len(results) + 2):
            ws.cell(row, j).font = bold
            ws.cell(row, j).fill = fill(HEADER_FILL)
        first_header = first_header or row
        header_rows.append(row)
        row += 1
        # Inputs: hours and wage value follow the column sheets' input cells.
        input_rows = (
            (Text("Jaar", "Year"), lambda r, lay: (r.placement.year, "0")),
            (Text("Methode", "Method"), lambda r, lay: ({"memo": Text("memo (notitie)", "memo (note)"),
                                                         "statutory": Text("wettelijk", "statutory")}[r.placement.method](lang), None)),
            (Text("Uren per week", "Hours a week"), lambda r, lay: (ref(lay, lay.hours), NUMBER)),
            (Text("Loonwaarde", "Wage value"), lambda r, lay: (ref(lay, lay.wage_value), PERCENT)),
            (Text("Werkgever", "Employer"), lambda r, lay: (r.placement.employer.label(lang), None)),
            (Text("Subsidieset", "Subsidy set"), lambda r, lay: (r.placement.subsidy_set.name, None)),
        )
        for label, getter in input_rows:
            put_text(ws.cell(row, 1), label(lang))
            ws.cell(row, 1).font = Font(color="666666")
            for j, (result, lay) in enumerate(zip(results, block), 2):
                value, fmt = getter(result, lay)
                cell = ws.cell(row, j)
                put_value(cell, value, fmt)
                cell.alignment = Alignment(horizontal="right")
                cell.font = Font(color="666666")
            row += 1
        for side, heading, total_key, attr in (("benefit", "benefits", "total_benefits", "benefits"),
                                               ("cost", "costs", "total_costs", "costs")):
            put_text(ws.cell(row, 1), HEADINGS[heading](lang))
            ws.cell(row, 1).font = bold
            row += 1
            for key in row_keys(results, side):
                put_text(ws.cell(row, 1), "  " + label_of(results, key, lang))
                for j, (result, lay) in enumerate(zip(results, block), 2):
                    cell = ws.cell(row, j)
                    if key in lay.lines:
                        cell.value = ref(lay, lay.lines[key])
                        cell.number_format = EURO
                    else:
                        put_text(cell, "-")
                        cell.alignment = Alignment(horizontal="right")
                row += 1
            put_text(ws.cell(row, 1), HEADINGS[total_key](lang))
            for j, lay in enumerate(block, 2):
                ws.cell(row, j).value = ref(lay, getattr(lay, attr))
                ws.cell(row, j).number_format = EURO
            for j in range(1, len(results) + 2):
                ws.cell(row, j).font = bold
                ws.cell(row, j).fill = fill(TOTAL_FILL)
            row += 1
        put_text(ws.cell(row, 1), HEADINGS["balance"](lang))
        balance_row = row
        for j, lay in enumerate(block, 2):
            ws.cell(row, j).value = ref(lay, lay.balance)
            ws.cell(row, j).number_format = EURO
        for j in range(1, len(results) + 2):
            ws.cell(row, j).font = bold
        _colour_balance(ws, row, len(results))
        row += 1
        put_text(ws.cell(row, 1), HEADINGS["verdict"](lang))
        for j, lay in enumerate(block, 2):
            ws.cell(row, j).value = ref(lay, lay.verdict)
            ws.cell(row, j).alignment = Alignment(horizontal="right")
        row += 1
        if "compare" in getattr(scenario, "extra", {}) and len(results) > 1:
            put_text(ws.cell(row, 1), difference_label(results[0], lang))
            for j in range(3, len(results) + 2):
                col = ws.cell(balance_row, j).column_letter
                ws.cell(row, j).value = f"={col}{balance_row}-B{balance_row}"
                ws.cell(row, j).number_format = EURO
            row += 1
        if any(b is not None for b in breakevens):
            put_text(ws.cell(row, 1), _t(lang, "Break-even", "Break-even"))
            for j, found in enumerate(breakevens, 2):
                put_text(ws.cell(row, j), _breakeven_text(found, lang))
                ws.cell(row, j).alignment = Alignment(horizontal="right")
            row += 1
        put_text(ws.cell(row, 1), HEADINGS["per_year"](lang))
        ws.cell(row, 1).font = Font(italic=True, color="666666")
        row += 1
        row = _warnings(ws, row, results, lang)
        row += 1
        for result, lay in zip(results, block):
            for side, word in (("benefit", _t(lang, "baten", "benefits")), ("cost", _t(lang, "kosten", "costs"))):
                chart_rows.append((f"{result.placement.name} {word}",
                                   {l.key: ref(lay, lay.lines[l.key]) for l in result.lines if l.side == side}))
    # Each column as wide as its longest header word and text ('Gemeente (eigen dienst)' wraps, never cut off).
    if header_rows:
        fit_columns(ws, header_rows, first=2, last=1 + max((len(rs) for _, rs in runs), default=0), least=14, most=30)
    if first_header:
        ws.freeze_panes = ws.cell(first_header + 1, 2)
    # The chart's helper data on a sheet of its own, so the summary prints as a table and a chart.
    _chart(ws, ws.parent.create_sheet(CHART_DATA), chart_rows, [r for _, rs in runs for r in rs], lang)
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False


def _colour_balance(ws, row: int, n: int) -> None:
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import Font

    if n < 1:
        return
    area = f"B{row}:{ws.cell(row, n + 1).column_letter}{row}"
    # Red for a deficit (rounded to the euro, as the verdict), green otherwise.
    ws.conditional_formatting.add(area, CellIsRule(operator="lessThan", formula=["-0.5"], font=Font(bold=True, color="C00000")))
    ws.conditional_formatting.add(area, CellIsRule(operator="greaterThanOrEqual", formula=["-0.5"], font=Font(bold=True, color="00803C")))


def _warnings(ws, row: int, results: list[Result], lang: str) -> int:
    from openpyxl.styles import Alignment, Font

    lines = numbered_warnings(results, lang)
    if not lines:
        return row
    put_text(ws.cell(row, 1), HEADINGS["warnings"](lang))
    ws.cell(row, 1).font = Font(bold=True)
    row += 1
    for text in lines:
        put_text(ws.cell(row, 1), text)
        ws.cell(row, 1).alignment = Alignment(wrap_text=False)
        row += 1
    return row


def _breakeven_text(found, lang: str) -> str:
    """'guidance_cost_fulltime = 12.607,24', or why there is none (analysis/breakeven.py BreakEven)."""
    if found is None:
        return ""
    if found.value is None:
        return f"{found.parameter}: " + (found.reason(lang) if found.reason else _t(lang, "geen break-even", "no break-even"))
    decimals = found.to_json(lang)["value"]
    return f"{found.parameter} = {plain(Decimal(str(decimals)), lang)}"


def _chart(ws, data, chart_rows, results: list[Result], lang: str) -> None:
    """Stacked bars on `ws`: per column one bar of benefits and one of costs, each split by line;
    the series refer to the cells of the sheet `data`, which refer to the column sheets."""
    from openpyxl.chart import BarChart, Reference
    from openpyxl.styles import Font

    if not chart_rows:
        return
    keys: list[str] = []
    labels: dict[str, str] = {}
    for result in results:
        for line in result.lines:
            if line.key not in keys:
                keys.append(line.key)
                labels[line.key] = line_label(line, lang)
    put_text(data.cell(1, 1), _t(lang, "Grafiekgegevens (verwijzingen naar de kolombladen)", "Chart data (references to the column sheets)"))
    data.cell(1, 1).font = Font(bold=True)
    head = 2
    for j, key in enumerate(keys, 2):
        put_text(data.cell(head, j), labels[key])
    for i, (category, cells) in enumerate(chart_rows, head + 1):
        put_text(data.cell(i, 1), category)
        for j, key in enumerate(keys, 2):
            cell = data.cell(i, j)
            cell.value = cells.get(key, 0)
            cell.number_format = EURO
    data.column_dimensions["A"].width = 40
    last = head + len(chart_rows)
    chart = BarChart()
    chart.type = "col"
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.title = _t(lang, "Baten en kosten per plek per jaar", "Benefits and costs per placement per year")
    chart.y_axis.title = _t(lang, "euro per jaar", "euro a year")
    chart.y_axis.numFmt = EURO
    chart.y_axis.majorGridlines = None
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.add_data(Reference(data, min_col=2, max_col=1 + len(keys), min_row=head, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(data, min_col=1, min_row=head + 1, max_row=last))
    chart.height = 9 + len(chart_rows) * 0.3
    chart.width = max(18, 4 * len(chart_rows))
    # Beside the table: the widest block has len(results) columns at most.
    ws.add_chart(chart, f"{ws.cell(3, len(results) + 3).column_letter}3")


# ---------------------------------------------------------------- Parameters en bronnen

def _sources(ws, results: list[Result], layouts: list[ColumnLayout], book: ParameterBook, lang: str) -> None:
    used: list[ParamValue] = []
    where: list[list[str]] = []
    for result, layout in zip(results, layouts):
        for pv in list(layout.params) + list(result.parameters):
            if pv not in used:
                used.append(pv)
                where.append([])
            columns = where[used.index(pv)]
            if result.placement.name not in columns:
                columns.append(result.placement.name)
    parameter_sheet(ws, used, where, book, lang)


# ---------------------------------------------------------------- Toelichting

# The name of each method; what it computes is rendered from its rules (method_text), never written here.
METHOD_NAMES = {
    "memo": Text("Memomethode (zoals hoofdstuk 6 van de notitie Nieuw beschut werk, Zaanstreek-Waterland 2017): de bedragen "
                 "voor een plek van 31 uur uit de invoer van de notitie, geschaald met uren/31",
                 "Memo method (as chapter 6 of the note Nieuw beschut werk, Zaanstreek-Waterland 2017): amounts for a 31-hour "
                 "place from the note's inputs, scaled by hours/31"),
    "statutory": Text("Wettelijke methode: elke post uit de wettelijke parameters van het jaar",
                      "Statutory method: every line from the year's legal parameters"),
}


def _title(name: str):
    """A parameter's title on the workbook's parameter sheet, for a value its rule did not label."""
    from . import excel_sheets

    declared = getattr(excel_sheets, "declared_title", None)
    return declared(name) if declared is not None else getattr(excel_sheets, "PARAM_LABELS", {}).get(name)


def method_text(result: Result, book: ParameterBook, lang: str) -> list[str]:
    """The method of a column in words, rendered from its bound rules (core/words.method_words): each
    line's rule, the named steps, and the notes declared on the rules with the column's values."""
    from ..core.engine import bind_column, fill_note, inputs_of_placement, note_values
    from ..core.words import method_words

    column = bind_column(result.placement, book)
    inputs = inputs_of_placement(result.placement)
    values = note_values(column, inputs)
    lines = [(bl.spec.label, bl.tree) for bl in column.lines]
    words = method_words(lines, lambda note: fill_note(note, note.summary, values, inputs, {}), lang, _title)
    return [f"{METHOD_NAMES[result.placement.method](lang)} (" + (f"regels van {result.placement.year}, {result.placement.name}"
            if lang == "nl" else f"rules of {result.placement.year}, {result.placement.name}") + ")."] + words


def _notes(ws, runs, book: ParameterBook, lang: str) -> None:
    from openpyxl.styles import Alignment, Font

    ws.column_dimensions["A"].width = NOTES_WIDTH
    wrap = Alignment(wrap_text=True, vertical="top")
    row = 1

    def line(text: str, bold: bool = False, size: int | None = None):
        nonlocal row
        cell = ws.cell(row, 1)
        put_text(cell, text)
        cell.alignment = wrap
        if bold or size:
            cell.font = Font(bold=bold, size=size or 11)
        # Excel does not grow a row for wrapped text it did not lay out itself: give each row the
        # height of its wrapped lines, so no text is cut off or runs into the next row.
        ws.row_dimensions[row].height = row_height(text, NOTES_WIDTH, size or 11)
        row += 1

    results = [r for _, rs in runs for r in rs]
    line(_t(lang, "Toelichting bij deze werkmap", "Notes on this workbook"), True, 14)
    line(_t(lang, "Gemaakt met beschut-calc. Elk kolomblad bevat de invoer (gele cellen), alle parameters met bron en elke post als "
                  "formule; de Samenvatting verwijst naar die formules. Wijzig uren of loonwaarde op een kolomblad en de Samenvatting "
                  "en de grafiek rekenen mee. De bladen zijn beveiligd zonder wachtwoord, zodat formules niet per ongeluk worden "
                  "overschreven.",
            "Made with beschut-calc. Each column sheet holds the inputs (yellow cells), every parameter with its source and every "
            "line as a formula; the Summary refers to those formulas. Change hours or wage value on a column sheet and the Summary "
            "and the chart follow. Sheets are protected without a password so formulas are not overwritten by accident."))
    row += 1
    line(_t(lang, "Methode", "Method"), True, 12)
    for method in dict.fromkeys(r.placement.method for r in results):
        for text in method_text(next(r for r in results if r.placement.method == method), book, lang):
            line(text)
    roundings = {r.placement.rounding.name: r.placement.rounding for r in results if r.placement.rounding}
    for scheme in roundings.values():
        described = scheme.description(lang)
        lead = _t(lang, "Afronding: ", "Rounding: ")
        # the description may start with the word itself ("Afronding van de notitie: ...")
        line((described if described.lower().startswith(lead[:-2].lower()) else lead + described) + f" ({scheme.source})")
    row += 1
    line(HEADINGS["warnings"](lang), True, 12)
    warnings = numbered_warnings(results, lang)
    if not warnings:
        line(_t(lang, "Geen waarschuwingen.", "No warnings."))
    for text in warnings:
        line(text)
    yearly = [r for r in results if r.placement.method == "statutory"]
    if yearly:
        row += 1
        line(_t(lang, "Loonkostensubsidie: vastgesteld op 1 januari", "Wage-cost subsidy: set on 1 January"), True, 12)
        for text in lks_on_january_notes(yearly, book, lang):
            line(text)
    zw = [r for r in results if r.placement.subsidy_set.name == ZW_SET]
    if zw:
        row += 1
        line(_t(lang, "Twee inconsistenties in de gepubliceerde tabel (hoofdstuk 6, notitie Zaanstreek-Waterland 2017)",
                "Two inconsistencies in the published table (chapter 6, Zaanstreek-Waterland note 2017)"), True, 12)
        for text in zw_inconsistencies(zw, book, lang):
            line(text)
    ws.protection.sheet = True


def _variant(result: Result, book: ParameterBook, **flags) -> Result:
    """The same column with some of the note's choices switched (a fresh engine run, no rounding)."""
    p = result.placement
    overrides = dict(p.overrides)
    for name, value in flags.items():
        overrides[name] = ParamValue(name=name, value=value, since=None, source="Toelichting: de eigen regel van de notitie", status="override")
    return calculate(dataclasses.replace(p, overrides=overrides, rounding=None), book)


def _lks_reference_hours(book: ParameterBook) -> ParamValue:
    """The first dated value of the hours a week the LKS goes pro rata to from 2024 (Participatiewet art. 10d lid 4):
    the one parameter in hours a week that the rule's part-time factor (core/rules.LKS_PART_TIME) reads, found in
    the tree rather than named, so the note follows the rule and its parameter file."""
    from ..core.expr import Param, children
    from ..core.rules import LKS_PART_TIME

    names, stack = set(), [LKS_PART_TIME]
    while stack:
        node = stack.pop()
        if isinstance(node, Param) and node.name in book and book[node.name].unit == "hours_per_week":
            names.add(node.name)
        stack.extend(children(node))
    (name,) = names       # the rule reads exactly one: a second would make this sentence ambiguous
    return book[name].values[0]


def lks_on_january_notes(results: list[Result], book: ParameterBook, lang: str) -> list[str]:
    """Why the LKS stays on the WML of 1 January, and what following the July rise would have given."""
    reference = _lks_reference_hours(book)
    since, hours = reference.since.year, plain(reference.value, lang)
    out = [_t(lang, "Het college stelt de loonkostensubsidie met ingang van 1 januari opnieuw vast (Participatiewet art. 10d lid 7, "
                    "versie 2017-02-01): de verhoging van het minimumloon per 1 juli werkt pas het jaar daarna door in de LKS, "
                    f"terwijl loonkosten en loonwaarde haar meteen volgen. Vanaf {since} is de basis het referentiemaandloon (Wml art. 8 "
                    f"lid 1 onder b) naar rato van {hours} uur (art. 10d lid 4).",
              "The municipality sets the wage-cost subsidy anew on 1 January (Participatiewet art. 10d(7), version 2017-02-01): "
              "the July rise of the minimum wage reaches the LKS only the next year, while wage costs and wage value follow it at "
              f"once. From {since} the basis is the monthly reference amount (Wml art. 8(1)(b)) pro rata to {hours} hours (art. 10d(4)).")]
    for result in results:
        if result.placement.year < 2017:
            continue
        monthly = _variant(result, book, lks_fixed_on_january_1=False).line("wage_subsidy").amount
        now = result.line("wage_subsidy").unrounded or result.line("wage_subsidy").amount
        if monthly == now:
            continue
        out.append(_t(lang, f"{result.placement.name}: LKS {euro(now, lang, 2)}; als de LKS de verhoging per 1 juli zou volgen "
                            f"{euro(monthly, lang, 2)} (verschil {euro(now - monthly, lang, 2)}).",
                      f"{result.placement.name}: LKS {euro(now, lang, 2)}; following the July rise it would be "
                      f"{euro(monthly, lang, 2)} (difference {euro(now - monthly, lang, 2)})."))
    return out


def _table_basis(result: Result, book: ParameterBook) -> tuple[dict[str, str], dict[str, str]]:
    """The figures of chapter 6's wage value as `result`'s column looks them up, written in Dutch and in English."""
    from ..core.engine import binder_for
    from ..core.rules import FULLTIME, HOLIDAY, MONTHS, RIJK_LKS_BASIS

    lookup = binder_for(result.placement, book).lookup
    hours, share, holiday = (lookup(p).value for p in (FULLTIME, RIJK_LKS_BASIS, HOLIDAY))
    return tuple({"hours": plain(hours, lang), "share": percent(share, lang), "year": number(MONTHS * (1 + holiday), lang, 2)}
                 for lang in ("nl", "en"))


def zw_inconsistencies(results: list[Result], book: ParameterBook, lang: str) -> list[str]:
    """The two choices of chapter 6 that contradict the note's own rules, with what the rules give (engine runs)."""
    out = []
    temp_lines = []
    memo = [r for r in results if r.placement.method == "memo"]   # the published table is the memo method
    for r in memo:
        if r.placement.hours < r.placement.subsidy_set.full_hours and "temporary_subsidy" in r.placement.subsidy_set.subsidies:
            pro = _variant(r, book, temporary_subsidy_pro_rata=True).line("temporary_subsidy").amount
            if pro == r.line("temporary_subsidy").amount:
                continue
            temp_lines.append(_t(lang, f"{r.placement.name}: in deze werkmap {euro(r.line('temporary_subsidy').amount)}, naar rato {euro(pro, 'nl', 2)}",
                                 f"{r.placement.name}: in this workbook {euro(r.line('temporary_subsidy').amount, 'en')}, pro rata {euro(pro, 'en', 2)}"))
    out.append(_t(lang,
                  "1. Tijdelijke subsidie niet naar rato: de tabel houdt bij 24 uur €2.500 aan, terwijl §4.3.2 zegt dat beide subsidies "
                  "onder 31 uur naar rato gaan. Instelbaar met overrides.temporary_subsidy_pro_rata. "
                  + ("; ".join(temp_lines) if temp_lines else ""),
                  "1. Temporary subsidy not pro-rated: the table keeps €2,500 at 24 hours although §4.3.2 says both subsidies are "
                  "pro rata below 31 hours. Switch with overrides.temporary_subsidy_pro_rata. "
                  + ("; ".join(temp_lines) if temp_lines else "")))
    wv_lines = []
    for r in memo:
        if r.line("wage_value").amount:
            own = _variant(r, book, memo_wage_value_fulltime=False).line("wage_value").amount
            wv_lines.append(_t(lang, f"{r.placement.name}: in deze werkmap {euro(r.line('wage_value').amount)}, van 31 uur {euro(own, 'nl', 2)}",
                               f"{r.placement.name}: in this workbook {euro(r.line('wage_value').amount, 'en')}, of 31 hours {euro(own, 'en', 2)}"))
    # The table's figures as the column looks them up: the full-time week (employer model), the wage value the
    # national LKS figure assumes and the year's factor 12 × (1 + holiday allowance), from the parameter files.
    nl, en = _table_basis((memo or results)[0], book)
    out.append(_t(lang,
                  f"2. Loonwaarde van {nl['hours']} uur: de loonwaarde van €6.000 in de 31-uurskolom is {nl['share']} van een "
                  f"voltijdjaar van {nl['hours']} uur ({nl['share']} × WML 1 januari × {nl['year']}), niet van 31 uur; de "
                  "24-uurskolom is daar 24/31 van. Instelbaar met overrides.memo_wage_value_fulltime. "
                  + ("; ".join(wv_lines) if wv_lines else ""),
                  f"2. Wage value of {en['hours']} hours: the €6,000 wage value in the 31-hour column is {en['share']} of a "
                  f"{en['hours']}-hour full-time year ({en['share']} × WML of 1 January × {en['year']}), not of 31 hours; the "
                  "24-hour column is 24/31 of it. Switch with overrides.memo_wage_value_fulltime. "
                  + ("; ".join(wv_lines) if wv_lines else "")))
    out.append(_t(lang, "De wettelijke methode (scenario ...-herberekend.yaml) rekent beide volgens de eigen regels van de notitie.",
                  "The statutory method (scenario ...-herberekend.yaml) computes both by the note's own rules."))
    return out
