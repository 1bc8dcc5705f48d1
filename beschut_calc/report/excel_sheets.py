"""Sheets and helpers both workbooks share: the column workbook (excel.py) and the caseload
workbook (excel_caseload.py). Here so that neither imports the other for them."""
from __future__ import annotations

from decimal import Decimal

from ..core.parameters import ParameterBook, ParamValue
from ..inputs.declared import title as declared_title
from ..core.text import euro, plain
from .excel_cells import EURO_CENTS, HEADER_FILL, NUMBER, fill, flag_text, number_value, put_text, put_value, status_text

SUMMARY = "Samenvatting"


def _t(lang: str, nl: str, en: str) -> str:
    return en if lang == "en" else nl


def print_setup(wb) -> None:
    """A4 landscape, one page wide, the first row on every page; the summary (table and chart) on one page."""
    from openpyxl.worksheet.page import PageMargins

    for ws in wb.worksheets:
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 1 if ws.title == SUMMARY else 0
        ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.5, bottom=0.5)
        ws.print_options.gridLines = False
        if ws.title != SUMMARY and ws.max_row > 1:
            ws.print_title_rows = "1:1"


def _param_value(pv: ParamValue, lang: str):
    """(cell value, number format) for the sources sheet."""
    value = pv.value
    if isinstance(value, bool):
        return (_t(lang, "ja", "yes") if value else _t(lang, "nee", "no")), None
    if value is None:
        return _t(lang, "geen", "none"), None
    if isinstance(value, Decimal):
        unit = getattr(pv, "unit", "") or ""
        if unit == "fraction" or (value < 1 and value > 0 and pv.name not in ("payroll_markup",)):
            return number_value(value), "0.0##%"
        if unit.startswith("euro"):
            return number_value(value), EURO_CENTS
        return number_value(value), NUMBER
    if isinstance(value, dict) and "bands" in value:
        per = _t(lang, "/uur", "/hour")
        return "; ".join(f"{plain(b['from'], lang)}-{plain(b['to'], lang)}: {euro(b['rate'], lang, 2)}{per}, max {euro(b['max'], lang)}"
                         for b in value["bands"]), None
    if isinstance(value, dict) and "rate" in value:
        per = _t(lang, "/uur", "/hour")
        return f"{euro(value['rate'], lang, 2)}{per}, max {euro(value['max'], lang)}", None
    if isinstance(value, dict):
        return "; ".join(f"{k}: {plain(v, lang) if isinstance(v, Decimal) else v}" for k, v in value.items()), None
    return str(value), None


def parameter_sheet(ws, used: list[ParamValue], where: list[list[str]], book: ParameterBook, lang: str) -> None:
    """Every parameter value used, with its description, date, status, flag, source and the columns using it."""
    from openpyxl.styles import Alignment, Font

    heads = (_t(lang, "Parameter", "Parameter"), _t(lang, "Omschrijving", "Description"), _t(lang, "Waarde", "Value"),
             _t(lang, "Geldt vanaf", "Effective"), _t(lang, "Status", "Status"), _t(lang, "Aanname / niet bevestigd", "Assumption / not confirmed"),
             _t(lang, "Bron", "Source"), _t(lang, "Toelichting", "Note"), _t(lang, "Gebruikt in", "Used in"))
    widths = (34, 44, 26, 12, 28, 22, 90, 60, 30)
    put_text(ws.cell(1, 1), _t(lang, "Alle gebruikte parameters met hun bron", "Every parameter used, with its source"))
    ws.cell(1, 1).font = Font(bold=True, size=14)
    put_text(ws.cell(2, 1), _t(lang, "Bronnen staan met titel en paragraaf; wetten met hun BWB-nummer, artikel en versiedatum, bedragen met hun Staatscourant of Staatsblad.",
                               "Sources are given by title and section; laws by their BWB number, article and version date, amounts by their Staatscourant or Staatsblad."))
    for j, (head, width) in enumerate(zip(heads, widths), 1):
        cell = ws.cell(3, j)
        put_text(cell, head)
        cell.font = Font(bold=True)
        cell.fill = fill(HEADER_FILL)
        ws.column_dimensions[cell.column_letter].width = width
    ws.freeze_panes = "B4"
    ws.auto_filter.ref = "A3:I3"
    row = 4
    for pv, columns in zip(used, where):
        base = pv.name.split(":")[0]
        description = declared_title(pv.name)
        if description is not None:
            description = description(lang)
        elif pv.name in book:
            description = book[pv.name].description
        elif ":" in pv.name:
            description = _t(lang, f"subsidieset / regel {base}", f"subsidy set / rule {base}")
        else:
            description = ""
        value, fmt = _param_value(pv, lang) if not pv.name.startswith("rounding:") else (_t(lang, "zie afronding", "see rounding"), None)
        put_text(ws.cell(row, 1), pv.name)
        put_text(ws.cell(row, 2), description)
        cell = ws.cell(row, 3)
        put_value(cell, value, fmt)
        if fmt is not None:
            cell.alignment = Alignment(horizontal="left")
        put_text(ws.cell(row, 4), pv.since.isoformat() if pv.since else "")
        put_text(ws.cell(row, 5), status_text(pv, lang))
        flag = flag_text(pv, lang)
        put_text(ws.cell(row, 6), flag)
        if flag:
            ws.cell(row, 6).font = Font(bold=True, color="C00000")
        put_text(ws.cell(row, 7), pv.source)
        put_text(ws.cell(row, 8), pv.note)
        put_text(ws.cell(row, 9), ", ".join(columns))
        row += 1
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.autoFilter = False
    ws.protection.sort = False


NOTES_WIDTH = 150


def row_height(text: str, width: int, size: int = 11) -> float:
    """Points for `text` wrapped in a column `width` characters wide: lines x the font's line height.
    Counted on the widest plausible characters (0.9 of the width), so an estimate errs towards room."""
    per_line = max(1, int(width * 0.9 * 11 / size))
    lines = sum(max(1, -(-len(part) // per_line)) for part in text.split("\n"))
    return round(lines * size * 1.4 + 2, 1)
