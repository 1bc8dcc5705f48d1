"""The caseload workbook (issue 12): a summary per year, per municipality, per employer model,
the targets, every placement per year, the parameters with their sources, and notes.

Per-placement amounts are the vectorised engine's (analysis/caseload.py); every total, the
summary's figures, the target differences and the budget claims are formulas over them, with
cached values (excel_values.py) so previewers show the numbers too.
"""
from __future__ import annotations

from pathlib import Path

from ..analysis.caseload import CaseloadResult, Totals
from ..core.parameters import ParameterBook
from ..core.text import Text
from .caseload_layout import BY, NOTE, TARGET_NOTE, group_label
from .excel_cells import EURO, TOTAL_FILL, fill, header_row, put_text, quote_sheet
from .excel_sheets import fit_columns

SUMMARY, MUNICIPALITIES, EMPLOYERS, TARGETS = "Samenvatting", "Per gemeente", "Per werkgeversmodel", "Taakstelling"
PLACEMENTS, SOURCES, NOTES = "Per plaatsing", "Parameters en bronnen", "Toelichting"
FIGURES = (  # (key, label, format) of the group and summary tables
    ("places", Text("Plekken", "Places"), "0"),
    ("place_years", Text("Plekjaren", "Place-years"), "0.00"),
    ("fte", Text("fte", "FTE"), "0.00"),
    ("benefits", Text("Baten", "Benefits"), EURO),
    ("costs", Text("Kosten", "Costs"), EURO),
    ("balance", Text("Saldo werkgever", "Employer balance"), EURO),
    ("received", Text("Rijksmiddelen", "National funding"), EURO),
    ("paid", Text("Uitgaven gemeente", "Municipal outlays"), EURO),
    ("municipal_net", Text("Saldo gemeente", "Municipal balance"), EURO),
)
SHEET_TITLES = {
    "nl": {SUMMARY: SUMMARY, MUNICIPALITIES: MUNICIPALITIES, EMPLOYERS: EMPLOYERS, TARGETS: TARGETS, PLACEMENTS: PLACEMENTS,
           SOURCES: SOURCES, NOTES: NOTES},
    "en": {SUMMARY: "Summary", MUNICIPALITIES: "By municipality", EMPLOYERS: "By employer model", TARGETS: "Targets",
           PLACEMENTS: "By placement", SOURCES: "Parameters and sources", NOTES: "Notes"},
}


def write(path, result: CaseloadResult, book: ParameterBook, lang: str = "nl", force: bool = False, receipt=None,
          by: str = "municipality") -> Path:
    from .excel_values import save_with_values
    from .safewrite import check_target, write_atomic

    check_target(Path(path), force)
    return write_atomic(path, save_with_values(build(result, book, lang, receipt)), force=force)


def _value(t: Totals, key: str):
    if key in ("places",):
        return t.places
    if key in ("place_years", "fte"):
        return float(getattr(t, key))
    return float(t.money[key])


def _title(ws, text: str, note: str | None = None) -> int:
    from openpyxl.styles import Font

    put_text(ws.cell(1, 1), text)
    ws.cell(1, 1).font = Font(bold=True, size=14)
    if note:
        put_text(ws.cell(2, 1), note)
        ws.cell(2, 1).font = Font(italic=True, color="666666")
    return 4


def _group_sheet(ws, result: CaseloadResult, by: str, lang: str) -> dict[int, tuple[int, int]]:
    """Per year a block of group rows and a total row of SUM formulas; returns year -> (total row, first row)."""
    from openpyxl.styles import Font

    groups = result.by_municipality if by == "municipality" else result.by_employer
    row = _title(ws, Text(f"Per {BY[by].nl.lower()} per jaar", f"By {BY[by].en.lower()} per year")(lang), NOTE(lang))
    header_row(ws, row, [Text("Jaar", "Year")(lang), BY[by](lang)] + [label(lang) for _, label, _ in FIGURES])
    ws.column_dimensions["A"].width = 8
    ws.column_dimensions["B"].width = 28
    header_at = row
    row += 1
    totals_at = {}
    for totals in result.by_year:
        first = row
        for t in (t for t in groups if t.year == totals.year):
            ws.cell(row, 1).value = t.year
            put_text(ws.cell(row, 2), group_label(t.group, by, lang))
            for j, (key, _, fmt) in enumerate(FIGURES, 3):
                ws.cell(row, j).value = _value(t, key)
                ws.cell(row, j).number_format = fmt
            row += 1
        ws.cell(row, 1).value = totals.year
        put_text(ws.cell(row, 2), Text(f"Totaal {totals.year}", f"Total {totals.year}")(lang))
        for j, (_, _, fmt) in enumerate(FIGURES, 3):
            letter = ws.cell(row, j).column_letter
            cell = ws.cell(row, j)
            cell.value = f"=SUM({letter}{first}:{letter}{row - 1})"
            cell.number_format = fmt
        for j in range(1, 3 + len(FIGURES)):
            ws.cell(row, j).font = Font(bold=True)
            ws.cell(row, j).fill = fill(TOTAL_FILL)
        totals_at[totals.year] = (row, first)
        row += 2
    fit_columns(ws, [header_at], first=3, least=14)
    ws.freeze_panes = "C5"
    return totals_at


