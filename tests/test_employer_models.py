"""Employer models, subsidy sets, compare, --explain and the municipal perspective (issue 3).

Expected figures are computed here from the rules of domain.md sections 3-5 with the
parameter values written out, never copied from the tool's output.
"""
from __future__ import annotations

import json
from decimal import Decimal as D

import pytest
from typer.testing import CliRunner

from beschut_calc.cli import app
from beschut_calc.core.engine import calculate
from conftest import SCENARIOS, assert_cent, write_scenario

runner = CliRunner()

WML_2017 = 6 * D("1551.60") + 6 * D("1565.40")          # month by month (domain.md §3)
WML_2017_JAN = D("1551.60")                               # 003, endnote vii
HOLIDAY = D("1.08")
CHARGES = D("1.23")                                       # 003, endnote vii (assumption of the note)
PAYROLL_MARKUP = D(26598) / (12 * WML_2017_JAN * HOLIDAY * CHARGES * 31 / 36)   # 003 §3.2 / ch. 6 footnote


def _run(path, *args):
    result = runner.invoke(app, [str(path), *args])
    return result


def _calc(placement, book):
    return calculate(placement, book)


@pytest.mark.parametrize("model, fulltime", [("municipality", 36), ("regular", 38), ("temp_agency", 36), ("payroll", 36)])
def test_each_model_uses_its_full_time_week_before_2024(placement, book, model, fulltime):
    # domain.md §3: before 2024 the monthly WML is for the employer's full-time week:
    # wage = sum of monthly WML x hours / full-time week. §4: regular 38 (assumption), others 36.
    extra = {"overrides": {"agency_fee": "10%"}} if model == "temp_agency" else {}
    result = _calc(placement(year=2017, hours=24, employer_model=model, **extra), book)
    w = WML_2017 * 24 / fulltime * HOLIDAY
    assert_cent(result.line("wage_value").amount, D("0.30") * w, "wage value")
    markup = {"payroll": PAYROLL_MARKUP, "temp_agency": D("1.10")}.get(model, D(1))
    assert_cent(result.line("wage_costs").amount, w * CHARGES * markup, "wage costs")


def test_a_forty_hour_week_falls_in_the_high_liv_band(placement, book):
    # 003 §3.3 item 5 and endnote xiii; domain.md §3: 36-hour week at WML is ~€10.79/h (low band,
    # €0.51), a 40-hour week ~€9.71/h (high band 9.66-10.63, €1.01/h, max €2,000).
    result = _calc(placement(year=2017, hours=31, employer_model="regular", overrides={"fulltime_hours": 40}), book)
    hourly = WML_2017 * 31 / 40 * HOLIDAY / (31 * 52)
    assert D("9.66") <= hourly <= D("10.63")
    assert_cent(result.line("tax_advantage").amount, min(D("1.01") * 31 * 52, D(2000)), "LIV high band")


def test_agency_fee_applies_on_top_of_own_employment_wage_costs(placement, book):
    # domain.md §3: wage costs = W x wage level x (1 + charges) x (1 + agency/payroll mark-up)
    own = _calc(placement(year=2026, hours=31, employer_model="municipality"), book)
    agency = _calc(placement(year=2026, hours=31, employer_model="temp_agency", overrides={"agency_fee": "17.5%"}), book)
    assert_cent(agency.line("wage_costs").amount, own.line("wage_costs").amount * D("1.175"), "agency")


def test_payroll_markup_is_derived_from_the_2017_tariff(placement, book):
    # 003 ch. 6 footnote: €26,598 for 31 h in 2017 against €21,298.50 own employment (endnote vii)
    assert abs(PAYROLL_MARKUP - D("1.24882")) < D("0.00001")
    own = _calc(placement(year=2022, hours=28, employer_model="municipality"), book)
    pay = _calc(placement(year=2022, hours=28, employer_model="payroll"), book)
    assert_cent(pay.line("wage_costs").amount, own.line("wage_costs").amount * PAYROLL_MARKUP, "payroll 2022")
    custom = _calc(placement(year=2022, hours=28, employer_model="payroll", overrides={"payroll_markup": D("1.3")}), book)
    assert_cent(custom.line("wage_costs").amount, own.line("wage_costs").amount * D("1.3"), "payroll override")


def test_mark_ups_only_apply_to_their_own_model(placement, book):
    # An agency fee given for a whole comparison must not raise the municipality's own wage costs.
    plain = _calc(placement(year=2026, hours=31, employer_model="municipality"), book)
    with_fee = _calc(placement(year=2026, hours=31, employer_model="municipality", overrides={"agency_fee": "15%"}), book)
    assert with_fee.line("wage_costs").amount == plain.line("wage_costs").amount


