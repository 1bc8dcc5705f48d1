"""The scenario file's schema: the public contract of key names and values.

One column is validated at a time, after a variant has been laid over the base keys.
The schema is written for pydantic v2's validation core (`pydantic_core`) directly:
declaring it as a `BaseModel` costs about 0.1 s at every start (pydantic's first model
class), which alone would break the start-up budget of a plain table run. Messages are
Dutch and say what to write; `load.py` turns them into located one-line errors.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from pydantic_core import SchemaValidator
from pydantic_core import core_schema as cs

from .model import METHODS, ROUNDINGS, WORK_TYPES
from .units import parse_fraction

MAX_HOURS = Decimal(40)
FIRST_YEAR = 2015


def _number(value: Any, what: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        raise ValueError(f"verwacht een getal voor {what}, niet {value!r}")
    number = Decimal(value)
    if not number.is_finite():
        raise ValueError(f"verwacht een eindig getal voor {what}")
    return number


def _name(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"verwacht een naam (tekst), niet {value!r}; bijvoorbeeld name: \"31 uur\"")
    return value


def _text(value: Any) -> str | None:
    if value is not None and not isinstance(value, str):
        raise ValueError(f"verwacht een tekst, niet {value!r}")
    return value


def _year(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"verwacht een jaartal zoals 2026, niet {value!r}")
    if not FIRST_YEAR <= value <= 2100:
        raise ValueError(f"jaar {value} valt buiten {FIRST_YEAR}-2100 (de parameters beginnen in {FIRST_YEAR})")
    return value


def _hours(value: Any) -> Decimal:
    hours = _number(value, "hours")
    if not Decimal(0) < hours <= MAX_HOURS:
        raise ValueError(f"{value} uur per week valt buiten (0, 40]; geef de contracturen per week, bijvoorbeeld 31")
    return hours


def _wage_value(value: Any) -> Decimal:
    share = parse_fraction(value)
    if not Decimal(0) <= share <= 1:
        raise ValueError(f"loonwaarde {value} valt buiten 0-100 %; schrijf bijvoorbeeld 30%")
    return share


def _catalogue_name(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"verwacht een naam (tekst), niet {value!r}")
    return value


def _overrides(value: Any) -> dict:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ValueError("verwacht een mapping parameter: waarde, bijvoorbeeld overrides: {employer_charges: 20%}")
    return value


def _trial_months(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 12:
        raise ValueError(f"trial_months {value!r}: verwacht een heel aantal maanden van 0 tot en met 12, bijvoorbeeld 3")
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