def _summary(ws, result: CaseloadResult, totals_at: dict, municipalities: str, lang: str, receipt) -> None:
    from openpyxl.styles import Font

    scenario = result.scenario
    put_text(ws.cell(1, 1), scenario.name)
    ws.cell(1, 1).font = Font(bold=True, size=14)
    put_text(ws.cell(2, 1), receipt.line(lang))
    ws.cell(2, 1).font = Font(italic=True, color="666666")
    put_text(ws.cell(3, 1), scenario.description or "")
    caseload = scenario.caseload
    put_text(ws.cell(4, 1), Text(f"{len(caseload)} plaatsingen uit {caseload.file}", f"{len(caseload)} placements from {caseload.file}")(lang))
    row = 6
    header_row(ws, row, [Text("Jaar", "Year")(lang)] + [label(lang) for _, label, _ in FIGURES])
    ws.column_dimensions["A"].width = 12
    header_at = row
    for totals in result.by_year:
        row += 1
        ws.cell(row, 1).value = totals.year
        source_row, _ = totals_at[totals.year]
        for j, (_, _, fmt) in enumerate(FIGURES, 2):
            letter = ws.cell(row, j + 1).column_letter          # the group sheet has one more column (the group)
            ws.cell(row, j).value = f"={quote_sheet(municipalities)}!{letter}{source_row}"
            ws.cell(row, j).number_format = fmt
    fit_columns(ws, [header_at], first=2, last=1 + len(FIGURES), least=14)
    row += 2
    put_text(ws.cell(row, 1), NOTE(lang))
    ws.cell(row, 1).font = Font(italic=True, color="666666")
    if result.warnings:
        row += 2
        put_text(ws.cell(row, 1), Text("Waarschuwingen", "Warnings")(lang))
        ws.cell(row, 1).font = Font(bold=True)
        for i, warning in enumerate(result.warnings, 1):
            row += 1
            put_text(ws.cell(row, 1), f"{i}. {warning(lang)}")


def _targets(ws, result: CaseloadResult, book: ParameterBook, lang: str) -> None:
    row = _title(ws, Text("Taakstelling en gerealiseerde plekken (notitie §6.1, eindnoot i)",
                          "Target and realised places (note §6.1, endnote i)")(lang), TARGET_NOTE(lang))
    titles = [Text("Jaar", "Year"), Text("Gemeente", "Municipality"), Text("Taakstelling", "Target"), Text("Gerealiseerd", "Realised"),
              Text("Verschil", "Difference"), Text("Plekjaren", "Place-years"),
              Text("Beslag participatiebudget", "Claim on participation budget"), Text("Beslag BUIG", "Claim on BUIG")]
    header_row(ws, row, [t(lang) for t in titles])
    header_at = row
    for j, width in enumerate((8, 24, 14, 14, 12, 12, 18, 18), 1):
        ws.column_dimensions[ws.cell(row, j).column_letter].width = width
    for target in result.targets:
        row += 1
        ws.cell(row, 1).value = target.year
        put_text(ws.cell(row, 2), target.municipality if target.municipality is not None else Text("Totaal", "Total")(lang))
        ws.cell(row, 3).value = target.target
        ws.cell(row, 4).value = target.places
        ws.cell(row, 5).value = f"=D{row}-C{row}" if target.target is not None else None
        ws.cell(row, 6).value = float(target.place_years)
        ws.cell(row, 6).number_format = "0.00"
        ws.cell(row, 7).value = float(target.participation_budget)
        ws.cell(row, 8).value = float(target.buig)
        for j in (7, 8):
            ws.cell(row, j).number_format = EURO
    fit_columns(ws, [header_at], first=3, least=12)
    ws.freeze_panes = "C5"


def _placements(ws, result: CaseloadResult, lang: str) -> None:
    caseload = result.scenario.caseload
    row = _title(ws, Text("Elke plaatsing per jaar (berekend met dezelfde regels als één plek, naar rato van de maanden)",
                          "Every placement per year (computed by the same rules as one place, pro rata by months)")(lang))
    keys = [(key, side, label) for key, side, label in result.line_specs]
    titles = ([Text("Id", "Id"), Text("Gemeente", "Municipality"), Text("Werkgeversmodel", "Employer model"), Text("Jaar", "Year"),
               Text("Maanden", "Months")] + [label for _, _, label in keys]
              + [Text("Saldo werkgever", "Employer balance"), Text("Saldo gemeente", "Municipal balance")])
    header_row(ws, row, [t(lang) for t in titles])
    for j in range(1, len(titles) + 1):
        ws.column_dimensions[ws.cell(row, j).column_letter].width = 14 if j > 5 else (18 if j in (2, 3) else 10)
    fit_columns(ws, [row], first=6, least=14, texts=False)
    labels = {g: group_label(group.employer_model, "employer_model", lang) for g, group in enumerate(caseload.groups)}
    for block in result.blocks:
        columns = [block.lines.get(key) for key, _, _ in keys]
        for i, r in enumerate(block.rows):
            row += 1
            put_text(ws.cell(row, 1), caseload.ids[r])
            put_text(ws.cell(row, 2), caseload.municipality[r])
            put_text(ws.cell(row, 3), labels[int(caseload.group[r])])
            ws.cell(row, 4).value = block.year
            ws.cell(row, 5).value = int(block.months[i])
            for j, values in enumerate(columns, 6):
                cell = ws.cell(row, j)
                cell.value = float(values[i]) if values is not None else 0.0
                cell.number_format = EURO
            for j, key in ((6 + len(columns), "balance"), (7 + len(columns), "municipal_net")):
                ws.cell(row, j).value = float(block.money[key][i])
                ws.cell(row, j).number_format = EURO
    ws.freeze_panes = "B5"
    ws.auto_filter.ref = f"A4:{ws.cell(4, len(titles)).column_letter}{max(row, 4)}"