def test_temp_agency_without_fee_is_refused_naming_agency_fee(tmp_path):
    # Issue 3: the sources give no agency fee, so the scenario must state it.
    path = write_scenario(tmp_path, name="uitzend", year=2026, hours=31, wage_value="30%", employer_model="temp_agency")
    result = _run(path)
    assert result.exit_code == 2
    assert "agency_fee" in result.stderr and "Traceback" not in result.stderr
    assert f"{path}:" in result.stderr


@pytest.mark.parametrize("work_type, per_place", [("green", 13000), ("internal", 9000), ("secondment", 5000)])
def test_work_type_sets_the_guidance_cost(placement, book, work_type, per_place):
    # 003 endnote viii and ch. 6: green ~13,000, secondment 5,000, internal in between (Wsw average 9,000)
    result = _calc(placement(year=2017, hours=24, work_type=work_type), book)
    assert_cent(result.line("guidance_costs").amount, D(per_place) * 24 / 36, work_type)
    overridden = _calc(placement(year=2017, hours=24, work_type=work_type, overrides={"guidance_cost_fulltime": 7000}), book)
    assert_cent(overridden.line("guidance_costs").amount, D(7000) * 24 / 36, "override wins")


def test_arnhem_2014_pays_lks_by_wage_value_band(placement, book):
    # 002 (Loonkostensubsidie): 40-50 % -> 60 % WML, 50-60 % -> 50 %, 60-70 % -> 40 %, 70-80 % -> 30 %;
    # paid work from 40 % wage value, so 35 % gets no LKS under this set. The LKS basis is 12 x the WML of
    # 1 January (Participatiewet art. 10d lid 7, version 2017-02-01), pro rata 31/36 (lid 4).
    w = 12 * D("1551.60") * 31 / 36 * HOLIDAY
    for wage_value, share in (("45%", D("0.60")), ("50%", D("0.50")), ("65%", D("0.40")), ("80%", D("0.30"))):
        result = _calc(placement(year=2017, hours=31, wage_value=wage_value, subsidy_set="arnhem-2014"), book)
        assert_cent(result.line("wage_subsidy").amount, share * w * CHARGES, wage_value)
    below = _calc(placement(year=2017, hours=31, wage_value="35%", subsidy_set="arnhem-2014"), book)
    assert below.line("wage_subsidy").amount == 0 and below.line("wage_subsidy").reason is not None


def test_arnhem_2017_stimulus_is_not_pro_rata_and_secondment_fee_is_a_benefit(placement, book):
    # 000, Financiën: national stimulus €3,000 per place per year (max 5 years), secondment fees as revenue
    result = _calc(placement(year=2017, hours=12, subsidy_set="arnhem-2017", overrides={"secondment_revenue": 1800}), book)
    assert result.line("temporary_subsidy").amount == 3000
    assert result.line("general_subsidy").amount == 0
    assert result.line("secondment_revenue").amount == 1800
    assert result.benefits == sum(line.amount for line in result.lines if line.side == "benefit")


def test_lkv_is_refused_with_the_article(tmp_path):
    # Wtl art. 2.10 lid 2 onder b excludes employment under art. 10b Participatiewet (2018-2025); from 2026
    # art. 2.10 with Wfsv art. 38b: an LKV switch is refused, never computed.
    from conftest import write_scenario

    path = write_scenario(tmp_path, name="lkv", year=2018, hours=31, wage_value="30%", overrides={"lkv_enabled": True})
    result = _run(path)
    assert result.exit_code == 2 and result.stdout == ""
    assert "art. 2.10 lid 2 onder b" in result.stderr and "overrides.lkv_enabled" in result.stderr
    english = _run(path, "--lang", "en")
    assert english.exit_code == 2 and "art. 2.10(2)(b)" in english.stderr


def test_tax_line_says_why_it_is_zero_from_2025(placement, book):
    # LIV abolished from 2025 (Wtl); LKV not for beschut werk: the reason names both, the label stays LIV.
    line = _calc(placement(year=2026, hours=31), book).line("tax_advantage")
    assert line.amount == 0 and line.label.nl == "5. belastingvoordeel LIV"
    assert "afgeschaft per 2025" in line.reason("nl") and "LKV" in line.reason("nl") and "2.10" in line.reason("nl")
    assert "lkv_beschut_werk" in [pv.name for pv in line.params]


