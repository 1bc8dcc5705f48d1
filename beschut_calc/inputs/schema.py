"""The scenario file's schema: the public contract of key names and values.

One column is validated at a time, after a variant has been laid over the base keys.
The schema is written for pydantic v2's validation core (`pydantic_core`) directly:
declaring it as a `BaseModel` costs about 0.1 s at every start (pydantic's first model
class), which alone would break the start-up budget of a plain table run. Messages are
Dutch and English (`Invalid`) and say what to write; `load.py` turns them into located
one-line errors.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from pydantic_core import SchemaValidator
from pydantic_core import core_schema as cs

from ..core.model import METHODS, ROUNDINGS, WORK_TYPES
from ..core.errors import Invalid
from .units import parse_fraction, parse_number, shown, shown_en, text_hint

MAX_HOURS = Decimal(40)
FIRST_YEAR = 2015
LAST_YEAR = 2100
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


def _year(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        hint = text_hint(value) or ("bijvoorbeeld year: 2026", "for example year: 2026")
        raise Invalid(f"verwacht een jaartal zoals 2026, niet {shown(value)}", f"expected a year such as 2026, not {shown_en(value)}", *hint)
    if not FIRST_YEAR <= value <= LAST_YEAR:
        raise Invalid(f"jaar {value} valt buiten {FIRST_YEAR}-{LAST_YEAR}", f"year {value} is outside {FIRST_YEAR}-{LAST_YEAR}",
                      f"de parameters beginnen in {FIRST_YEAR}", f"the parameters start in {FIRST_YEAR}")
    return value


def _hours(value: Any) -> Decimal:
    hours = parse_number(value, "hours", "hours", "bijvoorbeeld hours: 31", "for example hours: 31")
    if not Decimal(0) < hours <= MAX_HOURS:
        raise Invalid(f"{value} uur per week kan niet: het moet meer dan 0 en hooguit {MAX_HOURS} zijn",
                      f"{value} hours a week is impossible: it must be more than 0 and at most {MAX_HOURS}",
                      "geef de contracturen per week, bijvoorbeeld 31", "give the contract hours a week, e.g. 31")
    return hours


def _wage_value(value: Any) -> Decimal:
    share = parse_fraction(value)
    if not Decimal(0) <= share <= 1:
        raise Invalid(f"loonwaarde {value} valt buiten 0-100 %", f"wage value {value} is outside 0-100 %",
                      "schrijf bijvoorbeeld 30%", "write e.g. 30%")
    return share


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


def _trial_months(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 12:
        raise Invalid(f"verwacht een heel aantal maanden van 0 tot en met 12, niet {shown(value)}",
                      f"expected a whole number of months from 0 to 12, not {shown_en(value)}",
                      *(text_hint(value) or ("bijvoorbeeld 3", "for example 3")))
    return value


def _required(check) -> dict:
    return cs.typed_dict_field(cs.no_info_plain_validator_function(check), required=True)


def _optional(schema, default) -> dict:
    return cs.typed_dict_field(cs.with_default_schema(schema, default=default), required=False)


def _choice(options, default) -> dict:
    return _optional(cs.literal_schema(list(options)), default)


COLUMN_FIELDS = {
    "name": _required(_name),
    "description": _optional(cs.no_info_plain_validator_function(_text), None),
    "year": _required(_year),
    "method": _choice(METHODS, "statutory"),
    "hours": _required(_hours),
    "wage_value": _required(_wage_value),
    "employer_model": _optional(cs.no_info_plain_validator_function(_catalogue_name), "municipality"),
    "subsidy_set": _optional(cs.no_info_plain_validator_function(_catalogue_name), "geen"),
    "rounding": _choice(ROUNDINGS, "none"),
    "work_type": _optional(cs.nullable_schema(cs.literal_schema(list(WORK_TYPES))), None),
    "overrides": _optional(cs.no_info_plain_validator_function(_overrides), {}),
    # proefplaatsing met behoud van uitkering at the start of the first year
    "trial_months": _optional(cs.no_info_plain_validator_function(_trial_months), 0),
}
COLUMN = SchemaValidator(cs.typed_dict_schema(COLUMN_FIELDS, extra_behavior="forbid"))


def validate_column(data: dict) -> dict:
    """The column's keys checked and converted; raises pydantic_core.ValidationError."""
    return COLUMN.validate_python(data)


ERROR_TEXT = {
    "extra_forbidden": ("onbekende sleutel", "unknown key"),
    "missing": ("verplichte sleutel ontbreekt", "required key is missing"),
    "literal_error": ("ongeldige waarde", "invalid value"),
    "string_type": ("verwacht een tekst", "expected a text"),
    "dict_type": ("verwacht een mapping (sleutel: waarde)", "expected a mapping (key: value)"),
}
