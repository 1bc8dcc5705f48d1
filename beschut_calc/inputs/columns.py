"""How a scenario file becomes columns: variants laid over the base keys, `compare` expanded
into one column per value, and `targets` (places per year) read. Each column keeps, per key,
the path where it was written, so a later error can point at the right line."""
from __future__ import annotations

import re

from typing import Any

from ..core import limits
from ..core.errors import suggest

def _merge(base: dict, variant: dict, index: int | None) -> tuple[dict, dict]:
    """Lay a variant over the base keys; returns the merged mapping and, per key, its path in the file."""
    merged = dict(base)
    origin = {key: (key,) for key in base}
    for key in base["overrides"] if isinstance(base.get("overrides"), dict) else {}:  # the schema reports a non-mapping
        origin[f"overrides.{key}"] = ("overrides", key)
    if index is None:
        return merged, origin
    for key, value in variant.items():
        if key == "overrides" and isinstance(value, dict) and isinstance(base.get("overrides"), dict):
            merged["overrides"] = {**base["overrides"], **value}
            for okey in value:
                origin[f"overrides.{okey}"] = ("variants", index, "overrides", okey)
        else:
            merged[key] = value
            if key == "overrides" and isinstance(value, dict):
                for okey in value:
                    origin[f"overrides.{okey}"] = ("variants", index, "overrides", okey)
        origin[key] = ("variants", index, key)
    return merged, origin


TOP_LEVEL_ONLY = ("variants", "compare", "targets", "ranges")
MAX_PLACES = 1_000_000    # the whole country's target is some tens of thousands; more is a typo


def columns(doc) -> list[tuple[dict, dict]]:
    data = doc.data
    base = {k: v for k, v in data.items() if k not in TOP_LEVEL_ONLY}
    variants = data.get("variants")
    if variants is None:
        return [_merge(base, {}, None)]
    if not isinstance(variants, list) or not variants:
        doc.fail(("variants",), "verwacht een lijst van varianten", "expected a list of variants",
                 "elke variant begint met '- name: ...'", "each variant starts with '- name: ...'")
    doc.within(("variants",), limits.COLUMNS, len(variants))
    columns, seen = [], {}
    for i, variant in enumerate(variants):
        if not isinstance(variant, dict):
            doc.fail(("variants", i), "een variant moet een mapping zijn (sleutel: waarde)", "a variant must be a mapping (key: value)",
                     "bijvoorbeeld '- name: 24 uur' met eronder '    hours: 24'", "for example '- name: 24 h' with '    hours: 24' below it")
        for key in TOP_LEVEL_ONLY:
            if key in variant:
                doc.fail(("variants", i, key), f"'{key}' kan niet binnen een variant", f"'{key}' cannot appear inside a variant",
                         f"zet '{key}:' helemaal links, op het hoogste niveau", f"put '{key}:' fully to the left, at the top level")
        if "name" not in variant:
            doc.fail(("variants", i), "variant zonder 'name'", "variant without 'name'",
                     "elke variant is een kolom en heeft een eigen naam", "each variant is a column and needs its own name")
        name = variant["name"]
        if isinstance(name, str) and name in seen:
            doc.fail(("variants", i, "name"), f"variantnaam {name!r} komt twee keer voor (ook variant {seen[name] + 1})",
                     f"variant name {name!r} is used twice (also variant {seen[name] + 1})", "geef elke variant een eigen naam", "give each variant its own name")
        if isinstance(name, str):    # any other name is refused by the schema, located
            seen[name] = i
        columns.append(_merge(base, variant, i))
    return columns


COMPARABLE = ("year", "method", "hours", "wage_value", "employer_model", "subsidy_set", "rounding", "work_type", "absence",
              "indexation")


