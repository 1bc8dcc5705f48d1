"""The strict YAML reader: every refusal is located and explained, every value has a position."""
from __future__ import annotations

import io
import time
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from beschut_calc.inputs import yamlsource
from beschut_calc.core.errors import InputError
from beschut_calc.inputs.yamlsource import MAX_BYTES, Document, load_document, parse_document


def refused(text: str) -> InputError:
    with pytest.raises(InputError) as info:
        parse_document(text, "s.yaml")
    assert info.value.file == "s.yaml"
    return info.value


def value(text: str):
    """The value of key `x` in a one-line document `x: <text>`."""
    return parse_document(f"x: {text}\n").data["x"]


# -- files ---------------------------------------------------------------------


def test_reads_a_file_and_keeps_the_name_as_given(tmp_path, monkeypatch):
    (tmp_path / "s.yaml").write_text("naam: test\nuren: 31\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    doc = load_document(Path("s.yaml"))
    assert doc.data == {"naam": "test", "uren": 31}
    assert doc.file == "s.yaml"


def test_missing_file_is_named(tmp_path):
    missing = tmp_path / "weg.yaml"
    with pytest.raises(InputError) as info:
        load_document(missing)
    assert info.value.file == str(missing)
    assert "bestaat niet" in info.value.message
    assert "weg.yaml" in str(info.value)


def test_directory_is_refused(tmp_path):
    with pytest.raises(InputError) as info:
        load_document(tmp_path)
    assert "map" in info.value.message
    assert info.value.file == str(tmp_path)


def test_unreadable_file_is_named(tmp_path, monkeypatch):
    path = tmp_path / "geheim.yaml"
    path.write_text("a: 1\n", encoding="utf-8")

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    # Patched rather than chmod: the tests may run as root, who can read anything.
    monkeypatch.setattr(yamlsource, "open", denied, raising=False)
    with pytest.raises(InputError) as info:
        load_document(path)
    assert "toestemming" in info.value.message
    assert info.value.file == str(path)


def test_file_over_max_bytes_is_refused_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "groot.yaml"
    path.write_bytes(b"a: 1\n" + b"#" * MAX_BYTES)
    monkeypatch.setattr(yamlsource, "open", lambda *a, **k: pytest.fail("file was opened"), raising=False)
    with pytest.raises(InputError) as info:
        load_document(path)
    assert "te groot" in info.value.message
    assert info.value.file == str(path)


def test_file_that_grows_after_stat_is_read_only_up_to_the_limit(tmp_path, monkeypatch):
    path = tmp_path / "groeit.yaml"
    path.write_text("a: 1\n", encoding="utf-8")    # small when stat looks
    asked = []

    class Growing(io.BytesIO):
        def read(self, size=-1):
            asked.append(size)
            return super().read(size)

    monkeypatch.setattr(yamlsource, "open", lambda *a, **k: Growing(b"a: 1\n" * MAX_BYTES), raising=False)
    with pytest.raises(InputError) as info:
        load_document(path)
    assert asked == [MAX_BYTES + 1]
    assert "te groot" in info.value.message


def test_non_utf8_is_refused_with_offset_and_line(tmp_path):
    path = tmp_path / "ansi.yaml"
    path.write_bytes("naam: test\nplaats: Café\n".encode("cp1252"))
    with pytest.raises(InputError) as info:
        load_document(path)
    error = info.value
    assert "UTF-8" in error.message
    assert "positie 22" in error.message          # the byte é was saved as
    assert (error.line, error.column) == (2, 12)


def test_nul_bytes_are_refused_as_binary(tmp_path):
    path = tmp_path / "bin.yaml"
    path.write_bytes(b"a: 1\nb: \x00\x01\x02")
    with pytest.raises(InputError) as info:
        load_document(path)
    assert "binair" in info.value.message
    assert info.value.line == 2


def test_utf16_is_refused_by_name(tmp_path):
    path = tmp_path / "utf16.yaml"
    path.write_bytes("a: 1\n".encode("utf-16"))
    with pytest.raises(InputError) as info:
        load_document(path)
    assert "UTF-16" in info.value.message


@pytest.mark.parametrize("text", ["", "\n\n", "# alleen commentaar\n  # nog meer\n", "---\n", "~\n"])
def test_empty_file_is_refused(text):
    assert refused(text).message == "leeg bestand"


@pytest.mark.parametrize("text, what", [("- a\n- b\n", "lijst"), ("31\n", "losse waarde"),
                                        ("gewoon wat tekst\n", "losse waarde")])
def test_top_level_must_be_a_mapping(text, what):
    error = refused(text)
    assert "'sleutel: waarde'" in error.message and what in error.message
    assert error.line == 1


def test_a_second_document_is_refused():
    error = refused("a: 1\n---\nb: 2\n")
    assert "meer dan één document" in error.message
    assert error.line == 2


def test_byte_order_mark_is_ignored():
    doc = parse_document("\ufeffa: 1\n")
    assert doc.data == {"a": 1}
    assert doc.positions[("a",)] == (1, 4)


def test_control_character_is_refused_with_position():
    error = refused("a: 1\nb: tekst\x07\n")
    assert "U+0007" in error.message
    assert (error.line, error.column) == (2, 9)


# -- malformed YAML --------------------------------------------------------------


@pytest.mark.parametrize("text, line, column, explanation", [
    ("naam: test\nuren: 32: 36\n", 2, 9, "onverwachte dubbele punt"),
    ("a: 1\nb: 'niet dicht\nc: 2\n", 2, 4, "aanhalingsteken wordt niet afgesloten"),   # where it opened
    ("plaats: 's-Hertogenbosch\n", 1, 9, "aanhalingsteken wordt niet afgesloten"),
    ("a: [1, 2\n", 1, 4, "lijst tussen [ ] wordt niet goed afgesloten"),
    ("a:\n  - 1\n b: 2\n", 3, 2, "de inspringing klopt niet"),
    ("map: \"C:\\data\"\n", 1, 9, "onbekende \\-code"),
    ("a: @x\n", 1, 4, "teken dat hier niet mag staan"),
])
def test_malformed_yaml_is_explained_in_dutch_with_position(text, line, column, explanation):
    error = refused(text)
    assert error.message.startswith(f"ongeldige YAML: {explanation}")
    assert (error.line, error.column) == (line, column)
    assert error.hint                                       # says what to do
    assert error.en.startswith("invalid YAML: ")            # the parser's own words, for experts


@pytest.mark.parametrize("text, line", [("a:\n\tb: 1\n", 2), ("a:\n  b: 1\n\tc: 2\n", 3), ("l:\n- 1\n-\t2\n", 3)])
def test_tab_indentation_has_its_own_message(text, line):
    error = refused(text)
    assert error.message == "tab gebruikt voor inspringen; gebruik spaties"
    assert error.line == line


def test_tab_inside_text_is_fine():
    assert parse_document("a: 'een\ttab'\nb: |\n  x\n  \ty\n").data == {"a": "een\ttab", "b": "x\n\ty\n"}


# -- keys ------------------------------------------------------------------------


def test_duplicate_key_is_refused_naming_both_lines():
    error = refused("uren: 32\nnaam: x\nuren: 36\n")
    assert error.message == "dubbele sleutel 'uren' (ook op regel 1)"
    assert error.line == 3
    assert error.key == "uren"


def test_duplicate_key_in_a_nested_mapping_names_the_path():
    error = refused("variants:\n  - hours: 1\n  - hours: 2\n    naam: b\n    hours: 3\n")
    assert error.message == "dubbele sleutel 'hours' (ook op regel 3)"
    assert (error.line, error.key) == (5, "variants[1].hours")


def test_keys_are_always_text():
    doc = parse_document("targets: {2017: 31, 1.5: a, true: b, no: c}\n")
    assert doc.data == {"targets": {"2017": 31, "1.5": "a", "true": "b", "no": "c"}}


def test_duplicate_detection_compares_key_text():
    assert "dubbele sleutel '2017'" in refused("t:\n  2017: 1\n  '2017': 2\n").message


@pytest.mark.parametrize("text", ["? [a, b]\n: 1\n", "x: {[a]: 1}\n", "x:\n  ? {a: 1}\n  : 2\n"])
def test_list_or_mapping_as_key_is_refused(text):
    error = refused(text)
    assert "sleutel moet een woord zijn" in error.message
    assert error.line is not None


@pytest.mark.parametrize("text", ["~: 1\n", "x:\n  null: 1\n"])
def test_empty_key_is_refused(text):
    assert refused(text).message == "lege sleutel"


# -- anchors, aliases, merge keys, tags ------------------------------------------------


@pytest.mark.parametrize("text, line", [
    ("a: &basis 1\nb: 2\n", 1),
    ("a: 1\nb: *basis\n", 2),                    # an alias without anchor is refused all the same
    ("a: &x {p: 1}\nb:\n  <<: *x\n", 1),
    ("&a x: 1\n", 1),
])
def test_anchors_and_aliases_are_refused(text, line):
    error = refused(text)
    assert "ankers en verwijzingen" in error.message
    assert error.line == line


def test_merge_key_is_refused_even_without_alias():
    error = refused("a:\n  <<: {p: 1}\n  q: 2\n")
    assert "'<<'" in error.message
    assert (error.line, error.key) == (2, "a")


def test_quoted_merge_key_is_plain_text():
    assert parse_document("'<<': 1\n").data == {"<<": 1}


def test_expansion_bomb_is_refused_at_the_first_anchor():
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]" for i in range(8)]
    start = time.process_time()
    error = refused("\n".join(lines) + "\n")
    assert time.process_time() - start < 0.1
    assert "ankers" in error.message and error.line == 1


