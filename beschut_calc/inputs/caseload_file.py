"""A caseload file as text cells: CSV as a Dutch spreadsheet exports it, or the sheet of an .xlsx
that holds the header (under a title or on another sheet), with the line of each row in the file
(pandas, imported only here and in caseload.py).

Also how such a spreadsheet writes a number or a date (`31,5`, `30%`, `9.000`, `1-3-2025`): turned
into what a scenario file would hold, so the scenario's own checks decide.
"""
from __future__ import annotations

import calendar
import errno
import functools
import io
import os
import re
import stat
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Callable

from ..core import limits
from ..core.errors import InputError, Invalid, visible
from .schema import year_month

MAX_BYTES = 200 * 1024 * 1024
# Bounds on the work before pandas parses anything (issue 24): a line longer than this, a header with
# more columns, or a row with more fields is refused at once, by its line.
MAX_LINE_BYTES = 64 * 1024
MAX_COLUMNS = 200
MAX_CELL_CHARS = 4_000           # any cell (a note may be long; a number is at most MAX_NUMBER_CHARS)
MAX_NUMBER_CHARS = 30            # no number this tool reads needs more characters: longer is refused unread
MAX_XLSX_UNPACKED = 8 * 1024 * 1024       # unpacked, all members: openpyxl reads ~3.5 MB of XML a second (~22,000 rows)
MAX_SPELLING = 200               # headers of at most this length are compared with the known ones


def fail(file: str, message: str, en: str, hint: str | None = None, hint_en: str | None = None, line: int | None = None,
          key: str | None = None):
    raise InputError(message, en=en, file=file, line=line, key=key, hint=hint, hint_en=hint_en)


# Why a file cannot be read, in Dutch and English (strerror is English only).
_OS_REASONS = {
    errno.EACCES: ("geen toestemming om het caseloadbestand te lezen", "permission denied for the caseload file",
                   "vraag leesrechten of kopieer het bestand naar uw eigen map", "ask for read access or copy the file to your own folder"),
    errno.EPERM: ("geen toestemming om het caseloadbestand te lezen", "permission denied for the caseload file",
                  "vraag leesrechten of kopieer het bestand naar uw eigen map", "ask for read access or copy the file to your own folder"),
    errno.ENAMETOOLONG: ("de bestandsnaam of het pad is te lang", "the file name or path is too long",
                         "kies een kortere naam of map", "choose a shorter name or folder"),
    errno.ENOTDIR: ("een deel van het pad is geen map", "part of the path is not a directory", "controleer het pad", "check the path"),
    errno.ELOOP: ("het pad verwijst in een kring naar zichzelf (symbolische koppelingen)",
                  "the path refers to itself in a loop (symbolic links)", "controleer de koppelingen", "check the links"),
    errno.EISDIR: ("dit is een map, geen bestand", "this is a directory, not a file", "geef een .csv- of .xlsx-bestand",
                   "give a .csv or .xlsx file"),
}


def _unreadable(shown: str, exc: OSError):
    """One Dutch line naming the file, for any reason the system gives; never blamed on the output."""
    if isinstance(exc, FileNotFoundError):
        fail(shown, "caseloadbestand bestaat niet", "caseload file does not exist",
             "het pad in caseload: is relatief aan de map van het scenario", "the path in caseload: is relative to the scenario's folder")
    reason = _OS_REASONS.get(exc.errno)
    if reason:
        fail(shown, *reason)
    code = errno.errorcode.get(exc.errno or 0, "onbekend")
    fail(shown, f"het caseloadbestand kan niet gelezen worden (systeemfout {code})",
         f"the caseload file cannot be read (system error {code})",
         "kopieer het bestand naar een gewone map en probeer opnieuw", "copy the file to an ordinary folder and try again")


