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


# What an A4 landscape page holds at 100 %, in Excel's character widths (277 mm minus 2 x 0.4 inch margins).
PAGE_CHARACTERS = 135
MIN_SCALE = 60       # below this a printed sheet is unreadable


def _sheet_width(ws) -> float:
    """The sheet's used columns, summed in Excel's character widths (8.43 for a column left as it is)."""
    from openpyxl.utils import get_column_letter

    total = 0.0
    for j in range(1, (ws.max_column or 1) + 1):
        dimension = ws.column_dimensions.get(get_column_letter(j))
        total += (dimension.width if dimension is not None and dimension.width else 8.43)
    return total


def print_setup(wb) -> None:
    """A4 landscape, the first row on every page; the summary (table and chart) on one page. A sheet is
    fitted to the page's width when that keeps it at 60 % or more; a wider one prints at 60 % over more
    pages across, its first column repeated, instead of shrinking until it cannot be read."""
    from openpyxl.worksheet.page import PageMargins

    for ws in wb.worksheets:
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.5, bottom=0.5)
        ws.print_options.gridLines = False
        scale = 100 * PAGE_CHARACTERS / max(_sheet_width(ws), 1)
        if ws.title == SUMMARY or scale >= MIN_SCALE:
            ws.sheet_properties.pageSetUpPr.fitToPage = True
            ws.page_setup.fitToWidth = 1
            ws.page_setup.fitToHeight = 1 if ws.title == SUMMARY else 0
        else:
            ws.sheet_properties.pageSetUpPr.fitToPage = False
            ws.page_setup.scale = MIN_SCALE
            ws.print_title_cols = "A:A"
        if ws.title != SUMMARY and ws.max_row > 1:
            ws.print_title_rows = "1:1"


def fit_columns(ws, header_rows, first: int = 1, last: int | None = None, least: float = 12, most: float = 40,
                texts: bool = True) -> None:
    """Each column as wide as its longest header word and its longest text (a title row aside), so no
    header is cut off and no two headers run together; the header cells wrap between words, and their
    row is as high as its wrapped lines. Amounts need `least` at most. `texts=False`: the headers only
    (a sheet of many thousand rows)."""
    from openpyxl.styles import Alignment

    header_rows = set(header_rows)
    last = last or ws.max_column
    for j in range(first, last + 1):
        need = least
        for row in range(min(header_rows), (ws.max_row if texts else max(header_rows)) + 1):
            value = ws.cell(row, j).value
            if not isinstance(value, str) or value.startswith("="):
                continue
            text = value.strip()
            need = max(need, (max(map(len, text.split()), default=0) if row in header_rows else len(text)) + 3)
        letter = ws.cell(1, j).column_letter
        current = ws.column_dimensions[letter].width or 0
        ws.column_dimensions[letter].width = min(max(need, current if current < most else 0), most)
    for row in header_rows:
        lines = 1
        for j in range(first, last + 1):
            cell = ws.cell(row, j)
            if isinstance(cell.value, str) and cell.value:
                horizontal = cell.alignment.horizontal if cell.alignment is not None else None
                cell.alignment = Alignment(wrap_text=True, horizontal=horizontal, vertical="bottom")
                width = ws.column_dimensions[cell.column_letter].width or 8.43
                lines = max(lines, _wrapped_lines(cell.value, width))
        if lines > 1:
            ws.row_dimensions[row].height = 15 * lines


def _wrapped_lines(text: str, width: float) -> int:
    """Lines of `text` wrapped between words in a column `width` characters wide (bold: a little wider)."""
    lines, used = 1, 0
    room = max(1, int(width * 0.9))
    for word in text.split():
        if used and used + 1 + len(word) > room:
            lines, used = lines + 1, len(word)
        else:
            used += (1 if used else 0) + len(word)
    return lines


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
    # narrow enough to print at 60 % or more; the long texts wrap (their rows grow to fit)
    widths = (26, 34, 16, 11, 14, 16, 48, 32, 18)
    put_text(ws.cell(1, 1), _t(lang, "Alle gebruikte parameters met hun bron", "Every parameter used, with its source"))
    ws.cell(1, 1).font = Font(bold=True, size=14)
    put_text(ws.cell(2, 1), _t(lang, "Bronnen staan met titel en paragraaf; wetten met hun BWB-nummer, artikel en versiedatum, bedragen met hun Staatscourant of Staatsblad.",
                               "Sources are given by title and section; laws by their BWB number, article and version date, amounts by their Staatscourant or Staatsblad."))
    for j, (head, width) in enumerate(zip(heads, widths), 1):
        cell = ws.cell(3, j)
        put_text(cell, head)
        cell.font = Font(bold=True)
        cell.fill = fill(HEADER_FILL)
        cell.alignment = Alignment(wrap_text=True, vertical="bottom")
        ws.column_dimensions[cell.column_letter].width = width
    ws.row_dimensions[3].height = 15 * max(_wrapped_lines(head, width) for head, width in zip(heads, widths))
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
        top = Alignment(wrap_text=True, vertical="top")
        for j in (1, 2, 5, 6, 7, 8, 9):
            ws.cell(row, j).alignment = top
        texts = [(ws.cell(row, j).value, widths[j - 1]) for j in (1, 2, 5, 6, 7, 8, 9)]
        ws.row_dimensions[row].height = max(row_height(str(text or ""), width) for text, width in texts)
        row += 1
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.autoFilter = False
    ws.protection.sort = False


NOTES_WIDTH = 100    # about 700 pixels: read on a laptop's screen without scrolling, printed at 100 %


def row_height(text: str, width: int, size: int = 11) -> float:
    """Points for `text` wrapped in a column `width` characters wide: lines x the font's line height.
    Counted on the widest plausible characters (0.9 of the width), so an estimate errs towards room."""
    per_line = max(1, int(width * 0.9 * 11 / size))
    lines = sum(max(1, -(-len(part) // per_line)) for part in text.split("\n"))
    return round(lines * size * 1.4 + 2, 1)
