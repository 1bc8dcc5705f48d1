"""Line labels and verdicts in Dutch (the memo's own wording) and English."""
from __future__ import annotations

from decimal import Decimal

from ..core.engine import Line
from ..core.text import Text, euro

LINE_LABELS = {
    "wage_value": Text("1. loonwaarde", "1. wage value"),
    "wage_subsidy": Text("2. loonkostensubsidie", "2. wage-cost subsidy"),
    "general_subsidy": Text("3. algemene subsidie beschut", "3. general sheltered-work subsidy"),
    "temporary_subsidy": Text("4. tijdelijke subsidie beschut", "4. temporary sheltered-work subsidy"),
    "tax_advantage": Text("5. belastingvoordeel LIV", "5. tax advantage (LIV)"),
    "wage_costs": Text("loonkosten", "wage costs"),
    "guidance_costs": Text("kosten begeleiding en indirecte kosten", "guidance and indirect costs"),
}
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
    return LINE_LABELS[line.key](lang)


def verdict(balance: Decimal, lang: str = "nl") -> str:
    """sluitend when benefits cover costs (to the euro), otherwise the deficit."""
    whole = euro(balance, lang)
    if not whole.startswith("-"):
        return "sluitend" if lang == "nl" else "breaks even"
    deficit = euro(-balance, lang)
    return f"tekort van {deficit}" if lang == "nl" else f"deficit of {deficit}"
