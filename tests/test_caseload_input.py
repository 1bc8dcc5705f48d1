"""Caseload files as advisers keep them, and as they go wrong (issue 12, item 1).

Dutch CSV as Excel writes it (`;`, decimal comma, `30%`, `1-3-2025`), Excel files, Dutch headers;
every bad row reported at once with its line and column; a BSN-like id refused without echoing it.
"""
from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from beschut_calc.cli import app
from beschut_calc.inputs.caseload import bsn_like
from beschut_calc.inputs.caseload_file import spreadsheet_month, spreadsheet_number

HEADER = "id;gemeente;startdatum;einddatum;uren;loonwaarde;werkgever"


def invoke(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


def scenario(folder: Path, rows: list[str], header: str = HEADER, name: str = "c.csv", extra: str = "") -> Path:
    (folder / name).write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    path = folder / "s.yaml"
    path.write_text(f"name: Caseload test\ncaseload: {name}\nyear: 2025\nsubsidy_set: rijk\n{extra}", encoding="utf-8")
    return path


def totals(result) -> list[dict]:
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)["caseload"]["by_year"]


def test_dutch_spreadsheet_values():
    assert spreadsheet_number("31,5") == spreadsheet_number("31.5")
    assert spreadsheet_number("30,5%") == "30.5%"
    assert spreadsheet_number("9.000", euro=True) == 9000
    assert spreadsheet_month("1-3-2025") == spreadsheet_month("2025-03-01") == spreadsheet_month("2025-03") == (2025, 3)
    assert spreadsheet_month("2025-03-01 00:00:00") == (2025, 3)     # an Excel date read as text


def test_elfproef():
    import pandas as pd

    ids = pd.Series(["111222333", "123456789", "P0001", "10000008", "000000000"])
    # 111222333 passes the elfproef (9+8+7+12+10+8+9+6-3 = 66); 123456789 does not (285 - 9 = 276 = 25 x 11 + 1);
    # 010000008, an id whose leading zero Excel dropped, does (8 - 8 = 0); all zeros is no number
    assert list(bsn_like(ids)) == [True, False, False, True, False]


def test_same_totals_from_english_and_dutch_headers_and_formats(tmp_path):
    dutch = scenario(tmp_path / "nl" if (tmp_path / "nl").mkdir() is None else None,
                     ["A1;Zaanstad;1-3-2025;;31,5;30%;gemeente", "A2;Purmerend;15-7-2025;31-10-2025;24;45%;reguliere werkgever"])
    english = scenario(tmp_path / "en" if (tmp_path / "en").mkdir() is None else None,
                       ["A1,Zaanstad,2025-03,,31.5,0.3,municipality", "A2,Purmerend,2025-07-15,2025-10-31,24,45%,regular"],
                       header="id,municipality,start,end,hours,wage_value,employer_model")
    assert totals(invoke(dutch, "--format", "json")) == totals(invoke(english, "--format", "json"))


def test_an_excel_caseload_gives_what_the_csv_gives(tmp_path):
    import datetime as dt

    import openpyxl

    csv_path = scenario(tmp_path, ["A1;Zaanstad;1-3-2025;;31;30%;gemeente", "A2;Zaanstad;1-9-2025;;24;40%;gemeente"])
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Id", "Gemeente", "Startdatum", "Einddatum", "Uren", "Loonwaarde", "Werkgever"])
    ws.append(["A1", "Zaanstad", dt.datetime(2025, 3, 1), None, 31, 0.3, "gemeente"])
    ws.append(["A2", "Zaanstad", dt.datetime(2025, 9, 1), None, 24, 0.4, "gemeente"])
    ws["F2"].number_format = ws["F3"].number_format = "0%"
    wb.save(tmp_path / "c.xlsx")
    xlsx_path = tmp_path / "x.yaml"
    xlsx_path.write_text(csv_path.read_text(encoding="utf-8").replace("c.csv", "c.xlsx"), encoding="utf-8")
    assert totals(invoke(csv_path, "--format", "json")) == totals(invoke(xlsx_path, "--format", "json"))


