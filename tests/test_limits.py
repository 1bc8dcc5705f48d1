"""Issue 15 item 5: the total work of one run is bounded (core/limits.py), and a request beyond a
bound is refused by count, before any work: exit 2, naming the limit and how to split the work,
nothing written (how quickly: bench/refusals.py, not a wall-clock assert here). A wide table is split over blocks, never printed empty."""
from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from beschut_calc.cli import app
from beschut_calc.core import limits

BASE = "name: t\nyear: 2026\nhours: 31\nwage_value: 30%\n"


def hours_compare(n: int) -> str:
    return BASE + "compare:\n  hours: [" + ", ".join(str(20 + i * 0.01) for i in range(n)) + "]\n"


def variants(n: int) -> str:
    return BASE + "variants:\n" + "".join(f"  - name: v{i}\n" for i in range(n))


def refused(tmp_path, text: str, *args, files: int = 1):
    paths = []
    for i in range(files):
        path = tmp_path / f"s{i}.yaml"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    result = CliRunner().invoke(app, [*paths, *map(str, args)])   # how fast: bench/refusals.py
    assert result.exit_code == 2, result.output
    assert result.output.count("\n") == 1 and "te veel werk" in result.output
    return result.output


def test_variants_times_compare_values_are_counted_before_expanding(tmp_path):
    # 200 variants × 200 values would be 40.000 columns; the product is refused at the compare key
    text = variants(200) + "compare:\n  hours: [" + ", ".join(str(20 + i * 0.1) for i in range(200)) + "]\n"
    out = refused(tmp_path, text)
    assert ":207:10: compare.hours: te veel werk: 40.000 kolommen" in out
    assert f"het maximum is {limits.COLUMNS.maximum}" in out and "verdeel de varianten" in out


def test_too_many_variants_are_refused_at_the_variants_key(tmp_path):
    out = refused(tmp_path, variants(limits.COLUMNS.maximum + 1))
    assert "variants: te veel werk: 501 kolommen" in out


def test_columns_are_counted_over_all_files(tmp_path):
    out = refused(tmp_path, variants(300), files=2)
    assert "kolommen: te veel werk: 600 kolommen" in out


@pytest.mark.parametrize(("args", "limit", "shown"), [
    (["--years", "10"], limits.COLUMN_YEARS, "3.000 kolomjaren"),
    (["--sensitivity"], limits.SENSITIVITY_COLUMNS, "300 kolommen met een tornado"),
    (["--simulate", "100000"], limits.DRAWS, "30.000.000 trekkingen"),
    (["--sweep", "hours=1:40:0.001"], limits.SWEEP_POINTS, "11.700.300 roosterpunten"),
])
def test_analyses_times_columns_are_refused_before_calculating(tmp_path, args, limit, shown):
    out = refused(tmp_path, hours_compare(300), *args)
    assert out.startswith(f"{limit.key}: te veel werk: {shown}"), out


def test_a_workbook_with_too_many_sheets_is_refused_and_nothing_is_written(tmp_path):
    target = tmp_path / "werkmap.xlsx"
    out = refused(tmp_path, hours_compare(limits.WORKBOOK_COLUMNS.maximum + 1), "--excel", target)
    assert out.startswith("--excel: te veel werk: 101 kolommen in een werkmap")
    assert not target.exists()


def test_budget_rows_are_bounded(tmp_path):
    towns = ", ".join(f"g{i}: {{" + ", ".join(f"{y}: 3" for y in range(2026, 2046)) + "}" for i in range(101))
    out = refused(tmp_path, BASE + f"targets: {{{towns}}}\n")
    assert "targets: te veel werk: 2.020 begrotingsregels" in out


def test_a_sweep_step_that_would_overflow_the_count_is_refused(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text(BASE, encoding="utf-8")
    result = CliRunner().invoke(app, [str(path), "--sweep", "hours=1:40:1e-99999"])
    assert result.exit_code == 2
    assert "STAP is te klein" in result.output


def test_a_wide_table_is_split_into_blocks_that_fit_and_shows_every_column(tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    path = tmp_path / "s.yaml"
    path.write_text(hours_compare(12), encoding="utf-8")
    result = CliRunner().invoke(app, [str(path)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert max(len(line.rstrip()) for line in lines) <= 80
    blocks = re.findall(r"— (\d+)/(\d+)", result.output)
    assert len(blocks) > 1 and blocks[-1][0] == blocks[-1][1] == str(len(blocks))
    for i in range(12):
        assert f"{20 + i * 0.01:.2f}".rstrip("0").rstrip(".") in result.output
    assert result.output.count("Saldo") == len(blocks)


def test_the_readme_lists_every_limit_with_its_maximum():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Grenzen aan het werk per run", 1)[1].split("###", 1)[0]
    rows = [limit for limit in vars(limits).values() if isinstance(limit, limits.Limit)]
    assert len(rows) == 12
    for limit in rows:
        assert f"| {limit.maximum:,} |".replace(",", ".") in section, limit
