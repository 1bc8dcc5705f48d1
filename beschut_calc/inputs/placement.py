"""One column's keys -> a validated Placement: the schema's errors located in the file, the
catalogue look-ups (employer model, subsidy set, rounding), the overrides and the period.

Shared by ordinary scenario files (load.py) and caseload files (caseload.py), so neither
imports the other's reader. Nothing here computes money.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from ..core.errors import InputError, Invalid, disguised, suggest
from ..core.model import Placement
from ..core.parameters import ParamValue
from .columns import TOP_LEVEL_ONLY
from .overrides import EXTRA_AMOUNT_BOUNDS, override_kinds, parse_override, within
from .yamlsource import dotted


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
    absence: Decimal | None = None
    indexation: Decimal | None = None
    start: tuple[int, int] | None = None
    end: tuple[int, int] | None = None
    age: Decimal | None = None
    lks_forfaitair_months: Decimal | None = None
    wml_growth: Decimal | None = None
    cost_sharers: Decimal | None = None
    alternative: str = "none"
    household: str = "single"


def schema_error(doc, exc, origin: dict):
    from .schema import ERROR_TEXT
    from .units import shown, shown_en

    err = {"loc": exc.loc, "type": exc.type, "input": exc.input, "ctx": exc.ctx}
    loc = tuple(err["loc"])
    key = str(loc[0]) if loc else ""
    if key == "overrides" and len(loc) > 1:
        path = origin.get(f"overrides.{loc[1]}", ("overrides", loc[1]))
    else:
        path = origin.get(key, (key,) if key else ())
    kind = err["type"]
    if kind == "value_error":
        problem = Invalid.of(err["ctx"]["error"])
        message, en, hint, hint_en = problem.message, problem.en, problem.hint, problem.hint_en
    elif kind == "missing":
        message, en = ERROR_TEXT["missing"]
        path = path if path in origin.values() else ()
        hint, hint_en = f"voeg '{key}:' toe", f"add '{key}:'"
        line, column = doc.where(path) if path else (None, None)
        raise InputError(message, en=en, file=doc.file, line=line or 1, column=column or 1, key=key, hint=hint, hint_en=hint_en)
    elif kind == "disguised":
        _disguised(doc, path, (err["ctx"]["meant"], err["ctx"]["char"]), "sleutel", "key")
    elif kind == "extra_forbidden":
        from .schema import COLUMN_FIELDS

        message, en = ERROR_TEXT[kind]
        close = suggest(key, list(COLUMN_FIELDS) + list(TOP_LEVEL_ONLY) + ["caseload"])
        hint = f"bedoelt u '{close}'?" if close else "zie de lijst met sleutels in de README"
        hint_en = f"did you mean '{close}'?" if close else "see the list of keys in the README"
        override = suggest(key, override_kinds())
        if override and close and _likeness(key, close) >= _likeness(key, override):
            override = None
        if override:
            value = err.get("input")
            written = value if isinstance(value, (int, str)) else "..."
            hint = f"een parameter hoort onder overrides: schrijf overrides: {{{override}: {written}}}"
            hint_en = f"a parameter belongs under overrides: write overrides: {{{override}: {written}}}"
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
        message, en = ERROR_TEXT.get(kind, (kind, kind))
        hint, hint_en = "zie de README, 'Scenariobestand'", "see the README, 'Scenariobestand'"
    doc.fail(path, message, en, hint, hint_en)


def _disguised(doc, path: tuple, meant: tuple[str, str], what: str, what_en: str):
    """Refuse a name that looks like `meant[0]` but holds another character, at the name itself."""
    name, char = meant
    line, column = doc.key_positions.get(tuple(path), doc.where(path))
    raise InputError(f"{what} lijkt op '{name}' maar bevat een ander teken ({char})", file=doc.file, line=line, column=column,
                     en=f"{what_en} looks like '{name}' but holds a different character ({char})", key=dotted(path),
                     hint=f"typ '{name}' opnieuw met gewone letters", hint_en=f"retype '{name}' with plain letters")


def _likeness(a: str, b: str) -> float:
    import difflib

    return difflib.SequenceMatcher(None, str(a), b).ratio()


def _catalogue_name(doc, path, value, options, what: str, what_en: str):
    if value in options:
        return
    close = suggest(value, options)
    hint = (f"bedoelt u '{close}'? " if close else "") + f"kies uit: {', '.join(options)}"
    hint_en = (f"did you mean '{close}'? " if close else "") + f"choose from: {', '.join(options)}"
    doc.fail(path, f"{what} {value!r} bestaat niet", f"unknown {what_en} {value!r}", hint, hint_en)


def build_placement(doc, spec, origin: dict, caseload: bool = False) -> Placement:
    """`caseload`: the spec is a row (or group of rows) of a caseload file, whose hints name a column first."""
    from . import catalog
    from .units import parse_euro

    _catalogue_name(doc, origin["employer_model"] if "employer_model" in origin else (), spec.employer_model,
                    catalog.names(catalog.EMPLOYERS_DIR), "werkgeversmodel", "employer model")
    employer = catalog.load_employer(spec.employer_model)
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
                                 file=doc.file, line=line, column=column, key=dotted(set_path) or "subsidy_set",
                                 hint=hint, hint_en=hint_en) from None
            raise
    else:
        _catalogue_name(doc, set_path, spec.subsidy_set, catalog.names(catalog.SUBSIDY_SETS_DIR), "subsidieset", "subsidy set")
        sset = catalog.load_subsidy_set(spec.subsidy_set)

    overrides: dict[str, ParamValue] = {}
    kinds = override_kinds()
    allowed = dict(kinds)
    allowed.update({extra.key: ("euro", extra.label.nl, extra.label.en) for extra in sset.extra_benefits})
    for name, raw in spec.overrides.items():
        path = origin.get(f"overrides.{name}", ("overrides", name))
        if name not in allowed:
            if meant := disguised(name, allowed):
                _disguised(doc, path, meant, "parameter", "parameter")
            close = suggest(name, allowed)
            doc.fail(path, f"onbekende parameter {name!r} in overrides", f"unknown parameter {name!r} in overrides",
                     (f"bedoelt u '{close}'? " if close else "") + "zie de README voor de lijst",
                     (f"did you mean '{close}'? " if close else "") + "see the README for the list")
        try:
            value = parse_override(name, raw) if name in kinds else \
                within(name, parse_euro(raw), raw, EXTRA_AMOUNT_BOUNDS, allowed[name][1], allowed[name][2])
        except ValueError as exc:
            problem = Invalid.of(exc)
            doc.fail(path, problem.message, problem.en, problem.hint, problem.hint_en)
        line, _ = doc.where(path)
        kind = kinds.get(name, ("euro",))[0]
        overrides[name] = ParamValue(name=name, value=value, since=None, status="override",
                                     unit={"fraction": "fraction", "euro": "euro"}.get(kind, ""),
                                     source=f"scenario {doc.file}{f':{line}' if line else ''} (overrides.{name})")
    for required in employer.requires:
        if required not in overrides:
            if caseload:       # a row of a caseload: a column first, the scenario only when one fee holds for all rows
                from . import declared

                header = next(iter(declared.variables()[required].aliases), required) \
                    if required in declared.variables() else required
                hint = (f"voeg een kolom {header} toe (bijvoorbeeld 15%), of zet overrides: {{{required}: 15%}} in het "
                        "scenario als het voor alle regels geldt")
                hint_en = (f"add a column {required} (for example 15%), or set overrides: {{{required}: 15%}} in the "
                           "scenario if it holds for every row")
            else:
                hint = f"voeg toe: overrides: {{{required}: 15%}} (met het tarief van het uitzendbureau)"
                hint_en = f"add: overrides: {{{required}: 15%}} (with the agency's own fee)"
            doc.fail(origin.get("employer_model", ()),
                     f"werkgeversmodel {employer.name} vraagt om overrides.{required}: de bronnen noemen geen uitzendtarief",
                     f"employer model {employer.name} needs overrides.{required}: the sources give no agency fee",
                     hint, hint_en)
    # Scenario keys the rules read as parameters (an override and a caseload column too): the scenario's value
    # as an override, unless overrides: sets it; the age is given in the scenario's year and counted from the
    # placement's first year.
    first_year = spec.start[0] if spec.start else spec.year
    for name, value in (("age", None if spec.age is None else spec.age - (spec.year - first_year)),
                        ("lks_forfaitair_months", spec.lks_forfaitair_months), ("cost_sharers", spec.cost_sharers)):
        if value is not None and name not in overrides:
            line, _ = doc.where(origin.get(name, (name,)))
            overrides[name] = ParamValue(name=name, value=value, since=None, status="override",
                                         source=f"scenario {doc.file}{f':{line}' if line else ''} ({name})")
    _check_period(doc, spec, origin)
    return Placement(name=spec.name, year=spec.year, method=spec.method, hours=spec.hours, wage_value=spec.wage_value,
                     employer=employer, subsidy_set=sset, rounding=catalog.load_rounding(spec.rounding),
                     work_type=spec.work_type, overrides=overrides, trial_months=spec.trial_months,
                     absence=spec.absence, indexation=spec.indexation,
                     first_year=spec.start[0] if spec.start else None, start_month=spec.start[1] if spec.start else 1,
                     end=spec.end, wml_growth=spec.wml_growth, alternative=spec.alternative, household=spec.household)


def _month_text(ym: tuple[int, int]) -> str:
    return f"{ym[0]}-{ym[1]:02d}"


def _check_period(doc, spec: ColumnSpec, origin: dict) -> None:
    """`end` may not come before `start`. A year outside them is allowed: its amounts are 0, with a warning."""
    start, end = spec.start, spec.end
    if end is not None and start is not None and end < start:
        doc.fail(origin.get("end", ("end",)), f"het einde {_month_text(end)} ligt vóór de start {_month_text(start)}",
                 f"the end {_month_text(end)} is before the start {_month_text(start)}",
                 "end is de laatste maand van de plek, bijvoorbeeld end: \"2026-06\"",
                 "end is the placement's last month, for example end: \"2026-06\"")