def _check_file(path: Path, shown: str) -> os.stat_result:
    try:
        info = os.stat(path)
    except (OSError, ValueError) as exc:        # ValueError: a NUL byte in the path
        if isinstance(exc, ValueError):
            fail(shown, "het pad bevat een nulteken", "the path holds a NUL character", "controleer het pad", "check the path")
        _unreadable(shown, exc)
    if stat.S_ISDIR(info.st_mode):
        fail(shown, "dit is een map, geen bestand", "this is a directory, not a file", "geef een .csv- of .xlsx-bestand",
             "give a .csv or .xlsx file")
    if not stat.S_ISREG(info.st_mode):
        fail(shown, "dit is geen gewoon bestand", "this is not a regular file", "geef een .csv- of .xlsx-bestand",
              "give a .csv or .xlsx file")
    if info.st_size > MAX_BYTES:
        _too_big(shown, info.st_size)
    return info


def _too_big(shown: str, size: int):
    fail(shown, f"caseloadbestand is te groot ({size // 1_000_000} MB; hooguit {MAX_BYTES // 1_000_000} MB)",
         f"caseload file too large ({size // 1_000_000} MB; at most {MAX_BYTES // 1_000_000} MB)",
         "splits het bestand per gemeente", "split the file per municipality")


def _read_bytes(path: Path, shown: str, info: os.stat_result) -> bytes:
    """The file's bytes, at most MAX_BYTES + 1; a system file that says it is empty but is not
    (/proc/self/mem, /proc/self/pagemap) is refused, as is every error of the system."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read(info.st_size + 1 if info.st_size else 1)
            if info.st_size == 0 and raw:
                fail(shown, "dit is geen gewoon bestand (een systeembestand zonder vaste grootte)",
                     "this is not a regular file (a system file without a fixed size)", "geef een .csv- of .xlsx-bestand",
                     "give a .csv or .xlsx file")
            if len(raw) > info.st_size:             # the file grew after stat
                raw += handle.read(MAX_BYTES + 1 - len(raw))
    except OSError as exc:
        _unreadable(shown, exc)
    if len(raw) > MAX_BYTES:
        _too_big(shown, len(raw))
    return raw


_OTHER_ENCODINGS = ((b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"), (b"\xff\xfe", "UTF-16"),
                    (b"\xfe\xff", "UTF-16"))


def _decode(raw: bytes, shown: str) -> str:
    """The file's encoding: UTF-8 (with or without the BOM Excel writes) or else Windows-1252; another
    encoding is named when its mark (BOM) or its zero bytes give it away."""
    for mark, name in _OTHER_ENCODINGS:
        if raw.startswith(mark):
            _other_encoding(shown, name)
    if b"\x00" in raw[:4096]:
        _other_encoding(shown, "UTF-16" if raw[:4096].count(b"\x00") * 4 > min(len(raw), 4096) else None)
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


def _other_encoding(shown: str, name: str | None):
    if name:
        fail(shown, f"het bestand is opgeslagen als {name}; beschut-calc leest UTF-8 of Windows-1252",
             f"the file is saved as {name}; beschut-calc reads UTF-8 or Windows-1252",
             "sla het in Excel op als 'CSV UTF-8 (door komma's gescheiden)' of als .xlsx",
             "save it in Excel as 'CSV UTF-8 (comma delimited)' or as .xlsx")
    fail(shown, "het bestand is geen tekst (het bevat nultekens)", "the file is not text (it holds NUL characters)",
         "sla het op als CSV (puntkomma-gescheiden) of als .xlsx", "save it as CSV (semicolon separated) or .xlsx")


def _line_lengths(raw: bytes, shown: str, skip_bytes: int, skip_lines: int) -> int:
    """Refuse a line longer than MAX_LINE_BYTES, by its number; returns the longest line's length."""
    import numpy as np

    if len(raw) - skip_bytes <= MAX_LINE_BYTES:
        return len(raw) - skip_bytes
    ends = np.flatnonzero(np.frombuffer(raw, dtype=np.uint8, offset=skip_bytes) == 10)
    lengths = np.diff(np.concatenate(([-1], ends, [len(raw) - skip_bytes]))) - 1
    too = np.flatnonzero(lengths > MAX_LINE_BYTES)
    if too.size:
        fail(shown, f"regel {skip_lines + int(too[0]) + 1} is langer dan {MAX_LINE_BYTES:,} tekens".replace(",", "."),
             f"line {skip_lines + int(too[0]) + 1} is longer than {MAX_LINE_BYTES:,} characters",
             "een regel van een caseload is één plaatsing met korte cellen; controleer of dit het goede bestand is",
             "a line of a caseload is one placement with short cells; check that this is the right file",
             line=skip_lines + int(too[0]) + 1)
    return int(lengths.max()) if lengths.size else 0


