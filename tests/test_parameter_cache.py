"""The parsed parameter files are kept in the user's cache under the hash of the files, so a plain
run does not parse 26 YAML files each time (issue 19 item 7). The cache never changes a figure."""
from __future__ import annotations

from beschut_calc.inputs import parameter_files as pf


def _fresh(monkeypatch, tmp_path, **env):
    monkeypatch.setattr(pf, "_BOOK", None)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    return pf.load_parameters()


def test_a_cached_book_equals_a_parsed_one(monkeypatch, tmp_path):
    monkeypatch.setenv("BESCHUT_CALC_NO_CACHE", "1")
    parsed = _fresh(monkeypatch, tmp_path)
    assert not list(tmp_path.rglob("*.json"))                  # the switch keeps the cache out of it
    monkeypatch.delenv("BESCHUT_CALC_NO_CACHE")
    first = _fresh(monkeypatch, tmp_path)                      # parses and stores
    stored = list((tmp_path / "beschut-calc").glob("parameters-*.json"))
    assert len(stored) == 1
    second = _fresh(monkeypatch, tmp_path)                     # reads the cache
    assert parsed.parameters == first.parameters == second.parameters
    assert parsed.digest == first.digest == second.digest


def test_a_broken_cache_is_parsed_again(monkeypatch, tmp_path):
    good = _fresh(monkeypatch, tmp_path)
    for stored in (tmp_path / "beschut-calc").glob("parameters-*.json"):
        stored.write_text("{not json", encoding="utf-8")
    again = _fresh(monkeypatch, tmp_path)
    assert again.parameters == good.parameters


def test_an_unwritable_cache_is_skipped(monkeypatch, tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("", encoding="utf-8")                   # a file where the cache folder would go
    monkeypatch.setattr(pf, "_BOOK", None)
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert pf.load_parameters().parameters


def test_the_cache_keeps_every_key_and_date_as_yaml_gives_them():
    """Ages as whole-number keys, dates as keys and as values: the JSON form gives them back exactly."""
    import datetime as dt

    doc = {"values": {dt.date(2019, 7, 1): {"value": {18: 0.5, 19: 0.6}, "source": "s"}}, "known_until": dt.date(2026, 7, 1),
           "bands": [{"from": 9.66, "to": None}], "flag": True}
    assert pf._from_json(__import__("json").loads(__import__("json").dumps(pf._jsonable(doc)))) == doc