def test_every_bad_row_is_reported_with_line_and_column(tmp_path):
    path = scenario(tmp_path, ["A1;Zaanstad;1-3-2025;;31;30%;gemeente",
                               "A2;Zaanstad;1-3-2025;;99;30%;gemeente",          # line 3: hours
                               "A3;Zaanstad;31-13-2025;;31;30%;gemeente",        # line 4: start
                               "A4;Zaanstad;1-3-2025;;31;30;gemeente",           # line 5: wage value without %
                               "A5;Zaanstad;1-3-2025;;31;30%;werkgever X",       # line 6: employer model
                               "A1;Zaanstad;1-3-2025;;31;30%;gemeente"])         # line 7: repeated id
    target = tmp_path / "uit.xlsx"
    result = invoke(path, "--excel", target)              # how quickly: bench/refusals.py
    assert result.exit_code == 2
    err = result.stderr
    assert "Traceback" not in err and not target.exists()
    lines = err.strip().splitlines()
    assert lines[0].startswith(str(path.parent / "c.csv")) and "5 fout(en)" in lines[0]
    for line_no, column in ((3, "uren"), (4, "startdatum"), (5, "loonwaarde"), (6, "werkgever"), (7, "id")):
        # the line is the row a spreadsheet shows; the placement counts the data rows
        assert any(f"c.csv:{line_no}: rij {line_no} (plaatsing {line_no - 1}), kolom {column}:" in line for line in lines[1:]), \
            (line_no, column, err)
    assert "bedoelt u 30%?" in err                      # the scenario's own hint for a bare 30
    assert "regular" in err                             # the employer models to choose from


def test_at_most_twenty_problems_are_listed(tmp_path):
    rows = [f"A{i};Zaanstad;1-3-2025;;31;30;gemeente" for i in range(50)]
    result = invoke(scenario(tmp_path, rows))
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert "50 fout(en)" in lines[0] and "de eerste 20" in lines[0]
    assert len(lines) == 21


def test_a_bsn_like_id_is_refused_and_never_echoed(tmp_path):
    path = scenario(tmp_path, ["P1;Zaanstad;1-3-2025;;31;30%;gemeente", "111222333;Zaanstad;1-3-2025;;31;30%;gemeente"])
    result = invoke(path, "--format", "json")
    assert result.exit_code == 2 and result.stdout == ""
    assert "BSN" in result.stderr and "pseudoniem" in result.stderr and "regel 3" in result.stderr
    assert "111222333" not in result.stderr


def test_temp_agency_rows_need_an_agency_fee(tmp_path):
    path = scenario(tmp_path, ["A1;Zaanstad;1-3-2025;;31;30%;uitzendbureau"])
    result = invoke(path)
    assert result.exit_code == 2
    assert "c.csv:2: rij 2 (plaatsing 1), kolom werkgever:" in result.stderr and "agency_fee" in result.stderr
    ok = scenario(tmp_path, ["A1;Zaanstad;1-3-2025;;31;30%;uitzendbureau;18%"], header=HEADER + ";uitzendtoeslag")
    assert invoke(ok).exit_code == 0


