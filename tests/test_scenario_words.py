"""A scenario file reads Dutch value words as a caseload does, reports every key problem at once, keeps
control characters out of Markdown and refuses a possible BSN in its names and descriptions."""
from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from beschut_calc.cli import app
from beschut_calc.core.errors import InputError, value_word, value_words
from beschut_calc.core.model import EMPLOYER_MODELS, METHODS, WORK_TYPES
from beschut_calc.inputs.load import load_scenario
from beschut_calc.inputs.schema import validate_column
from beschut_calc.report.markdown import escape

BASE = "name: test\nyear: 2017\nhours: 31\nwage_value: 30%\n"
BSN = "111222333"          # passes the elfproef; used in the caseload tests as well


def invoke(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


def write(tmp_path, text: str, name: str = "s.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------- 1. Dutch value words

@pytest.mark.parametrize("word, meant", [("regulier", "regular"), ("gemeente", "municipality"),
                                         ("uitzendbureau", "temp_agency"), ("payroll", "payroll"),
                                         ("Reguliere  werkgever", "regular"), ("sw-bedrijf", "municipality")])
def test_employer_model_in_dutch(tmp_path, word, meant):
    fee = "overrides: {agency_fee: 15%}\n" if meant == "temp_agency" else ""
    scenario = load_scenario(write(tmp_path, BASE + f"employer_model: {word}\n" + fee))
    assert scenario.placements[0].employer.name == meant


@pytest.mark.parametrize("key, word, meant", [("method", "wettelijk", "statutory"), ("method", "memomethode", "memo"),
                                              ("work_type", "groen", "green"), ("work_type", "detachering", "secondment"),
                                              ("rounding", "geen afronding", "none"), ("employer_model", "regulier", "regular")])
def test_method_work_type_and_rounding_in_dutch(tmp_path, key, word, meant):
    assert validate_column({"name": "t", "year": 2017, "hours": 31, "wage_value": "30%", key: word})[key] == meant
    load_scenario(write(tmp_path, BASE + f"{key}: {word}\n"))       # and the whole file loads


def test_one_table_for_scenario_and_caseload():
    """The caseload's extra words are the shared table in core/errors.py, and every word a caseload reads
    for an employer model, method or work type is read the same way in a scenario."""
    import inspect

    from beschut_calc.core.errors import MORE_VALUE_WORDS
    from beschut_calc.inputs import caseload

    assert "value_words()" in inspect.getsource(caseload)           # the caseload reads the same table
    for word, meant in MORE_VALUE_WORDS.items():
        assert value_words().get(word) == meant
    for options in (EMPLOYER_MODELS, METHODS, WORK_TYPES):
        for word, meant in value_words().items():
            if meant in options:
                assert value_word(word, options) == meant


def test_dutch_words_in_variants_and_compare(tmp_path):
    scenario = load_scenario(write(tmp_path, BASE + "variants:\n  - name: a\n    employer_model: uitzendbureau\n"
                                                    "    overrides: {agency_fee: 15%}\n  - name: b\n    employer_model: regulier\n"))
    assert [p.employer.name for p in scenario.placements] == ["temp_agency", "regular"]


def test_the_result_names_the_english_value(tmp_path):
    result = invoke(write(tmp_path, BASE + "employer_model: regulier\n"), "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert '"regular"' in result.stdout and '"regulier"' not in result.stdout


def test_an_unknown_word_is_still_refused(tmp_path):
    result = invoke(write(tmp_path, BASE + "employer_model: reguleir\n"))
    assert result.exit_code == 2
    assert "bedoelt u 'regular'?" in result.stderr


# ---------------------------------------------------------------- 2. every key problem at once

FIVE = ("name: test\nyear: 2017\nhours: 31\nwage_value: 30%\nhourz: 3\nmethode_x: 1\n"
        "method: wrong\nwork_type: blue\ntrial_months: 99\n")


def test_five_mistakes_in_one_run(tmp_path):
    path = write(tmp_path, FIVE)
    result = invoke(path)
    assert result.exit_code == 2 and result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 5, result.stderr
    for line in lines:
        assert re.match(r".*s\.yaml:\d+:\d+: [\w.\[\]]+: .+ \(.+\)$", line), line
    # the first line as before: the first field in schema order (method), then the others
    assert lines[0].startswith(f"{path}:7:9: method: ongeldige waarde 'wrong'")
    keys = [line.split(": ")[1] for line in lines]
    assert keys == ["method", "work_type", "trial_months", "hourz", "methode_x"]


def test_five_mistakes_in_english(tmp_path):
    result = invoke(write(tmp_path, FIVE), "--lang", "en")
    assert result.exit_code == 2 and len(result.stderr.splitlines()) == 5
    assert "unknown key" in result.stderr and "invalid value" in result.stderr


def test_one_mistake_is_one_line(tmp_path):
    result = invoke(write(tmp_path, BASE + "hourz: 3\n"))
    assert result.exit_code == 2 and len(result.stderr.splitlines()) == 1


def test_a_dutch_key_is_not_also_missing(tmp_path):
    """'jaar: 2017' says 'jaar' is unknown; it does not add that 'year' is missing."""
    result = invoke(write(tmp_path, "name: test\njaar: 2017\nhours: 31\nwage_value: 30%\nhourz: 1\n"))
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert [line.split(": ")[1] for line in lines] == ["jaar", "hourz"]
    assert "ontbreekt" not in result.stderr


def test_a_base_mistake_is_reported_once_for_all_variants(tmp_path):
    result = invoke(write(tmp_path, BASE + "hourz: 1\nvariants:\n  - name: a\n    method: x\n  - name: b\n"))
    assert result.exit_code == 2
    keys = [line.split(": ")[1] for line in result.stderr.splitlines()]
    assert keys == ["variants[0].method", "hourz"]


def test_the_error_is_still_an_input_error(tmp_path):
    with pytest.raises(InputError) as caught:
        load_scenario(write(tmp_path, FIVE))
    assert caught.value.key == "method" and caught.value.line == 7


# ---------------------------------------------------------------- 3. Markdown on a terminal

@pytest.mark.parametrize("raw", ["a\x1b[31mb", "x\u202ey", "p\x07q", "r\x9bs", "t\u2066u"])
def test_markdown_shows_control_characters_never_sends_them(raw):
    text = escape(raw)
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", text)
    assert "\\\\x" in text or "\\\\u" in text        # shown as an escape (its backslash escaped for Markdown)


def test_markdown_escaping_stays(tmp_path):
    assert escape("a | b *c* _d_") == "a \\| b \\*c\\* \\_d\\_"
    assert escape("regel een\nregel twee") == "regel een regel twee"


def test_markdown_of_text_that_slipped_past_the_reader(tmp_path, monkeypatch):
    """The reader refuses control characters; should one ever get through, Markdown still shows it inertly."""
    from beschut_calc.inputs import yamlsource

    monkeypatch.setattr(yamlsource, "_CONTROL_IN_VALUE", re.compile("(?!)"))
    path = write(tmp_path, 'name: "plan\\e[2J\u202Eb"\ndescription: "x\\a"\nyear: 2017\nhours: 31\nwage_value: 30%\n')
    result = invoke(path, "--format", "markdown")
    assert result.exit_code == 0, result.stderr
    assert not re.search("[\x07\x1b\u202e]", result.stdout)
    assert "### plan\\\\x1b\\[2J\\\\u202eb" in result.stdout
    assert "x\\\\x07" in result.stdout


# ---------------------------------------------------------------- 4. a possible BSN in names

@pytest.mark.parametrize("text, key, line", [
    (f"name: 'Jan {BSN}'\nyear: 2017\nhours: 31\nwage_value: 30%\n", "name", 1),
    (BASE + f"description: 'plaatsing van 111 222 333'\n", "description", 5),
    (BASE + f"variants:\n  - name: a\n  - name: 'b {BSN}'\n", "variants[1].name", 7),
    (BASE + f"variants:\n  - name: a\n    description: 'bsn {BSN}'\n", "variants[0].description", 7),
])
def test_a_bsn_in_a_name_is_refused(tmp_path, text, key, line):
    for lang in ("nl", "en"):
        result = invoke(write(tmp_path, text), "--lang", lang)
        assert result.exit_code == 2 and result.stdout == ""
        assert len(result.stderr.splitlines()) == 1
        assert f"s.yaml:{line}:" in result.stderr and f": {key}: " in result.stderr
        assert "BSN" in result.stderr
        assert not re.search(r"111\D?222\D?333", result.stderr)


def test_ordinary_numbers_in_a_name_are_fine(tmp_path):
    result = invoke(write(tmp_path, "name: 'Zaanstreek 2017, 31 uur, dossier 12345678'\n" + BASE[11:]), "-f", "json")
    assert result.exit_code == 0, result.stderr


def test_very_many_mistakes_are_cut_off_with_a_count(tmp_path):
    keys = "".join(f"wrong_key_{i}: 1\n" for i in range(30))
    for lang, tail in (("nl", "en nog 10 fout(en) in dit bestand"), ("en", "and 10 more problem(s) in this file")):
        result = invoke(write(tmp_path, BASE + keys), "--lang", lang)
        assert result.exit_code == 2 and result.stdout == ""
        lines = result.stderr.splitlines()
        assert len(lines) == 21 and lines[-1].endswith(tail)