def _fields(text: str, sep: str) -> int:
    """How many fields a line has, quotes respected."""
    import csv

    try:
        return len(next(csv.reader([text.rstrip("\r\n")], delimiter=sep), []))
    except csv.Error:
        return text.count(sep) + 1


def _too_many_columns(shown: str, count: int, line: int):
    fail(shown, f"de kopregel heeft {count:,} kolommen; hooguit {MAX_COLUMNS}".replace(",", "."),
         f"the header has {count:,} columns; at most {MAX_COLUMNS}",
         "houd alleen de kolommen van de plaatsingen over (id, gemeente, start, uren, loonwaarde, ...)",
         "keep only the columns of the placements (id, municipality, start, hours, wage_value, ...)", line=line)


def _parser_problem(shown: str, exc: Exception, sep: str, skip: int):
    text = str(exc)
    where = re.search(r"(?:line|row) (\d+)", text)
    if "EOF inside string" in text or "EOF while" in text:
        line = int(where.group(1)) + skip + 1 if where else None
        fail(shown, "een aanhalingsteken (\") wordt niet gesloten", "a quotation mark (\") is not closed", line=line,
             hint="sluit de tekst tussen aanhalingstekens op dezelfde regel, of haal het aanhalingsteken weg",
             hint_en="close the quoted text on the same line, or remove the quotation mark")
    line = int(where.group(1)) + skip if where else None
    fail(shown, "een regel heeft meer velden dan de kopregel", "a line has more fields than the header", line=line,
         hint=f"scheidingsteken is '{sep}'; zet tekst met '{sep}' tussen aanhalingstekens",
         hint_en=f"the separator is '{sep}'; quote text that holds '{sep}'")


def _check_unpacked(path: Path, shown: str) -> None:
    """An .xlsx is a zip: the sum of its members' unpacked sizes is bounded before anything is unpacked.
    (zipfile stops at a member's stated size, so a member cannot unpack to more than it says.)"""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        if isinstance(exc, OSError) and not isinstance(exc, zipfile.BadZipFile):
            _unreadable(shown, exc)
        fail(shown, "het Excel-bestand kan niet gelezen worden (geen geldig .xlsx-bestand)",
             "the Excel file cannot be read (not a valid .xlsx file)", "sla het opnieuw op als .xlsx in Excel",
             "save it again as .xlsx in Excel")
    if unpacked > MAX_XLSX_UNPACKED:
        fail(shown, f"het Excel-bestand is uitgepakt te groot ({unpacked // 1_000_000:,} MB; hooguit "
                    f"{MAX_XLSX_UNPACKED // 1_000_000} MB)".replace(",", "."),
             f"the Excel file is too large unpacked ({unpacked // 1_000_000:,} MB; at most {MAX_XLSX_UNPACKED // 1_000_000} MB)",
             "splits het bestand per gemeente, of lever een CSV", "split the file per municipality, or supply a CSV")


