"""The scenario file's schema: the public contract of key names and values.

One column is validated at a time, after a variant has been laid over the base keys.
Every field has a checker that converts its value or raises `Invalid`; `validate_column`
reports every problem of the column as a `SchemaErrors` (field order, then unknown keys), the first
in front as a `SchemaError` has always done. The declared keys (core/variables.py: the numeric fields
such as `hours`, the choices such as `method`, `employer_model` and `work_type`, and the year and period:
`year`, `trial_months`, `start`, `end`) take their checks, options, defaults and Dutch words from their
declarations (`column_fields`); the parsers of a year, a month and a count of months are registered here
(`add_parser`). The others (`name`, `description`, `overrides`) are checked here. Dutch value words
(`employer_model: regulier`, `work_type: groen`) are read as the caseload reads them (core/errors.py
`value_word`). A validation library was measured and left out: importing pydantic_core alone cost about
20 ms at every start, a fifth of a plain table run. Messages are Dutch and English (`Invalid`) and say what
to write; `load.py` turns them into located one-line errors.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Callable

from ..core.errors import Invalid, disguised, dutch_names, value_word, value_words
from .units import parse_euro, parse_fraction, parse_number, shown, shown_en, text_hint
from . import declared  # noqa: F401  (registers the declared Dutch words with core/errors.py)
from ..core.variables import DECLARED, FIRST_YEAR, LAST_YEAR, Variable, add_catalogue, add_parser, parser
_QUOTES, _QUOTES_EN = "zet tekst tussen aanhalingstekens", "put text between quotes"


def _name(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise Invalid(f"verwacht een naam (tekst), niet {shown(value)}", f"expected a name (text), not {shown_en(value)}",
                      'bijvoorbeeld name: "31 uur"', 'for example name: "31 hours"')
    return value


def _text(value: Any) -> str | None:
    if value is not None and not isinstance(value, str):
        raise Invalid(f"verwacht een tekst, niet {shown(value)}", f"expected a text, not {shown_en(value)}",
                      _QUOTES, _QUOTES_EN)
    return value


def _year(v: Variable) -> Callable[[Any], int]:
    """The check of a declared year (kind "year"): a whole year within its bounds (the years the parameters cover)."""
    first, last = int(v.low), int(v.high)

    def check(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            hint = text_hint(value) or (v.words.nl, v.words.en)
            raise Invalid(f"verwacht een jaartal zoals 2026, niet {shown(value)}",
                          f"expected a year such as 2026, not {shown_en(value)}", *hint)
        if not first <= value <= last:
            raise Invalid(f"{v.label.nl} {value} valt buiten {first}-{last}", f"{v.label.en} {value} is outside {first}-{last}",
                          f"de parameters beginnen in {first}", f"the parameters start in {first}")
        return value

    return check


def _span(v: Variable, low: Decimal, high: Decimal | None, lang: str) -> str:
    """'0-50 %', '-10 % tot 20 %', or the bounds in the input's own unit."""
    if v.kind == "fraction" and high is not None:
        a, b = (format((x * 100).normalize(), "f") for x in (low, high))
        return f"{a}-{b} %" if low >= 0 else (f"{a} % tot {b} %" if lang == "nl" else f"{a}% to {b}%")
    return f"{v.fmt(low, lang)} {'tot en met' if lang == 'nl' else 'to'} {v.fmt(high, lang)}"


def declared_check(v: Variable) -> Callable[[Any], Any]:
    """The check of a scenario key declared in core/variables.py: parse by its kind, then its bounds,
    refused in its declared words."""
    low, high = v.bounds
    hint, hint_en = v.words.nl, v.words.en

    def check(value: Any) -> Decimal:
        if v.kind == "hours":
            hours = parse_number(value, v.name, v.name, f"bijvoorbeeld {v.name}: 31", f"for example {v.name}: 31")
            if not low <= hours <= high:
                written = format(hours, "f")
                raise Invalid(f"{written} uur per week kan niet: het moet minstens {low} en hooguit {high} zijn",
                              f"{written} hours a week is impossible: it must be at least {low} and at most {high}", hint, hint_en)
            return hours
        if v.kind == "fraction":
            number = parse_fraction(value, v.example or "30%")
        elif v.kind == "euro":
            number = parse_euro(value)
        else:
            number = parse_number(value, v.name, v.name, hint, hint_en)
            if v.whole and number != number.to_integral_value():
                from .overrides import whole_number

                raise whole_number(value, hint, hint_en)
        if not (low <= number if high is None else low <= number <= high):
            span, span_en = _span(v, low, high, "nl"), _span(v, low, high, "en")
            raise Invalid(f"{v.label.nl} {value} valt buiten {span}", f"{v.label.en} {value} is outside {span_en}", hint, hint_en)
        return number

    return check


def _subsidy_set_names() -> list[str]:
    from .catalog import SUBSIDY_SETS_DIR, names

    return names(SUBSIDY_SETS_DIR)


add_catalogue("subsidy_sets", _subsidy_set_names)     # the options of the declared choice subsidy_set


