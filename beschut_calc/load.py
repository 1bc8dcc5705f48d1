"""Scenario files -> validated Placements (one per column), every problem located by line.

Reading order: strict YAML (yamlsource) -> variants laid over the base keys ->
pydantic schema per column -> catalogue look-ups (employer model, subsidy set,
rounding) and overrides -> Placement. Nothing here computes money.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from .errors import InputError, Invalid
from .model import Placement
from .parameters import ParamValue, load_parameters

OVERRIDE_KINDS = {
    # name: (kind, Dutch description, English description) for messages
    "fulltime_hours": ("hours", "volledige werkweek van de werkgever in uren", "the employer's full-time week in hours"),
    "employer_charges": ("fraction", "werkgeverslasten, bijvoorbeeld 23%", "employer charges, e.g. 23%"),
    "guidance_cost_fulltime": ("euro", "kosten begeleiding per voltijdplek per jaar, bijvoorbeeld 9000",
                               "guidance cost per full-time place per year, e.g. 9000"),
    "wage_level": ("factor", "loonniveau ten opzichte van WML, bijvoorbeeld 1.05 of 105%", "wage level relative to WML, e.g. 1.05 or 105%"),
    "temporary_subsidy_pro_rata": ("bool", "true of false", "true or false"),
    "payroll_markup": ("markup", "payrollopslag als factor of als percentage erbovenop, bijvoorbeeld 1.25 of 25%",
                       "payroll mark-up as a factor or as a percentage on top, e.g. 1.25 or 25%"),
    "agency_fee": ("fraction", "uitzendtoeslag op de loonkosten, bijvoorbeeld 15%", "agency fee on the wage costs, e.g. 15%"),
    "holiday_allowance": ("fraction", "vakantiebijslag, bijvoorbeeld 8%", "holiday allowance, e.g. 8%"),
    "lks_max_share": ("fraction", "maximale loonkostensubsidie, bijvoorbeeld 70%", "maximum wage-cost subsidy, e.g. 70%"),
    "lks_employer_charge_allowance": ("fraction", "opslag werkgeverslasten in de LKS, bijvoorbeeld 23,5%",
                                      "employer-charge allowance in the LKS, e.g. 23.5%"),
    "liv_min_hours_year": ("number", "minimum verloonde uren voor het LIV, bijvoorbeeld 1248", "minimum paid hours for the LIV, e.g. 1248"),
    "guidance_reference_hours": ("hours", "uren van een voltijdplek voor de begeleidingskosten",
                                 "hours of a full-time place for the guidance costs"),
    "rijk_lks_per_place": ("euro", "rijksbedrag loonkostensubsidie per plek (memomethode)", "national wage-cost subsidy per place (memo method)"),
    "memo_wage_value_fulltime": ("bool", "true: loonwaarde van een voltijdjaar zoals de notitie; false: van 31 uur",
                                 "true: wage value of a full-time year as in the memo; false: of 31 hours"),
    "lkv_enabled": ("bool", "true: loonkostenvoordeel meenemen (hoogste van LIV en LKV)", "true: include the LKV (the higher of LIV and LKV)"),
    "municipal_top_up": ("euro", "aanvulling van de gemeente per plek per jaar, bijvoorbeeld 1000",
                         "the municipality's top-up per place per year, e.g. 1000"),
}


@dataclass(frozen=True)
class ColumnSpec:
    """One column's validated keys (see schema.py for the rules)."""
    name: str
    year: int
    hours: Decimal
    wage_value: Decimal
    method: str = "statutory"
    employer_model: str = "municipality"
    subsidy_set: str = "geen"
    rounding: str = "none"
    work_type: str | None = None
    overrides: dict = field(default_factory=dict)
    description: str | None = None
    trial_months: int = 0


