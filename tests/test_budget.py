"""The municipal budget for a target (issue 5, item 4; Notitie Nieuw beschut werk Zaanstreek-Waterland 2017 §6.1 and endnote i)."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from beschut_calc.cli import app
from conftest import BASE, SCENARIOS, write_scenario

TAAKSTELLING = SCENARIOS / "zaanstreek-waterland-taakstelling.yaml"
# Endnote i (Tabel Aantallen beschut werk nieuw), copied here so the test does not read ../shared:
ENDNOTE_I = {"Beemster": (1, 2), "Edam-Volendam": (3, 5), "Landsmeer": (1, 2), "Oostzaan": (1, 1),
             "Purmerend": (17, 30), "Waterland": (2, 3), "Wormerland": (2, 4), "Zaanstad": (31, 55)}
REGION = (58, 102)


def budget_of(path, *args):
    result = CliRunner().invoke(app, [str(path), "-f", "json", *args])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)["budget"]


def test_claims_for_31_and_55_places(tmp_path):
    # §6.1: Y places claim Y x €8,500 on the participation budget and Y x €14,300 on the BUIG
    path = write_scenario(tmp_path, **{**BASE, "targets": {2017: 31, 2018: 55}})
    rows = budget_of(path)
    assert [r["year"] for r in rows] == [2017, 2018]
    assert [r["places"] for r in rows] == [31, 55]
    assert [r["participation_budget"] for r in rows] == [263500, 467500]
    assert [r["buig"] for r in rows] == [443300, 786500]
    assert [r["new_places"] for r in rows] == [31, 24]


def test_funding_outlays_and_net_add_up(tmp_path):
    path = write_scenario(tmp_path, **{**BASE, "subsidy_set": "zaanstreek-waterland-2017", "targets": {2017: 31, 2018: 55}})
    for r in budget_of(path):
        assert r["national_funding"] == r["participation_budget"] + r["buig"] + r["rijk_bonus"]
        # once per realised place, 2015-2019 (§3.1 tijdelijk a; core/flows.py basis `once`), as for one place
        assert r["rijk_bonus"] == r["new_places"] * 3000
        assert r["pre_trajectory"] == r["new_places"] * 1495              # §6.1
        assert r["wage_value_measurement"] == r["new_places"] * 600       # €21,000 / 35 measurements (002)
        outlays = r["lks"] + r["regional_subsidies"] + r["pre_trajectory"] + r["wage_value_measurement"]
        assert abs(outlays - r["municipal_outlays"]) < 0.021     # each figure is rounded to the cent on its own
        # own employment: the municipality carries the employer's balance (003 §4 scenario 1)
        assert r["employer_balance_in_net"] is True
        assert abs(r["national_funding"] - r["municipal_outlays"] + r["employer_balance"] - r["municipal_net"]) < 0.021


def test_lks_and_subsidies_are_the_engines_lines(tmp_path):
    path = write_scenario(tmp_path, **{**BASE, "subsidy_set": "zaanstreek-waterland-2017", "targets": {2017: 2}})
    data = json.loads(CliRunner().invoke(app, [str(path), "-f", "json"]).stdout)
    lines = {line["key"]: line["amount"] for line in data["scenarios"][0]["lines"]}
    row = data["budget"][0]
    assert abs(row["lks"] - 2 * lines["wage_subsidy"]) < 0.011
    assert abs(row["regional_subsidies"] - 2 * (lines["general_subsidy"] + lines["temporary_subsidy"])) < 0.021
    assert abs(row["employer_balance"] - 2 * data["scenarios"][0]["totals"]["balance"]) < 0.011


def test_taakstelling_scenario_per_municipality_and_region():
    rows = budget_of(TAAKSTELLING)
    by_name = {(r["municipality"], r["year"]): r for r in rows if not r.get("total")}
    assert {name for name, _ in by_name} == set(ENDNOTE_I)
    for name, (y2017, y2018) in ENDNOTE_I.items():
        assert by_name[(name, 2017)]["places"] == y2017
        assert by_name[(name, 2018)]["places"] == y2018
    totals = {r["year"]: r for r in rows if r.get("total")}
    assert (totals[2017]["places"], totals[2018]["places"]) == REGION
    for year, total in totals.items():
        parts = [r for (name, y), r in by_name.items() if y == year]
        for key in ("participation_budget", "buig", "municipal_outlays", "employer_balance", "municipal_net"):
            assert abs(sum(r[key] for r in parts) - total[key]) < 0.01 * len(parts), key
    assert totals[2018]["participation_budget"] == 102 * 8500


def test_taakstelling_terminal_table():
    out = CliRunner().invoke(app, [str(TAAKSTELLING)]).stdout
    for name in ENDNOTE_I:
        assert name in out
    assert "Totaal" in out and "Taakstelling 2017" in out and "Taakstelling 2018" in out
    assert "€ 867.000" in out                  # 102 x €8,500 on the participation budget in 2018


def test_bad_targets_are_located(tmp_path):
    for targets, message in (({2017: -1}, "plekken"), ({"1999": 3}, "jaartal"), ({"Zaanstad": 3}, "per jaar")):
        path = write_scenario(tmp_path, **{**BASE, "targets": targets})
        result = CliRunner().invoke(app, [str(path)])
        assert result.exit_code == 2 and result.stdout == "", targets
        assert str(path) + ":" in result.stderr and "targets" in result.stderr and message in result.stderr
