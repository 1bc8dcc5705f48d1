"""Issue 11 (part): output that can be told apart and read as a memo annex: JSON entries name their
scenario and file, the description stands under the title, the multi-year title does not repeat
the scenario, and a table at 80 columns never splits an amount."""
from __future__ import annotations

import json
import re

from typer.testing import CliRunner

from beschut_calc.cli import app
from conftest import SCENARIOS

MAIN = SCENARIOS / "zaanstreek-waterland-2017.yaml"
MODELS_2026 = SCENARIOS / "werkgeversmodellen-2026.yaml"
MODELS_2027 = SCENARIOS / "werkgeversmodellen-2027.yaml"


def test_every_json_entry_names_its_scenario_file_and_column():
    result = CliRunner().invoke(app, [str(MAIN), str(MODELS_2027), "-f", "json"])
    assert result.exit_code == 0, result.output
    entries = json.loads(result.output)["scenarios"]
    files = {entry["file"] for entry in entries}
    assert files == {str(MAIN), str(MODELS_2027)}
    for entry in entries:
        assert entry["scenario"] and entry["column"] == entry["name"]
    keys = [(e["scenario"], e["file"], e["column"]) for e in entries]
    assert len(set(keys)) == len(keys)
    described = [e for e in entries if e["file"] == str(MODELS_2027)]
    assert all(e["description"].startswith("Vier werkgeversmodellen in 2027") for e in described)


def test_the_description_stands_under_the_title_in_the_table_and_in_markdown():
    table = CliRunner().invoke(app, [str(MODELS_2027)])
    lines = table.output.splitlines()
    assert lines[0].startswith("Werkgeversmodellen 2027") and lines[1].startswith("Vier werkgeversmodellen in 2027")
    markdown = CliRunner().invoke(app, [str(MODELS_2027), "-f", "markdown"]).output.splitlines()
    assert markdown[0].startswith("### Werkgeversmodellen 2027") and markdown[2].startswith("Vier werkgeversmodellen in 2027")


def test_the_multi_year_title_names_the_column_not_the_scenario_again():
    out = CliRunner().invoke(app, [str(MAIN), "--years", "3"]).output
    titles = [line.strip() for line in out.splitlines() if line.startswith("Meerjarig:")]
    assert titles and all("Zaanstreek" not in t for t in titles), titles
    assert titles[0] == "Meerjarig: 31 uur, 2017-2019"


def test_at_80_columns_no_amount_is_split_across_lines(monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    out = CliRunner().invoke(app, [str(MODELS_2026)]).output
    lines = out.splitlines()
    assert max(len(line.rstrip()) for line in lines) <= 80
    # an amount is "€ 1.234" or "-€ 1.234"; a split one leaves "€" or a bare digit group at a line's end
    assert not [line for line in lines if re.search(r"€\s*$", line)]
    amounts = re.findall(r"-?€ [\d.]+", out)
    assert amounts and all(re.fullmatch(r"-?€ \d{1,3}(\.\d{3})*", a) for a in amounts), amounts


def _warnings(tmp_path, overrides: str, employer: str = "municipality") -> list[str]:
    path = tmp_path / "s.yaml"
    path.write_text(f"name: t\nyear: 2026\nhours: 31\nwage_value: 30%\nemployer_model: {employer}\noverrides:\n{overrides}",
                    encoding="utf-8")
    result = CliRunner().invoke(app, [str(path), "-f", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)["scenarios"][0]["warnings"]


def test_an_override_of_another_employer_models_mark_up_is_named_as_without_effect(tmp_path):
    # core/context.py MODEL_BOUND: own employment reads no payroll mark-up and no agency fee
    for name, value in (("payroll_markup", "1.2"), ("agency_fee", "10%")):
        found = [w for w in _warnings(tmp_path, f"  {name}: {value}\n") if w.startswith(f"overrides.{name} heeft geen effect")]
        assert len(found) == 1, name


def test_an_override_a_rule_reads_gives_no_such_warning(tmp_path):
    warnings = _warnings(tmp_path, "  payroll_markup: 1.2\n  employer_charges: 20%\n", employer="payroll")
    assert not [w for w in warnings if "geen effect" in w], warnings


def test_the_2017_payroll_tariff_used_for_another_year_is_flagged_as_an_assumption(tmp_path):
    # employers/payroll.yaml derives the mark-up from the 2017 Servorg tariff (003 §4.1)
    path = tmp_path / "s.yaml"
    for year, flagged in ((2017, False), (2026, True)):
        path.write_text(f"name: t\nyear: {year}\nhours: 31\nwage_value: 30%\nemployer_model: payroll\n", encoding="utf-8")
        entry = json.loads(CliRunner().invoke(app, [str(path), "-f", "json"]).output)["scenarios"][0]
        found = [w for w in entry["warnings"] if w.startswith("De payrollopslag is afgeleid van het payrolltarief van 2017")]
        assert bool(found) == flagged, (year, entry["warnings"])
    explained = CliRunner().invoke(app, [str(path), "--explain"]).output
    assert "payroll_markup = tariff: 26.598, hours: 31, year: 2017" in explained


def test_explain_describes_each_parameter_once_per_column():
    out = CliRunner().invoke(app, [str(MAIN), "--explain"]).output
    column = out.split("Toelichting: 31 uur", 1)[1].split("Toelichting:", 1)[0]
    # wml_month feeds the wage value, the LIV and the wage costs; its value and source appear once
    assert column.count("- wml_month = € 1.551,60") == 1
    assert column.count("parameters: ") >= 5 and "wml_month" in column.split("Parameters en bronnen", 1)[0]


def test_a_long_subsidy_set_name_is_never_broken_mid_word(monkeypatch):
    for width in ("80", "100", "140"):
        monkeypatch.setenv("COLUMNS", width)
        out = CliRunner().invoke(app, [str(MODELS_2026)]).output
        rows = [line for line in out.splitlines() if line.strip().startswith("Subsidieset")]
        assert rows and all(line.split()[1:] and set(line.split()[1:]) == {"zaanstreek-waterland-2017"} for line in rows), rows