@dataclass(frozen=True)
class Scenario:
    """One scenario file: its columns, in order."""
    file: str
    name: str
    placements: tuple[Placement, ...]
    origins: tuple[dict, ...] = ()          # per column: key -> path in the file, for locating later errors
    document: Any = None
    extra: dict = field(default_factory=dict)  # top-level keys later features read (compare, targets, ...)

    def locate(self, error: InputError, column: int) -> InputError:
        """Point an error from a later stage (e.g. a year without parameters) at the file."""
        path = self.origins[column].get(error.key or "", (error.key,) if error.key else ())
        line, col = self.document.where(path) if self.document is not None and path else (None, None)
        return error.located(self.file, line, col, _dotted(path) if path else None)


def _dotted(path: tuple) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def suggest(value: str, options) -> str | None:
    """The nearest valid name: a close spelling, or the one name that starts with what was typed."""
    options = list(options)
    match = difflib.get_close_matches(str(value), options, n=1, cutoff=0.6)
    if match:
        return match[0]
    starts = [o for o in options if str(value) and o.startswith(str(value))]
    return starts[0] if len(starts) == 1 else None


def _fail(doc, path: tuple, message: str, en: str, hint: str | None = None, hint_en: str | None = None):
    line, column = doc.where(path)
    raise InputError(message, en=en, file=doc.file, line=line, column=column, key=_dotted(path) or None,
                     hint=hint, hint_en=hint_en)


def _override_value(name: str, raw: Any) -> Any:
    """Check and convert one override value by its kind; raises Invalid (Dutch and English)."""
    from .units import parse_euro, parse_fraction, parse_number, shown, shown_en

    kind, description, description_en = OVERRIDE_KINDS[name]
    if kind == "bool":
        if not isinstance(raw, bool):
            raise Invalid(f"verwacht true of false, niet {shown(raw)}", f"expected true or false, not {shown_en(raw)}",
                          description, description_en)
        return raw
    if kind == "fraction":
        value = parse_fraction(raw)
        if value < 0:
            raise Invalid(f"{raw} mag niet negatief zijn", f"{raw} cannot be negative", description, description_en)
        return _at_most(value, MAX_FACTOR, raw, description, description_en)
    if kind == "factor" and isinstance(raw, str) and "%" in raw:
        value = parse_fraction(raw)
        if value <= 0:
            raise Invalid(f"{raw} moet groter zijn dan 0", f"{raw} must be larger than 0", description, description_en)
        return _at_most(value, MAX_FACTOR, raw, description, description_en)
    if kind == "markup":
        # A mark-up over own employment: '25%' means 25 % on top (factor 1.25), 1.25 is the factor.
        if isinstance(raw, str) and "%" in raw:
            value = 1 + parse_fraction(raw)
        else:
            value = parse_number(raw, "deze parameter", "this parameter")
            if value < 1:
                raise Invalid(f"{raw} is geen opslag: de factor is 1 of meer (1.25 = 25 % duurder dan in eigen dienst)",
                              f"{raw} is not a mark-up: the factor is 1 or more (1.25 = 25% dearer than own employment)",
                              f"bedoelt u {1 + value} of {(value * 100).normalize():f}%?", f"did you mean {1 + value} or {(value * 100).normalize():f}%?")
        return _at_most(value, MAX_FACTOR, raw, description, description_en)
    if kind == "euro":
        return parse_euro(raw)
    try:
        value = parse_number(raw, "deze parameter", "this parameter")
    except Invalid as exc:
        exc.hint, exc.hint_en = exc.hint or description, exc.hint_en or description_en
        raise
    if kind in ("hours", "factor") and value <= 0:
        raise Invalid(f"{raw} moet groter zijn dan 0", f"{raw} must be larger than 0", description, description_en)
    if kind == "hours" and value > 80:
        raise Invalid(f"{raw} uur is geen werkweek", f"{raw} hours is not a working week", description, description_en)
    if value < 0:
        raise Invalid(f"{raw} mag niet negatief zijn", f"{raw} cannot be negative", description, description_en)
    return _at_most(value, MAX_FACTOR, raw, description, description_en) if kind == "factor" else value