def _row_widths(path: Path, member: str | None):
    """The cells of each row of the sheet's XML, counted with numpy before any cell is parsed (at most
    MAX_XLSX_UNPACKED bytes); None when the sheet cannot be counted so."""
    import zipfile

    import numpy as np

    if not member:
        return None
    with zipfile.ZipFile(path) as archive:
        try:
            xml = archive.read(member.lstrip("/"))
        except KeyError:
            return None
    raw = np.frombuffer(xml, dtype=np.uint8)
    if raw.size < 8:
        return None
    # "<c " / "<c>" opens a cell, "<row" a row (a sheet's default namespace has no prefix)
    cell = np.flatnonzero((raw[:-2] == 60) & (raw[1:-1] == 99) & ((raw[2:] == 32) | (raw[2:] == 62)))
    row = np.flatnonzero((raw[:-3] == 60) & (raw[1:-2] == 114) & (raw[2:-1] == 111) & (raw[3:] == 119))
    if not row.size or not cell.size:
        return None
    return np.diff(np.searchsorted(cell, np.append(row, raw.size)))


def _check_row_widths(path: Path, member: str | None, shown: str) -> None:
    """A row of thousands of cells under a short header is refused at once, before any cell is parsed."""
    import numpy as np

    counts = _row_widths(path, member)
    if counts is None:
        return
    widest = int(counts.max())
    if widest > MAX_COLUMNS:
        fail(shown, f"een rij van het blad heeft {widest:,} cellen; hooguit {MAX_COLUMNS}".replace(",", "."),
             f"a row of the sheet has {widest:,} cells; at most {MAX_COLUMNS}",
             "houd alleen de kolommen van de plaatsingen over (id, gemeente, start, uren, loonwaarde, ...)",
             "keep only the columns of the placements (id, municipality, start, hours, wage_value, ...)",
             line=int(np.argmax(counts)) + 1)


HEADER_SEARCH_ROWS = 20          # an .xlsx's header is looked for in the first rows of each sheet (a title may sit above it)


def _find_sheet_header(path: Path, shown: str, header_key: Callable[[str], str | None]) -> tuple[str, int]:
    """The sheet and row (1-based) of an .xlsx's header: the first of the first HEADER_SEARCH_ROWS rows
    of any sheet, in order, whose cells name both `id` and `start` (a title or blank rows may sit above it).
    Read in read-only mode, row by row; the chosen sheet's widest row is counted before pandas reads
    every cell. Without such a row, the first sheet's first row with a value is the header when it names
    any known column (its columns are then checked and named); otherwise the sheets searched are named."""
    import openpyxl

    def keys(row) -> set:
        return {header_key(str(value)) for value in row if isinstance(value, str) and len(value) <= MAX_SPELLING}

    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        searched: list[str] = []
        fallback, too_wide = None, None
        for sheet in workbook.worksheets:
            searched.append(sheet.title)
            member = getattr(sheet, "_worksheet_path", None)
            widths = _row_widths(path, member)
            if widths is not None and int(widths.max()) > MAX_COLUMNS:
                # not parsed (openpyxl reads ~20,000 cells a second): its header would be refused for its width
                too_wide = too_wide or member
                if len(searched) == 1:
                    fallback = False
                continue
            sheet.reset_dimensions()          # the declared size is not trusted: rows as they are
            for line, row in enumerate(sheet.iter_rows(min_row=1, max_row=HEADER_SEARCH_ROWS, values_only=True), 1):
                if not any(value not in (None, "") for value in row):
                    continue
                found = keys(row)
                if fallback is None and len(searched) == 1:
                    fallback = (sheet, line, len(row)) if found - {None} else False
                if {"id", "start"} <= found:
                    return _chosen(path, shown, sheet, line, len(row))
        if fallback:
            return _chosen(path, shown, *fallback)
        if too_wide:
            _check_row_widths(path, too_wide, shown)
    finally:
        workbook.close()
    names = ", ".join(f"'{visible(name)[:40]}'" for name in searched[:10]) + (" …" if len(searched) > 10 else "")
    fail(shown, f"geen kopregel gevonden: geen van de eerste {HEADER_SEARCH_ROWS} rijen van blad {names} noemt de kolommen "
                "id en start",
         f"no header found: none of the first {HEADER_SEARCH_ROWS} rows of sheet {names} names the columns id and start",
         "de kopregel mag onder een titel of lege rijen staan, op elk blad; zorg dat één rij de koppen noemt, "
         "bijvoorbeeld id, gemeente, startdatum, uren, loonwaarde",
         "the header may sit below a title or blank rows, on any sheet; make sure one row names the columns, "
         "for example id, municipality, start, hours, wage_value")