@pytest.mark.parametrize("text, shown", [
    ("!!python/object/apply:os.system ['echo hallo']", "!!python/object/apply:os.system"),
    ("!!binary aGFsbG8=", "!!binary"),
    ("!foo bar", "!foo"),
    ("!!str 3", "!!str"),
    ("!!map {a: 1}", "!!map"),
    ("! 5", "!"),
])
def test_every_explicit_tag_is_refused(text, shown):
    error = refused(f"a: 1\nx: {text}\n")
    assert error.message == f"YAML-tag '{shown}' is niet toegestaan"
    assert "verwijder de tag" in error.hint
    assert (error.line, error.column, error.key) == (2, 4, "x")


# -- scalars -----------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [("true", True), ("false", False), ("True", True),
                                            ("FALSE", False), ("tRuE", True)])
def test_only_true_and_false_are_booleans(text, expected):
    assert value(text) is expected


@pytest.mark.parametrize("text", ["yes", "no", "on", "off", "y", "n", "Yes", "NO", "Off"])
def test_yaml11_booleans_are_refused(text):
    error = refused(f"x: {text}\n")
    assert "dubbelzinnig" in error.message
    assert "true of false" in error.hint and "zet tekst tussen aanhalingstekens" in error.hint


def test_name_no_points_at_the_value():
    error = refused("naam: test\nname: no\n")
    assert (error.line, error.column, error.key) == (2, 7, "name")
    assert "zet tekst tussen aanhalingstekens" in error.hint