# Shares and factors (charges, fees, mark-ups, wage level) multiply each other in the wage costs;
# 10 (1000 %) is far beyond any real one and keeps their product within Decimal's precision.
MAX_FACTOR = Decimal(10)


def _at_most(value: Decimal, limit: Decimal, raw: Any, description: str, description_en: str) -> Decimal:
    if value > limit:
        raise Invalid(f"{raw} is onredelijk groot (hooguit {limit:f} ofwel {limit * 100:f}%)",
                      f"{raw} is unreasonably large (at most {limit:f}, i.e. {limit * 100:f}%)", description, description_en)
    return value


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


TOP_LEVEL_ONLY = ("variants", "compare", "targets")
MAX_PLACES = 1_000_000    # the whole country's target is some tens of thousands; more is a typo


def _columns(doc) -> list[tuple[dict, dict]]:
    data = doc.data
    base = {k: v for k, v in data.items() if k not in TOP_LEVEL_ONLY}
    variants = data.get("variants")
    if variants is None:
        return [_merge(base, {}, None)]
    if not isinstance(variants, list) or not variants:
        _fail(doc, ("variants",), "verwacht een lijst van varianten", "expected a list of variants",
              "elke variant begint met '- name: ...'", "each variant starts with '- name: ...'")
    columns, seen = [], {}
    for i, variant in enumerate(variants):
        if not isinstance(variant, dict):
            _fail(doc, ("variants", i), "een variant moet een mapping zijn (sleutel: waarde)", "a variant must be a mapping (key: value)",
                  "bijvoorbeeld '- name: 24 uur' met eronder '    hours: 24'", "for example '- name: 24 h' with '    hours: 24' below it")
        for key in TOP_LEVEL_ONLY:
            if key in variant:
                _fail(doc, ("variants", i, key), f"'{key}' kan niet binnen een variant", f"'{key}' cannot appear inside a variant",
                      f"zet '{key}:' helemaal links, op het hoogste niveau", f"put '{key}:' fully to the left, at the top level")
        if "name" not in variant:
            _fail(doc, ("variants", i), "variant zonder 'name'", "variant without 'name'",
                  "elke variant is een kolom en heeft een eigen naam", "each variant is a column and needs its own name")
        name = variant["name"]
        if isinstance(name, str) and name in seen:
            _fail(doc, ("variants", i, "name"), f"variantnaam {name!r} komt twee keer voor (ook variant {seen[name] + 1})",
                  f"variant name {name!r} is used twice (also variant {seen[name] + 1})", "geef elke variant een eigen naam", "give each variant its own name")
        if isinstance(name, str):    # any other name is refused by the schema, located
            seen[name] = i
        columns.append(_merge(base, variant, i))
    return columns


COMPARABLE = ("year", "method", "hours", "wage_value", "employer_model", "subsidy_set", "rounding", "work_type")


def _compare(doc, columns: list[tuple[dict, dict]]) -> list[tuple[dict, dict]]:
    """`compare: {KEY: [v1, v2, ...]}` turns every column into one column per value.

    KEY is one input (hours, employer_model, ...) or `overrides.NAME`; a column is named after
    its value (and its variant, when there are variants).
    """
    spec = doc.data.get("compare")
    if spec is None:
        return columns
    if not isinstance(spec, dict) or len(spec) != 1:
        _fail(doc, ("compare",), "compare vraagt precies één invoer met een lijst waarden",
              "compare takes exactly one input with a list of values",
              "bijvoorbeeld compare: {employer_model: [municipality, payroll]}", "e.g. compare: {employer_model: [municipality, payroll]}")
    key, values = next(iter(spec.items()))
    override = key.startswith("overrides.")
    if not override and key not in COMPARABLE:
        close = suggest(key, COMPARABLE)
        _fail(doc, ("compare", key), f"kan niet vergelijken op {key!r}", f"cannot compare on {key!r}",
              (f"bedoelt u '{close}'? " if close else "") + f"kies uit {', '.join(COMPARABLE)} of overrides.NAAM",
              (f"did you mean '{close}'? " if close else "") + f"choose from {', '.join(COMPARABLE)} or overrides.NAME")
    if not isinstance(values, list) or not values:
        _fail(doc, ("compare", key), "verwacht een lijst van waarden", "expected a list of values", "bijvoorbeeld [24, 31]", "e.g. [24, 31]")
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
            label = _value_label(key, value)
            column["name"] = f"{merged['name']} · {label}" if len(columns) > 1 or "variants" in doc.data else label
            where["name"] = ("compare", key, j)
            out.append((column, where))
    names = [c["name"] for c, _ in out]
    for j, name in enumerate(names):
        if names.index(name) != j:
            _fail(doc, ("compare", key), f"waarde {name!r} komt twee keer voor", f"value {name!r} appears twice",
                  "noem elke waarde één keer", "list each value once")
    return out