def _catalogue_name(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise Invalid(f"verwacht een naam (tekst), niet {shown(value)}", f"expected a name (text), not {shown_en(value)}",
                      "de namen staan in de README", "the names are listed in the README")
    return value


def _overrides(value: Any) -> dict:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise Invalid("verwacht een mapping parameter: waarde", "expected a mapping parameter: value",
                      "bijvoorbeeld overrides: {employer_charges: 20%}", "for example overrides: {employer_charges: 20%}")
    return value


def _months(v: Variable) -> Callable[[Any], int]:
    """The check of a declared count of months (kind "months", trial_months): a whole number within its bounds,
    beyond its maximum refused with the law that sets it (`source`)."""
    low, high = int(v.low), int(v.high)

    def check(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            if isinstance(value, int) and not isinstance(value, bool) and value > high:
                raise Invalid(f"een {v.label.nl} van {value} maanden kan niet: zij duurt ten hoogste {high} maanden "
                              f"({v.source})",
                              f"a {v.label.en} of {value} months is impossible: it lasts at most {high} months "
                              f"({v.source})",
                              v.words.nl, v.words.en)
            raise Invalid(f"verwacht een heel aantal maanden van {low} tot en met {high}, niet {shown(value)}",
                          f"expected a whole number of months from {low} to {high}, not {shown_en(value)}",
                          *(text_hint(value) or ("bijvoorbeeld 3", "for example 3")))
        return value

    return check


def _month(v: Variable) -> Callable[[Any], Any]:
    """The check of a declared month (kind "month", start and end): a year and month, or null when it may be."""
    def check(value: Any) -> tuple[int, int] | None:
        if value is None and v.nullable:
            return None
        return year_month(value, (v.words.nl, v.words.en))

    return check


add_parser("year", _year)         # the parsers of the declared year and period (core/variables.py KEY_KINDS)
add_parser("months", _months)
add_parser("month", _month)


def year_month(value: Any, hint: tuple[str, str] = ('bijvoorbeeld start: "2025-03" (maart 2025)',
                                                    'for example start: "2025-03" (March 2025)')) -> tuple[int, int]:
    """'2025-03' (or a date such as 2025-03-01) -> (2025, 3): the month a placement starts or ends in."""
    import datetime as dt
    import re

    if isinstance(value, dt.date):
        year, month = value.year, value.month
    else:
        match = re.fullmatch(r"\s*(\d{4})-(\d{1,2})(?:-\d{1,2})?\s*", value, re.ASCII) if isinstance(value, str) else None
        if match is None:
            raise Invalid(f"verwacht een jaar en maand zoals 2025-03, niet {shown(value)}",
                          f"expected a year and month such as 2025-03, not {shown_en(value)}",
                          *hint)
        year, month = int(match.group(1)), int(match.group(2))
    if not 1 <= month <= 12:
        raise Invalid(f"maand {month} bestaat niet", f"month {month} does not exist",
                      "een maand is 1 tot en met 12, bijvoorbeeld 2025-03", "a month is 1 to 12, for example 2025-03")
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise Invalid(f"jaar {year} valt buiten {FIRST_YEAR}-{LAST_YEAR}", f"year {year} is outside {FIRST_YEAR}-{LAST_YEAR}",
                      f"de parameters beginnen in {FIRST_YEAR}", f"the parameters start in {FIRST_YEAR}")
    return year, month


class SchemaError(Exception):
    """The first problem of a column: `type` (missing, extra_forbidden, literal_error, value_error),
    the key as `loc`, and the offending `input`; `ctx` holds the allowed values or the Invalid."""

    def __init__(self, type: str, loc: tuple, input: Any = None, ctx: dict | None = None):
        super().__init__(type)
        self.type, self.loc, self.input, self.ctx = type, loc, input, ctx or {}


@dataclass(frozen=True)
class Field:
    check: Callable[[Any], Any] | None = None
    required: bool = False
    default: Any = None
    options: tuple | None = None          # a closed list of values (a literal)
    nullable: bool = False
    translate: Callable[[Any], Any] | None = None   # a Dutch word for a catalogue's name, as that name


def _required(check) -> Field:
    return Field(check, required=True)


def _optional(check, default) -> Field:
    return Field(check, default=default)


def _catalogue_value(v: Variable) -> Callable[[Any], Any]:
    """A Dutch word for one of a catalogue's names (employer_model: regulier), as that name; any other value as written
    (the catalogue refuses an unknown name when it is loaded, inputs/placement.py). Its names are read only for a word."""
    def translate(value: Any) -> Any:
        if not isinstance(value, str) or " ".join(value.strip().lower().split()) not in value_words():
            return value
        return value_word(value, v.choices()) or value
    return translate


def declared_field(v: Variable) -> Field:
    """The schema's field of a declared key of the column: a numeric field parsed by its kind and bounds, a closed
    choice as a literal of its options (or its Dutch words), a catalogue's choice as a name."""
    if v.kind == "choice":
        if v.from_catalogue:
            return Field(_catalogue_name, default=v.default, translate=_catalogue_value(v))
        return Field(None, default=v.default, options=v.choices(), nullable=v.nullable)
    if v.kind in ("year", "month", "months"):
        return Field(parser(v), required=v.required, default=v.default)
    return Field(declared_check(v), required=v.required, default=v.default)


# The keys of the scenario column, in the order their problems are reported. None: a declared key (core/variables.py),
# whose field comes from its declaration. A key declared later (a new choice or field) is checked after these.
_KEYS = {
    "name": _required(_name),
    "description": _optional(_text, None),
    "year": None,
    "method": None,
    "hours": None,
    "wage_value": None,
    "employer_model": None,
    "subsidy_set": None,
    "rounding": None,
    "work_type": None,
    "overrides": _optional(_overrides, {}),
    "trial_months": None,
    "start": None,
    "end": None,
    # sickness absence (share of contract hours) and yearly indexation of non-legal costs; None = not counted
    "absence": None,
    "indexation": None,
    "wml_growth": None,
    "age": None,
    "cost_sharers": None,
    # what happens without the placement, and the bijstand household (issue 22, core/model.py)
    "alternative": None,
    "household": None,
    "lks_forfaitair_months": None,
}
# Overrides that are scenario keys as well (and caseload columns): the worker's age, the bijstand household's
# cost sharers, the months of a flat-rate LKS at the start; not counted when the scenario leaves them out.
_ALSO_KEYS = ("age", "cost_sharers", "lks_forfaitair_months")
_BUILT: tuple[tuple, dict[str, Field]] | None = None


def column_fields() -> dict[str, Field]:
    """Every key of the scenario column -> its Field, the declared ones from their declarations (built again only
    when the declarations change)."""
    global _BUILT
    version = tuple((name, id(v)) for name, v in DECLARED.items())
    if _BUILT is None or _BUILT[0] != version:
        fields = dict(_KEYS)
        for name, v in DECLARED.items():
            if v.column_key:
                fields[name] = declared_field(v)
            elif name in _ALSO_KEYS:
                fields[name] = Field(declared_check(v), default=None)
        missing = [name for name, field in fields.items() if field is None]
        if missing:
            raise ValueError(f"scenario keys without a declaration (core/variables.py): {missing}")
        _BUILT = (version, fields)
    return _BUILT[1]


def __getattr__(name: str):
    # COLUMN_FIELDS as before, derived from the declarations when asked for
    if name == "COLUMN_FIELDS":
        return column_fields()
    raise AttributeError(name)


def _expected(options: tuple) -> str:
    quoted = [repr(o) for o in options]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


class SchemaErrors(SchemaError):
    """Every problem of a column, in the order they are reported; the first one's fields are its own,
    so a caller that handles one SchemaError still handles the first."""

    def __init__(self, problems: list[SchemaError]):
        first = problems[0]
        super().__init__(first.type, first.loc, first.input, first.ctx)
        self.problems = problems


def validate_column(data: dict) -> dict:
    """The column's keys checked and converted; raises SchemaErrors with every problem of the column."""
    COLUMN_FIELDS = column_fields()
    problems: list[SchemaError] = []
    reported: set = set()          # keys already refused (a Dutch or disguised key), and the names they stand for
    for key in data:
        if key not in COLUMN_FIELDS and (meant := disguised(key, COLUMN_FIELDS)):
            problems.append(SchemaError("disguised", (key,), key, {"meant": meant[0], "char": meant[1]}))
            reported.update((key, meant[0]))
        elif key not in COLUMN_FIELDS and (english := dutch_names().get(str(key).lower())) in COLUMN_FIELDS:
            # "jaar: 2026" is the year written in Dutch: say so, rather than that 'year' is missing
            problems.append(SchemaError("extra_forbidden", (key,), data[key]))
            reported.update((key, english))
    out = {}
    for key, field in COLUMN_FIELDS.items():
        if key not in data:
            if field.required and key not in reported:
                problems.append(SchemaError("missing", (key,)))
            out[key] = field.default
            continue
        value = data[key]
        if field.options is not None:
            if value is None and field.nullable:
                out[key] = None
            elif isinstance(value, (str, int)) and not isinstance(value, bool) and value in field.options:
                out[key] = value
            elif (meant := value_word(value, field.options)) is not None:
                out[key] = meant
            else:
                problems.append(SchemaError("literal_error", (key,), value, {"expected": _expected(field.options)}))
            continue
        if field.translate is not None:
            value = field.translate(value)
        try:
            out[key] = field.check(value)
        except Invalid as problem:
            problems.append(SchemaError("value_error", (key,), value, {"error": problem}))
            continue
        if isinstance(out[key], dict) and key == "overrides":
            out[key] = dict(out[key])
    for key in data:
        if key not in COLUMN_FIELDS and key not in reported:
            problems.append(SchemaError("extra_forbidden", (key,), data[key]))
    if problems:
        raise SchemaErrors(problems)
    return out


ERROR_TEXT = {
    "extra_forbidden": ("onbekende sleutel", "unknown key"),
    "missing": ("verplichte sleutel ontbreekt", "required key is missing"),
    "literal_error": ("ongeldige waarde", "invalid value"),
    "string_type": ("verwacht een tekst", "expected a text"),
    "dict_type": ("verwacht een mapping (sleutel: waarde)", "expected a mapping (key: value)"),
}