def _chosen(path: Path, shown: str, sheet, line: int, width: int) -> tuple[str, int]:
    if width > MAX_COLUMNS:
        _too_many_columns(shown, width, line)
    _check_row_widths(path, getattr(sheet, "_worksheet_path", None), shown)
    return sheet.title, line


def _check_cells(frame, shown: str, numbers, header_line: int) -> None:
    """No cell longer than MAX_CELL_CHARS (named by row and column, never quoted)."""
    import numpy as np

    for name in frame.columns:
        if len(str(name)) > MAX_CELL_CHARS:
            fail(shown, f"een kolomkop van {len(str(name)):,} tekens".replace(",", ".") + f"; hooguit {MAX_CELL_CHARS}",
                 f"a column header of {len(str(name)):,} characters; at most {MAX_CELL_CHARS}",
                 "geef elke kolom een korte kop", "give each column a short header", line=header_line)
        values = frame[name].to_numpy(dtype=object)
        lengths = np.fromiter(map(len, values), dtype=np.int64, count=len(values))
        too = np.flatnonzero(lengths > MAX_CELL_CHARS)
        if too.size:
            fail(shown, f"een cel van {int(lengths[too[0]]):,} tekens".replace(",", ".") + f"; hooguit {MAX_CELL_CHARS}",
                 f"a cell of {int(lengths[too[0]]):,} characters; at most {MAX_CELL_CHARS}",
                 "een cel van een caseload is kort; controleer of dit het goede bestand is",
                 "a cell of a caseload is short; check that this is the right file", line=int(numbers[too[0]]),
                 key=f"kolom {str(name)[:60]}")


