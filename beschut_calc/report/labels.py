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


def verdict(balance: Decimal, lang: str = "nl") -> str:
    """sluitend when benefits cover costs (to the euro), otherwise the deficit."""
    whole = euro(balance, lang)
    if not whole.startswith("-"):
        return "sluitend" if lang == "nl" else "breaks even"
    deficit = euro(-balance, lang)
    return f"tekort van {deficit}" if lang == "nl" else f"deficit of {deficit}"
