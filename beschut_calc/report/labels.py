"""Headings and verdicts (line labels live in the line registry, core/lines.py) in Dutch (the memo's own wording) and English."""
from __future__ import annotations

from decimal import Decimal

from ..core.engine import Line
from ..core.lines import REGISTRY
from ..core.text import Text, euro

HEADINGS = {
    "benefits": Text("Baten", "Benefits"),
    "costs": Text("Kosten", "Costs"),
    "total_benefits": Text("Totaal baten", "Total benefits"),
    "total_costs": Text("Totaal kosten", "Total costs"),
    "balance": Text("Saldo", "Balance"),
    "verdict": Text("Oordeel", "Verdict"),
    "warnings": Text("Waarschuwingen", "Warnings"),
    "line": Text("Post", "Line"),
    "per_year": Text("bedragen in euro per plek per jaar; door afronding kunnen totalen afwijken van de som van de posten",
                     "amounts in euro per placement per year; totals may differ from the sum of the lines through rounding"),
}


def line_label(line: Line, lang: str = "nl") -> str:
    if line.label is not None:
        return line.label(lang)
    return REGISTRY[line.key].label(lang)


def party_verdict(balance: Decimal, lang: str = "nl") -> str:
    """A party's balance in words: a surplus, even (to the euro) or a deficit (issue 22: parties gain as well)."""
    whole = euro(balance, lang)
    if whole == euro(0, lang):
        return "quitte" if lang == "nl" else "even"
    if not whole.startswith("-"):
        return f"overschot van {whole}" if lang == "nl" else f"surplus of {whole}"
    return verdict(balance, lang)


def verdict(balance: Decimal, lang: str = "nl") -> str:
    """sluitend when benefits cover costs (to the euro), otherwise the deficit."""
    whole = euro(balance, lang)
    if not whole.startswith("-"):
        return "sluitend" if lang == "nl" else "breaks even"
    deficit = euro(-balance, lang)
    return f"tekort van {deficit}" if lang == "nl" else f"deficit of {deficit}"


# ---------------------------------------------------------------- words for a council: no internal names
#
# The Word annex and Markdown go to people who never see a scenario file. A parameter is named by its
# declared label (params/NAME.yaml `label:`, core/variables.py), a warning says the same in words.

import re as _re

# Names that have no declared label (yet): said in words here, the rest come from the declarations.
_FALLBACK = {
    "rijk_hours_basis": Text("uren per week waarop de rijksmiddelen per plek rusten", "weekly hours the national funding per place assumes"),
    "work_type": Text("soort werk", "type of work"),
    "full_hours": Text("uren per week voor het volle bedrag", "weekly hours for the full amount"),
    "hours": Text("uren per week", "hours a week"),
    "wage_value": Text("loonwaarde", "wage value"),
    "employer_model": Text("werkgeversmodel", "employer model"),
    "subsidy_set": Text("subsidieset", "subsidy set"),
    "trial_months": Text("proefplaatsing in maanden", "trial placement in months"),
}
_SET_FIELDS = {
    "from_year": Text("geldt vanaf", "applies from"),
    "until_year": Text("geldt tot en met", "applies until"),
    "max_years": Text("ten hoogste jaren per plek", "at most years per place"),
    "amount": Text("bedrag", "amount"),
}


def param_label(name: str, lang: str = "nl") -> str:
    """A parameter or input in words: its declared label, never its key ('Werkgeverslasten', not
    employer_charges). A subsidy set's value ('zaanstreek-waterland-2017:general_subsidy:from_year') is
    named by its line and the set ('algemene subsidie beschut (zaanstreek-waterland-2017), geldt vanaf')."""
    if ":" in name:
        set_name, *rest = name.split(":")
        head = rest[0] if rest else ""
        if head in REGISTRY:
            words = _re.sub(r"^\d+\.\s*", "", REGISTRY[head].label(lang))
        else:
            words = param_label(head, lang) if head else set_name
        words = f"{words} ({set_name})"
        if len(rest) > 1:
            field = _SET_FIELDS.get(rest[1])
            words += f", {field(lang) if field else param_label(rest[1], lang)}"
        return words
    from ..inputs.declared import get, title

    found = title(name)
    if found is None and name in _FALLBACK:
        found = _FALLBACK[name]
    if found is None:
        variable = get(name)
        found = variable.label if variable is not None else None
    if found is not None:
        return found(lang)
    described = _described(name)
    return described if described else name.replace("_", " ")