def read_frame(path: Path, shown: str, header_key: Callable[[str], str | None]):
    """The file as text cells (a DataFrame of str), the line of each row in the file and the header's line.

    `header_key` (a header -> its key: caseload.header_key) finds an .xlsx's header row.

    The work is bounded before pandas parses anything (issue 24): the file's size, every line's
    length, the header's columns, the rows (by counting line ends) and the first data row's fields
    (pandas would quietly make extra fields there an index); an .xlsx by its unpacked size and its
    real rows (pandas reads at most one more than allowed), never the size the sheet declares."""
    import warnings

    import numpy as np
    import pandas as pd

    skip = 0
    info = _check_file(path, shown)
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt"):
        raw = _read_bytes(path, shown, info)
        encoding = _decode(raw, shown)
        position, header = 0, None
        for line in io.BytesIO(raw):           # a header comment (the shipped example says it is synthetic) and blank lines
            if len(line) > MAX_LINE_BYTES:
                _line_lengths(raw, shown, position, skip)
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
        longest = _line_lengths(raw, shown, position, skip)
        sep = ";" if ";" in header else ("\t" if "\t" in header else ",")
        columns = _fields(header, sep)
        if columns > MAX_COLUMNS:
            _too_many_columns(shown, columns, skip + 1)
        # Counted before parsing (memchr-fast), so an oversized file is refused at once.
        limits.check(limits.CASELOAD_ROWS, raw.count(b"\n", position) - 1, shown)
        start = raw.find(b"\n", position) + 1 or len(raw)
        # The first data row: pandas would read extra fields there as an index, silently.
        following, line_no = start, skip + 2
        while following < len(raw):
            end = raw.find(b"\n", following)
            end = len(raw) if end < 0 else end + 1
            row = raw[following:end].decode(encoding, errors="replace")
            if row.strip():
                if _fields(row, sep) > columns:
                    fail(shown, "een regel heeft meer velden dan de kopregel", "a line has more fields than the header",
                         line=line_no, hint=f"scheidingsteken is '{sep}'; zet tekst met '{sep}' tussen aanhalingstekens",
                         hint_en=f"the separator is '{sep}'; quote text that holds '{sep}'")
                break
            following, line_no = end, line_no + 1
        try:
            # pandas reads the bytes itself: no second copy of the text
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                frame = pd.read_csv(io.BytesIO(raw), sep=sep, dtype=object, keep_default_na=False, na_filter=False,
                                    skiprows=skip, skip_blank_lines=True, engine="c", encoding=encoding, index_col=False)
        except (pd.errors.ParserError, csv_errors()) as exc:
            _parser_problem(shown, exc, sep, skip)
        first_line = skip + 2
        # pandas skips an empty line inside the rows, which shifts the numbering: as many lines as
        # rows means there was none (a quoted field over two lines is counted as rows below).
        lines_after_header = raw.count(b"\n", start) + (0 if raw.endswith(b"\n") or start >= len(raw) else 1)
        if lines_after_header != len(frame):
            # pandas skipped blank lines: number the rows by the lines that hold something
            numbers = np.array([skip + 2 + i for i, line in enumerate(raw[start:].splitlines()) if line.strip()], dtype=np.int64)
        else:
            numbers = np.arange(len(frame), dtype=np.int64) + first_line
        if len(numbers) != len(frame):     # a quoted field over several lines: count rows, not lines
            numbers = np.arange(len(frame), dtype=np.int64) + 2 + skip
        if longest > MAX_CELL_CHARS:
            _check_cells(frame, shown, numbers, skip + 1)
    elif suffix == ".xlsx":
        _check_unpacked(path, shown)
        try:
            sheet_name, skip = _find_sheet_header(path, shown, header_key)
            skip -= 1                     # the rows above the header: a title, blank rows
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                frame = pd.read_excel(path, sheet_name=sheet_name, dtype=str, keep_default_na=False, engine="openpyxl",
                                      skiprows=skip, header=0, nrows=limits.CASELOAD_ROWS.maximum + 1)
        except InputError:
            raise
        except MemoryError:
            raise
        except Exception as exc:     # openpyxl raises many kinds for a damaged or disguised file
            if isinstance(exc, OSError) and exc.errno is not None:
                _unreadable(shown, exc)
            fail(shown, f"het Excel-bestand kan niet gelezen worden ({type(exc).__name__})",
                  f"the Excel file cannot be read ({type(exc).__name__})", "sla het opnieuw op als .xlsx in Excel",
                  "save it again as .xlsx in Excel")
        limits.check(limits.CASELOAD_ROWS, len(frame), shown)
        if len(frame.columns) > MAX_COLUMNS:
            _too_many_columns(shown, len(frame.columns), skip + 1)
        frame = frame.fillna("").astype(object)
        numbers = np.arange(len(frame), dtype=np.int64) + skip + 2       # the spreadsheet's own row numbers
        _check_cells(frame, shown, numbers, skip + 1)
    else:
        fail(shown, f"onbekend soort bestand '{suffix or path.name}'", f"unknown kind of file '{suffix or path.name}'",
              "geef een .csv- of .xlsx-bestand", "give a .csv or .xlsx file", key="caseload")
    # Rows with every cell empty (";;;;" or an empty sheet row) are not placements.
    blank = np.ones(len(frame), dtype=bool)
    for name in frame.columns:
        blank &= frame[name].to_numpy() == ""
        if not blank.any():
            break
    if blank.any():
        frame = frame[~blank].reset_index(drop=True)
        numbers = numbers[~blank]
    return frame, numbers, skip + 1


def csv_errors():
    """The csv module's Error (pandas' python fallback raises it); imported lazily."""
    import csv

    return csv.Error