def _targets(doc) -> dict[str | None, dict[int, int]]:
    """`targets`: places per year, for the whole file or per municipality (003 §6.1, endnote i).

    targets: {2017: 31, 2018: 55}                       -> {None: {2017: 31, 2018: 55}}
    targets: {Zaanstad: {2017: 31, 2018: 55}, ...}      -> {"Zaanstad": {...}, ...}
    """
    raw = doc.data["targets"]
    example = "bijvoorbeeld targets: {2017: 31, 2018: 55} of targets: {Zaanstad: {2017: 31, 2018: 55}}"
    example_en = "for example targets: {2017: 31, 2018: 55} or targets: {Zaanstad: {2017: 31, 2018: 55}}"
    if not isinstance(raw, dict) or not raw:
        _fail(doc, ("targets",), "verwacht per jaar een aantal plekken (taakstelling)", "expected a number of places per year (target)",
              example, example_en)

    def years(mapping: dict, path: tuple) -> dict[int, int]:
        if not isinstance(mapping, dict) or not mapping:
            _fail(doc, path, "verwacht per jaar een aantal plekken", "expected a number of places per year", example, example_en)
        out = {}
        for key, places in mapping.items():
            year = _year_key(key)
            if year is None or not 2015 <= year <= 2100:
                _fail(doc, path + (key,), f"{key!r} is geen jaartal van 2015 tot en met 2100", f"{key!r} is not a year from 2015 to 2100",
                      example, example_en)
            if isinstance(places, bool) or not isinstance(places, int) or not 0 <= places <= MAX_PLACES:
                _fail(doc, path + (key,), f"verwacht een heel aantal plekken (0 of meer), niet {places!r}",
                      f"expected a whole number of places (0 or more), not {places!r}", example, example_en)
            out[year] = places
        return dict(sorted(out.items()))

    if all(_year_key(key) is not None for key in raw):
        return {None: years(raw, ("targets",))}
    for key in raw:
        if not isinstance(key, str) or not key.strip() or _year_key(key) is not None:
            _fail(doc, ("targets", key), "meng geen jaren en gemeenten in targets", "do not mix years and municipalities in targets",
                  example, example_en)
    return {name: years(value, ("targets", name)) for name, value in raw.items()}


def _year_key(key: Any) -> int | None:
    """A mapping key that is a year: 2017 (the strict YAML reader gives keys as text)."""
    if isinstance(key, int) and not isinstance(key, bool):
        return key
    if isinstance(key, str) and key.strip().isdigit() and len(key.strip()) == 4:
        return int(key)
    return None


def _value_label(key: str, value: Any) -> str:
    if key == "employer_model" and isinstance(value, str):
        from . import catalog

        if value in catalog.names(catalog.EMPLOYERS_DIR):
            return catalog.employer_label(value).nl
    return str(value)