def _described(name: str) -> str:
    """A parameter file without `label:`: the first clause of its description, in words."""
    from ..inputs.parameter_files import load_parameters

    book = load_parameters()
    if name not in book.parameters:
        return ""
    text = book.parameters[name].description.strip()
    marks = (" (", ". ", ":", ";", ", ", " waarop ", " waarmee ", " waarvan ")
    cut = min([i for i in (text.find(mark) for mark in marks) if i > 0] + [len(text)])
    text = text[:cut].rstrip(".")
    if len(text) > 80:
        text = text[:80].rsplit(" ", 1)[0]
    return text


def _lower(text: str) -> str:
    """A label inside a sentence: 'Werkgeverslasten' -> 'werkgeverslasten' (not 'WML' or 'LKS ...')."""
    return text[:1].lower() + text[1:] if text[:2].istitle() else text


_KEY = _re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")
_OVERRIDE_SET = _re.compile(r"overrides\.([a-z][a-z0-9_]*)(?::\s*|\s+op\s+|\s+to\s+)([^\s,;)]+)")
_OVERRIDE = _re.compile(r"overrides\.([a-z][a-z0-9_]*)")
_SCENARIO_KEY = _re.compile(r"\b(?:zet|set) ([a-z_]+) in (?:het|the) scenario, (?:bijvoorbeeld|for example) \1: ([^\s,;)]+)")
_PLAIN_KEYS = ("absence", "indexation", "work_type")


def in_words(text: str, lang: str = "nl") -> str:
    """A warning or note for a council: every parameter key, `overrides.KEY` and scenario instruction
    said with the parameter's label. 'employer_charges = 23 % ... vervang via overrides.employer_charges'
    becomes 'Werkgeverslasten = 23 % ... vervang via werkgeverslasten'."""
    def label(name: str) -> str:
        return _lower(param_label(name, lang))

    text = _SCENARIO_KEY.sub(lambda m: (f"stel {label(m.group(1))} in, bijvoorbeeld op {m.group(2)}" if lang == "nl"
                                        else f"set {label(m.group(1))}, for example to {m.group(2)}"), text)
    text = _OVERRIDE_SET.sub(lambda m: f"{label(m.group(1))} {'op' if lang == 'nl' else 'to'} {m.group(2)}", text)
    text = _OVERRIDE.sub(lambda m: label(m.group(1)), text)
    # a set's value and a leading key: 'zaanstreek-waterland-2017:general_subsidy:from_year = 2017'
    text = _re.sub(r"\b[a-z0-9-]+(?::[a-z_]+)+", lambda m: label(m.group(0)), text)
    text = _KEY.sub(lambda m: label(m.group(0)), text)
    text = _re.sub(rf"\b(?:kies|choose) ({'|'.join(_PLAIN_KEYS)})\b", lambda m: f"{m.group(0).split()[0]} {label(m.group(1))}", text)
    text = text.strip()
    return text[:1].upper() + text[1:]


def value_in_words(pv, lang: str = "nl") -> str:
    """A parameter's value for people; a derived value (the payroll mark-up from a tariff) in words,
    never as 'tariff: 26.598, hours: 31, year: 2017'."""
    from ..core.text import euro, plain, with_unit

    value = pv.value
    if isinstance(value, dict) and {"tariff", "hours", "year"} <= set(value):
        return Text(f"afgeleid van het tarief {euro(value['tariff'], 'nl')} voor {plain(value['hours'], 'nl')} uur per week "
                    f"in {value['year']}, gedeeld door de loonkosten in eigen dienst van dat jaar",
                    f"derived from the tariff of {euro(value['tariff'], 'en')} for {plain(value['hours'], 'en')} hours a week "
                    f"in {value['year']}, divided by the own-employment wage costs of that year")(lang)
    if isinstance(value, dict) and not ({"bands"} & set(value) or {"rate"} & set(value)):
        return ", ".join(f"{_lower(param_label(str(k), lang)) if '_' in str(k) else k}: "
                         f"{v if k == 'year' else with_unit(v, pv.unit, lang)}" for k, v in value.items())
    shown = with_unit(value, pv.unit, lang)
    if pv.unit == "hours_per_week" and shown[-1:].isdigit():
        shown += " uur" if lang == "nl" else " hours"
    return shown