def expand_compare(doc, columns: list[tuple[dict, dict]], lang: str = "nl") -> list[tuple[dict, dict]]:
    """`compare: {KEY: [v1, v2, ...]}` turns every column into one column per value.

    KEY is one input (hours, employer_model, ...) or `overrides.NAME`; a column is named after
    its value (and its variant, when there are variants).
    """
    spec = doc.data.get("compare")
    if spec is None:
        return columns
    if not isinstance(spec, dict) or len(spec) != 1:
        doc.fail(("compare",), "compare vraagt precies één invoer met een lijst waarden",
                 "compare takes exactly one input with a list of values",
                 "bijvoorbeeld compare: {employer_model: [municipality, payroll]}", "e.g. compare: {employer_model: [municipality, payroll]}")
    key, values = next(iter(spec.items()))
    override = key.startswith("overrides.")
    if not override and key not in COMPARABLE:
        close = suggest(key, COMPARABLE)
        doc.fail(("compare", key), f"kan niet vergelijken op {key!r}", f"cannot compare on {key!r}",
                 (f"bedoelt u '{close}'? " if close else "") + f"kies uit {', '.join(COMPARABLE)} of overrides.NAAM",
                 (f"did you mean '{close}'? " if close else "") + f"choose from {', '.join(COMPARABLE)} or overrides.NAME")
    if not isinstance(values, list) or not values:
        doc.fail(("compare", key), "verwacht een lijst van waarden", "expected a list of values", "bijvoorbeeld [24, 31]", "e.g. [24, 31]")
    # Counted before expanding: 200 variants × 200 values would build 40.000 columns first.
    doc.within(("compare", key), limits.COLUMNS, len(columns) * len(values))
    out = []
    for merged, origin in columns:
        for j, value in enumerate(values):
            column, where = dict(merged), dict(origin)
            if override:
                name = key.split(".", 1)[1]
                present = column.get("overrides") or {}
                if isinstance(present, dict):    # otherwise the schema refuses 'overrides' itself, located
                    column["overrides"] = {**present, name: value}
                where[f"overrides.{name}"] = ("compare", key, j)
            else:
                column[key] = value
                where[key] = ("compare", key, j)
            label = _value_label(key, value, lang)
            column["name"] = f"{merged['name']} · {label}" if len(columns) > 1 or "variants" in doc.data else label
            where["name"] = ("compare", key, j)
            out.append((column, where))
    names = [c["name"] for c, _ in out]
    for j, name in enumerate(names):
        if names.index(name) != j:
            doc.fail(("compare", key), f"waarde {name!r} komt twee keer voor", f"value {name!r} appears twice",
                     "noem elke waarde één keer", "list each value once")
    return out


def targets(doc) -> dict[str | None, dict[int, int]]:
    """`targets`: places per year, for the whole file or per municipality (003 §6.1, endnote i).

    targets: {2017: 31, 2018: 55}                       -> {None: {2017: 31, 2018: 55}}
    targets: {Zaanstad: {2017: 31, 2018: 55}, ...}      -> {"Zaanstad": {...}, ...}
    """
    raw = doc.data["targets"]
    example = "bijvoorbeeld targets: {2017: 31, 2018: 55} of targets: {Zaanstad: {2017: 31, 2018: 55}}"
    example_en = "for example targets: {2017: 31, 2018: 55} or targets: {Zaanstad: {2017: 31, 2018: 55}}"
    if not isinstance(raw, dict) or not raw:
        doc.fail(("targets",), "verwacht per jaar een aantal plekken (taakstelling)", "expected a number of places per year (target)",
                 example, example_en)

    def years(mapping: dict, path: tuple) -> dict[int, int]:
        if not isinstance(mapping, dict) or not mapping:
            doc.fail(path, "verwacht per jaar een aantal plekken", "expected a number of places per year", example, example_en)
        out = {}
        for key, places in mapping.items():
            if _odd_year_key(key):
                doc.fail(path + (key,), f"jaartal {key!r} bevat spaties of bijzondere cijfers",
                         f"year {key!r} holds spaces or unusual digits", "typ het jaartal opnieuw met gewone cijfers",
                         "retype the year with plain digits")
            year = _year_key(key)
            if year is None or not 2015 <= year <= 2100:
                doc.fail(path + (key,), f"{key!r} is geen jaartal van 2015 tot en met 2100", f"{key!r} is not a year from 2015 to 2100",
                         example, example_en)
            if isinstance(places, bool) or not isinstance(places, int) or not 0 <= places <= MAX_PLACES:
                doc.fail(path + (key,), f"verwacht een heel aantal plekken (0 of meer), niet {places!r}",
                         f"expected a whole number of places (0 or more), not {places!r}", example, example_en)
            out[year] = places
        return dict(sorted(out.items()))

    if all(_year_key(key) is not None or _odd_year_key(key) for key in raw):
        return {None: years(raw, ("targets",))}
    for key in raw:
        if not isinstance(key, str) or not key.strip() or _year_key(key) is not None:
            doc.fail(("targets", key), "meng geen jaren en gemeenten in targets", "do not mix years and municipalities in targets",
                     example, example_en)
    return {name: years(value, ("targets", name)) for name, value in raw.items()}


def _year_key(key: Any) -> int | None:
    """A mapping key that is a year: 2017 (the strict YAML reader gives keys as text)."""
    if isinstance(key, int) and not isinstance(key, bool):
        return key
    if isinstance(key, str) and re.fullmatch("[0-9]{4}", key):
        return int(key)
    return None


def _odd_year_key(key: Any) -> bool:
    """A key that reads as a year only with spaces or non-ASCII digits (２０１７): it could double a real year."""
    import unicodedata

    return isinstance(key, str) and _year_key(key) is None and bool(re.fullmatch("[0-9]{4}", unicodedata.normalize("NFKC", key).strip()))


def _value_label(key: str, value: Any, lang: str) -> str:
    """A compare column is named after its value; an employer model by its label in the user's language."""
    if key == "employer_model" and isinstance(value, str):
        from . import catalog

        if value in catalog.names(catalog.EMPLOYERS_DIR):
            return catalog.employer_label(value)(lang)
    return str(value)