@pytest.mark.parametrize("text", ["null", "Null", "NULL", "~", ""])
def test_null_forms_are_none(text):
    assert value(text) is None


@pytest.mark.parametrize("text, expected", [("31", 31), ("-5", -5), ("+7", 7), ("0", 0), ("-0", 0)])
def test_integers(text, expected):
    got = value(text)
    assert got == expected and type(got) is int


@pytest.mark.parametrize("text", ["017", "-017", "00", "+01"])
def test_leading_zero_is_refused(text):
    error = refused(f"x: {text}\n")
    assert "begint met een 0" in error.message
    assert "laat de 0 weg" in error.hint
    assert (error.line, error.column) == (1, 4)


@pytest.mark.parametrize("text, expected", [("1.5", "1.5"), ("-0.30", "-0.30"), (".5", "0.5"), ("1551.60", "1551.60")])
def test_decimal_numbers_become_exact_decimals(text, expected):
    got = value(text)
    assert type(got) is Decimal
    assert str(got) == expected or got == Decimal(expected)
    assert str(value(text)) == str(Decimal(text))               # the exact text, never via float


@pytest.mark.parametrize("text, written", [("1e3", "1000"), ("2.5E-1", "0.25"), ("-1.5e+2", "-150")])
def test_exponents_are_refused_with_the_number_written_out(text, written):
    # issue 6 item 1: 1e3 is text to a YAML 1.1 reader and 1000 to a YAML 1.2 reader
    error = refused(f"x: {text}\n")
    assert "e-macht" in error.message and error.hint.endswith(f": {written}")
    assert (error.line, error.column) == (1, 4)


