"""Issue 23: output a municipal policy adviser can hand to a council unchanged.

- every terminal table fits 80 columns and never splits an amount ('-€' on one line, '4.417' on the next,
  or '€ 7.8…' cut off), the analyses included; a warning that only names another year is said once;
- the Word annex and Markdown carry labels, never internal identifiers, and the analyses when asked;
- the workbook's headers fit and its sheets print readable;
- a template to start from.
"""
from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from beschut_calc.cli import app
from conftest import SCENARIOS

MAIN = SCENARIOS / "zaanstreek-waterland-2017.yaml"
RECOMPUTED = SCENARIOS / "zaanstreek-waterland-2017-herberekend.yaml"
MODELS_2026 = SCENARIOS / "werkgeversmodellen-2026.yaml"
TARGETS = SCENARIOS / "zaanstreek-waterland-taakstelling.yaml"
CASELOAD = SCENARIOS / "caseload-zaanstreek-voorbeeld.yaml"

# an internal name: a snake_case key, a subsidy set's value key, or an override's dotted name
INTERNAL = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b|overrides\.|:[a-z]+_[a-z_]+\b")


def _run(args: list[str], columns: int = 80) -> str:
    result = CliRunner().invoke(app, [str(a) for a in args], env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    return result.stdout


def _split_amounts(out: str) -> list[str]:
    """Lines wider than 80, lines that end in a sign or a euro sign (the amount went on), and amounts cut off."""
    bad = []
    for line in out.splitlines():
        text = line.rstrip()
        if len(text) > 80 or re.search(r"(?:^|\s)-?€$", text) or re.search(r"€…|€ [\d.]*…|\d…", text):
            bad.append(line)
    amounts = re.findall(r"-?€ [\d.]+", out)
    bad += [a for a in amounts if not re.fullmatch(r"-?€ \d{1,3}(\.\d{3})*", a.rstrip("."))]
    return bad


CASES = {
    "years with four employer models": [MODELS_2026, "--years", "5"],
    "targets": [TARGETS],
    "break-even": [MODELS_2026, "--breakeven", "wage_value"],
    "break-even hours": [MAIN, "--breakeven", "hours"],
    "sweep of two inputs": [MAIN, "--sweep", "hours=24:40:1", "--sweep", "wage_value=10%:50%:5%"],
    "sweep of one input": [MODELS_2026, "--sweep", "guidance_cost_fulltime=5000:13000:1000"],
    "sensitivity and simulation": [MAIN, "--sensitivity", "--simulate", "500"],
    "every party": [MODELS_2026, "--perspective", "alle"],
    "caseload": [CASELOAD, "--years", "2"],
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_every_table_fits_80_columns_and_no_amount_is_split(case):
    out = _run(CASES[case])
    assert not _split_amounts(out), _split_amounts(out)


def test_the_years_table_shows_every_year_and_every_amount_at_80_columns():
    out = _run([RECOMPUTED, "--years", "5"])
    for year in range(2017, 2022):
        assert re.search(rf"\b{year}\b", out)
    # the published recomputation's cumulative balance of 2021 (README, "Meerjarig")
    assert "-€ 8.343" in out or "-€ 8." in out


def test_a_warning_that_differs_only_in_its_year_is_said_once_for_the_span():
    out = _run([MODELS_2026, "--years", "5"], columns=200)
    section = out.split("Meerjarig: Gemeente (eigen dienst)", 1)[1].split("Meerjarig:", 1)[0]
    price = [line for line in section.splitlines() if "prijzen van 2017" in line]
    assert len(price) == 1 and "2026-2030" in price[0], price


def test_the_terminal_wraps_a_sentence_between_amounts_never_inside_one():
    from beschut_calc.report.layout import wrap_units

    text = "het saldo is overal negatief (bij 0 %: -€ 17.454, bij 100 %: -€ 14.005) (nu 30 %, saldo -€ 9.698)"
    for width in range(20, 90):
        lines = wrap_units(text, width)
        assert " ".join(lines) == text
        assert not [line for line in lines if line.endswith(("€", "-€"))], (width, lines)


# ------------------------------------------------------------------ Word annex and Markdown for a council

def _docx_text(path) -> list[str]:
    import docx

    document = docx.Document(str(path))
    return [p.text for p in document.paragraphs] + [cell.text for t in document.tables for row in t.rows for cell in row.cells]


ANALYSES = ["--years", "3", "--sensitivity", "--simulate", "300", "--breakeven", "hours",
            "--sweep", "hours=24:36:4", "--sweep", "wage_value=20%:50%:10%"]


def test_the_word_annex_has_no_internal_names_and_carries_every_analysis(tmp_path):
    pytest.importorskip("docx")
    path = tmp_path / "bijlage.docx"
    _run([MODELS_2026, *ANALYSES, "--word", path], columns=140)
    texts = _docx_text(path)
    found = sorted({m for t in texts for m in INTERNAL.findall(t)})
    assert not found, found
    joined = "\n".join(texts)
    for heading in ("Meerjarig: Gemeente (eigen dienst), 2026-2028", "Gevoeligheid: Uitzendbureau", "Simulatie: Payrollbedrijf",
                    "Rooster: Reguliere werkgever", "Sluitend bij (break-even): uren per week", "Wie betaalt wie"):
        assert heading in joined, heading
    # the 2017 minimum wage under a payroll tariff is not this year's minimum wage
    assert "1.551,60" not in joined
    assert "afgeleid van het tarief € 26.598 voor 31 uur per week in 2017" in joined


def test_each_parameter_is_listed_once_in_the_sources(tmp_path):
    pytest.importorskip("docx")
    import docx

    path = tmp_path / "bijlage.docx"
    _run([MODELS_2026, "--word", path], columns=140)
    document = docx.Document(str(path))
    heads = [p.text.split(":")[0] for p in document.paragraphs if p.style.name == "List Bullet"]
    assert heads and len(heads) == len(set(heads)), heads


def test_the_targets_and_caseload_annex_have_no_internal_names(tmp_path):
    pytest.importorskip("docx")
    for name, scenario in (("t.docx", TARGETS), ("c.docx", CASELOAD)):
        path = tmp_path / name
        _run([scenario, "--word", path], columns=140)
        texts = _docx_text(path)
        assert not {m for t in texts for m in INTERNAL.findall(t)}, name
    assert "Taakstelling" in "\n".join(_docx_text(tmp_path / "t.docx"))


def test_every_word_table_repeats_its_header_and_keeps_together(tmp_path):
    pytest.importorskip("docx")
    import docx
    from docx.oxml.ns import qn

    path = tmp_path / "bijlage.docx"
    _run([MODELS_2026, *ANALYSES, "--word", path], columns=140)
    for table in docx.Document(str(path)).tables:
        first = table.rows[0]._tr
        assert first.find(qn("w:trPr")) is not None and first.find(qn("w:trPr")).find(qn("w:tblHeader")) is not None
        # the header row keeps with the row under it: never alone at the foot of a page
        assert all(p.paragraph_format.keep_with_next for p in table.rows[0].cells[0].paragraphs)


def test_markdown_has_no_internal_names_and_carries_every_analysis():
    out = _run([MODELS_2026, *ANALYSES, "-f", "markdown"], columns=140)
    found = sorted(set(INTERNAL.findall(out)))
    assert not found, found
    for heading in ("### Meerjarig: Gemeente (eigen dienst), 2026-2028", "### Gevoeligheid: Uitzendbureau",
                    "### Simulatie: Payrollbedrijf", "### Rooster: Reguliere werkgever", "### Sluitend bij (break-even)"):
        assert heading in out, heading
    budget = _run([TARGETS, "-f", "markdown"], columns=140)
    assert "### Taakstelling" in budget and not INTERNAL.findall(budget)
    caseload = _run([CASELOAD, "--years", "2", "-f", "markdown"], columns=140)
    assert not INTERNAL.findall(caseload), sorted(set(INTERNAL.findall(caseload)))


def test_markdown_in_english_has_no_internal_names_either():
    out = _run([MODELS_2026, "--years", "2", "--lang", "en", "-f", "markdown"], columns=140)
    assert not set(INTERNAL.findall(out)), sorted(set(INTERNAL.findall(out)))


# ------------------------------------------------------------------ the workbook

def _workbook(tmp_path, scenario, *args):
    import openpyxl

    path = tmp_path / "werkmap.xlsx"
    _run([scenario, *args, "--excel", path], columns=140)
    return openpyxl.load_workbook(str(path))


def _header_cells(ws, row: int):
    for cell in ws[row]:
        if isinstance(cell.value, str) and cell.value and not cell.value.startswith("="):
            yield cell


def _width(ws, cell) -> float:
    return ws.column_dimensions[cell.column_letter].width or 8.43


def test_workbook_headers_fit_their_columns(tmp_path):
    wb = _workbook(tmp_path, MODELS_2026)
    ws = wb["Samenvatting"]
    header = next(r for r in range(1, 20) if ws.cell(r, 1).value == "Post")
    names = list(_header_cells(ws, header))[1:]
    assert [c.value for c in names] == ["Gemeente (eigen dienst)", "Reguliere werkgever", "Uitzendbureau", "Payrollbedrijf"]
    for cell in names:
        assert max(map(len, cell.value.split())) + 1 <= _width(ws, cell), cell.value
        assert len(cell.value) <= _width(ws, cell) or cell.alignment.wrap_text, cell.value
    # a text value in the table (the subsidy set's name) is not cut off either
    for row in ws.iter_rows(min_row=header + 1, max_row=header + 8):
        for cell in row[1:]:
            if isinstance(cell.value, str) and not cell.value.startswith("="):
                assert len(cell.value) <= _width(ws, cell), cell.value


def test_caseload_workbook_headers_never_run_together(tmp_path):
    wb = _workbook(tmp_path, CASELOAD, "--years", "2")
    for ws in wb.worksheets:
        for row in range(1, 8):
            cells = list(_header_cells(ws, row))
            if len(cells) < 3 or not all(c.font is not None and c.font.b for c in cells):
                continue
            for cell in cells:
                fits = len(cell.value) <= _width(ws, cell)
                assert fits or cell.alignment.wrap_text, (ws.title, cell.value)
                assert max(map(len, cell.value.split())) <= _width(ws, cell), (ws.title, cell.value)


@pytest.mark.parametrize("scenario,args", [(MODELS_2026, ()), (CASELOAD, ("--years", "2")),
                                           (MAIN, ("--years", "3", "--sensitivity", "--sweep", "hours=24:36:1"))])
def test_every_sheet_prints_at_60_percent_or_more(tmp_path, scenario, args):
    from beschut_calc.report.excel_sheets import MIN_SCALE, PAGE_CHARACTERS, _sheet_width

    wb = _workbook(tmp_path, scenario, *args)
    for ws in wb.worksheets:
        if ws.title in ("Samenvatting", "Summary"):
            continue
        if ws.sheet_properties.pageSetUpPr.fitToPage:
            assert ws.page_setup.fitToWidth == 1
            assert 100 * PAGE_CHARACTERS / _sheet_width(ws) >= MIN_SCALE, ws.title
        else:
            assert ws.page_setup.scale >= MIN_SCALE, ws.title


def test_the_notes_sheet_is_readable_without_scrolling(tmp_path):
    wb = _workbook(tmp_path, MAIN)
    ws = wb["Toelichting"]
    assert ws.column_dimensions["A"].width <= 100
    assert ws.max_column == 1


# ------------------------------------------------------------------ starting without code

def test_the_template_runs_and_every_commented_key_is_a_key_the_tool_knows(tmp_path):
    template = SCENARIOS / "sjabloon.yaml"
    out = _run([template])
    assert "Mijn gemeente 2026" in out and "Saldo" in out
    # every key shown commented out is accepted when switched on (the ones that need a file aside)
    text = template.read_text(encoding="utf-8")
    switched = []
    for line in text.splitlines():
        if re.match(r"# [a-z_]+: \S", line) and not line.startswith(("# caseload:", "# targets:")):
            switched.append(line[2:])
    assert {line.split(":")[0] for line in switched} >= {"method", "rounding", "work_type", "trial_months", "start", "end",
                                                         "absence", "indexation"}
    path = tmp_path / "s.yaml"
    for line in switched:
        path.write_text(text + "\n" + line + "\n", encoding="utf-8")
        result = CliRunner().invoke(app, [str(path)])
        assert result.exit_code == 0, (line, result.output)
    block = text.split("# overrides:\n", 1)[1].split("\n\n", 1)[0]
    overrides = [line[2:] for line in block.splitlines() if re.match(r"#   [a-z_]+: \S", line)]
    assert len(overrides) >= 6
    for line in overrides:
        name = line.split(":")[0].strip()
        model = {"agency_fee": "temp_agency", "payroll_markup": "payroll"}.get(name, "municipality")
        body = text.replace("employer_model: municipality", f"employer_model: {model}")
        extra = "\n  agency_fee: 15%" if model == "temp_agency" and name != "agency_fee" else ""
        path.write_text(body + "\noverrides:\n" + line + extra + "\n", encoding="utf-8")
        result = CliRunner().invoke(app, [str(path)])
        assert result.exit_code == 0, (line, result.output)


def test_help_names_the_law_table_and_the_template():
    out = " ".join(CliRunner().invoke(app, ["--help"]).output.split())
    assert "beschut-calc parameters" in out and "sjabloon.yaml" in out


def test_parameters_as_markdown_is_a_markdown_table():
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-c", "from beschut_calc.cli import run; run()", "parameters", "--year", "2026",
                             "-f", "markdown"], capture_output=True, text=True, env={"BESCHUT_CALC_NO_CACHE": "1", "PATH": ""})
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "### Parameters in 2026"
    assert lines[2].startswith("| Parameter |") and set(lines[3]) <= set("|-")
    assert any(line.startswith("| Werkgeverslasten | `employer_charges` |") for line in lines)


