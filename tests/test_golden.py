"""Golden tests: the shipped scenarios reproduce the published table of chapter 6 to the euro.

The published figures come from tests/fixtures/published.yaml (a copy of the project's reference
file, source Notitie Nieuw beschut werk Zaanstreek-Waterland 2017, chapter 6). The amounts compared here are computed by the
CLI from the memo's inputs; nothing in this file types a result in.
"""
from __future__ import annotations

import json
import math
import re

import pytest
import yaml
from typer.testing import CliRunner

from beschut_calc.cli import app
from conftest import FIXTURES, SCENARIOS

MAIN = SCENARIOS / "zaanstreek-waterland-2017.yaml"
PAYROLL = SCENARIOS / "zaanstreek-waterland-2017-payroll.yaml"


@pytest.fixture(scope="module")
def published():
    return yaml.safe_load((FIXTURES / "published.yaml").read_text(encoding="utf-8"))["zaanstreek_waterland_2017_chapter6"]


def run_json(*args) -> list[dict]:
    result = CliRunner().invoke(app, [*map(str, args), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)["scenarios"]


def columns(published, employer_model):
    return [c for c in published["columns"] if c["employer_model"] == employer_model]


def amounts(scenario: dict) -> dict[str, float]:
    return {line["key"]: line["amount"] for line in scenario["lines"]}


def assert_published(got: dict, lines: dict[str, int]) -> None:
    """The published lines as a subset: each equal to the table, and every other line the tool
    shows is 0 for the published case (so a new line that is 0 here does not break the golden test,
    but a new line that changes the published case does)."""
    shown = amounts(got)
    assert {key: shown.get(key) for key in lines} == lines, got["name"]
    assert {key: amount for key, amount in shown.items() if key not in lines and amount != 0} == {}, got["name"]


def published_lines(column: dict, fallback: dict | None = None) -> dict[str, int]:
    """All seven lines of a published column; the payroll footnote gives only costs, its benefits
    are those of the chapter 6 column with the same hours (003, footnote under chapter 6)."""
    benefits = column.get("benefits") or fallback["benefits"]
    return {**benefits, **column["costs"]}


def test_chapter6_every_line_and_total(published):
    scenarios = run_json(MAIN)
    expected = columns(published, "municipality")
    assert [s["inputs"]["hours"] for s in scenarios] == [c["hours"] for c in expected]
    for got, want in zip(scenarios, expected):
        assert_published(got, published_lines(want))
        assert got["totals"] == want["totals"], got["name"]


def test_payroll_variant_every_line_and_total(published):
    scenarios = run_json(PAYROLL)
    expected = columns(published, "payroll")
    own = {c["hours"]: c for c in columns(published, "municipality")}
    assert [s["inputs"]["hours"] for s in scenarios] == [c["hours"] for c in expected]
    for got, want in zip(scenarios, expected):
        assert got["inputs"]["employer_model"] == "payroll"
        assert_published(got, published_lines(want, own[want["hours"]]))
        assert got["totals"] == want["totals"], got["name"]


def test_totals_are_the_sum_of_the_lines():
    for scenario in run_json(MAIN, PAYROLL):
        benefits = sum(l["amount"] for l in scenario["lines"] if l["side"] == "benefit")
        costs = sum(l["amount"] for l in scenario["lines"] if l["side"] == "cost")
        assert scenario["totals"] == {"benefits": benefits, "costs": costs, "balance": benefits - costs}


def _without_pro_rata_override(tmp_path):
    """A copy of the shipped scenario without `overrides: {temporary_subsidy_pro_rata: false}`."""
    text = MAIN.read_text(encoding="utf-8")
    stripped = re.sub(r"(?m)^overrides:\n(?:[ ]+.*\n)+", "", text)
    assert "temporary_subsidy_pro_rata" not in re.sub(r"(?m)#.*$", "", stripped), "override not removed"
    copy = tmp_path / MAIN.name
    copy.write_text(stripped, encoding="utf-8")
    return copy


def test_temporary_subsidy_at_24h_stays_2500_only_by_the_override(tmp_path, published):
    # 003 §4.3.2: both regional subsidies are pro rata below 31 hours; the chapter 6 table keeps
    # the temporary one at 2,500. Without the scenario's override the memo's own rule applies:
    # 2,500 x 24/31 = 1,935.48, rounded down to €100 as the memo rounds its own benefit estimates.
    kept = {s["inputs"]["hours"]: amounts(s)["temporary_subsidy"] for s in run_json(MAIN)}
    assert kept == {31: 2500, 24: 2500}

    by_rule = {s["inputs"]["hours"]: s for s in run_json(_without_pro_rata_override(tmp_path))}
    assert by_rule[24]["inputs"]["overrides"] == {}
    pro_rata = 2500 * 24 / 31
    assert amounts(by_rule[24])["temporary_subsidy"] == math.floor(pro_rata / 100) * 100 == 1900
    assert amounts(by_rule[31])["temporary_subsidy"] == 2500
    # everything else in the 24 h column is unchanged, so the balance drops by exactly 600
    published_24 = next(c for c in columns(published, "municipality") if c["hours"] == 24)
    assert by_rule[24]["totals"]["balance"] == published_24["totals"]["balance"] - (2500 - 1900)
    assert not any("niet naar rato" in w for w in by_rule[24]["warnings"])


def test_warnings_name_both_published_inconsistencies():
    # 003 chapter 6: the temporary subsidy is not pro-rated at 24 h (against §4.3.2), and the
    # 31 h wage value is 30 % of a 36-hour year. A reader must see both.
    by_hours = {s["inputs"]["hours"]: s["warnings"] for s in run_json(MAIN)}
    for hours, warnings in by_hours.items():
        assert any("loonwaarde" in w and "36 uur" in w for w in warnings), (hours, warnings)
    assert any("tijdelijke subsidie is bij 24 uur niet naar rato" in w and "§4.3.2" in w for w in by_hours[24])
    assert not any("niet naar rato gerekend" in w for w in by_hours[31])


def test_warnings_in_english_too():
    result = CliRunner().invoke(app, [str(MAIN), "--format", "json", "--lang", "en"])
    assert result.exit_code == 0, result.stderr
    warnings_24 = json.loads(result.stdout)["scenarios"][1]["warnings"]
    assert any("temporary subsidy is not pro-rated at 24 hours" in w for w in warnings_24)
    assert any("full-time (36-hour) year" in w for w in warnings_24)


def test_recalculated_scenario_differs_where_the_memo_departs_from_its_rules(published):
    # The statutory recomputation (scenarios/...-herberekend.yaml) pro-rates the temporary subsidy
    # (003 §4.3.2) and takes the wage value of the contract hours, so it must not equal the table.
    scenarios = run_json(SCENARIOS / "zaanstreek-waterland-2017-herberekend.yaml")
    got_24 = amounts(scenarios[1])
    assert got_24["temporary_subsidy"] == round(2500 * 24 / 31, 2)
    table_31 = next(c for c in columns(published, "municipality") if c["hours"] == 31)
    assert amounts(scenarios[0])["wage_value"] < table_31["benefits"]["wage_value"]
