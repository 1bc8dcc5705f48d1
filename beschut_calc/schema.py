"""The scenario file's schema (pydantic v2): the public contract of key names and values.

One `ColumnSpec` is validated per column, after a variant has been laid over the
base keys. Messages are Dutch (with English in `messages_en`) and say what to write.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, field_validator

from .model import WORK_TYPES
from .units import parse_fraction

MAX_HOURS = Decimal(40)


def _number(value: Any, what: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        raise ValueError(f"verwacht een getal voor {what}, niet {value!r}")
    number = Decimal(value)
    if not number.is_finite():
        raise ValueError(f"verwacht een eindig getal voor {what}")
    return number


class ColumnSpec(BaseModel):
    """One column: the keys a scenario (or a variant laid over it) must resolve to."""
    model_config = ConfigDict(extra="forbid", arbitrary_types_allowed=True)

    name: str
    description: str | None = None
    year: int
    method: Literal["statutory", "memo"] = "statutory"
    hours: Decimal
    wage_value: Decimal
    employer_model: str = "municipality"
    subsidy_set: str = "geen"
    rounding: Literal["none", "memo"] = "none"
    work_type: Literal[WORK_TYPES] | None = None  # type: ignore[valid-type]
    overrides: dict[str, Any] = {}
    trial_months: int = 0     # proefplaatsing met behoud van uitkering at the start of the first year

    @field_validator("trial_months", mode="before")
    @classmethod
    def _trial_months(cls, value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 12:
            raise ValueError(f"trial_months {value!r}: verwacht een heel aantal maanden van 0 tot en met 12, bijvoorbeeld 3")
        return value

    @field_validator("name", mode="before")
    @classmethod
    def _name(cls, value: Any) -> str:
        if not isinstance(value, str) or not value.strip():
            raise ValueError("verwacht een naam (tekst), bijvoorbeeld name: \"31 uur\"")
        return value

    @field_validator("year", mode="before")
    @classmethod
    def _year(cls, value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"verwacht een jaartal zoals 2026, niet {value!r}")
        if not 2015 <= value <= 2100:
            raise ValueError(f"jaar {value} valt buiten 2015-2100 (de parameters beginnen in 2015)")
        return value

    @field_validator("hours", mode="before")
    @classmethod
    def _hours(cls, value: Any) -> Decimal:
        hours = _number(value, "hours")
        if not Decimal(0) < hours <= MAX_HOURS:
            raise ValueError(f"{value} uur per week valt buiten (0, 40]; geef de contracturen per week, bijvoorbeeld 31")
        return hours

    @field_validator("wage_value", mode="before")
    @classmethod
    def _wage_value(cls, value: Any) -> Decimal:
        share = parse_fraction(value)
        if not Decimal(0) <= share <= 1:
            raise ValueError(f"loonwaarde {value} valt buiten 0-100 %; schrijf bijvoorbeeld 30%")
        return share

    @field_validator("overrides", mode="before")
    @classmethod
    def _overrides(cls, value: Any) -> dict:
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise ValueError("verwacht een mapping parameter: waarde, bijvoorbeeld overrides: {employer_charges: 20%}")
        return value


ERROR_TEXT = {
    "extra_forbidden": ("onbekende sleutel", "unknown key"),
    "missing": ("verplichte sleutel ontbreekt", "required key is missing"),
    "literal_error": ("ongeldige waarde", "invalid value"),
    "string_type": ("verwacht een tekst", "expected a text"),
    "dict_type": ("verwacht een mapping (sleutel: waarde)", "expected a mapping (key: value)"),
}