def _schema_error(doc, exc, origin: dict):
    from .schema import ERROR_TEXT
    from .units import shown, shown_en

    err = exc.errors()[0]
    loc = tuple(err["loc"])
    key = str(loc[0]) if loc else ""
    if key == "overrides" and len(loc) > 1:
        path = origin.get(f"overrides.{loc[1]}", ("overrides", loc[1]))
    else:
        path = origin.get(key, (key,) if key else ())
    kind = err["type"]
    if kind == "value_error":
        problem = Invalid.of(err.get("ctx", {}).get("error") or ValueError(str(err["msg"]).removeprefix("Value error, ")))
        message, en, hint, hint_en = problem.message, problem.en, problem.hint, problem.hint_en
    elif kind == "missing":
        message, en = ERROR_TEXT["missing"]
        path = path if path in origin.values() else ()
        hint, hint_en = f"voeg '{key}:' toe", f"add '{key}:'"
        line, column = doc.where(path) if path else (None, None)
        raise InputError(message, en=en, file=doc.file, line=line or 1, column=column or 1, key=key, hint=hint, hint_en=hint_en)
    elif kind == "extra_forbidden":
        from .schema import COLUMN_FIELDS

        message, en = ERROR_TEXT[kind]
        close = suggest(key, list(COLUMN_FIELDS) + list(TOP_LEVEL_ONLY))
        hint = f"bedoelt u '{close}'?" if close else "zie de lijst met sleutels in de README"
        hint_en = f"did you mean '{close}'?" if close else "see the list of keys in the README"
    elif kind == "literal_error":
        message, en = ERROR_TEXT[kind]
        expected = err.get("ctx", {}).get("expected", "")
        options = [e.strip(" '") for e in str(expected).replace(" or ", ",").split(",") if e.strip(" '")]
        allowed, allowed_en = (", ".join(options[:-1]) + f" {word} " + options[-1] if len(options) > 1 else "".join(options)
                               for word in ("of", "or"))
        got = err.get("input")
        close = suggest(str(got), options)
        hint, hint_en = f"toegestaan: {allowed}", f"allowed: {allowed_en}"
        if close:
            hint, hint_en = f"bedoelt u '{close}'? {hint}", f"did you mean '{close}'? {hint_en}"
        message, en = f"{message} {shown(got)}", f"{en} {shown_en(got)}"
    else:
        message, en = ERROR_TEXT.get(kind, (err["msg"], err["msg"]))
        hint, hint_en = "zie de README, 'Scenariobestand'", "see the README, 'Scenariobestand'"
    _fail(doc, path, message, en, hint, hint_en)


def _catalogue_name(doc, path, value, options, what: str, what_en: str):
    if value in options:
        return
    close = suggest(value, options)
    hint = (f"bedoelt u '{close}'? " if close else "") + f"kies uit: {', '.join(options)}"
    hint_en = (f"did you mean '{close}'? " if close else "") + f"choose from: {', '.join(options)}"
    _fail(doc, path, f"{what} {value!r} bestaat niet", f"unknown {what_en} {value!r}", hint, hint_en)


