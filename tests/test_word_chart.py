"""Issue 11 item 3: the Word annex (--word) and the chart (--chart). The annex's table holds the
published chapter-6 figures; both files follow the workbook's safe-writing rules; text from files
stays text; a plain run imports neither python-docx nor matplotlib."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import docx
import pytest
import yaml
from typer.testing import CliRunner

from beschut_calc.cli import app
from beschut_calc.core.text import euro
from conftest import SCENARIOS

MAIN = SCENARIOS / "zaanstreek-waterland-2017.yaml"
PUBLISHED = yaml.safe_load((Path(__file__).parent / "fixtures" / "published.yaml").read_text(encoding="utf-8"))[
    "zaanstreek_waterland_2017_chapter6"]


def invoke(*args):
    return CliRunner().invoke(app, [*map(str, args)])


def table_rows(path: Path) -> dict[str, list[str]]:
    document = docx.Document(str(path))
    rows: dict[str, list[str]] = {}
    for table in document.tables:
        for row in table.rows:
            cells = [cell.text for cell in row.cells]
            rows.setdefault(cells[0].strip(), []).extend(cells[1:])
    return rows


def test_the_annex_table_holds_the_published_totals_and_verdicts(tmp_path):
    target = tmp_path / "bijlage.docx"
    result = invoke(MAIN, "--word", target)
    assert result.exit_code == 0, result.output
    rows = table_rows(target)
    municipality = [c for c in PUBLISHED["columns"] if c["employer_model"] == "municipality"]
    from decimal import Decimal

    assert rows["Totaal baten"] == [euro(Decimal(c["totals"]["benefits"])) for c in municipality]
    assert rows["Totaal kosten"] == [euro(Decimal(c["totals"]["costs"])) for c in municipality]
    assert rows["Saldo"] == [euro(Decimal(c["totals"]["balance"])) for c in municipality]
    assert rows["Oordeel"][0].startswith("tekort van") and rows["Oordeel"][1].startswith("sluitend")
    text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    for part in ("Zaanstreek-Waterland", "Aannames en waarschuwingen", "Bronnen", "WML per maand bij voltijd: € 1.551,60",
                 "beschut-calc 0.1.0 · parameters"):
        assert part in text, part
    assert len(docx.Document(str(target)).inline_shapes) == 1    # the chart


def test_annex_and_chart_are_never_written_over_an_existing_file(tmp_path):
    for option, name in (("--word", "a.docx"), ("--chart", "a.png")):
        target = tmp_path / name
        target.write_bytes(b"van de gebruiker")
        result = invoke(MAIN, option, target)
        assert result.exit_code == 2 and "bestaat al" in result.output
        assert target.read_bytes() == b"van de gebruiker"
        assert invoke(MAIN, option, target, "--force").exit_code == 0
        assert target.read_bytes() != b"van de gebruiker"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.docx", "a.png"]    # no temporary file left


def test_a_chart_is_png_or_svg_and_anything_else_is_refused_before_writing(tmp_path):
    assert invoke(MAIN, "--chart", tmp_path / "g.png").exit_code == 0
    assert (tmp_path / "g.png").read_bytes().startswith(b"\x89PNG")
    refused = invoke(MAIN, "--chart", tmp_path / "g.pdf")
    assert refused.exit_code == 2 and "een grafiek is .png of .svg" in refused.output
    assert not (tmp_path / "g.pdf").exists()


@pytest.mark.parametrize("name", ["=SUM(A1)", "$x^2$", "[/b] <b>vet</b>"])
def test_text_from_the_file_stays_text_in_the_annex_and_the_chart(tmp_path, name):
    path = tmp_path / "s.yaml"
    path.write_text(f"name: t\nyear: 2026\nhours: 31\nwage_value: 30%\nvariants:\n  - name: {yaml.safe_dump(name).splitlines()[0]}\n",
                    encoding="utf-8")
    assert invoke(path, "--word", tmp_path / "b.docx", "--chart", tmp_path / "g.svg").exit_code == 0
    assert table_rows(tmp_path / "b.docx")["Post"] == [name]
    svg = (tmp_path / "g.svg").read_text(encoding="utf-8")
    escaped = name.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert escaped in svg    # drawn as written: no mathtext, no markup


@pytest.mark.parametrize("fmt", ["table", "markdown", "json"])
def test_a_plain_run_imports_no_heavy_library(fmt):
    # the project's standard: neither pandas, numpy, openpyxl nor matplotlib (nor python-docx) without their option
    code = ("import sys; from typer.testing import CliRunner; from beschut_calc.cli import app; "
            f"r = CliRunner().invoke(app, [{str(MAIN)!r}, '-f', {fmt!r}]); assert r.exit_code == 0; "
            "print(sorted(m for m in ('docx', 'matplotlib', 'numpy', 'openpyxl', 'pandas') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_refused_second_export_leaves_the_first_unwritten(tmp_path):
    # all targets are checked before any work: exit 2 means nothing was written
    (tmp_path / "er.docx").write_bytes(b"van de gebruiker")
    for extra in (["--word", tmp_path / "er.docx"], ["--chart", tmp_path / "g.gif"]):
        result = invoke(MAIN, "--excel", tmp_path / "w.xlsx", *extra)
        assert result.exit_code == 2, result.output
        assert not (tmp_path / "w.xlsx").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["er.docx"]