def test_a_column_no_rule_reads_is_named_in_the_warnings_but_a_bsn_in_it_refuses_the_file(tmp_path):
    header = HEADER + ";opmerking"
    path = scenario(tmp_path, ["A1;Zaanstad;1-3-2025;;31;30%;gemeente;begeleider Jan"], header=header)
    result = invoke(path, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert any("De kolom 'opmerking'" in w and "niet gebruikt" in w for w in json.loads(result.stdout)["caseload"]["warnings"])
    path = scenario(tmp_path, ["A1;Zaanstad;1-3-2025;;31;30%;gemeente;111222333"], header=header)
    result = invoke(path)
    assert result.exit_code == 2 and "BSN" in result.stderr and "111222333" not in result.stderr
    assert "opmerking" in result.stderr
    path = scenario(tmp_path, ["A1;Zaanstad;1-3-2025;;31;30%;gemeente;x"], header=HEADER + ";BSN")
    result = invoke(path)
    assert result.exit_code == 2 and "geen burgerservicenummers" in result.stderr


@pytest.mark.parametrize("header, rows, words", [
    ("id;gemeente;startdatum;uren;loonwaarde;loonwaade", ["A1;Zaanstad;1-3-2025;31;30%;30%"], "onbekende kolom 'loonwaade'"),
    ("id;gemeente;uren;loonwaarde", ["A1;Zaanstad;31;30%"], "kolom 'start' ontbreekt"),
    ("id;gemeente;startdatum;loonwaarde", ["A1;Zaanstad;1-3-2025;30%"], "kolom 'uren' ontbreekt"),
])
def test_columns_are_checked_at_the_header(tmp_path, header, rows, words):
    result = invoke(scenario(tmp_path, rows, header=header))
    assert result.exit_code == 2 and words in result.stderr and "c.csv:1:" in result.stderr


def test_scenario_defaults_fill_empty_cells(tmp_path):
    bare = scenario(tmp_path, ["A1;Zaanstad;1-3-2025;;;;"], extra="hours: 31\nwage_value: 30%\n")
    full = scenario(tmp_path, ["A1;Zaanstad;1-3-2025;;31;30%;gemeente"], name="d.csv")
    assert totals(invoke(bare, "--format", "json")) == totals(invoke(full, "--format", "json"))


def test_analyses_of_one_place_are_refused_for_a_caseload_alone(tmp_path):
    path = scenario(tmp_path, ["A1;Zaanstad;1-3-2025;;31;30%;gemeente"])
    for option in (["--sweep", "hours=20:30:5"], ["--breakeven", "hours"], ["--sensitivity"]):
        result = invoke(path, *option)
        assert result.exit_code == 2 and "werkt niet met een caseload" in result.stderr, option
        assert len(result.stderr.strip().splitlines()) == 1


def test_a_missing_caseload_file_is_named(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text("name: x\ncaseload: weg.csv\nyear: 2025\n", encoding="utf-8")
    result = invoke(path)
    assert result.exit_code == 2 and "weg.csv" in result.stderr and "bestaat niet" in result.stderr


def test_by_employer_model_and_markdown(tmp_path):
    path = scenario(tmp_path, ["A1;Zaanstad;1-3-2025;;31;30%;gemeente", "A2;Zaanstad;1-3-2025;;31;30%;regulier"])
    table = invoke(path, "--by", "employer_model")
    assert table.exit_code == 0 and "Gemeente (eigen dienst)" in table.stdout and "Reguliere werkgever" in table.stdout
    md = invoke(path, "--format", "markdown", "--years", "2")
    assert md.exit_code == 0 and "#### Caseload test — 2026" in md.stdout and "| **Totaal** |" in md.stdout


def test_line_numbers_survive_comments_and_blank_lines(tmp_path):
    path = scenario(tmp_path, ["A1;Zaanstad;1-3-2025;;31;30%;gemeente", "", "A2;Zaanstad;1-3-2025;;31;3O%;gemeente"],
                    header="# eigen kop\n# tweede regel\n" + HEADER)
    result = invoke(path)
    assert result.exit_code == 2
    assert "c.csv:6: rij 6 (plaatsing 2), kolom loonwaarde:" in result.stderr, result.stderr     # 2 comment lines, header, row, blank line, row


def test_the_table_fits_80_columns_and_no_amount_is_cut(tmp_path):
    """Issue 11 item 4 holds for the caseload too: columns that do not fit go to a next block."""
    import os
    import subprocess

    from test_bad_inputs import console_script

    example = Path(__file__).resolve().parent.parent / "scenarios" / "caseload-zaanstreek-voorbeeld.yaml"
    out = subprocess.run([console_script(), str(example), "--years", "2"], capture_output=True, text=True, timeout=60,
                         env={**os.environ, "COLUMNS": "80"})
    assert out.returncode == 0, out.stderr
    assert max(len(line) for line in out.stdout.splitlines()) <= 80
    assert "…" not in out.stdout
    assert "€ 1.012.476" in out.stdout and "(2/2)" in out.stdout


def test_the_progress_bar_is_on_stderr_and_only_after_a_second(monkeypatch, capsys):
    import io
    import sys

    from beschut_calc.report import caseload_report

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    err = Terminal()
    monkeypatch.setattr(sys, "stderr", err)
    clock = iter([0.0, 0.2, 5.0, 5.1, 5.2, 5.3, 5.4])
    monkeypatch.setattr(time, "perf_counter", lambda: next(clock))
    progress = caseload_report.Progress("nl")
    progress(1, 4)                       # 0.2 s in: nothing yet
    assert progress.bar is None
    progress(2, 4)                       # 5 s in: the bar appears
    progress(3, 4)
    progress.close()
    assert progress.bar is not None and "jaren doorrekenen" in err.getvalue()
    assert capsys.readouterr().out == ""


def test_an_oversized_caseload_is_refused_before_it_is_parsed(tmp_path, monkeypatch):
    from beschut_calc.core import limits

    monkeypatch.setattr(limits, "CASELOAD_ROWS", limits.Limit("caseload", 5, "regels", "lines", "splits", "split"))
    path = scenario(tmp_path, [f"A{i};Zaanstad;1-3-2025;;31;30%;gemeente" for i in range(10)])
    result = invoke(path)
    assert result.exit_code == 2 and "te veel werk: 10 regels" in result.stderr


def test_full_width_digits_are_not_a_date():
    """As in a scenario file (issue 15): digits that only look like 2025 are refused, not read."""
    from beschut_calc.core.errors import Invalid

    with pytest.raises(Invalid):
        spreadsheet_month("１-３-２０２５")
    assert spreadsheet_number("３１") == "３１"          # left as written, for the scenario's check to refuse
