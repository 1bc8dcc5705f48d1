"""The audit of params/ and core/rules.py against the consolidated law texts (issue 21).

Each test computes its amounts by hand from the article it cites; the legal cases in tests/legal_cases/
(2021, 2022, 2023, 2025, 2026) hold the same rules as data with the arithmetic written out.
"""
from __future__ import annotations

import json
from decimal import Decimal as D

import pytest
from typer.testing import CliRunner

from beschut_calc.cli import app
from conftest import BASE, assert_cent, write_scenario

HOLIDAY = D("1.08")


def invoke(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


# ---------------------------------------------------------------- item 1: the LKS allowance and employer charges

@pytest.mark.parametrize("year, allowance", [(2017, "0.23"), (2018, "0.235"), (2021, "0.235"), (2024, "0.235"),
                                             (2025, "0.25"), (2026, "0.25")])
def test_the_lks_allowance_by_year(calc, year, allowance):
    # Regeling loonkostensubsidie Participatiewet art. 1: 23 % to 2017, 23,5 % from 2018 (Stcrt. 2017, 68248;
    # BWBR0044901 from 2021-07-01), 25 % from 2025-01-01 (BWBR0044901 art. 1, versie 2025-01-01)
    result = calc(year=year, hours=36, wage_value="30%")
    lks = result.line("wage_subsidy")
    assert {pv.name: pv.value for pv in lks.params}["lks_employer_charge_allowance"] == D(allowance)
    # the default employer charges are the Regeling's own estimate, flagged as an estimate
    charges = next(pv for pv in result.line("wage_costs").params if pv.name == "employer_charges")
    assert charges.value == D(allowance) and charges.status == "assumption"


def test_the_2026_lks_of_a_36_hour_place_is_312_euro_higher(calc):
    # 70 % × 12 × 2.294,40 × 36/36 × 1,08 × (1 + 0,25) = 26.018,50; with 23,5 %: 25.706,26 (issue 21: € 312 too low)
    got = calc(year=2026, hours=36, wage_value="30%").line("wage_subsidy").amount
    assert_cent(got, D("0.70") * 12 * D("2294.40") * HOLIDAY * D("1.25"))
    assert round(got - D("0.70") * 12 * D("2294.40") * HOLIDAY * D("1.235")) == 312


def test_employer_charges_stay_overridable(calc):
    result = calc(year=2026, hours=36, wage_value="30%", overrides={"employer_charges": "20%"})
    wage = (6 * D("14.71") + 6 * D("14.99")) * 36 * 52 / 12 * HOLIDAY
    assert_cent(result.line("wage_costs").amount, wage * D("1.20"))


def test_the_memo_method_keeps_its_own_23_percent_in_every_year(calc):
    for year in (2017, 2026):
        result = calc(year=year, hours=31, wage_value="30%", method="memo")
        charges = next(pv for pv in result.line("wage_costs").params if pv.name == "employer_charges")
        assert charges.value == D("0.23"), year


# ---------------------------------------------------------------- item 2: sickness, Ziektewet art. 29e

def test_the_issue_example_2026_ten_percent_absence(calc):
    # 0,10 × (6 × 14,71 + 6 × 14,99) × 36 × 52/12 × 1,08 × max(0,30; 0,30) = 900,69 (was 3.002,31)
    result = calc(year=2026, hours=36, wage_value="30%", absence="10%")
    wage = (6 * D("14.71") + 6 * D("14.99")) * 36 * 52 / 12 * HOLIDAY
    assert_cent(result.line("sickness_benefit").amount, D("0.10") * wage * D("0.30"))
    assert round(result.line("sickness_benefit").amount) == 901


@pytest.mark.parametrize("wage_value, factor", [("20%", "0.30"), ("30%", "0.30"), ("50%", "0.50")])
@pytest.mark.parametrize("year", [2022, 2025, 2026])
def test_zw_29e_multiplies_the_benefit_by_the_wage_value_with_a_floor_of_30_percent(calc, year, wage_value, factor):
    result = calc(year=year, hours=36, wage_value=wage_value, absence="10%")
    base = calc(year=year, hours=36, wage_value=wage_value)
    wage = sum(result.line("wage_costs").amount for _ in [0]) / (1 + next(
        pv.value for pv in result.line("wage_costs").params if pv.name == "employer_charges"))
    assert_cent(result.line("sickness_benefit").amount, D("0.10") * wage * D(factor))
    # the LKS continues over sick periods (Pw art. 10d lid 12 lapsed on 2022-01-01)
    assert result.line("wage_subsidy").amount == base.line("wage_subsidy").amount


def test_before_2022_the_lks_stops_and_the_benefit_is_the_full_daily_wage(calc):
    # Pw art. 10d lid 12 (versie 2021-07-01); ZW art. 29b lid 6 without art. 29e
    result = calc(year=2021, hours=36, wage_value="30%", absence="10%")
    base = calc(year=2021, hours=36, wage_value="30%")
    wage = (6 * D("1684.80") + 6 * D("1701.00")) * HOLIDAY
    assert_cent(result.line("sickness_benefit").amount, D("0.10") * wage)
    assert_cent(result.line("wage_subsidy").amount, base.line("wage_subsidy").amount * D("0.90"))


@pytest.mark.parametrize("year", range(2022, 2028))
@pytest.mark.parametrize("wage_value", ["30%", "50%"])
@pytest.mark.parametrize("method", ["statutory", "memo"])
def test_absence_no_longer_raises_the_employer_balance_from_2022(calc, year, wage_value, method):
    sick = calc(year=year, hours=31, wage_value=wage_value, method=method, absence="10%")
    well = calc(year=year, hours=31, wage_value=wage_value, method=method)
    assert sick.balance <= well.balance + D("0.000001"), (sick.balance, well.balance)


# ---------------------------------------------------------------- item 3: trial placement at most 6 months

def test_a_trial_of_seven_months_is_refused_citing_art_8a(tmp_path):
    result = invoke(write_scenario(tmp_path, **{**BASE, "trial_months": 7}))
    assert result.exit_code == 2 and "art. 8a" in result.stderr and "6 maanden" in result.stderr
    assert invoke(write_scenario(tmp_path, "ok.yaml", **{**BASE, "trial_months": 6})).exit_code == 0


def test_a_caseload_row_with_a_trial_of_seven_months_is_refused(tmp_path):
    (tmp_path / "c.csv").write_text("id;startdatum;uren;loonwaarde;proefplaatsing\nA1;1-3-2025;31;30%;7\n", encoding="utf-8")
    path = tmp_path / "s.yaml"
    path.write_text("name: Caseload\ncaseload: c.csv\nyear: 2025\n", encoding="utf-8")
    result = invoke(path)
    assert result.exit_code == 2 and "art. 8a" in result.stderr


# ---------------------------------------------------------------- item 8: at least the minimum wage

def test_a_wage_below_the_minimum_wage_is_refused(tmp_path):
    result = invoke(write_scenario(tmp_path, **{**BASE, "overrides": {"wage_level": D("0.99")}}))
    assert result.exit_code == 2 and "minimumloon" in result.stderr and "ten minste 100 %" in result.stderr
    assert invoke(write_scenario(tmp_path, "ok.yaml", **{**BASE, "overrides": {"wage_level": D("1.05")}})).exit_code == 0


# ---------------------------------------------------------------- item 4: the national figures are the memo's 2017 figures

def test_national_figures_are_confirmed_only_for_2017(book):
    import datetime as dt

    for name in ("rijk_guidance_per_place", "rijk_lks_per_place"):
        assert book.at(name, dt.date(2017, 6, 1)).status == "confirmed", name
        for year in (2015, 2016, 2018, 2024, 2026):
            pv = book.at(name, dt.date(year, 6, 1))
            assert pv.status == "assumption" and "prijspeil 2017" in pv.note, (name, year)


def test_the_2026_warnings_and_law_table_say_the_national_figures_are_assumptions(calc):
    texts = [w("nl") for w in calc(year=2026, hours=31, wage_value="30%").warnings]
    assert any(t.startswith("rijk_guidance_per_place = € 8.500") and "aanname" in t for t in texts), texts
    assert any(t.startswith("rijk_lks_per_place = € 14.300") and "aanname" in t for t in texts), texts
    assert not any(t.startswith("rijk_") and "per_place" in t.split(" ")[0]
                   for t in (w("nl") for w in calc(year=2017, hours=31, wage_value="30%").warnings))
    from beschut_calc.cli import parameters_app

    table = json.loads(CliRunner().invoke(parameters_app, ["--year", "2026", "-f", "json"]).stdout)
    rows = table["parameters"] if isinstance(table, dict) and "parameters" in table else table
    found = {row["name"]: row for row in rows if row["name"] in ("rijk_guidance_per_place", "rijk_lks_per_place")}
    assert {row["status"] for row in found.values()} == {"assumption"}, found


# ---------------------------------------------------------------- item 5: the first year on the WML at the start

def test_a_july_start_sets_the_first_lks_on_the_july_wml_and_resets_on_1_january(placement, book):
    from beschut_calc.analysis.projection import project

    years = project(placement(year=2026, hours=32, wage_value="60%", start="2026-07"), book, 2)
    first, second = (y.result for y in years)
    # Pw art. 10d lid 4: set at the start on the WML then in force (2.337,00 per 1-7-2026): per month without the
    # allowance 0,40 × 2.337,00 × 32/36 × 1,08 = 897,41 (not 0,40 × 2.294,40 × 32/36 × 1,08 = 881,05)
    assert_cent(first.line("wage_subsidy").amount, 6 * D("0.40") * D("2337.00") * 32 / 36 * HOLIDAY * D("1.25"))
    assert any("lezing die de tool neemt" in w("nl") for w in first.warnings)
    # lid 7: set anew on 1 January 2027 (the WML of 1 January 2027 is not known: the last value carried forward)
    assert not any("lezing die de tool neemt" in w("nl") for w in second.warnings)
    # a January start is unchanged: the WML of 1 January
    jan = calc_of(placement, book, year=2026, hours=32, wage_value="60%", start="2026-01")
    assert_cent(jan.line("wage_subsidy").amount, 12 * D("0.40") * D("2294.40") * 32 / 36 * HOLIDAY * D("1.25"))


def calc_of(placement, book, **keys):
    from beschut_calc.core.engine import calculate

    return calculate(placement(**keys), book)


# ---------------------------------------------------------------- item 6: young workers

@pytest.mark.parametrize("age, share", [(18, "0.50"), (20, "0.80"), (21, "1"), (30, "1")])
def test_below_21_wage_costs_wage_value_and_lks_use_the_youth_minimum_wage(calc, age, share):
    # Pw art. 2 with Wml art. 8 lid 3 and the Besluit minimumjeugdloonregeling (from 2019-07: 18 → 50 %, 20 → 80 %)
    result = calc(year=2026, hours=36, wage_value="30%", age=age)
    wage = (6 * D("14.71") + 6 * D("14.99")) * 36 * 52 / 12 * HOLIDAY * D(share)
    assert_cent(result.line("wage_costs").amount, wage * D("1.25"))
    assert_cent(result.line("wage_value").amount, D("0.30") * wage)
    assert_cent(result.line("wage_subsidy").amount, D("0.70") * 12 * D("2294.40") * D(share) * HOLIDAY * D("1.25"))


def test_the_age_rises_by_one_each_projected_year(placement, book):
    from beschut_calc.analysis.projection import project

    years = project(placement(year=2025, hours=36, wage_value="30%", age=20), book, 2)
    w2025 = (6 * D("14.06") + 6 * D("14.40")) * 36 * 52 / 12 * HOLIDAY
    w2026 = (6 * D("14.71") + 6 * D("14.99")) * 36 * 52 / 12 * HOLIDAY
    assert_cent(years[0].result.line("wage_value").amount, D("0.30") * w2025 * D("0.80"))
    assert_cent(years[1].result.line("wage_value").amount, D("0.30") * w2026)      # 21 in 2026


def caseload_lines(tmp_path, wage_value: str, column: str, values: tuple[str, str]) -> dict[str, dict]:
    """36-hour placements of 2026 at `wage_value`, with `column` set to each of `values`: each row's lines, by id."""
    rows = "".join(f"A{i};1-1-2026;36;{wage_value};{v}\n" for i, v in enumerate(values, 1))
    (tmp_path / "c.csv").write_text(f"id;startdatum;uren;loonwaarde;{column}\n{rows}", encoding="utf-8")
    path = tmp_path / "s.yaml"
    path.write_text("name: Caseload\ncaseload: c.csv\nyear: 2026\n", encoding="utf-8")
    result = invoke(path, "-f", "json")
    assert result.exit_code == 0, result.stderr
    return {row["id"]: row["lines"] for row in json.loads(result.stdout)["caseload"]["placements"]}


def test_age_is_a_caseload_column(tmp_path):
    rows = caseload_lines(tmp_path, "30%", "leeftijd", ("18", ""))
    wage = (6 * D("14.71") + 6 * D("14.99")) * 36 * 52 / 12 * HOLIDAY
    assert rows["A1"]["wage_value"] == float(round(D("0.30") * wage * D("0.50"), 2))
    assert rows["A2"]["wage_value"] == float(round(D("0.30") * wage, 2))


def test_an_age_outside_15_to_99_is_refused(tmp_path):
    result = invoke(write_scenario(tmp_path, **{**BASE, "age": 12}))
    assert result.exit_code == 2 and "age" in result.stderr


# ---------------------------------------------------------------- item 7: the flat-rate LKS

def test_the_flat_rate_months_pay_50_percent_of_wml_then_the_wage_value(calc):
    # Pw art. 10d lid 1 onder b, lid 5: 3 months at 50 % of WML plus holiday allowance (plus the allowance), then 40 %
    result = calc(year=2026, hours=36, wage_value="60%", lks_forfaitair_months=3)
    assert_cent(result.line("wage_subsidy").amount, (3 * D("0.50") + 9 * D("0.40")) * D("2294.40") * HOLIDAY * D("1.25"))


def test_flat_rate_months_past_december_are_said(calc):
    result = calc(year=2026, hours=36, wage_value="30%", start="2026-09", lks_forfaitair_months=6)
    assert_cent(result.line("wage_subsidy").amount, 4 * D("0.50") * D("2337.00") * HOLIDAY * D("1.25"))
    assert any("lopen door na 31 december" in w("nl") for w in result.warnings)


def test_more_than_six_flat_rate_months_are_refused(tmp_path):
    result = invoke(write_scenario(tmp_path, **{**BASE, "year": 2026, "lks_forfaitair_months": 7}))
    assert result.exit_code == 2 and "lks_forfaitair_months" in result.stderr


def test_flat_rate_months_are_a_caseload_column(tmp_path):
    rows = caseload_lines(tmp_path, "60%", "forfaitaire lks", ("3", ""))
    base = D("2294.40") * HOLIDAY * D("1.25")
    assert rows["A1"]["wage_subsidy"] == float(round((3 * D("0.50") + 9 * D("0.40")) * base, 2))
    assert rows["A2"]["wage_subsidy"] == float(round(12 * D("0.40") * base, 2))


# ---------------------------------------------------------------- item 9: projections after the last known WML

def test_wml_growth_raises_each_projected_year_by_that_percentage(placement, book):
    from beschut_calc.analysis.projection import project

    years = project(placement(year=2026, hours=36, wage_value="30%", wml_growth="2%"), book, 4)
    costs = {y.year: y.result.line("wage_costs").amount for y in years}
    # the known WML runs out after 2026-07: 2027 is 14,99 × 1,02, 2028 × 1,02², 2029 × 1,02³
    assert_cent(costs[2027], 12 * D("14.99") * D("1.02") * 36 * 52 / 12 * HOLIDAY * D("1.25"))
    for year in (2028, 2029):
        assert_cent(costs[year], costs[year - 1] * D("1.02"))
    texts = [w("nl") for w in years[1].result.warnings]
    assert any(t.startswith("wml_hour") and "wml_growth" in t and "aanname" in t for t in texts), texts


def test_without_wml_growth_the_last_wml_is_carried_forward_with_a_warning(calc):
    result = calc(year=2028, hours=36, wage_value="30%")
    assert_cent(result.line("wage_costs").amount, 12 * D("14.99") * 36 * 52 / 12 * HOLIDAY * D("1.25"))
    assert any(w("nl").startswith("wml_hour") and "doorgetrokken" in w("nl") for w in result.warnings)


# ---------------------------------------------------------------- every format: the workbook recalculates to the engine

import lo_recalc  # noqa: E402


@pytest.mark.skipif(lo_recalc.soffice() is None, reason=lo_recalc.SKIP_REASON)
def test_a_workbook_with_every_issue_21_rule_recalculates_to_the_engine(tmp_path):
    from beschut_calc.cli import compute
    from beschut_calc.inputs.parameter_files import load_parameters

    path = tmp_path / "s.yaml"
    path.write_text(
        "name: issue 21\nyear: 2026\nhours: 32\nwage_value: 30%\nemployer_model: municipality\nsubsidy_set: geen\n"
        "absence: 10%\nvariants:\n"
        "  - name: 19 jaar\n    age: 19\n"
        "  - name: juli, forfaitair\n    start: \"2026-07\"\n    lks_forfaitair_months: 3\n    wage_value: 60%\n"
        "  - name: 2022 loonwaarde 20\n    year: 2022\n    wage_value: 20%\n"
        "  - name: 2021 voor 29e\n    year: 2021\n"
        "  - name: 2028 groei\n    year: 2028\n    wml_growth: 2%\n"
        "  - name: 2017 jeugd 21\n    year: 2017\n    age: 21\n", encoding="utf-8")
    runs = compute([path])
    lo_recalc.assert_workbook_matches_engine(runs, load_parameters(), tmp_path)
