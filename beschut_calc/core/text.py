"""Bilingual text and Dutch/English number formatting (no I/O, no heavy imports)."""
from __future__ import annotations

from typing import NamedTuple
from decimal import ROUND_HALF_UP, Decimal, localcontext

LANGS = ("nl", "en")


class Text(NamedTuple):
    """A message in Dutch and English; `Text.same` for text that needs no translation."""
    nl: str
    en: str

    def __call__(self, lang: str = "nl") -> str:
        return self.en if lang == "en" else self.nl

    @classmethod
    def same(cls, text: str) -> "Text":
        return cls(text, text)


class LazyText:
    """A Text computed when first read (a rule in words is only needed when someone reads it)."""
    __slots__ = ("_make", "_text")

    def __init__(self, make):
        self._make, self._text = make, None

    def _get(self) -> Text:
        if self._text is None:
            self._text = self._make()
        return self._text

    @property
    def nl(self) -> str:
        return self._get().nl

    @property
    def en(self) -> str:
        return self._get().en

    def __call__(self, lang: str = "nl") -> str:
        return self._get()(lang)

    def __eq__(self, other) -> bool:
        return isinstance(other, (Text, LazyText)) and (self.nl, self.en) == (other.nl, other.en)

    def __hash__(self) -> int:
        return hash((self.nl, self.en))


def _group(digits: str, sep: str) -> str:
    parts = []
    while len(digits) > 3:
        parts.insert(0, digits[-3:])
        digits = digits[:-3]
    parts.insert(0, digits)
    return sep.join(parts)


def number(value: Decimal, lang: str = "nl", places: int = 0) -> str:
    """1234567.891 -> '1.234.567,89' (nl) or '1,234,567.89' (en); half-up to `places`."""
    q = Decimal(1).scaleb(-places)
    value = Decimal(value)
    with localcontext() as ctx:   # enough digits to show any finite amount, even an absurd one in a message
        ctx.prec = max(ctx.prec, value.adjusted() + places + 2)
        value = value.quantize(q, rounding=ROUND_HALF_UP)
    sign = "-" if value < 0 else ""
    text = f"{abs(value):f}"
    whole, _, frac = text.partition(".")
    thousands, decimal_mark = (".", ",") if lang == "nl" else (",", ".")
    out = _group(whole, thousands)
    if places:
        out += decimal_mark + frac
    return sign + out


def euro(value: Decimal, lang: str = "nl", places: int = 0) -> str:
    """Amounts as written in council memos: '€ 32.100' and '-€ 400' (to the euro, half-up)."""
    text = number(value, lang, places)
    if text.startswith("-"):
        return "-€ " + text[1:]
    return "€ " + text


def percent(fraction: Decimal, lang: str = "nl") -> str:
    """0.235 -> '23,5 %' (nl) / '23.5%' (en); no trailing zeros."""
    value = (Decimal(fraction) * 100).normalize()
    text = f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return f"{text.replace('.', ',')} %" if lang == "nl" else f"{text}%"


def plain(value: Decimal, lang: str = "nl") -> str:
    """A parameter value as written: 1551.60 -> '1.551,60', 36 -> '36'."""
    value = Decimal(value)
    exponent = value.as_tuple().exponent
    places = max(0, -exponent) if isinstance(exponent, int) else 0
    return number(value, lang, places)


def with_unit(value, unit: str, lang: str = "nl") -> str:
    """A parameter value for people: fractions as percentages, euro units as amounts."""
    from decimal import Decimal as _D

    if isinstance(value, bool):
        return ("ja" if value else "nee") if lang == "nl" else ("yes" if value else "no")
    if value is None:
        return "geen" if lang == "nl" else "none"
    if isinstance(value, dict) and "bands" in value:
        per_hour = "/uur" if lang == "nl" else "/hour"
        return "; ".join(f"{plain(b['from'], lang)}-{plain(b['to'], lang)}: {euro(b['rate'], lang, 2)}{per_hour}, max {euro(b['max'], lang)}"
                         for b in value["bands"])
    if isinstance(value, dict) and "rate" in value:
        per_hour = "/uur" if lang == "nl" else "/hour"
        return f"{euro(value['rate'], lang, 2)}{per_hour}, max {euro(value['max'], lang)}"
    if isinstance(value, list) and all(isinstance(part, dict) and "from" in part for part in value):
        # a schedule of the law (core/income.py): from an income on, a fixed amount plus a rate
        out = []
        for part in value:
            above = "boven" if lang == "nl" else "above"
            rate, base = part["rate"], part.get("base")
            if base is None or base == 0:
                amount = percent(rate, lang)
            else:
                fixed = euro(base, lang, 2 if base != base.to_integral_value() else 0)
                amount = fixed if rate == 0 else f"{fixed} {'−' if rate < 0 else '+'} {percent(abs(rate), lang)}"
            out.append(f"{above} {euro(part['from'], lang)}: {amount}")
        return "; ".join(out)
    if isinstance(value, dict):
        # a year is a year, not an amount: 2017, never 2.017
        return ", ".join(f"{k}: {v if k == 'year' else with_unit(v, unit, lang)}" for k, v in value.items())
    if not isinstance(value, _D):
        return str(value)
    if unit == "fraction":
        return percent(value, lang)
    if unit.startswith("euro"):
        places = 2 if value != value.to_integral_value() else 0
        return euro(value, lang, places)
    return plain(value, lang)