# ---------------------------------------------------------------- a BSN in a column: a quick look first

def has_long_run(values) -> bool:
    """Whether any of the values holds a run of eight digits or more, with single spaces, dashes or dots
    between them (a superset of what could be a BSN); a quick first look at numpy speed: Python's re
    tries every digit as a start and takes ~20 ms for a column of 100,000 ids."""
    import numpy as np

    try:
        whole = "\n".join(values)
    except TypeError:
        whole = "\n".join(map(str, values))
    data = whole.encode("utf-8", "surrogatepass")
    if len(data) < 8:
        return False
    inside = np.frombuffer(data.translate(_INSIDE), dtype=np.int8)
    edges = np.flatnonzero(np.diff(inside, prepend=np.int8(0), append=np.int8(0)))
    starts, ends = edges[0::2], edges[1::2]
    long = (ends - starts) >= 8
    if not long.any():
        return False
    digit = np.frombuffer(data, dtype=np.uint8)
    counted = np.concatenate(([0], np.cumsum((digit >= 48) & (digit <= 57), dtype=np.int64)))
    return bool(np.any(counted[ends[long]] - counted[starts[long]] >= 8))


_INSIDE = bytes(1 if (48 <= i <= 57 or i in (32, 45, 46, 0xA0, 0xC2)) else 0 for i in range(256))


# ---------------------------------------------------------------- values as a Dutch spreadsheet writes them

_THOUSANDS = re.compile(r"\d{1,3}(\.\d{3})+", re.ASCII)
_DATE_DMY = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})", re.ASCII)
_DATE_ISO = re.compile(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?:[ T]00:00(?::00)?)?", re.ASCII)


_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d{1,3})?", re.ASCII)
_NOT_FINITE = re.compile(r"[+-]?(?:s?nan\d*|inf(?:inity)?)", re.ASCII | re.IGNORECASE)


def spreadsheet_number(text: str, euro: bool = False) -> Any:
    """The one number reader of a caseload cell (issue 24).

    '31,5' -> Decimal('31.5'); '30%' and '30,5%' -> '30%' / '30.5%' (for parse_fraction); '9.000' (euro) -> 9000.
    Bounded before converting: a cell of more than MAX_NUMBER_CHARS characters is refused unread
    (Python's int() of 5,000 digits fails, of a million digits takes minutes), NaN, signalling
    NaN and infinities are refused, and an exponent has at most three digits (1E999999999 would
    overflow later). Anything else is returned as written, for the scenario's own parser to refuse
    with its message."""
    t = text.strip().replace("\u00a0", " ")
    if len(t) > MAX_NUMBER_CHARS:
        raise Invalid(f"een waarde van {len(t):,} tekens is geen getal".replace(",", "."),
                      f"a value of {len(t):,} characters is not a number",
                      f"een getal heeft hier hooguit {MAX_NUMBER_CHARS} tekens, bijvoorbeeld 31 of 30%",
                      f"a number has at most {MAX_NUMBER_CHARS} characters here, for example 31 or 30%")
    percent = t.endswith("%")
    core = t[:-1].strip() if percent else t
    if euro:
        core = core.removeprefix("€").strip()
    if _NOT_FINITE.fullmatch(core):
        raise Invalid(f"'{core}' is geen eindig getal", f"'{core}' is not a finite number",
                      "schrijf een gewoon getal, bijvoorbeeld 31", "write an ordinary number, for example 31")
    if "," in core:
        core = core.replace(".", "").replace(",", ".")
    elif euro and _THOUSANDS.fullmatch(core):
        core = core.replace(".", "")
    if not core.isascii():      # Decimal reads ３１ as 31; a scenario file refuses it, and so do we
        return text
    if percent:
        return core + "%"
    if not _NUMBER.fullmatch(core):
        if re.fullmatch(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)[eE][+-]?\d+", core, re.ASCII):
            raise Invalid("een getal met een e-macht van meer dan drie cijfers is onredelijk groot of klein",
                          "a number with an exponent of more than three digits is unreasonably large or small",
                          "controleer het aantal nullen", "check the number of zeros")
        return text
    try:
        number = Decimal(core)
    except InvalidOperation:     # pragma: no cover - _NUMBER admits only what Decimal reads
        return text
    return int(number) if number == number.to_integral_value() and "." not in core and "e" not in core.lower() else number