def test_compare_2026_gives_four_columns_and_four_json_scenarios():
    path = SCENARIOS / "werkgeversmodellen-2026.yaml"
    table = _run(path)
    assert table.exit_code == 0, table.output
    for label in ("Gemeente (eigen dienst)", "Reguliere werkgever", "Uitzendbureau", "Payrollbedrijf", "Verschil saldo"):
        assert label in table.stdout
    data = json.loads(_run(path, "--format", "json").stdout)
    assert [s["inputs"]["employer_model"] for s in data["scenarios"]] == ["municipality", "regular", "temp_agency", "payroll"]
    balances = [D(str(s["totals"]["balance"])) for s in data["scenarios"]]
    # From 2024 one hourly WML for every full-time week: municipality and regular cost the same;
    # the agency's 15 % and the payroll mark-up only make things worse.
    assert balances[0] == balances[1] and balances[2] < balances[0] and balances[3] < balances[0]


def test_compare_on_an_override_and_with_variants(tmp_path):
    path = tmp_path / "c.yaml"
    path.write_text("name: c\nyear: 2018\nwage_value: 30%\nvariants:\n  - {name: a, hours: 24}\n  - {name: b, hours: 31}\n"
                    "compare:\n  overrides.employer_charges: [20%, 25%]\n", encoding="utf-8")
    data = json.loads(_run(path, "-f", "json").stdout)
    assert [s["name"] for s in data["scenarios"]] == ["a · 20%", "a · 25%", "b · 20%", "b · 25%"]
    assert [s["inputs"]["overrides"]["employer_charges"] for s in data["scenarios"]] == [0.2, 0.25, 0.2, 0.25]


def test_compare_on_an_unknown_key_is_refused(tmp_path):
    path = tmp_path / "c.yaml"
    path.write_text("name: c\nyear: 2018\nhours: 31\nwage_value: 30%\ncompare:\n  employer: [payroll]\n", encoding="utf-8")
    result = _run(path)
    assert result.exit_code == 2 and ":6:" in result.stderr and "compare" in result.stderr


def test_explain_2017_statutory_shows_both_wml_values_with_sources():
    # Issue 3, done when: --explain on a 2017 statutory scenario shows both 2017 WML values.
    path = SCENARIOS / "zaanstreek-waterland-2017-herberekend.yaml"
    result = _run(path, "--explain")
    assert result.exit_code == 0
    out = result.stdout
    assert "wml_month = € 1.551,60 (vanaf 2017-01-01)" in out and "wml_month = € 1.565,40 (vanaf 2017-07-01)" in out
    assert "Notitie Nieuw beschut werk Zaanstreek-Waterland 2017, eindnoten vi, vii en xxiii" in out
    assert "Staatscourant 2017, 28138" in out
    data = json.loads(_run(path, "--explain", "-f", "json").stdout)
    trace = data["scenarios"][0]["trace"]
    used = [p for line in trace["lines"] if line["key"] == "wage_costs" for p in line["parameters"] if p["name"] == "wml_month"]
    assert {p["since"] for p in used} == {"2017-01-01", "2017-07-01"} and all(p["source"] for p in used)
    assert any(a["name"] == "employer_charges" for a in trace["assumptions"])


def test_municipal_perspective_adds_up(tmp_path):
    # 003 §3.1 / §6.1: the municipality receives €8,500 + €14,300 per 31-hour place (pro rata to the
    # hours, §4.4) and the €3,000 bonus (places 2015-2019); it pays LKS, the regional subsidies, a
    # pre-trajectory (€1,495) and a wage-value measurement (€21,000 / 35 = €600, file 002); in own
    # employment the employer's books are its own.
    path = SCENARIOS / "zaanstreek-waterland-2017-herberekend.yaml"
    data = json.loads(_run(path, "-f", "json").stdout)
    for scenario in data["scenarios"]:
        hours = D(str(scenario["inputs"]["hours"]))
        flows = {flow["key"]: flow for flow in scenario["flows"]}
        amount = {key: D(str(flow["amount"])) for key, flow in flows.items()}
        assert abs(amount["rijk_guidance"] - D(8500) * hours / 31) <= D("0.005")
        assert abs(amount["rijk_wage_subsidy"] - D(14300) * hours / 31) <= D("0.005")
        assert amount["rijk_bonus"] == 3000
        assert amount["pre_trajectory"] == 1495 and amount["wage_value_measurement"] == 600
        lines = {line["key"]: D(str(line["amount"])) for line in scenario["lines"]}
        assert amount["wage_subsidy"] == lines["wage_subsidy"]
        own = scenario["perspectives"]["municipality"]
        received = sum(amount[k] for k, f in flows.items() if f["payee"] == "municipality" and f["payer"] != "municipality")
        paid = sum(amount[k] for k, f in flows.items() if f["payer"] == "municipality" and f["payee"] != "municipality")
        assert abs(received - paid - D(str(own["balance"]))) <= D("0.05")
        # own employment: the employer's balance is the municipality's (one account)
        funding = amount["rijk_guidance"] + amount["rijk_wage_subsidy"] + amount["rijk_bonus"]
        outlays = sum(lines[k] for k in ("wage_subsidy", "general_subsidy", "temporary_subsidy")) + 1495 + 600
        balance = D(str(scenario["totals"]["balance"]))
        assert abs(funding - outlays + balance - D(str(own["balance"]))) <= D("0.05")
        assert scenario["perspectives"]["employer"]["same_as"] == "municipality"
    table = _run(path, "--perspective", "gemeente")
    assert "Saldo gemeente" in table.stdout and "€ 8.500" in table.stdout


