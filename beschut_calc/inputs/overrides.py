"""Scenario `overrides`: which parameters a scenario may set, and how each value is read.

A value is checked by its kind (a share, a factor, a mark-up, an amount, hours, yes/no) and
comes back as the Decimal or bool the engine uses; a wrong one raises Invalid (Dutch and English).
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..core.errors import Invalid
from ..core.variables import FIELDS, INPUTS, MAX_AMOUNT, MAX_FACTOR  # MAX_FACTOR 10 (1000 %): beyond any real share

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
    # Known so that it is refused with the law, not as an unknown key (core/rules.py _tax; params/lkv_beschut_werk.yaml).
    "lkv_enabled": ("excluded", "verwijder overrides.lkv_enabled", "remove overrides.lkv_enabled"),
    "sickness_benefit_share": ("fraction", "ziekengeld als deel van het dagloon, 70% of 100%", "sickness benefit as a share of the daily wage, 70% or 100%"),
    "municipal_top_up": ("euro", "aanvulling van de gemeente per plek per jaar, bijvoorbeeld 1000",
                         "the municipality's top-up per place per year, e.g. 1000"),
}


# What a real employer or municipality could write; beyond it the value is a typo (0.0001 hours,
# 230 % charges, an extra zero), and the engine would happily divide by it.
D = Decimal
BOUNDS: dict[str, tuple[Decimal, Decimal]] = {
    "fulltime_hours": (D(20), D(48)),
    "guidance_reference_hours": (D(20), D(48)),
    "wage_level": (D("0.50"), D(3)),
    "holiday_allowance": (D(0), D("0.20")),
    "lks_max_share": (D(0), D(1)),
    "lks_employer_charge_allowance": (D(0), D("0.60")),
    "liv_min_hours_year": (D(0), D(2496)),
    "rijk_lks_per_place": (D(0), MAX_AMOUNT),
    "sickness_benefit_share": (D(0), D(1)),
    # the inputs a sweep or break-even can vary: their bounds are declared once, in core/variables.py
    **{name: (INPUTS[name].low, INPUTS[name].high) for name in INPUTS if name not in FIELDS},
}
EXTRA_AMOUNT_BOUNDS = (-MAX_AMOUNT, MAX_AMOUNT)


def within(name: str, value: Decimal, raw: Any, bounds: tuple[Decimal, Decimal], description: str, description_en: str) -> Decimal:
    from ..core.text import with_unit

    low, high = bounds
    if low <= value <= high:
        return value
    unit = {"fraction": "fraction", "euro": "euro"}.get(OVERRIDE_KINDS.get(name, ("euro",))[0], "")
    span, span_en = (f"{with_unit(low, unit, lang)} tot en met {with_unit(high, unit, lang)}" if lang == "nl"
                     else f"{with_unit(low, unit, lang)} to {with_unit(high, unit, lang)}" for lang in ("nl", "en"))
    raise Invalid(f"{raw} valt buiten wat kan ({span})", f"{raw} is outside what is possible ({span_en})",
                  description, description_en)


def parse_override(name: str, raw: Any) -> Any:
    """Check and convert one override value by its kind and bounds; raises Invalid (Dutch and English)."""
    value = _parse_kind(name, raw)
    if name in BOUNDS and not isinstance(value, bool):
        _, description, description_en = OVERRIDE_KINDS[name]
        return within(name, value, raw, BOUNDS[name], description, description_en)
    return value


def _parse_kind(name: str, raw: Any) -> Any:
    from .units import parse_euro, parse_fraction, parse_number, shown, shown_en

    kind, description, description_en = OVERRIDE_KINDS[name]
    if kind == "excluded":
        raise lkv_excluded(description, description_en)
    if kind == "bool":
        if not isinstance(raw, bool):
            raise Invalid(f"verwacht true of false, niet {shown(raw)}", f"expected true or false, not {shown_en(raw)}",
                          description, description_en)
        return raw
    if kind == "fraction":
        value = parse_fraction(raw, _example(description))
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
            value = parse_number(raw, "deze parameter", "this parameter", description, description_en)
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




def _example(description: str) -> str:
    """The percentage a key's own description gives as its example ('bijvoorbeeld 23%'), else 30%."""
    import re

    match = re.search(r"(\d+(?:[.,]\d+)?)%", description)
    return match.group(1).replace(",", ".") + "%" if match else "30%"


def _at_most(value: Decimal, limit: Decimal, raw: Any, description: str, description_en: str) -> Decimal:
    if value > limit:
        raise Invalid(f"{raw} is onredelijk groot (hooguit {limit:f} ofwel {limit * 100:f}%)",
                      f"{raw} is unreasonably large (at most {limit:f}, i.e. {limit * 100:f}%)", description, description_en)
    return value


def lkv_excluded(hint: str, hint_en: str) -> Invalid:
    """The LKV cannot be switched on: the law excludes employment in beschut werk."""
    return Invalid("het loonkostenvoordeel (LKV) geldt niet voor beschut werk: Wet tegemoetkomingen loondomein art. 2.10 "
                   "lid 2 onder b sluit een dienstbetrekking als bedoeld in art. 10b Participatiewet uit (2018-2025); "
                   "vanaf 2026 art. 2.10 met art. 38b Wet financiering sociale verzekeringen",
                   "the wage-cost advantage (LKV) does not apply to sheltered work: Wet tegemoetkomingen loondomein "
                   "art. 2.10(2)(b) excludes employment under art. 10b Participatiewet (2018-2025); from 2026 art. 2.10 "
                   "with art. 38b Wet financiering sociale verzekeringen", hint, hint_en)
