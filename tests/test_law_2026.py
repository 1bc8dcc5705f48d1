"""The law of 2026-2027 at the source (issue 10): what each output says about it."""
from __future__ import annotations

import json
import re
from decimal import Decimal as D

import openpyxl
from typer.testing import CliRunner

from beschut_calc.cli import app
from conftest import SCENARIOS, assert_cent

HASHED = re.compile(r"\b\d{3}_[0-9a-f]{16}(\.txt)?\b")


def invoke(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


def test_no_hashed_source_file_name_in_any_output(tmp_path):
    # Sources are named by title and section (issue 10, item 5), in every format and in the trace.
    for path in sorted(SCENARIOS.glob("*.yaml")):
        caseload = "caseload:" in path.read_text(encoding="utf-8")
        for args in (["--explain"], ["-f", "json", "--explain", "--perspective", "gemeente"], ["-f", "markdown"]):
            if caseload:      # a caseload has no per-line explanation; its JSON and tables still name sources by title
                args = [a for a in args if a not in ("--explain", "--perspective", "gemeente")]
            out = invoke(path, *args)
            assert out.exit_code == 0, (path.name, out.stderr)
            assert not HASHED.search(out.stdout), (path.name, args, HASHED.search(out.stdout).group(0))
    target = tmp_path / "all.xlsx"
    assert invoke(*sorted(SCENARIOS.glob("*.yaml")), "--excel", target).exit_code == 0
    for ws in openpyxl.load_workbook(target).worksheets:
        for row in ws.iter_rows(values_only=True):
            for value in row:
                assert not (isinstance(value, str) and HASHED.search(value)), (ws.title, value)


def test_2027_scenario_says_the_minimum_wage_is_carried_forward():
    doc = json.loads(invoke(SCENARIOS / "werkgeversmodellen-2027.yaml", "-f", "json").stdout)
    assert len(doc["scenarios"]) == 4
    for column in doc["scenarios"]:
        assert any(w.startswith("wml_hour") and "doorgetrokken" in w and "2026-07-01" in w for w in column["warnings"])
        assert any(w.startswith("wml_month") and "doorgetrokken" in w for w in column["warnings"])


def test_2026_municipal_perspective_includes_the_2024_increase():
    # Kamerstuk 34 352, nr. 300: + EUR 2,157 per place from 2024 on top of the EUR 8,500 guidance budget
    # (003 §3.1 a), both per 31-hour place, here 31 hours.
    doc = json.loads(invoke(SCENARIOS / "werkgeversmodellen-2026.yaml", "-f", "json").stdout)
    guidance = next(flow for flow in doc["scenarios"][0]["flows"] if flow["key"] == "rijk_guidance")
    assert guidance["amount"] == 8500 + 2157
    assert "34 352, nr. 300" in guidance["source"]
    before = json.loads(invoke(SCENARIOS / "zaanstreek-waterland-2017-herberekend.yaml", "-f", "json").stdout)
    old = next(flow for flow in before["scenarios"][0]["flows"] if flow["key"] == "rijk_guidance")
    assert old["amount"] == 8500


def test_toelichting_says_how_much_the_lks_rule_moved_the_2017_figures(tmp_path):
    # Participatiewet art. 10d lid 7: LKS on the WML of 1 January 2017 (1,551.60), not July's 1,565.40.
    target = tmp_path / "h.xlsx"
    assert invoke(SCENARIOS / "zaanstreek-waterland-2017-herberekend.yaml", "--excel", target).exit_code == 0
    notes = [r[0] for r in openpyxl.load_workbook(target)["Toelichting"].iter_rows(values_only=True) if r[0]]
    assert any("art. 10d lid 7" in text for text in notes)
    january = D("0.7") * 12 * D("1551.60") * 31 / 36 * D("1.08") * D("1.23")
    monthly = D("0.7") * (6 * D("1551.60") + 6 * D("1565.40")) * 31 / 36 * D("1.08") * D("1.23")
    from beschut_calc.core.text import euro

    line = next(text for text in notes if text.startswith("31 uur: LKS"))
    assert euro(january, "nl", 2) in line and euro(monthly, "nl", 2) in line and euro(january - monthly, "nl", 2) in line


def test_2026_statutory_lines_follow_the_law(calc):
    # Hidden-case style: wage value and wage costs month by month (14.71 / 14.99), LKS on the reference
    # amount of 1 January 2026 (2,294.40, regeling van 9 oktober 2025, nr. 2025-0000213859) pro rata to 36 hours
    # (Pw art. 10d lid 4 en 7). Issue 21: the allowance and the default employer charges are 25 % from 2025
    # (BWBR0044901 art. 1, versie 2025-01-01); they were 23,5 % and 23 % here.
    result = calc(year=2026, hours=24, wage_value="40%", employer_model="regular")
    wage = (6 * D("14.71") + 6 * D("14.99")) * 24 * 52 / 12 * D("1.08")
    assert_cent(result.line("wage_value").amount, D("0.40") * wage)
    assert_cent(result.line("wage_costs").amount, wage * D("1.25"))
    assert_cent(result.line("wage_subsidy").amount, D("0.60") * 12 * D("2294.40") * 24 / 36 * D("1.08") * D("1.25"))
    assert result.line("tax_advantage").amount == 0
