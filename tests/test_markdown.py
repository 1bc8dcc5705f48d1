"""`--format markdown` (issue 4 item 6): the summary table in Markdown, Dutch formatting, warnings as a list."""
from __future__ import annotations

import json
import re
from decimal import Decimal

from typer.testing import CliRunner

from beschut_calc.cli import app
from beschut_calc.report.labels import HEADINGS
from beschut_calc.report.markdown import escape
from beschut_calc.core.text import euro
from conftest import SCENARIOS

MAIN = SCENARIOS / "zaanstreek-waterland-2017.yaml"


def invoke(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


def table_rows(text: str) -> dict[str, list[str]]:
    rows = {}
    for line in text.splitlines():
        if line.startswith("| ") and not line.startswith("| ---"):
            cells = [c.strip() for c in line.strip("|").split(" | ")]
            rows[cells[0].strip("*")] = [c.strip("*") for c in cells[1:]]
    return rows


def test_markdown_table_matches_the_json_figures():
    md = invoke(MAIN, "--format", "markdown")
    assert md.exit_code == 0, md.stderr
    js = json.loads(invoke(MAIN, "--format", "json").stdout)["scenarios"]
    rows = table_rows(md.stdout)
    assert md.stdout.startswith("### Zaanstreek-Waterland 2017, hoofdstuk 6")
    assert rows["Post"] == [s["name"] for s in js]
    assert "| --- | ---: | ---: |" in md.stdout
    for i, scenario in enumerate(js):
        for line in scenario["lines"]:
            amount = rows[line["label"]][i]
            assert amount.replace("€ ", "").replace(".", "").replace("-", "") == str(abs(round(line["amount"]))), line["key"]
        assert rows["Oordeel"][i] == scenario["verdict"]
    # Dutch formatting as in the memo (text.euro): thousands with a dot, minus before the euro sign
    for label, key in (("Totaal baten", "benefits"), ("Totaal kosten", "costs"), ("Saldo", "balance")):
        assert rows[label] == [euro(Decimal(str(s["totals"][key]))) for s in js]
    assert all(re.fullmatch(r"-?€ \d{1,3}(\.\d{3})*", cell) for label in ("Totaal baten", "Saldo") for cell in rows[label])
    assert f"_{HEADINGS['per_year']('nl')}_" in md.stdout


def test_markdown_warnings_are_a_numbered_list():
    md = invoke(MAIN, "--format", "markdown").stdout
    js = json.loads(invoke(MAIN, "--format", "json").stdout)["scenarios"]
    after = md.split("**Waarschuwingen**", 1)[1]
    items = [line for line in after.splitlines() if line[:1].isdigit()]
    assert len(items) == len({w for s in js for w in s["warnings"]})
    assert items[0].startswith("1. ")
    assert items[-1].endswith("\\[24 uur\\]")      # a warning for one column names it


def test_markdown_in_english():
    md = invoke(MAIN, "--format", "markdown", "--lang", "en").stdout
    rows = table_rows(md)
    js = json.loads(invoke(MAIN, "--format", "json", "--lang", "en").stdout)["scenarios"]
    assert rows["Total benefits"] == [euro(Decimal(str(s["totals"]["benefits"])), "en") for s in js]
    assert "," in rows["Total benefits"][0]
    assert "Verdict" in rows and "**Warnings**" in md


def test_names_cannot_break_the_table(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text("name: 'a | b *c* _d_'\nyear: 2017\nhours: 31\nwage_value: 30%\nvariants:\n"
                    "  - name: 'x|y'\n  - name: '<b>z</b>'\n", encoding="utf-8")
    md = invoke(path, "--format", "markdown")
    assert md.exit_code == 0, md.stderr
    header = next(line for line in md.stdout.splitlines() if line.startswith("| Post"))
    assert header == "| Post | x\\|y | \\<b\\>z\\</b\\> |"
    assert md.stdout.startswith("### a \\| b \\*c\\* \\_d\\_")
    # every table row has the same number of unescaped separators
    counts = {line.replace("\\|", "").count("|") for line in md.stdout.splitlines() if line.startswith("| ")}
    assert counts == {4}


def test_escape_keeps_underscores_inside_words():
    assert escape("overrides.employer_charges") == "overrides.employer_charges"
    assert escape("_x_") == "\\_x\\_"
    assert escape("a\nb") == "a b"
