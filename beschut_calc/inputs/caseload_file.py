"""A caseload file as text cells: CSV as a Dutch spreadsheet exports it, or the first sheet of an
.xlsx, with the line of each row in the file (pandas, imported only here and in caseload.py).

Also how such a spreadsheet writes a number or a date (`31,5`, `30%`, `9.000`, `1-3-2025`): turned
into what a scenario file would hold, so the scenario's own checks decide.
"""
from __future__ import annotations

import functools
import io
import os
import re
import stat
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from ..core import limits
from ..core.errors import InputError, Invalid
from .schema import year_month

MAX_BYTES = 200 * 1024 * 1024


def fail(file: str, message: str, en: str, hint: str | None = None, hint_en: str | None = None, line: int | None = None,
          key: str | None = None):
    raise InputError(message, en=en, file=file, line=line, key=key, hint=hint, hint_en=hint_en)


def _check_file(path: Path, shown: str) -> None:
    try:
        info = os.stat(path)
    except FileNotFoundError:
        fail(shown, "caseloadbestand bestaat niet", "caseload file does not exist",
              "het pad in caseload: is relatief aan de map van het scenario", "the path in caseload: is relative to the scenario's folder")
    except OSError as exc:
        fail(shown, f"caseloadbestand kan niet gelezen worden ({exc.strerror})", f"cannot read the caseload file ({exc.strerror})")
    if not stat.S_ISREG(info.st_mode):
        fail(shown, "dit is geen gewoon bestand", "this is not a regular file", "geef een .csv- of .xlsx-bestand",
              "give a .csv or .xlsx file")
    if info.st_size > MAX_BYTES:
        fail(shown, f"caseloadbestand is te groot ({info.st_size // 1_000_000} MB; hooguit {MAX_BYTES // 1_000_000} MB)",
              f"caseload file too large ({info.st_size // 1_000_000} MB; at most {MAX_BYTES // 1_000_000} MB)",
              "splits het bestand per gemeente", "split the file per municipality")


def _decode(raw: bytes, shown: str) -> str:
    """The file's encoding: UTF-8 (with or without the BOM Excel writes) or else Windows-1252."""
    try:
        raw.decode("utf-8")
        return "utf-8-sig"
    except UnicodeDecodeError:
        pass
    try:
        raw.decode("cp1252")
        return "cp1252"
    except UnicodeDecodeError:
        fail(shown, "het bestand is geen tekst (UTF-8 of Windows-1252)", "the file is not text (UTF-8 or Windows-1252)",
              "sla het op als CSV (puntkomma-gescheiden) of als .xlsx", "save it as CSV (semicolon separated) or .xlsx")


def _check_sheet_size(path: Path, shown: str) -> None:
    """The first sheet's size as the file declares it (read-only, no cells read), before pandas reads it all."""
    import openpyxl

    workbook = openpyxl.load_workbook(path, read_only=True)
    try:
        rows = workbook.worksheets[0].max_row or 0
    finally:
        workbook.close()
    limits.check(limits.CASELOAD_ROWS, max(rows - 1, 0), shown)


