"""Dated parameters (issue 2 item 4): lookup on or before a date, errors before the first value,
warnings for extrapolated and unconfirmed values, and a source for every value."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest
import yaml

from beschut_calc.core.errors import InputError
from beschut_calc.inputs.parameter_files import PARAMS_DIR, parse_parameter

SYNTHETIC = {
    "description": "test parameter",
    "unit": "euro",
    "known_until": dt.date(2020, 12, 31),
    "values": {
        dt.date(2016, 1, 1): {"value": 10, "source": "a"},
        dt.date(2018, 7, 1): {"value": 30, "source": "c", "status": "unconfirmed"},
        dt.date(2017, 1, 1): {"value": 20, "source": "b"},      # out of order on purpose
    },
}


def test_lookup_takes_the_latest_value_on_or_before_the_date():
    param = parse_parameter("p", SYNTHETIC)
    assert param.at(dt.date(2016, 1, 1)).value == 10
    assert param.at(dt.date(2016, 12, 31)).value == 10
    assert param.at(dt.date(2017, 1, 1)).value == 20
    assert param.at(dt.date(2018, 6, 30)).value == 20
    assert param.at(dt.date(2018, 7, 1)).value == 30
    assert param.at(dt.date(2020, 12, 31)).extrapolated is False


def test_lookup_in_the_shipped_wml(book):
    # WML changes on 1 January and 1 July (domain.md section 7)
    assert book.at("wml_month", dt.date(2017, 1, 1)).value == D("1551.60")
    assert book.at("wml_month", dt.date(2017, 6, 30)).value == D("1551.60")
    assert book.at("wml_month", dt.date(2017, 7, 1)).value == D("1565.40")
    assert book.at("wml_month", dt.date(2017, 12, 31)).value == D("1565.40")
    assert book.at("wml_hour", dt.date(2025, 7, 1)).value == D("14.40")


def test_a_date_before_the_first_value_is_an_error(book):
    with pytest.raises(InputError) as exc:
        book.at("wml_month", dt.date(2014, 12, 31))
    assert "2015-01-01" in exc.value.message and "2015-01-01" in exc.value.en
    with pytest.raises(InputError):
        book.at("wml_hour", dt.date(2023, 12, 31))
    with pytest.raises(InputError):
        parse_parameter("p", SYNTHETIC).at(dt.date(2015, 12, 31))


def test_after_known_until_the_value_is_flagged_extrapolated(book):
    param = parse_parameter("p", SYNTHETIC)
    late = param.at(dt.date(2021, 1, 1))
    assert late.value == 30 and late.extrapolated and late.flagged
    assert book.at("wml_hour", dt.date(2026, 12, 31)).extrapolated is False
    assert book.at("wml_hour", dt.date(2027, 1, 1)).extrapolated is True
    assert book.at("wml_month", dt.date(2027, 1, 1)).extrapolated is True


def test_unconfirmed_values_are_flagged(book):
    assert parse_parameter("p", SYNTHETIC).at(dt.date(2019, 1, 1)).flagged
    assert not book.at("lks_employer_charge_allowance", dt.date(2019, 1, 1)).flagged   # confirmed since issue 21
    assert book.at("lks_employer_charge_allowance", dt.date(2025, 1, 1)).flagged


def test_extrapolated_value_warns_in_the_result(calc):
    # 2027: no hourly WML for 2027 is published yet; 14.99 (from 2026-07-01) is carried forward
    result = calc(year=2027, hours=31)
    nl = [w("nl") for w in result.warnings]
    en = [w("en") for w in result.warnings]
    assert any(w.startswith("wml_hour") and "doorgetrokken" in w for w in nl), nl
    assert any(w.startswith("wml_hour") and "carried forward" in w for w in en), en
    # 2026 is known in full: no such warning for 2026
    assert not any(w.startswith("wml_hour") for w in (t("nl") for t in calc(year=2026, hours=31).warnings))


def test_unconfirmed_value_warns_in_the_result(calc):
    result = calc(year=2025, hours=31)
    nl = [w("nl") for w in result.warnings]
    assert any("lks_employer_charge_allowance" in w and "niet bevestigd" in w for w in nl), nl
    assert any("lks_employer_charge_allowance" in w and "not confirmed" in w for w in (t("en") for t in result.warnings))


def test_assumptions_warn_in_the_result(calc):
    # 23 % employer charges and 13,000 guidance are the note's assumptions (003 endnotes vii, viii)
    nl = [w("nl") for w in calc(year=2017, hours=31).warnings]
    assert any(w.startswith("employer_charges") and "aanname" in w for w in nl)
    assert any(w.startswith("guidance_cost_fulltime") and "aanname" in w for w in nl)
    overridden = calc(year=2017, hours=31, overrides={"employer_charges": "20%", "guidance_cost_fulltime": 9000})
    assert not any(w("nl").startswith(("employer_charges", "guidance_cost_fulltime")) for w in overridden.warnings)


@pytest.mark.parametrize("path", sorted(PARAMS_DIR.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_parameter_value_has_a_source(path):
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert str(doc.get("description", "")).strip()
    assert doc["values"], "no values"
    for since, entry in doc["values"].items():
        assert isinstance(entry, dict) and "value" in entry, since
        assert isinstance(entry.get("source"), str) and len(entry["source"].strip()) > 10, f"{path.stem} {since}"
        assert entry.get("status", "confirmed") in ("confirmed", "unconfirmed", "assumption"), f"{path.stem} {since}"


def test_a_value_without_source_is_refused():
    bad = {"description": "x", "values": {dt.date(2017, 1, 1): {"value": 1}}}
    with pytest.raises(ValueError, match="source"):
        parse_parameter("p", bad)


@pytest.mark.parametrize("year", range(2015, 2027))
@pytest.mark.parametrize("method", ["statutory", "memo"])
def test_parameters_cover_2015_to_2026(calc, year, method):
    # issue 2 item 4: cover 2015 through 2026; every month of every year must resolve
    result = calc(year=year, hours=31, method=method, subsidy_set="zaanstreek-waterland-2017")
    assert result.line("wage_costs").amount > 0
    assert result.line("wage_subsidy").amount > 0


# ------------------------------------------------------------------ the law table (issue 10, item 7)

def _law(*args):
    from typer.testing import CliRunner

    from beschut_calc.cli import parameters_app

    return CliRunner().invoke(parameters_app, list(args))


def test_law_table_for_one_year_lists_values_dates_sources_and_status(book):
    import json

    result = _law("--year", "2026", "-f", "json")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["year"] == 2026 and doc["receipt"]["parameters_hash"] == book.digest
    wml = [p for p in doc["parameters"] if p["name"] == "wml_hour"]
    # both 2026 values: from 1 January and from 1 July (Stcrt. 2026, 16505), neither carried forward
    assert [(p["since"], p["value"]) for p in wml] == [("2026-01-01", 14.71), ("2026-07-01", 14.99)]
    assert all(p["source"] and not p["carried_forward"] for p in wml)
    assert all(p["source"] for p in doc["parameters"])
    unconfirmed = [p for p in doc["parameters"] if p["status"] != "confirmed"]
    assert any(p["name"] == "employer_charges" and p["status"] == "assumption" for p in unconfirmed)


def test_law_table_for_2027_says_what_is_carried_forward():
    import json

    doc = json.loads(_law("--year", "2027", "-f", "json").stdout)
    carried = {p["name"] for p in doc["parameters"] if p["carried_forward"]}
    assert {"wml_hour", "wml_month"} <= carried
    table = _law("--year", "2027").stdout
    assert "doorgetrokken" in table and "wml_hour" in table
    assert "carried forward" in _law("--year", "2027", "--lang", "en").stdout


def test_law_table_for_all_years_and_a_bad_year():
    import json

    doc = json.loads(_law("-f", "json").stdout)
    assert doc["year"] is None
    assert len([p for p in doc["parameters"] if p["name"] == "wml_month"]) == 24
    bad = _law("--year", "1999")
    assert bad.exit_code == 2 and "--year" in bad.stderr and bad.stdout == ""


def test_the_console_script_dispatches_parameters(tmp_path):
    import subprocess
    import sys

    script = [sys.executable, "-c", "import sys; from beschut_calc.cli import run; sys.argv = ['beschut-calc'] + sys.argv[1:]; run()"]
    out = subprocess.run(script + ["parameters", "--year", "2017"], capture_output=True, text=True)
    assert out.returncode == 0 and "wml_month" in out.stdout and "1.551,60" in out.stdout
