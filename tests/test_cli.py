"""The command line through typer's CliRunner: table, English, JSON shape, bad input (issue 2 items 5, 7)."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from beschut_calc.cli import app
from conftest import BASE, SCENARIOS, scenario_text

MAIN = SCENARIOS / "zaanstreek-waterland-2017.yaml"


def invoke(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


# ------------------------------------------------------------------ table

def test_table_in_the_memos_layout():
    result = invoke(MAIN)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    for text in ("Baten", "Totaal baten", "Kosten", "Totaal kosten", "Saldo",
                 "1. loonwaarde", "2. loonkostensubsidie", "3. algemene subsidie beschut",
                 "4. tijdelijke subsidie beschut", "5. belastingvoordeel LIV", "loonkosten",
                 "kosten begeleiding en indirecte kosten", "31 uur", "24 uur",
                 "€ 32.100", "€ 25.270", "€ 32.500", "€ 25.200", "-€ 400", "€ 70",
                 "tekort van € 400", "sluitend", "Waarschuwingen"):
        assert text in out, text
    # benefits above costs above balance, as in the memo
    assert out.index("Totaal baten") < out.index("Totaal kosten") < out.index("Saldo")
    assert result.stderr == ""


def test_table_in_english():
    result = invoke(MAIN, "--lang", "en")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    for text in ("Benefits", "Total benefits", "Costs", "Total costs", "Balance", "1. wage value",
                 "2. wage-cost subsidy", "wage costs", "€ 32,100", "-€ 400", "deficit of € 400", "breaks even"):
        assert text in out, text
    for dutch in ("Totaal baten", "loonkostensubsidie", "tekort", "sluitend", "€ 32.100"):
        assert dutch not in out, dutch


def test_several_files_one_table_each():
    result = invoke(MAIN, SCENARIOS / "zaanstreek-waterland-2017-payroll.yaml")
    assert result.exit_code == 0, result.stderr
    assert "hoofdstuk 6" in result.stdout and "payroll" in result.stdout
    assert "-€ 5.698" in result.stdout and "tekort van € 4.022" in result.stdout


# ------------------------------------------------------------------ JSON

INPUT_KEYS = {"name", "year", "method", "hours", "wage_value", "employer_model", "subsidy_set", "rounding", "overrides"}
LINE_KEYS = {"key", "side", "label", "amount", "source"}
LINE_ORDER = ["wage_value", "wage_subsidy", "general_subsidy", "temporary_subsidy", "tax_advantage",
              "wage_costs", "guidance_costs"]


def test_json_shape():
    # issue 2 item 5: {"scenarios": [{"name", "inputs", "lines": [...], "totals": {...}, "warnings": [...]}]}
    result = invoke(MAIN, "--format", "json")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert list(doc) == ["receipt", "scenarios"]
    assert len(doc["scenarios"]) == 2
    for scenario in doc["scenarios"]:
        assert {"name", "inputs", "lines", "totals", "warnings"} <= set(scenario)
        inputs = scenario["inputs"]
        assert INPUT_KEYS <= set(inputs)
        assert inputs["name"] == scenario["name"]
        assert inputs["year"] == 2017 and inputs["method"] == "memo" and inputs["rounding"] == "memo"
        assert inputs["wage_value"] == 0.3                       # a fraction, not "30%"
        assert inputs["employer_model"] == "municipality"
        assert inputs["subsidy_set"] == "zaanstreek-waterland-2017"
        assert inputs["overrides"] == {"temporary_subsidy_pro_rata": False}
        assert isinstance(inputs["hours"], int)
        assert [line["key"] for line in scenario["lines"]] == LINE_ORDER
        for line in scenario["lines"]:
            assert LINE_KEYS <= set(line)
            assert line["side"] == ("cost" if line["key"] in ("wage_costs", "guidance_costs") else "benefit")
            assert isinstance(line["amount"], (int, float)) and not isinstance(line["amount"], bool)
            assert isinstance(line["label"], str) and line["label"]
            assert isinstance(line["source"], str) and "Notitie Nieuw beschut werk Zaanstreek-Waterland 2017" in line["source"]
        assert set(scenario["totals"]) == {"benefits", "costs", "balance"}
        assert all(isinstance(v, (int, float)) for v in scenario["totals"].values())
        assert isinstance(scenario["warnings"], list) and all(isinstance(w, str) for w in scenario["warnings"])
    assert [s["inputs"]["hours"] for s in doc["scenarios"]] == [31, 24]


def test_json_amounts_are_euros_to_the_cent(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text(scenario_text({**BASE, "hours": 28, "year": 2018}), encoding="utf-8")
    doc = json.loads(invoke(path, "-f", "json").stdout)
    for line in doc["scenarios"][0]["lines"]:
        assert round(line["amount"], 2) == line["amount"]
    assert any(isinstance(line["amount"], float) for line in doc["scenarios"][0]["lines"])


def test_json_labels_follow_lang():
    doc = json.loads(invoke(MAIN, "-f", "json", "--lang", "en").stdout)
    assert doc["scenarios"][0]["lines"][0]["label"] == "1. wage value"
    doc = json.loads(invoke(MAIN, "-f", "json").stdout)
    assert doc["scenarios"][0]["lines"][0]["label"] == "1. loonwaarde"


# ------------------------------------------------------------------ bad input
# issue 2 item 7: one line on stderr with file, line and key; exit code 2; no traceback; nothing on stdout.

BAD = [
    # id, mapping laid over a valid scenario, key named, line of that key, words the message must contain
    ("hours-text", {"hours": "veel"}, "hours", 3, []),
    ("year-text", {"year": "2017"}, "year", 2, ["2017"]),
    ("hours-0", {"hours": 0}, "hours", 3, ["40"]),
    ("hours-41", {"hours": 41}, "hours", 3, ["41", "40"]),
    ("hours-negative", {"hours": -1}, "hours", 3, ["-1"]),
    ("wage-value-150pct", {"wage_value": "150%"}, "wage_value", 4, ["150"]),
    ("wage-value-bare-30", {"wage_value": 30}, "wage_value", 4, ["30%"]),
    ("wage-value-text", {"wage_value": "dertig"}, "wage_value", 4, ["30%"]),
    ("unknown-key", {"hourz": 31}, "hourz", 7, ["hours"]),
    ("employer-typo", {"employer_model": "payrol"}, "employer_model", 5, ["payroll"]),
    ("unknown-subsidy-set", {"subsidy_set": "zaanstreek"}, "subsidy_set", 6, ["zaanstreek-waterland-2017"]),
    ("method-typo", {"method": "statutary"}, "method", 7, ["statutory"]),
    ("overrides-not-a-mapping", {"overrides": 5}, "overrides", 7, []),
]


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("case, changes, key, line, words", BAD, ids=[b[0] for b in BAD])
def test_bad_input_one_located_line(tmp_path, case, changes, key, line, words, lang):
    path = tmp_path / f"{case}.yaml"
    path.write_text(scenario_text({**BASE, **changes}), encoding="utf-8")
    result = invoke(path, "--lang", lang)
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert result.stdout == ""
    err = result.stderr
    assert "Traceback" not in err
    assert err.count("\n") == 1 and err.endswith("\n"), err
    assert err.startswith(f"{path}:{line}:"), err
    assert f" {key}: " in err, err
    for word in words:
        assert word in err, (word, err)


def test_bad_variant_names_its_path(tmp_path):
    path = tmp_path / "v.yaml"
    path.write_text(scenario_text(BASE) + "variants:\n  - name: a\n    hours: 12\n  - name: b\n    hours: 99\n", encoding="utf-8")
    result = invoke(path)
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"{path}:11:") and "variants[1].hours" in result.stderr, result.stderr


def test_missing_file():
    result = invoke("/nonexistent/scenario.yaml")
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    assert "/nonexistent/scenario.yaml" in result.stderr


def test_bad_file_among_good_ones_prints_nothing(tmp_path):
    # all-or-nothing: a bad second file means no table for the first either
    bad = tmp_path / "bad.yaml"
    bad.write_text(scenario_text({**BASE, "hours": 41}), encoding="utf-8")
    result = invoke(MAIN, bad)
    assert result.exit_code == 2 and result.stdout == ""


def test_every_output_carries_the_receipt(tmp_path):
    # issue 10 item 6: version, a short hash of the parameter data, the date of the newest parameter value
    from beschut_calc import __version__
    from beschut_calc.core.receipt import newest_date
    from beschut_calc.inputs.parameter_files import load_parameters

    book = load_parameters()
    receipt = json.loads(invoke(MAIN, "-f", "json").stdout)["receipt"]
    assert receipt["version"] == __version__
    assert len(receipt["parameters_hash"]) == 12 and receipt["parameters_hash"] == book.digest
    assert receipt["newest_parameter_date"] == newest_date(book).isoformat()
    for args in ([], ["-f", "markdown"]):
        out = invoke(MAIN, *args).stdout
        assert receipt["parameters_hash"] in out and receipt["newest_parameter_date"] in out
    import openpyxl

    target = tmp_path / "memo.xlsx"
    assert invoke(MAIN, "--excel", target).exit_code == 0
    summary = openpyxl.load_workbook(target)["Samenvatting"]
    assert receipt["parameters_hash"] in summary["A2"].value


def test_parameter_hash_changes_with_the_data(tmp_path):
    # A different value in any parameter file gives another hash (the receipt identifies the data).
    import shutil

    from beschut_calc.inputs.parameter_files import PARAMS_DIR, load_parameters

    copy = tmp_path / "params"
    shutil.copytree(PARAMS_DIR, copy)
    before = load_parameters(copy).digest
    path = copy / "holiday_allowance.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("0.08", "0.09"), encoding="utf-8")
    assert load_parameters(copy).digest != before