def test_a_regular_employer_carries_its_own_balance(tmp_path):
    path = write_scenario(tmp_path, name="r", year=2026, hours=31, wage_value="30%", employer_model="regular")
    scenario = json.loads(_run(path, "-f", "json").stdout)["scenarios"][0]
    assert scenario["perspectives"]["employer"]["balance"] == scenario["totals"]["balance"]
    assert "employer_invoice" not in {flow["key"] for flow in scenario["flows"]}


def test_a_payroll_company_invoices_its_deficit_to_the_municipality():
    # 003 ch. 6 footnote: through a payroll company the municipality pays the place's deficit.
    data = json.loads(_run(SCENARIOS / "zaanstreek-waterland-2017-payroll.yaml", "-f", "json").stdout)
    for scenario in data["scenarios"]:
        invoice = next(flow for flow in scenario["flows"] if flow["key"] == "employer_invoice")
        assert (invoice["payer"], invoice["payee"]) == ("municipality", "employer")
        assert invoice["amount"] == -scenario["totals"]["balance"]
        assert scenario["perspectives"]["employer"]["balance"] == 0


def test_own_subsidy_set_file_is_read_and_located(tmp_path):
    good = tmp_path / "regio.yaml"
    good.write_text("name: regio\nsource: verordening art. 3\nfull_hours: 32\nsubsidies:\n  general_subsidy:\n"
                    "    amount: 6400\n    source: art. 3 lid 1\n", encoding="utf-8")
    path = write_scenario(tmp_path, name="eigen", year=2026, hours=24, wage_value="30%", subsidy_set="./regio.yaml")
    data = json.loads(_run(path, "-f", "json").stdout)
    general = next(l for l in data["scenarios"][0]["lines"] if l["key"] == "general_subsidy")
    assert general["amount"] == 4800 and "art. 3 lid 1" in general["source"]    # 6400 x 24/32
    bad = tmp_path / "kapot.yaml"
    bad.write_text("name: kapot\nsource: x\nfull_hours: 31\nsubsidies:\n  general_subsidy:\n    amount: veel\n    source: art. 4\n", encoding="utf-8")
    path = write_scenario(tmp_path, "s2.yaml", name="eigen", year=2026, hours=24, wage_value="30%", subsidy_set="./kapot.yaml")
    result = _run(path)
    assert result.exit_code == 2 and f"{bad}:6:" in result.stderr and "amount" in result.stderr


@pytest.mark.parametrize("written, factor", [("25%", D("1.25")), (D("1.3"), D("1.3")), ("24.88%", D("1.2488"))])
def test_payroll_markup_as_factor_or_percentage_on_top(placement, book, written, factor):
    # A mark-up is over own employment (issue 3: 26,598 / 21,298.50 = 1.2488): '25%' means 25 % on top.
    own = _calc(placement(year=2022, hours=28, employer_model="municipality"), book)
    pay = _calc(placement(year=2022, hours=28, employer_model="payroll", overrides={"payroll_markup": written}), book)
    assert_cent(pay.line("wage_costs").amount, own.line("wage_costs").amount * factor, str(written))


def test_a_payroll_markup_below_one_is_refused_with_both_readings(tmp_path):
    path = write_scenario(tmp_path, name="p", year=2022, hours=31, wage_value="30%", employer_model="payroll",
                          overrides={"payroll_markup": D("0.25")})
    result = _run(path)
    assert result.exit_code == 2 and "payroll_markup" in result.stderr
    assert "1.25" in result.stderr and "25%" in result.stderr


def test_compare_columns_are_named_in_the_users_language():
    path = SCENARIOS / "werkgeversmodellen-2026.yaml"
    english = json.loads(_run(path, "-f", "json", "--lang", "en").stdout)
    assert [s["name"] for s in english["scenarios"]] == ["Municipality (own employment)", "Regular employer",
                                                          "Temporary employment agency", "Payroll company"]
