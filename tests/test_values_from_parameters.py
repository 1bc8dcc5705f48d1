"""Legal values said in prose and examples come from the parameter files (issue 20, item 5).

The caseload's neutral example place, the workbook's notes and the LIV's reason used to write 36 hours,
30 %, 2018 and 2025 themselves. Each test here changes the dated value in a copy of the parameter book
and sees the text or the example follow it; with the shipped files the words are as before.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal as D
from pathlib import Path

import pytest

from beschut_calc.analysis.caseload import compute
from beschut_calc.core.engine import calculate
from beschut_calc.core.parameters import ParameterBook
from beschut_calc.inputs.load import load_scenario
from beschut_calc.report import excel
from beschut_calc.report.formats import example_note
from conftest import SCENARIOS

ZW = SCENARIOS / "zaanstreek-waterland-2017.yaml"
ZW_STATUTORY = SCENARIOS / "zaanstreek-waterland-2017-herberekend.yaml"
CASELOAD = SCENARIOS / "caseload-zaanstreek-voorbeeld.yaml"


def changed(book: ParameterBook, name: str, since: dt.date, value=None, moved_to: dt.date | None = None,
            drop: dt.date | None = None) -> ParameterBook:
    """A copy of `book` with one dated value of `name` changed: its value, or its date (`moved_to`); `drop` removes one."""
    param = book[name]
    values = [pv._replace(value=pv.value if value is None else value, since=moved_to or pv.since) if pv.since == since else pv
              for pv in param.values if pv.since != drop]
    return ParameterBook(parameters={**book.parameters, name: param._replace(values=values)}, digest="changed")


def results_of(path: Path, book: ParameterBook):
    return [calculate(p, book) for p in load_scenario(path).placements]


# ------------------------------------------------------------------ the LIV's reason (core/rules.py _tax)

def _liv_reason(placement, book, year: int) -> str:
    line = calculate(placement(year=year, hours=31), book).line("tax_advantage")
    assert line.amount == 0
    return line.reason("nl")


def test_the_liv_reason_takes_its_years_from_the_files(placement, book):
    before, after = _liv_reason(placement, book, 2016), _liv_reason(placement, book, 2026)
    assert before == "het LIV bestaat niet in 2016"                          # before the LKV parameter: no LKV clause
    assert "het LIV bestaat niet in 2026 (afgeschaft per 2025); een loonkostenvoordeel (LKV)" in after
    # the LIV abolished a year earlier: its null value from 2024, the bands of 2024 gone
    earlier = changed(book, "liv", dt.date(2025, 1, 1), moved_to=dt.date(2024, 1, 1), drop=dt.date(2024, 1, 1))
    assert "(afgeschaft per 2024)" in _liv_reason(placement, earlier, 2024)
    # the LKV parameter starting only in 2026: in 2025 the reason has no LKV clause
    later_lkv = changed(book, "lkv_beschut_werk", dt.date(2018, 1, 1), drop=dt.date(2018, 1, 1))
    assert _liv_reason(placement, later_lkv, 2025) == "het LIV bestaat niet in 2025"


# ------------------------------------------------------------------ the workbook's notes (report/excel.py)

def test_the_lks_note_names_the_reference_hours_of_their_file(book):
    results = [r for r in results_of(ZW_STATUTORY, book) if r.placement.method == "statutory"]
    first = excel.lks_on_january_notes(results, book, "nl")[0]
    assert "Vanaf 2024 is de basis het referentiemaandloon (Wml art. 8 lid 1 onder b) naar rato van 36 uur" in first
    assert "From 2024 the basis is the monthly reference amount (Wml art. 8(1)(b)) pro rata to 36 hours" in \
        excel.lks_on_january_notes(results, book, "en")[0]
    other = changed(book, "lks_reference_hours", dt.date(2024, 1, 1), value=D(38), moved_to=dt.date(2025, 1, 1))
    assert "Vanaf 2025 is de basis het referentiemaandloon (Wml art. 8 lid 1 onder b) naar rato van 38 uur" in \
        excel.lks_on_january_notes(results, other, "nl")[0]


def test_the_memo_note_names_the_tables_figures_from_their_files(book):
    results = results_of(ZW, book)
    second = excel.zw_inconsistencies(results, book, "nl")[1]
    assert second.startswith("2. Loonwaarde van 36 uur: de loonwaarde van €6.000 in de 31-uurskolom is 30 % van een "
                             "voltijdjaar van 36 uur (30 % × WML 1 januari × 12,96), niet van 31 uur")
    assert "is 30% of a 36-hour full-time year (30% × WML of 1 January × 12.96)" in excel.zw_inconsistencies(results, book, "en")[1]
    basis = changed(book, "rijk_lks_wage_value_basis", dt.date(2015, 1, 1), value=D("0.35"))
    holiday = changed(basis, "holiday_allowance", book["holiday_allowance"].at(dt.date(2017, 1, 1)).since, value=D("0.10"))
    assert "is 35 % van een voltijdjaar van 36 uur (35 % × WML 1 januari × 13,20)" in \
        excel.zw_inconsistencies(results, holiday, "nl")[1]
    # the full-time week is the column's employer's (an override of it, here)
    forty = [dataclasses.replace(p, overrides={**p.overrides, "fulltime_hours": p.employer.parameters["fulltime_hours"]
                                               ._replace(value=D(40), status="override")}) for p in load_scenario(ZW).placements]
    week = [calculate(p, book) for p in forty]
    assert "2. Loonwaarde van 40 uur" in excel.zw_inconsistencies(week, book, "nl")[1]


# ------------------------------------------------------------------ the caseload's example place (analysis/caseload.py)

def test_the_caseload_example_is_a_full_week_of_the_employer_at_the_national_figures_wage_value(book):
    result = compute(load_scenario(CASELOAD), book, 1)
    week = {e.placement.name.split(" · ")[0]: e.placement.hours for e in result.examples}
    assert week == {"Reguliere werkgever": 38, "Payrollbedrijf": 36, "Gemeente (eigen dienst)": 36, "Uitzendbureau": 36}
    assert {e.placement.wage_value for e in result.examples} == {D("0.3")}
    assert example_note(result, "nl").startswith("Toelichting per groep: een plek van 36 of 38 uur bij 30 % loonwaarde, een heel jaar.")
    assert example_note(result, "en").startswith("Explanation per group: a place of 36 or 38 hours at 30% wage value")
    other = compute(load_scenario(CASELOAD), changed(book, "rijk_lks_wage_value_basis", dt.date(2015, 1, 1), value=D("0.35")), 1)
    assert {e.placement.wage_value for e in other.examples} == {D("0.35")}


def test_one_hours_value_is_said_once(book):
    result = compute(load_scenario(CASELOAD), book, 1)
    only = dataclasses.replace(result, examples=tuple(e for e in result.examples if e.placement.hours == 36))
    assert "een plek van 36 uur bij 30 % loonwaarde" in example_note(only, "nl")
    assert "een plek van ? uur bij ? loonwaarde" in example_note(dataclasses.replace(result, examples=()), "nl")