@pytest.mark.parametrize("text", [".nan", ".NaN", ".inf", "-.inf", "+.INF", "nan", "inf", "Infinity"])
def test_nan_and_infinity_are_refused(text):
    error = refused(f"x: {text}\n")
    assert "geen bruikbaar getal" in error.message
    assert "een getal als 31" in error.hint


@pytest.mark.parametrize("text", ["1:30", "12:30:00", "2017-01-01", "2017-01-01 12:00:00", "0x1F",
                                  "1_000", "1,5", "30%", "Gemeente Utrecht"])
def test_other_plain_text_stays_text(text):
    assert value(text) == text


@pytest.mark.parametrize("text, expected", [('"31"', "31"), ("'true'", "true"), ('"no"', "no"),
                                            ("'1e3'", "1e3"), ("'017'", "017"), ('""', ""),
                                            ("'~'", "~"), ("|\n  regel\n", "regel\n")])
def test_quoted_and_block_scalars_are_always_text(text, expected):
    assert value(text) == expected


def test_absurd_numbers_are_refused():
    assert "te lang" in refused("x: " + "9" * 5000 + "\n").message    # int() would refuse 4300+ digits
    assert "onredelijk groot" in refused("x: 1e999999999\n").message


def test_scalar_error_names_the_dotted_path():
    error = refused("variants:\n  - hours: 31\n  - hours: .inf\n")
    assert (error.key, error.line, error.column) == ("variants[1].hours", 3, 12)


# -- limits ---------------------------------------------------------------------------


def nested(levels: int) -> str:
    """A document whose deepest collection is `levels` deep (the top mapping counts as 1)."""
    return "a: " + "[" * (levels - 1) + "]" * (levels - 1) + "\n"


def test_nesting_up_to_50_levels_is_fine():
    doc = parse_document(nested(50))
    assert doc.where(("a",) + (0,) * 48) == (1, 52)


def test_nesting_over_50_levels_is_refused():
    error = refused(nested(51))
    assert "te diep genest" in error.message
    assert (error.line, error.column) == (1, 53)


def test_too_many_values_are_refused():
    error = refused("x: [" + "1, " * yamlsource.MAX_EVENTS + "1]\n")
    assert "te veel waarden" in error.message


@pytest.mark.parametrize("make", [
    lambda: "".join(f"k{i}: {i}.5\n" for i in range(100_000)),
    lambda: "x:\n" + "- 1\n" * 200_000,
    lambda: "x: [" + "1," * 400_000 + "1]\n",
    lambda: "x: {" + ", ".join(f"k{i}: n" for i in range(100_000)) + "}\n",
    lambda: "x: " + "[" * 400_000,
    lambda: "x: '" + "a" * 1_000_000 + "'\n",
    lambda: "# " + "commentaar " * 90_000 + "\na: 1\n",
], ids=["keys", "block list", "flow list", "flow map", "deep", "long text", "comment"])
def test_any_input_up_to_the_limit_takes_well_under_a_second(make):
    text = make()[:MAX_BYTES]
    start = time.process_time()
    try:
        parse_document(text)
    except InputError:
        pass
    assert time.process_time() - start < 0.8


# -- positions ---------------------------------------------------------------------------