def test_parameters_fit_80_columns_without_splitting_a_value():
    import os
    import subprocess
    import sys

    env = dict(os.environ, COLUMNS="80")
    result = subprocess.run([sys.executable, "-c", "from beschut_calc.cli import run; run()", "parameters", "--year", "2026"],
                            capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    # a web address is one word: it may stand wider than the line, alone
    found = [line for line in _split_amounts(result.stdout) if "http" not in line]
    assert not found, found
    assert "employer_charges — Werkgeverslasten" in result.stdout


def test_the_subsidy_set_is_explained_and_an_old_regional_set_is_flagged(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text("name: t\nyear: 2026\nhours: 31\nwage_value: 30%\n", encoding="utf-8")
    out = _run([path])
    assert "Gebruikte subsidieset geen: Geen regionale subsidies." in " ".join(out.split()) and "subsidieset rijk" in out
    out = _run([MODELS_2026])
    assert "Deze set beschrijft de afspraken van 2017; of ze in 2026 nog gelden, is niet nagegaan" in " ".join(out.split())
    assert "afspraken van 2017; of ze" not in _run([MAIN])


def test_the_caseload_chart_says_its_bars_are_totals(tmp_path):
    pytest.importorskip("matplotlib")
    path = tmp_path / "grafiek.svg"
    _run([CASELOAD, "--years", "2", "--chart", path], columns=140)
    svg = path.read_text(encoding="utf-8")
    assert "alle plaatsingen samen" in svg and "per plek per jaar" not in svg
    single = tmp_path / "plek.svg"
    _run([MAIN, "--chart", single], columns=140)
    assert "per plek per jaar" in single.read_text(encoding="utf-8")


# ------------------------------------------------------------------ the README

def test_the_readme_has_a_table_of_contents_whose_links_all_resolve():
    from conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    toc = readme.split("## Inhoud\n", 1)[1].split("\n## ", 1)[0]
    links = re.findall(r"\]\(#([^)]+)\)", toc)
    assert len(links) >= 15

    def anchor(title: str) -> str:       # GitHub's: lower case, punctuation dropped, spaces to hyphens
        return re.sub(r"[^\w\- ]", "", title.strip().lower()).replace(" ", "-")

    anchors, seen, code = set(), {}, False
    for line in readme.split("## Inhoud\n", 1)[1].splitlines():
        code = code ^ line.startswith("```")
        m = re.match(r"^#{2,3} (.*)$", line)
        if m and not code:
            a = anchor(m.group(1))
            anchors.add(a if not seen.get(a) else f"{a}-{seen[a]}")
            seen[a] = seen.get(a, 0) + 1
    assert not [link for link in links if link not in anchors]


def test_the_readme_commands_at_the_top_are_unchanged_and_match_ci():
    from conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    top = readme.split("## Snel aan de slag", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"```sh\n(.*?)\n```", top, re.S)
    assert commands[0] == ("python3 -m venv .venv && .venv/bin/pip install -q -e . && "
                           ".venv/bin/beschut-calc scenarios/zaanstreek-waterland-2017.yaml")
    assert commands[1] == "python3 -m venv .venv && .venv/bin/pip install -q -e '.[test]' && .venv/bin/python -m pytest -q"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci.splitlines()
    assert "cp scenarios/sjabloon.yaml mijn-gemeente.yaml" in readme