def _notes(ws, result: CaseloadResult, lang: str) -> None:
    from openpyxl.styles import Alignment

    from .excel_sheets import NOTES_WIDTH, row_height

    ws.column_dimensions["A"].width = NOTES_WIDTH
    texts = [
        Text("Hoe deze werkmap is berekend", "How this workbook was computed")(lang),
        Text("Elke plaatsing telt van haar startmaand tot en met haar eindmaand. Per jaar rekent beschut-calc de posten met de "
             "regels en parameters van dat jaar, naar rato van de maanden: loon en loonkostensubsidie per maand met dienstverband, "
             "subsidies en LIV-uren naar het deel van het jaar met dienstverband, loonwaarde, begeleiding en rijksmiddelen naar de "
             "maanden van de plek. Eenmalige bedragen (bonus, voortraject, loonwaardemeting) vallen in het eerste jaar van de plek.",
             "Each placement counts from its start month to its end month. For each year beschut-calc computes the lines with that "
             "year's rules and parameters, pro rata by months: wage and wage subsidy per month with a contract, subsidies and LIV hours "
             "by the share of the year with a contract, wage value, guidance and national funding by the months of the placement. "
             "One-off amounts (bonus, pre-trajectory, wage-value measurement) fall in the placement's first year.")(lang),
        Text("De totalen op de bladen per gemeente, per werkgeversmodel en op de samenvatting zijn formules over de rijen; de "
             "bedragen per plaatsing komen uit de rekenkern. Het caseloadbestand bevat pseudoniemen, geen BSN.",
             "The totals on the sheets per municipality, per employer model and on the summary are formulas over the rows; the "
             "amounts per placement come from the engine. The caseload file holds pseudonyms, no BSN.")(lang),
    ]
    texts += [f"{i}. {w(lang)}" for i, w in enumerate(result.warnings, 1)]
    for row, text in enumerate(texts, 1):
        put_text(ws.cell(row, 1), text)
        ws.cell(row, 1).alignment = Alignment(wrap_text=True, vertical="top")
        ws.row_dimensions[row].height = row_height(text, NOTES_WIDTH)


def add_sheets(wb, result: CaseloadResult, book: ParameterBook, lang: str, receipt, summary=None, prefix: str = "") -> None:
    """The caseload's sheets in `wb`; `summary` is the sheet to use for its summary (a new one if None).
    `prefix` keeps the names apart from an ordinary scenario's sheets in a combined workbook."""
    names = {}
    for key, title in SHEET_TITLES[lang].items():
        name, n = (prefix + title)[:31], 1
        while name in wb.sheetnames:          # a column sheet may already carry the name
            n += 1
            name = f"{(prefix + title)[:27]} ({n})"
        names[key] = name
    if summary is None:
        summary = wb.create_sheet(names[SUMMARY])
    else:
        summary.title = names[SUMMARY]
    municipalities = wb.create_sheet(names[MUNICIPALITIES])
    totals_at = _group_sheet(municipalities, result, "municipality", lang)
    _group_sheet(wb.create_sheet(names[EMPLOYERS]), result, "employer_model", lang)
    _summary(summary, result, totals_at, municipalities.title, lang, receipt)
    if result.targets:
        _targets(wb.create_sheet(names[TARGETS]), result, book, lang)
    _placements(wb.create_sheet(names[PLACEMENTS]), result, lang)
    if not prefix:        # a combined workbook has its own parameters and notes sheets
        from .excel_sheets import parameter_sheet

        parameter_sheet(wb.create_sheet(names[SOURCES]), list(result.params), [list(w) for w in result.params_used_in], book, lang)
        _notes(wb.create_sheet(names[NOTES]), result, lang)


def build(result: CaseloadResult, book: ParameterBook, lang: str = "nl", receipt=None):
    from openpyxl import Workbook
    from openpyxl.workbook.properties import CalcProperties

    from .. import __version__
    from ..core.receipt import receipt as make_receipt
    from .excel_sheets import print_setup

    receipt = receipt or make_receipt(book, __version__)
    wb = Workbook()
    add_sheets(wb, result, book, lang, receipt, summary=wb.active)
    wb.properties.description = receipt.line(lang)
    wb.calculation = CalcProperties(fullCalcOnLoad=True)
    print_setup(wb)
    return wb
