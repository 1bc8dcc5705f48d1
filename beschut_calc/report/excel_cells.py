"""Cell helpers and formats shared by every sheet of the workbook (openpyxl imported lazily)."""
from __future__ import annotations

from decimal import Decimal

from ..core.parameters import ParamValue
from ..core.personal import has_bsn, refuse_output
from ..core.text import Text

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
    if len(text) >= 8 and has_bsn(text):     # issue 24, the last line of defence: no BSN in a workbook
        refuse_output("werkmap", "workbook")
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


def header_row(ws, row: int, titles: list[str]) -> None:
    """A bold, shaded row of column titles."""
    from openpyxl.styles import Font

    for j, title in enumerate(titles, 1):
        cell = ws.cell(row, j)
        put_text(cell, title)
        cell.font = Font(bold=True)
        cell.fill = fill(HEADER_FILL)