def build_placement(doc, spec, origin: dict, book) -> Placement:
    from . import catalog
    from .units import parse_euro

    _catalogue_name(doc, origin["employer_model"] if "employer_model" in origin else (), spec.employer_model,
                    catalog.names(catalog.EMPLOYERS_DIR), "werkgeversmodel", "employer model")
    employer = catalog.load_employer(spec.employer_model, book)
    set_path = origin.get("subsidy_set", ())
    if catalog.looks_like_path(spec.subsidy_set):
        try:
            sset = catalog.load_subsidy_set(spec.subsidy_set, Path(doc.file).parent)
        except InputError as exc:
            if not exc.line and exc.file and not Path(exc.file).is_file():
                # The set file cannot be opened at all: the mistake is the path in the scenario.
                line, column = doc.where(set_path)
                options = ", ".join(catalog.names(catalog.SUBSIDY_SETS_DIR))
                hint = f"een pad is relatief aan de map van het scenario; of kies een set: {options}"
                hint_en = f"a path is relative to the scenario's folder; or choose a set: {options}"
                close = suggest(Path(spec.subsidy_set).stem, catalog.names(catalog.SUBSIDY_SETS_DIR))
                if close:
                    hint = f"bedoelt u de meegeleverde set? schrijf subsidy_set: {close}"
                    hint_en = f"did you mean the shipped set? write subsidy_set: {close}"
                raise InputError(f"subsidieset-bestand {exc.file}: {exc.message}", en=f"subsidy set file {exc.file}: {exc.en}",
                                 file=doc.file, line=line, column=column, key=_dotted(set_path) or "subsidy_set",
                                 hint=hint, hint_en=hint_en) from None
            raise
    else:
        _catalogue_name(doc, set_path, spec.subsidy_set, catalog.names(catalog.SUBSIDY_SETS_DIR), "subsidieset", "subsidy set")
        sset = catalog.load_subsidy_set(spec.subsidy_set)

    overrides: dict[str, ParamValue] = {}
    allowed = dict(OVERRIDE_KINDS)
    allowed.update({extra.key: ("euro", extra.label.nl, extra.label.en) for extra in sset.extra_benefits})
    for name, raw in spec.overrides.items():
        path = origin.get(f"overrides.{name}", ("overrides", name))
        if name not in allowed:
            close = suggest(name, allowed)
            _fail(doc, path, f"onbekende parameter {name!r} in overrides", f"unknown parameter {name!r} in overrides",
                  (f"bedoelt u '{close}'? " if close else "") + "zie de README voor de lijst",
                  (f"did you mean '{close}'? " if close else "") + "see the README for the list")
        try:
            value = _override_value(name, raw) if name in OVERRIDE_KINDS else parse_euro(raw)
        except ValueError as exc:
            problem = Invalid.of(exc)
            _fail(doc, path, problem.message, problem.en, problem.hint, problem.hint_en)
        line, _ = doc.where(path)
        kind = OVERRIDE_KINDS.get(name, ("euro",))[0]
        overrides[name] = ParamValue(name=name, value=value, since=None, status="override",
                                     unit={"fraction": "fraction", "euro": "euro"}.get(kind, ""),
                                     source=f"scenario {doc.file}{f':{line}' if line else ''} (overrides.{name})")
    for required in employer.requires:
        if required not in overrides:
            _fail(doc, origin.get("employer_model", ()),
                  f"werkgeversmodel {employer.name} vraagt om overrides.{required}: de bronnen noemen geen uitzendtarief",
                  f"employer model {employer.name} needs overrides.{required}: the sources give no agency fee",
                  f"voeg toe: overrides: {{{required}: 15%}} (met het tarief van het uitzendbureau)",
                  f"add: overrides: {{{required}: 15%}} (with the agency's own fee)")
    return Placement(name=spec.name, year=spec.year, method=spec.method, hours=spec.hours, wage_value=spec.wage_value,
                     employer=employer, subsidy_set=sset, rounding=catalog.load_rounding(spec.rounding),
                     work_type=spec.work_type, overrides=overrides, trial_months=spec.trial_months)


def load_scenario(path: str | Path) -> Scenario:
    from pydantic_core import ValidationError

    from .schema import validate_column
    from .yamlsource import load_document

    doc = load_document(path)
    book = load_parameters()
    placements, origins = [], []
    for merged, origin in _compare(doc, _columns(doc)):
        try:
            spec = ColumnSpec(**validate_column(merged))
        except ValidationError as exc:
            _schema_error(doc, exc, origin)
        placements.append(build_placement(doc, spec, origin, book))
        origins.append(origin)
    name = doc.data.get("name") if isinstance(doc.data.get("name"), str) else Path(doc.file).stem
    extra = {k: doc.data[k] for k in TOP_LEVEL_ONLY if k in doc.data}
    if "targets" in extra:
        extra["targets"] = _targets(doc)
    return Scenario(file=doc.file, name=name, placements=tuple(placements), origins=tuple(origins), document=doc, extra=extra)