SAMPLE = """\
naam: Voorbeeld      # commentaar
variants:
  - hours: 31
    wage_value: "30%"
  - hours: 24
targets: {2017: 31, 2018: 40}
leeg:
"""


def test_positions_of_values_and_keys():
    doc = parse_document(SAMPLE, "s.yaml")
    assert doc.data == {"naam": "Voorbeeld",
                        "variants": [{"hours": 31, "wage_value": "30%"}, {"hours": 24}],
                        "targets": {"2017": 31, "2018": 40}, "leeg": None}
    assert doc.positions[("naam",)] == (1, 7)
    assert doc.key_positions[("naam",)] == (1, 1)
    assert doc.positions[("variants", 1)] == (5, 5)
    assert doc.positions[("variants", 1, "hours")] == (5, 12)
    assert doc.key_positions[("variants", 0, "wage_value")] == (4, 5)
    assert doc.positions[("targets", "2018")] == (6, 27)
    assert doc.key_positions[("targets", "2018")] == (6, 21)
    assert doc.positions[("leeg",)] == (7, 6)               # an empty value sits right after its key
    assert ("variants", 1) not in doc.key_positions         # list items have no key


def test_where_prefers_value_then_key_then_ancestor():
    doc = parse_document(SAMPLE)
    assert doc.where(("variants", 1, "hours")) == (5, 12)
    assert doc.where(["variants", 1, "hours"]) == (5, 12)
    assert doc.where(("variants", 1, "ontbreekt")) == (5, 5)
    assert doc.where(("variants", 7, "hours")) == (3, 3)
    assert doc.where(("bestaat", "niet")) == (1, 1)
    only_key = Document(data={}, file="x", positions={}, key_positions={("a",): (2, 1)})
    assert only_key.where(("a",)) == (2, 1)
    assert Document(data={}, file="x", positions={}, key_positions={}).where(("a",)) == (None, None)


def test_columns_count_characters_not_bytes():
    doc = parse_document("plaats: Hoogezand-Sappemeer\nopmerking: één, twee\n")
    assert doc.positions[("opmerking",)] == (2, 12)
    assert parse_document("één: x\n").positions[("één",)] == (1, 6)


def test_windows_line_endings():
    doc = parse_document("a: 1\r\nb: ja dus\r\nc: 2\r\n")
    assert doc.data == {"a": 1, "b": "ja dus", "c": 2}
    assert doc.positions[("c",)] == (3, 4)


# -- the pure-Python parser gives the same answers as libyaml -------------------------------


@pytest.mark.parametrize("text", [SAMPLE, "a: 1\na: 2\n", "name: no\n", "x: !!str 3\n", "a: &b 1\n",
                                  "a:\n\tb: 1\n", "a: b: c\n", "a: 'x\n", "x: 1e3\n", nested(51)])
def test_fallback_parser_agrees(text, monkeypatch):
    def outcome():
        try:
            doc = parse_document(text)
        except InputError as error:
            return (error.message, error.line, error.column, error.key)
        return (doc.data, doc.positions, doc.key_positions)

    fast = outcome()
    monkeypatch.setattr(yamlsource, "_Loader", yaml.SafeLoader)
    assert outcome() == fast


# -- robustness -------------------------------------------------------------------------


def check_outcome(text: str) -> None:
    try:
        doc = parse_document(text)
    except InputError as error:
        assert error.message and error.file == "<invoer>"
        assert error.line is None or 1 <= error.line <= len(text.splitlines()) + 1
        return
    assert isinstance(doc.data, dict)
    assert all(isinstance(line, int) and isinstance(col, int) for line, col in doc.positions.values())

    def walk(node):
        assert not isinstance(node, float)
        for child in node.values() if isinstance(node, dict) else node if isinstance(node, list) else ():
            walk(child)
    walk(doc.data)


@given(st.text(max_size=200))
def test_any_text_gives_a_document_or_an_input_error(text):
    check_outcome(text)


@given(st.text(alphabet="ab01.e-+:#&*!|>'\"[]{},?%@~\n\t ", max_size=120))
def test_yaml_like_text_gives_a_document_or_an_input_error(text):
    check_outcome(text)