def spreadsheet_month(text: str) -> tuple[int, int]:
    """'1-3-2025', '1-3-25', '01/03/2025', '2025-03-01', '2025-03' (or Excel's '2025-03-01 00:00:00') -> (2025, 3)."""
    return spreadsheet_date(text)[:2]


def _full_year(digits: str) -> int:
    """Excel's short date writes two digits: 00-29 are 20xx, 30-99 are 19xx (as Excel and Windows read them)."""
    year = int(digits)
    if len(digits) == 2:
        return year + (2000 if year < 30 else 1900)
    return year


def spreadsheet_date(text: str) -> tuple[int, int, int]:
    """As spreadsheet_month, with the day (0 when only a month is written): '15-9-2017' -> (2017, 9, 15)."""
    t = text.strip()
    if len(t) > MAX_NUMBER_CHARS:     # int() of thousands of digits fails; no date is that long
        raise Invalid(f"een waarde van {len(t):,} tekens is geen datum".replace(",", "."), f"a value of {len(t):,} characters is not a date",
                      "bijvoorbeeld 1-3-2025 of 2025-03-01", "for example 1-3-2025 or 2025-03-01")
    parts, month_only = t.split("-"), False
    if t.isascii() and len(parts) == 3 and len(parts[2]) in (2, 4) and len(parts[0]) <= 2 and parts[0].isdigit() \
            and parts[1].isdigit() and parts[2].isdigit():
        day, month, year = int(parts[0]), int(parts[1]), _full_year(parts[2])  # 1-3-2025 or 1-3-25, without a regex
    elif m := _DATE_DMY.fullmatch(t):
        day, month, year = int(m.group(1)), int(m.group(2)), _full_year(m.group(3))
    elif m := _DATE_ISO.fullmatch(t):
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)      # 0: a month alone
        month_only = m.group(3) is None
    else:
        raise Invalid(f"verwacht een datum zoals 1-3-2025 of 2025-03-01, niet '{t}'",
                      f"expected a date such as 1-3-2025 or 2025-03-01, not '{t}'",
                      "een plek telt vanaf de maand van deze datum", "a placement counts from the month of this date")
    if not 1 <= day <= 31 and not month_only:
        raise Invalid(f"dag {day} bestaat niet", f"day {day} does not exist", "schrijf dag-maand-jaar, bijvoorbeeld 1-3-2025",
                      "write day-month-year, for example 1-3-2025")
    checked = _month_checked(year, month)
    if day > 28 and day > _days_in(year, month):      # 31-2-2025, 2025-02-30, 29-2-2025: no such day
        raise Invalid(f"{day} {MONTHS[month - 1]} {year} bestaat niet", f"{day} {MONTHS_EN[month - 1]} {year} does not exist",
                      f"{MONTHS[month - 1]} {year} heeft {calendar.monthrange(year, month)[1]} dagen; "
                      "schrijf dag-maand-jaar, bijvoorbeeld 1-3-2025",
                      f"{MONTHS_EN[month - 1]} {year} has {calendar.monthrange(year, month)[1]} days; "
                      "write day-month-year, for example 1-3-2025")
    return checked + (day,)


MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november",
           "december")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
              "December")


@functools.lru_cache(maxsize=4096)
def _days_in(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


@functools.lru_cache(maxsize=4096)
def _month_checked(year: int, month: int) -> tuple[int, int]:
    """The scenario's own check of a month (schema.year_month), once per month however many days a file names."""
    return year_month(f"{year}-{month:02d}")