def read_frame(path: Path, shown: str):
    """The file as text cells (a DataFrame of str), the line of each row in the file and the header's line."""
    import numpy as np
    import pandas as pd

    skip = 0
    _check_file(path, shown)
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt"):
        raw = path.read_bytes()
        encoding = _decode(raw, shown)
        position, header = 0, None
        for line in io.BytesIO(raw):           # a header comment (the shipped example says it is synthetic) and blank lines
            text = line.decode(encoding)
            if text.strip() and not text.lstrip().startswith("#"):
                header = text
                break
            skip += 1
            position += len(line)
        if header is None:
            fail(shown, "het caseloadbestand is leeg", "the caseload file is empty",
                  "de eerste regel noemt de kolommen, bijvoorbeeld id;gemeente;start;uren;loonwaarde",
                  "the first line names the columns, for example id;municipality;start;hours;wage_value")
        sep = ";" if ";" in header else ("\t" if "\t" in header else ",")
        # Counted before parsing (memchr-fast), so an oversized file is refused at once.
        limits.check(limits.CASELOAD_ROWS, raw.count(b"\n", position) - 1, shown)
        try:
            # pandas reads the bytes itself: no second copy of the text
            frame = pd.read_csv(io.BytesIO(raw), sep=sep, dtype=object, keep_default_na=False, na_filter=False,
                                skiprows=skip, skip_blank_lines=True, engine="c", encoding=encoding)
        except pd.errors.ParserError as exc:
            where = re.search(r"line (\d+)", str(exc))
            line = int(where.group(1)) + skip if where else None
            fail(shown, "een regel heeft meer velden dan de kopregel", "a line has more fields than the header", line=line,
                  hint=f"scheidingsteken is '{sep}'; zet tekst met '{sep}' tussen aanhalingstekens",
                  hint_en=f"the separator is '{sep}'; quote text that holds '{sep}'")
        first_line = skip + 2
        start = raw.find(b"\n", position) + 1 or len(raw)
        # pandas skips an empty line inside the rows, which shifts the numbering: as many lines as
        # rows means there was none (a quoted field over two lines is counted as rows below).
        lines_after_header = raw.count(b"\n", start) + (0 if raw.endswith(b"\n") or start >= len(raw) else 1)
        if lines_after_header != len(frame):
            # pandas skipped blank lines: number the rows by the lines that hold something
            numbers = np.array([skip + 2 + i for i, line in enumerate(raw[start:].splitlines()) if line.strip()], dtype=np.int64)
        else:
            numbers = np.arange(len(frame), dtype=np.int64) + first_line
    elif suffix == ".xlsx":
        try:
            _check_sheet_size(path, shown)
            frame = pd.read_excel(path, dtype=str, keep_default_na=False, engine="openpyxl")
        except InputError:
            raise
        except Exception as exc:     # openpyxl raises many kinds for a damaged or disguised file
            fail(shown, f"het Excel-bestand kan niet gelezen worden ({type(exc).__name__})",
                  f"the Excel file cannot be read ({type(exc).__name__})", "sla het opnieuw op als .xlsx in Excel",
                  "save it again as .xlsx in Excel")
        frame = frame.fillna("").astype(object)
        numbers = np.arange(len(frame), dtype=np.int64) + 2
    else:
        fail(shown, f"onbekend soort bestand '{suffix or path.name}'", f"unknown kind of file '{suffix or path.name}'",
              "geef een .csv- of .xlsx-bestand", "give a .csv or .xlsx file", key="caseload")
    if len(numbers) != len(frame):     # a quoted field over several lines: count rows, not lines
        numbers = np.arange(len(frame), dtype=np.int64) + 2 + (skip if suffix != ".xlsx" else 0)
    # Rows with every cell empty (";;;;" or an empty sheet row) are not placements.
    blank = np.ones(len(frame), dtype=bool)
    for name in frame.columns:
        blank &= frame[name].to_numpy() == ""
        if not blank.any():
            break
    if blank.any():
        frame = frame[~blank].reset_index(drop=True)
        numbers = numbers[~blank]
    return frame, numbers, (skip + 1 if suffix != ".xlsx" else 1)


# ---------------------------------------------------------------- values as a Dutch spreadsheet writes them

_THOUSANDS = re.compile(r"\d{1,3}(\.\d{3})+", re.ASCII)
_DATE_DMY = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", re.ASCII)
_DATE_ISO = re.compile(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?:[ T]00:00(?::00)?)?", re.ASCII)


def spreadsheet_number(text: str, euro: bool = False) -> Any:
    """'31,5' -> Decimal('31.5'); '30%' and '30,5%' -> '30%' / '30.5%' (for parse_fraction); '9.000' (euro) -> 9000.
    Anything else is returned as written, for the scenario's own parser to refuse with its message."""
    t = text.strip().replace("\u00a0", " ")
    percent = t.endswith("%")
    core = t[:-1].strip() if percent else t
    if euro:
        core = core.removeprefix("€").strip()
    if "," in core:
        core = core.replace(".", "").replace(",", ".")
    elif euro and _THOUSANDS.fullmatch(core):
        core = core.replace(".", "")
    if not core.isascii():      # Decimal reads ３１ as 31; a scenario file refuses it, and so do we
        return text
    if percent:
        return core + "%"
    try:
        number = Decimal(core)
    except InvalidOperation:
        return text
    return int(number) if number == number.to_integral_value() and "." not in core and "e" not in core.lower() else number


def spreadsheet_month(text: str) -> tuple[int, int]:
    """'1-3-2025', '01/03/2025', '2025-03-01', '2025-03' (or Excel's '2025-03-01 00:00:00') -> (2025, 3)."""
    t = text.strip()
    parts = t.split("-")
    if t.isascii() and len(parts) == 3 and len(parts[2]) == 4 and parts[0].isdigit() and parts[1].isdigit() and parts[2].isdigit():
        day, month, year = int(parts[0]), int(parts[1]), int(parts[2])      # 1-3-2025, the common case, without a regex
    elif m := _DATE_DMY.fullmatch(t):
        day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    elif m := _DATE_ISO.fullmatch(t):
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3) or 1)
    else:
        raise Invalid(f"verwacht een datum zoals 1-3-2025 of 2025-03-01, niet '{t}'",
                      f"expected a date such as 1-3-2025 or 2025-03-01, not '{t}'",
                      "een plek telt vanaf de maand van deze datum", "a placement counts from the month of this date")
    if not 1 <= day <= 31:
        raise Invalid(f"dag {day} bestaat niet", f"day {day} does not exist", "schrijf dag-maand-jaar, bijvoorbeeld 1-3-2025",
                      "write day-month-year, for example 1-3-2025")
    return _month_checked(year, month)


@functools.lru_cache(maxsize=4096)
def _month_checked(year: int, month: int) -> tuple[int, int]:
    """The scenario's own check of a month (schema.year_month), once per month however many days a file names."""
    return year_month(f"{year}-{month:02d}")
