"""Hostile and nonsensical caseload files (issue 24): every cause of the issue and variations of it.

Each file is generated in tmp. Every answer is exit 0 or 2, never 1; no elfproef-valid BSN appears in
any output or message, however it was written; no raw escape or direction character reaches the
terminal; nothing is left behind on a refusal. How quickly the bounds answer is measured by
bench/hardening.py (printing times), not here.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from beschut_calc.cli import app
from beschut_calc.core.personal import has_bsn
from beschut_calc.inputs import caseload_file
from beschut_calc.inputs.caseload_file import spreadsheet_month, spreadsheet_number

HEADER = "id;gemeente;startdatum;einddatum;uren;loonwaarde;werkgever;uitzendtoeslag;begeleidingskosten;proefplaatsing"
GOOD = ["A1", "Zaanstad", "1-3-2025", "", "31", "30%", "uitzendbureau", "15%", "", "0"]
BSN = "123456782"          # 9+16+21+24+25+24+21+16-2 = 154 = 14 x 11: passes the elfproef
RAW = ("\x1b", "\u202e", "\x07")


def invoke(*args, env=None):
    return CliRunner().invoke(app, [str(a) for a in args], env=env)


def row(**changes) -> str:
    cells = list(GOOD)
    for index, value in changes.items():
        cells[int(index[1:])] = value
    return ";".join(cells)


def scenario(folder: Path, rows: list[str], header: str = HEADER, name: str = "c.csv", extra: str = "",
             raw: bytes | None = None) -> Path:
    target = folder / name
    if raw is not None:
        target.write_bytes(raw)
    elif name.endswith(".csv"):
        target.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    path = folder / "s.yaml"
    path.write_text(f"name: Caseload test\ncaseload: {name}\nyear: 2025\nsubsidy_set: rijk\n{extra}", encoding="utf-8")
    return path


def refused(result, *words) -> str:
    """Exit 2, one message, nothing on stdout, no traceback, no BSN; returns stderr."""
    assert result.exit_code == 2, (result.exit_code, result.stdout[-500:], result.stderr[-2000:])
    assert result.stdout == "" and "Traceback" not in result.stderr and "intern" not in result.stderr
    assert not has_bsn(result.stderr) and BSN not in result.stderr
    for word in words:
        assert word in result.stderr, (word, result.stderr)
    return result.stderr


# ---------------------------------------------------------------- 1. special and huge numbers

COLUMNS = {4: "uren", 5: "loonwaarde", 7: "uitzendtoeslag", 8: "begeleidingskosten", 9: "proefplaatsing"}


@pytest.mark.parametrize("value", ["sNaN", "inf", "-Infinity", "+inf", "1E999999999", "1e-999999999", "NaN", "nan123",
                                   "1e308", "9" * 31, "9" * 5000, "1" * 29, "-0", "1e5%", "inf%", "∞", "１２"])
@pytest.mark.parametrize("column", sorted(COLUMNS))
def test_special_and_huge_numbers_are_refused_by_row_and_column(tmp_path, column, value):
    result = invoke(scenario(tmp_path, [row(**{f"c{column}": value})]), "--format", "json")
    if result.exit_code == 0:      # -0 is a valid 0 where 0 is (a wage value, a fee, costs, trial months)
        assert value == "-0" and column != 4, result.stdout[:300]
        return
    err = refused(result)
    assert "c.csv:2" in err and f"kolom {COLUMNS[column]}" in err, err


def test_the_number_reader_bounds_its_input_before_converting():
    from beschut_calc.core.errors import Invalid

    for text in ("9" * 31, "9" * 1_000_000, "sNaN", "-Infinity", "1E999999999"):
        with pytest.raises(Invalid):
            spreadsheet_number(text)
    assert spreadsheet_number("31,5") == spreadsheet_number("31.5")
    assert spreadsheet_number("1e3") == 1000        # an exponent of up to three digits is a number
    with pytest.raises(Invalid):
        spreadsheet_month("9" * 5000 + "-1-2025")


# ---------------------------------------------------------------- 2. long digit strings, COLUMNS

@pytest.mark.parametrize("size", [5_000, 1_000_000, 10_000_000])
def test_a_huge_digit_cell_is_refused_at_once(tmp_path, size):
    err = refused(invoke(scenario(tmp_path, [row(c4="9" * size)])), "c.csv:2")
    assert "9" * 100 not in err


def test_a_huge_digit_columns_variable_is_ignored(tmp_path):
    from test_bad_inputs import console_script

    path = scenario(tmp_path, [row()])
    for env in ({"COLUMNS": "9" * 5000}, {"COLUMNS": "9" * 5000, "LINES": "9" * 5000}, {"COLUMNS": "８０"}):
        out = subprocess.run([console_script(), str(path)], capture_output=True, text=True, timeout=60,
                             env={**os.environ, **env}, stdin=subprocess.DEVNULL)
        assert out.returncode == 0, out.stderr


# ---------------------------------------------------------------- 3. unreadable files

def test_a_file_without_read_permission_is_named(tmp_path, monkeypatch):
    """Simulated (as root, chmod 000 cannot be observed): open() answers as for an ordinary user."""
    path = scenario(tmp_path, [row()])

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(caseload_file, "open", denied, raising=False)
    err = refused(invoke(path), "c.csv", "geen toestemming", "leesrechten")
    assert "uitvoer" not in err
    result = invoke(path, "--lang", "en")
    assert result.exit_code == 2 and "permission denied" in result.stderr


def test_an_unreadable_workbook_is_named(tmp_path, monkeypatch):
    import zipfile

    path = scenario(tmp_path, [], name="c.xlsx", raw=b"PK")

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(zipfile, "ZipFile", denied)
    refused(invoke(path), "c.xlsx", "geen toestemming")


@pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="needs Linux /proc")
@pytest.mark.parametrize("target", ["/proc/self/pagemap", "/proc/self/mem", "/proc/self/status", "/dev/zero", "/dev/null"])
def test_a_link_to_a_system_file_is_refused_as_the_caseload(tmp_path, target):
    os.symlink(target, tmp_path / "c.csv")
    err = refused(invoke(_linked(tmp_path)), "c.csv")
    assert "uitvoer" not in err and "output" not in err


def _linked(folder: Path) -> Path:
    path = folder / "s.yaml"
    path.write_text("name: x\ncaseload: c.csv\nyear: 2025\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("make, words", [
    (lambda p: p.mkdir(), "map"),
    (lambda p: None, "bestaat niet"),
])
def test_a_folder_or_a_missing_file(tmp_path, make, words):
    make(tmp_path / "c.csv")
    refused(invoke(_linked(tmp_path)), "c.csv", words)


# ---------------------------------------------------------------- 7. escape codes in headers and paths

def test_unused_headers_reach_the_terminal_escaped(tmp_path):
    header = HEADER + ";\x1b[2J\u202eopmerking;\x07bel"
    path = scenario(tmp_path, [row() + ";x;y"], header=header)
    table = invoke(path)
    assert table.exit_code == 0, table.stderr
    assert not any(c in table.stdout + table.stderr for c in RAW)
    assert "\\x1b[2J\\u202eopmerking" in table.stdout
    warnings = json.loads(invoke(path, "--format", "json").stdout)["caseload"]["warnings"]
    assert any("\\x1b[2J" in w for w in warnings) and not any(c in "".join(warnings) for c in RAW)


def test_a_path_with_an_escape_code_reaches_the_terminal_escaped(tmp_path):
    folder = tmp_path / "map\x1b[31m\u202e"
    folder.mkdir()
    path = scenario(folder, [row()])
    result = invoke(path)
    assert result.exit_code == 0, result.stderr
    assert not any(c in result.stdout + result.stderr for c in RAW)
    bad = scenario(folder, [row(c4="99")])
    assert not any(c in invoke(bad).stderr for c in RAW)


# ---------------------------------------------------------------- 8. a BSN, however written, wherever it is

WRITTEN = [BSN, "123 456 782", "123-45-6782", "123.456.782", "0123456782", "123456782.0", "BSN123456782",
           "bsn: 123456782", "123\u00a0456\u00a0782", "00123456782"]


@pytest.mark.parametrize("written", WRITTEN)
@pytest.mark.parametrize("column", [0, 1, 4, 5, 8, "unused"])
def test_a_bsn_is_refused_wherever_and_however_written(tmp_path, column, written):
    if column == "unused":
        path = scenario(tmp_path, [row() + f";{written}"], header=HEADER + ";opmerking")
    else:
        path = scenario(tmp_path, [row(**{f"c{column}": written})])
    for args in ((), ("--format", "json"), ("--lang", "en")):
        err = refused(invoke(path, *args))
        # a text column names the lines with a BSN; a number column refuses the cell without repeating it
        assert written not in err and "BSN" in err and ("regel 2" in err or "line 2" in err or "c.csv:2" in err), err


@pytest.mark.parametrize("written", WRITTEN[:7])
def test_a_bsn_as_a_header_or_a_name_is_refused(tmp_path, written):
    refused(invoke(scenario(tmp_path, [row() + ";x"], header=HEADER + f";{written}")), "c.csv:1", "BSN")
    path = scenario(tmp_path, [row()])
    path.write_text(path.read_text(encoding="utf-8").replace("Caseload test", f"'{written}'"), encoding="utf-8")
    refused(invoke(path, "--format", "json"), "BSN")


def test_a_bsn_is_found_in_an_excel_caseload(tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["id", "gemeente", "start", "uren", "loonwaarde"])
    ws.append(["A1", "Zaanstad", "1-3-2025", 31, "30%"])
    ws.append([123456782, "Zaanstad", "1-3-2025", 31, "30%"])      # a number cell, read back as 123456782
    wb.save(tmp_path / "c.xlsx")
    refused(invoke(scenario(tmp_path, [], name="c.xlsx")), "BSN", "regel 3")


def test_no_false_alarm_on_dates_years_amounts_and_ordinary_ids(tmp_path):
    rows = [row(c0="P00000001", c2="01-03-2025", c3="2025-12-31", c8="12.500"), row(c0="X-2016-2017", c2="2025-03-01")]
    result = invoke(scenario(tmp_path, rows))
    assert result.exit_code == 0, result.stderr
    for text in ("01-03-2025", "2016-2017", "10.81-12.29", "1234567.82", "2025-03-01 00:00:00", "123456789"):
        assert not has_bsn(text), text
    example = Path(__file__).resolve().parent.parent / "scenarios" / "caseload-zaanstreek-voorbeeld.yaml"
    assert invoke(example, "--format", "json").exit_code == 0


def test_a_value_that_could_be_a_personal_number_is_never_quoted(tmp_path):
    # 123456789 fails the elfproef, so the file is not refused for it, but it is not repeated either
    err = refused(invoke(scenario(tmp_path, [row(c4="123456789")])), "c.csv:2", "kolom uren")
    assert "123456789" not in err


def test_the_json_and_the_workbook_check_what_they_echo(tmp_path):
    from beschut_calc.core.errors import InputError
    from beschut_calc.report import excel_cells, jsonout

    with pytest.raises(InputError):
        jsonout.dumps({"scenarios": [{"name": "Gemeente 123 456 782"}]})
    with pytest.raises(InputError):
        jsonout.dumps({"caseload": {"placements": jsonout.OneLineEach([{"id": "P1"}, {"id": "123-45-6782"}])}})
    # our own texts (sources) and amounts are not searched: a source naming 2016-2017 or a large amount is written
    assert '"amount": 123456782' in jsonout.dumps({"scenarios": [{"source": "Stcrt. 2016-2017", "amount": 123456782}]})

    import openpyxl

    cell = openpyxl.Workbook().active["A1"]
    with pytest.raises(InputError):
        excel_cells.put_text(cell, "BSN123456782")
    excel_cells.put_text(cell, "9.82-10.81: € 1.01/hour; 10.81-12.29: € 0.51/hour")
    assert cell.value.startswith("9.82")


# ---------------------------------------------------------------- 11, 12: headers and fields bounded

def test_many_unused_columns_are_counted_not_each_named(tmp_path):
    count = caseload_file.MAX_COLUMNS - len(HEADER.split(";"))
    header = HEADER + "".join(f";notitie {i}" for i in range(count))
    result = invoke(scenario(tmp_path, [row() + ";x" * count], header=header), "--format", "json")
    assert result.exit_code == 0, result.stderr
    warnings = json.loads(result.stdout)["caseload"]["warnings"]
    assert sum("niet gebruikt" in w for w in warnings) == 6 and any(f"Nog {count - 5} kolommen" in w for w in warnings)


@pytest.mark.parametrize("header, words", [
    (HEADER + "".join(f";n{i}" for i in range(20_000)), "langer dan"),           # a long header line
    (HEADER + "".join(f";n{i}" for i in range(500)), "kolommen; hooguit"),       # too many columns
    (HEADER + ";" + "n" * 50_000_000, "langer dan"),                             # one 50 MB header
])
def test_a_huge_header_is_refused_before_parsing(tmp_path, header, words):
    refused(invoke(scenario(tmp_path, [row()], header=header)), "c.csv:1", words)


@pytest.mark.parametrize("extra", [1, 3, 100, 1_000_000])
def test_extra_fields_in_the_first_data_row_are_refused(tmp_path, extra):
    err = refused(invoke(scenario(tmp_path, [row() + ";x" * extra, row(c0="A2")])), "c.csv:2")
    assert "velden" in err or "langer dan" in err


def test_extra_fields_further_down_keep_their_line(tmp_path):
    refused(invoke(scenario(tmp_path, [row(), row(c0="A2"), row(c0="A3") + ";x;y"])), "c.csv:4", "velden")


# ---------------------------------------------------------------- the rest of the list

@pytest.mark.parametrize("date", ["31-2-2025", "2025-02-30", "29-2-2025", "31-4-2025", "2025-04-31 00:00:00", "30/2/2025"])
def test_impossible_dates_are_refused(tmp_path, date):
    err = refused(invoke(scenario(tmp_path, [row(c2=date)])), "c.csv:2", "bestaat niet")
    assert "kolom startdatum" in err


def test_a_leap_day_is_a_date(tmp_path):
    assert spreadsheet_month("29-2-2024") == (2024, 2)
    assert invoke(scenario(tmp_path, [row(c2="29-2-2028")])).exit_code == 0


def test_the_horizon_stops_at_2100_as_an_ordinary_years_does(tmp_path):
    path = scenario(tmp_path, [row(c2="1-1-2100")])
    path.write_text(path.read_text(encoding="utf-8").replace("year: 2025", "year: 2100"), encoding="utf-8")
    result = invoke(path, "--years", "5", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert [y["year"] for y in json.loads(result.stdout)["caseload"]["by_year"]] == [2100]


def test_bad_input_with_stderr_on_a_full_disk_exits_2(tmp_path):
    from test_bad_inputs import console_script

    path = scenario(tmp_path, [row(c4="99")])
    with open("/dev/full", "w") as full:
        out = subprocess.run([console_script(), str(path)], stdout=subprocess.PIPE, stderr=full, timeout=60,
                             stdin=subprocess.DEVNULL)
    assert out.returncode == 2 and out.stdout == b""


@pytest.mark.parametrize("encoding, name", [("utf-16", "UTF-16"), ("utf-16-be", "UTF-16"), ("utf-32", "UTF-32")])
def test_another_encoding_is_named(tmp_path, encoding, name):
    raw = ("\n".join([HEADER, row()]) + "\n").encode(encoding)
    if encoding == "utf-16-be":
        raw = b"\xfe\xff" + raw
    refused(invoke(scenario(tmp_path, [], raw=raw)), name, "UTF-8")


def test_an_unclosed_quote_gets_its_line(tmp_path):
    refused(invoke(scenario(tmp_path, [row(), '"' + row(c0="A2"), row(c0="A3")])), "c.csv:3", "aanhalingsteken")


def test_a_read_only_home_gives_no_english_matplotlib_warning(tmp_path):
    from test_bad_inputs import console_script

    home = tmp_path / "home-is-a-file"
    home.write_text("", encoding="utf-8")
    path = scenario(tmp_path, [row()])
    env = {k: v for k, v in os.environ.items() if k not in ("MPLCONFIGDIR", "XDG_CONFIG_HOME", "XDG_CACHE_HOME")}
    out = subprocess.run([console_script(), str(path), "--chart", str(tmp_path / "g.png")], capture_output=True, text=True,
                         timeout=120, env={**env, "HOME": str(home)}, stdin=subprocess.DEVNULL)
    assert out.returncode == 0, out.stderr
    assert "Matplotlib" not in out.stderr and "MPLCONFIGDIR" not in out.stderr


# ---------------------------------------------------------------- Excel: real rows, unpacked size, columns

def _workbook(path: Path, rows: int, columns: int = 5, dimension: str | None = None) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["id", "gemeente", "start", "uren", "loonwaarde"] + [f"notitie {i}" for i in range(columns - 5)])
    for i in range(rows):
        ws.append([f"A{i}", "Zaanstad", "1-3-2025", 31, "30%"] + ["x"] * (columns - 5))
    wb.save(path)
    if dimension:      # what a damaged or hostile file declares
        import zipfile

        with zipfile.ZipFile(path) as z:
            parts = {n: z.read(n) for n in z.namelist()}
        sheet = "xl/worksheets/sheet1.xml"
        parts[sheet] = re.sub(rb'<dimension ref="[^"]*"', f'<dimension ref="{dimension}"'.encode(), parts[sheet], count=1)
        assert dimension.encode() in parts[sheet]
        with zipfile.ZipFile(path, "w") as z:
            for n, data in parts.items():
                z.writestr(n, data)


def test_a_workbook_is_counted_by_its_real_rows_not_its_declared_size(tmp_path, monkeypatch):
    from beschut_calc.core import limits

    _workbook(tmp_path / "c.xlsx", 3, dimension="A1:XFD1048576")
    assert invoke(scenario(tmp_path, [], name="c.xlsx"), "--format", "json").exit_code == 0
    monkeypatch.setattr(limits, "CASELOAD_ROWS", limits.Limit("caseload", 5, "regels", "lines", "splits", "split"))
    _workbook(tmp_path / "c.xlsx", 8, dimension="A1:E2")
    refused(invoke(scenario(tmp_path, [], name="c.xlsx")), "te veel werk")


def test_a_workbook_is_bounded_by_its_unpacked_size_and_columns(tmp_path, monkeypatch):
    import openpyxl

    _workbook(tmp_path / "c.xlsx", 3, columns=caseload_file.MAX_COLUMNS + 1)
    refused(invoke(scenario(tmp_path, [], name="c.xlsx")), "hooguit 200")
    wb = openpyxl.Workbook()          # a short header over rows of many cells: counted in the XML
    wb.active.append(["id", "gemeente", "start", "uren", "loonwaarde"])
    wb.active.append(["A1", "Zaanstad", "1-3-2025", 31, "30%"] + ["x"] * 1000)
    wb.save(tmp_path / "c.xlsx")
    refused(invoke(scenario(tmp_path, [], name="c.xlsx")), "c.xlsx:2", "1.005 cellen")
    _workbook(tmp_path / "c.xlsx", 3)
    monkeypatch.setattr(caseload_file, "MAX_XLSX_UNPACKED", 1000)
    refused(invoke(scenario(tmp_path, [], name="c.xlsx")), "uitgepakt te groot")


def test_a_damaged_workbook_is_named(tmp_path):
    refused(invoke(scenario(tmp_path, [], name="c.xlsx", raw=b"PK\x03\x04 not a zip")), "c.xlsx", "Excel")


# ---------------------------------------------------------------- nothing left behind

def test_nothing_is_written_on_a_refusal(tmp_path):
    path = scenario(tmp_path, [row(c0="123 456 782")])
    targets = [tmp_path / "m.xlsx", tmp_path / "m.docx", tmp_path / "g.png"]
    result = invoke(path, "--excel", targets[0], "--word", targets[1], "--chart", targets[2])
    refused(result)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.csv", "s.yaml"]


# ---------------------------------------------------------------- 10. the Word annex of many municipalities

def test_the_caseload_annex_builds_its_tables_in_one_piece(tmp_path):
    import docx

    rows = [row(c0=f"A{i}", c1=f"Gemeente {i % 300}", c6="gemeente", c7="") for i in range(600)]
    target = tmp_path / "b.docx"
    result = invoke(scenario(tmp_path, rows), "--word", target)
    assert result.exit_code == 0, result.stderr
    table = docx.Document(str(target)).tables[0]
    assert len(table.rows) == 302 and table.rows[0].cells[0].text == "Gemeente"
    assert table.rows[-1].cells[0].text == "Totaal" and table.rows[-1].cells[0].paragraphs[0].runs[0].bold
    assert table.rows[1].cells[1].paragraphs[0].alignment is not None          # amounts right-aligned
    assert 'w:tblHeader' in table.rows[0]._tr.xml and 'w:cantSplit' in table.rows[5]._tr.xml
