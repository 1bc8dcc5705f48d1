"""Caseload files as people keep them (issue 12 follow-up): a title above the header of an .xlsx or the
data on another sheet, Excel's short date `1-3-25`, a start in the middle of a month said once in the
warnings, and an agency-fee hint for a row that names a column rather than the scenario file.
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from beschut_calc.cli import app
from beschut_calc.core.errors import Invalid
from beschut_calc.inputs.caseload_file import spreadsheet_date, spreadsheet_month

HEADER = "id;gemeente;startdatum;einddatum;uren;loonwaarde;werkgever"
ROWS = [["A1", "Zaanstad", dt.datetime(2025, 3, 1), None, 31, 0.3, "gemeente"],
        ["A2", "Zaanstad", dt.datetime(2025, 9, 1), None, 24, "x", "gemeente"]]      # row A2: a bad wage value


def invoke(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


def scenario(folder: Path, name: str, extra: str = "") -> Path:
    path = folder / "s.yaml"
    path.write_text(f"name: Caseload test\ncaseload: {name}\nyear: 2025\nsubsidy_set: rijk\n{extra}", encoding="utf-8")
    return path


def csv_scenario(folder: Path, rows: list[str], header: str = HEADER, extra: str = "") -> Path:
    (folder / "c.csv").write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return scenario(folder, "c.csv", extra)


def workbook(folder: Path, sheets: dict[str, list[list]], name: str = "c.xlsx") -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    wb.save(folder / name)
    return scenario(folder, name)


XLSX_HEADER = ["Id", "Gemeente", "Startdatum", "Einddatum", "Uren", "Loonwaarde", "Werkgever"]


@pytest.mark.parametrize("above, row_of_a2", [
    ([], 3),                                                       # the header on row 1, as before
    ([["Caseload beschut werk Zaanstad 2025"]], 4),                # a title row
    ([["Caseload beschut werk"], [], ["peildatum", "1-1-2025"], []], 7),   # a title, blank rows, a note
    ([[]], 4),                                                     # one blank row above the header
])
def test_an_xlsx_header_under_a_title_is_found_and_rows_keep_their_spreadsheet_numbers(tmp_path, above, row_of_a2):
    path = workbook(tmp_path, {"Blad1": [*above, XLSX_HEADER, *ROWS]})
    result = invoke(path)
    assert result.exit_code == 2
    assert f"c.xlsx:{row_of_a2}: rij {row_of_a2} (plaatsing 2), kolom Loonwaarde:" in result.stderr, result.stderr


def test_an_xlsx_header_on_another_sheet_is_found(tmp_path):
    good = [XLSX_HEADER, ROWS[0]]
    first = workbook(tmp_path, {"Blad1": [["Titel"], *good]})
    expected = json.loads(invoke(first, "--format", "json").stdout)["caseload"]["by_year"]
    second = workbook(tmp_path, {"Toelichting": [["Deze map bevat de plaatsingen van 2025"], ["zie het tweede blad"]],
                                 "Plaatsingen": [["Titel"], *good]}, name="d.xlsx")
    result = invoke(second, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["caseload"]["by_year"] == expected


def test_an_xlsx_without_a_header_names_the_sheets_searched(tmp_path):
    path = workbook(tmp_path, {"Blad1": [["Caseload"], ["A1", "Zaanstad", 31]], "Notities": [["niets"]]})
    result = invoke(path)
    assert result.exit_code == 2
    assert "kolom 'id' ontbreekt" not in result.stderr
    assert "'Blad1', 'Notities'" in result.stderr and "geen kopregel" in result.stderr and "titel" in result.stderr
    english = invoke(path, "--lang", "en")
    assert "'Blad1', 'Notities'" in english.stderr and "below a title" in english.stderr


def test_an_xlsx_header_with_a_misspelt_column_is_still_named(tmp_path):
    # the first row names known columns but not start: its own columns are checked, as before
    path = workbook(tmp_path, {"Blad1": [["Id", "Gemeente", "Uren", "Loonwaarde"], ["A1", "Zaanstad", 31, 0.3]]})
    result = invoke(path)
    assert result.exit_code == 2 and "kolom 'start' ontbreekt" in result.stderr and "c.xlsx:1:" in result.stderr


def test_an_xlsx_header_search_is_bounded_to_the_first_rows(tmp_path):
    path = workbook(tmp_path, {"Blad1": [*[["uitleg"]] * 25, XLSX_HEADER, ROWS[0]]})
    result = invoke(path)
    assert result.exit_code == 2 and "geen kopregel" in result.stderr


def test_excel_short_date_with_a_two_digit_year():
    assert spreadsheet_month("1-3-25") == spreadsheet_month("01/03/25") == spreadsheet_month("1.3.25") == (2025, 3)
    assert spreadsheet_month("1-3-29") == (2029, 3)
    assert spreadsheet_date("15-9-17") == (2017, 9, 15)
    with pytest.raises(Invalid, match="1930"):          # 30-99 are 19xx, and refused as before 2015
        spreadsheet_month("1-3-30")
    for impossible in ("31-2-2025", "31-2-25", "29-2-25"):
        with pytest.raises(Invalid, match="bestaat niet"):
            spreadsheet_month(impossible)
    assert spreadsheet_month("29-2-24") == (2024, 2)
    assert spreadsheet_date("2025-03") == (2025, 3, 0)       # a month alone: no day written


def test_a_short_date_in_a_caseload_gives_what_the_long_one_gives(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    short = csv_scenario(tmp_path / "a", ["A1;Zaanstad;1-3-25;31-12-26;31;30%;gemeente"])
    long = csv_scenario(tmp_path / "b", ["A1;Zaanstad;1-3-2025;31-12-2026;31;30%;gemeente"])
    one, two = invoke(short, "--format", "json"), invoke(long, "--format", "json")
    assert one.exit_code == 0, one.stderr
    assert json.loads(one.stdout)["caseload"]["by_year"] == json.loads(two.stdout)["caseload"]["by_year"]


def warnings_of(result) -> list[str]:
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)["caseload"]["warnings"]


def test_a_start_after_the_first_is_said_once(tmp_path):
    path = csv_scenario(tmp_path, ["P1;Zaanstad;1-3-2017;;31;30%;gemeente", "P2;Zaanstad;15-9-2017;;31;30%;gemeente",
                                   "P3;Zaanstad;2-10-2017;;31;30%;gemeente"], extra="")
    path.write_text(path.read_text(encoding="utf-8").replace("year: 2025", "year: 2017"), encoding="utf-8")
    said = [w for w in warnings_of(invoke(path, "--format", "json")) if "niet op de 1e" in w]
    assert said == ["2 plaatsing(en) beginnen niet op de 1e (zoals P2 op 15-9-2017): een plek telt per hele maand, dus "
                    "september telt volledig; zet 1-10-2017 als september niet mee moet tellen"]
    english = [w for w in warnings_of(invoke(path, "--format", "json", "--lang", "en")) if "1st" in w]
    assert english == ["2 placement(s) do not start on the 1st (such as P2 on 15-9-2017): a place counts per whole month, "
                       "so September counts in full; write 1-10-2017 if September should not count"]


def test_a_start_on_the_first_or_a_month_alone_is_not_remarked(tmp_path):
    path = csv_scenario(tmp_path, ["P1;Zaanstad;1-3-2025;31-12-2025;31;30%;gemeente", "P2;Zaanstad;2025-09;2026-02;31;30%;gemeente"])
    assert not [w for w in warnings_of(invoke(path, "--format", "json")) if "hele maand" in w]


def test_an_end_before_the_last_day_is_said_once(tmp_path):
    path = csv_scenario(tmp_path, ["P1;Zaanstad;1-3-2025;1-11-2025;31;30%;gemeente", "P2;Zaanstad;1-3-2025;30-11-2025;31;30%;gemeente"])
    said = [w for w in warnings_of(invoke(path, "--format", "json")) if "laatste dag" in w]
    assert said == ["1 plaatsing(en) eindigen niet op de laatste dag van de maand (zoals P1 op 1-11-2025): een plek telt per "
                    "hele maand, dus november telt volledig; zet 31-10-2025 als november niet mee moet tellen"]


def test_the_agency_fee_hint_for_a_row_names_a_column(tmp_path):
    path = csv_scenario(tmp_path, ["A1;Zaanstad;1-3-2025;;31;30%;uitzendbureau"])
    result = invoke(path)
    assert result.exit_code == 2
    assert "voeg een kolom uitzendtoeslag toe (bijvoorbeeld 15%), of zet overrides: {agency_fee: 15%} in het scenario als " \
           "het voor alle regels geldt" in result.stderr, result.stderr
    assert "voeg toe: overrides" not in result.stderr
    english = invoke(path, "--lang", "en")
    assert "add a column agency_fee (for example 15%), or set overrides: {agency_fee: 15%} in the scenario if it holds " \
           "for every row" in english.stderr, english.stderr


def test_the_agency_fee_hint_of_an_ordinary_scenario_is_unchanged(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text("name: Een plek\nyear: 2025\nhours: 31\nwage_value: 30%\nemployer_model: temp_agency\n", encoding="utf-8")
    result = invoke(path)
    assert result.exit_code == 2 and "voeg toe: overrides: {agency_fee: 15%}" in result.stderr, result.stderr


def test_a_sheet_too_wide_for_a_caseload_is_passed_over_unparsed_and_named_when_alone(tmp_path):
    wide = [[f"kolom {i}" for i in range(250)], list(range(250))]
    both = workbook(tmp_path, {"Overzicht": wide, "Plaatsingen": [["Titel"], XLSX_HEADER, ROWS[0]]})
    result = invoke(both)
    assert result.exit_code == 0, result.stderr
    alone = workbook(tmp_path, {"Overzicht": wide}, name="d.xlsx")
    result = invoke(alone)
    assert result.exit_code == 2 and "250 cellen; hooguit 200" in result.stderr, result.stderr
