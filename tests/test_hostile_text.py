"""Issue 15 item 7: random unicode, markup and control characters in every text field of a
scenario. The answer is exit 0 with the text shown as written, or exit 2 with a located
message; never exit 1 (an internal error), never a terminal code on the screen."""
from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from beschut_calc.cli import app

MARKUP = ["[/bold]", "[link=http://example.invalid]klik[/link]", "[red]rood[/red]", "[bold", ":smile:", "\\[x]",
          "<b>vet</b>", "| pipe |", "`code`", "*ster*", "=SUM(A1)", "@cmd", "\u202eomgekeerd", "\x1b[2J", "\x07", "\x9b31m"]

texts = st.one_of(
    st.sampled_from(MARKUP),
    st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=16),
    st.lists(st.sampled_from(MARKUP), min_size=1, max_size=3).map("".join),
)


def quoted(text: str) -> str:
    # A JSON string is a YAML double-quoted scalar; control characters become \u escapes,
    # which the reader decodes and must then refuse.
    return json.dumps(text, ensure_ascii=False)


def scenario(name: str, variant: str, municipality: str) -> str:
    return (f"name: {quoted(name)}\ndescription: {quoted(name)}\nyear: 2026\nhours: 31\nwage_value: 30%\n"
            f"variants:\n  - name: {quoted(variant)}\n  - name: tweede\n"
            f"targets: {{{quoted(municipality)}: {{2026: 3}}}}\n")


def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=texts, variant=texts, municipality=texts)
def test_any_text_is_shown_as_written_or_refused_with_exit_2(tmp_path, name, variant, municipality):
    path = tmp_path / "s.yaml"
    path.write_text(scenario(name, variant, municipality), encoding="utf-8")
    runner = CliRunner()
    as_json = runner.invoke(app, [str(path), "-f", "json"])
    assert as_json.exit_code in (0, 2), as_json.output
    table = runner.invoke(app, [str(path)])
    assert table.exit_code == as_json.exit_code, table.output
    if as_json.exit_code == 2:
        assert table.output.count("\n") <= 2 and "\x1b" not in table.output and "Traceback" not in table.output
        return
    data = json.loads(as_json.output)
    assert [c["name"] for c in data["scenarios"]][:1] == [variant]
    assert municipality in set(strings(data))
    assert "\x1b" not in table.output and "\x07" not in table.output
    if variant in MARKUP and variant.isprintable():
        assert variant in table.output    # markup is not interpreted: it is printed as written


def test_a_huge_value_is_quoted_shortened_in_one_line(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text('name: t\nyear: "' + "k" * 100_000 + '"\nhours: 31\nwage_value: 30%\n', encoding="utf-8")
    result = CliRunner().invoke(app, [str(path)])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and len(result.output) < 700
    assert "year: verwacht een jaartal zoals 2026, niet 'kkk" in result.output and "…" in result.output


def test_a_seed_outside_what_the_generator_takes_is_refused(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text("name: t\nyear: 2026\nhours: 31\nwage_value: 30%\n", encoding="utf-8")
    for seed in ("-1", str(2**64)):
        result = CliRunner().invoke(app, [str(path), "--simulate", "100", "--seed", seed])
        assert result.exit_code == 2 and result.output.startswith(f"--seed: --seed {seed}: kies een heel getal van 0")
