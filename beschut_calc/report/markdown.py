"""`--format markdown`: the summary table as Markdown for memo drafts and tickets.

Same rows, Dutch amounts ('€ 32.100', '-€ 400') and verdicts as the terminal table,
then the warnings as a numbered list. Text from YAML is escaped so a name with `|` or
`*` cannot break the table or turn into formatting.
"""
from __future__ import annotations

import re

from ..core.engine import Result
from ..core.text import euro
from .labels import HEADINGS, verdict
from .layout import INPUT_ROWS, amount_of, difference_label, label_of, numbered_warnings, row_keys

_SPECIAL = re.compile(r"([\\`*\[\]<>|&~])")
# An underscore inside a word (employer_charges) is literal in CommonMark; only edges can emphasise.
_EDGE_UNDERSCORE = re.compile(r"(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])")


def escape(text: str) -> str:
    """Plain text for a Markdown table cell: special characters escaped, one line."""
    text = _SPECIAL.sub(r"\\\1", " ".join(str(text).split()))
    return _EDGE_UNDERSCORE.sub(r"\\_", text)


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _amount(result: Result, key: str, lang: str) -> str:
    amount = amount_of(result, key)
    return "-" if amount is None else euro(amount, lang)


def render(title: str, results: list[Result], lang: str = "nl", difference: bool = False,
           description: str | None = None) -> str:
    """One scenario as a Markdown heading, its description, table, caption and warning list."""
    out = [f"### {escape(title)}", ""] + ([escape(description), ""] if description else [])
    out.append(_row([HEADINGS["line"](lang)] + [escape(r.placement.name) for r in results]))
    out.append(_row(["---"] + ["---:"] * len(results)))
    for label, getter in INPUT_ROWS:
        out.append(_row([label(lang)] + [escape(getter(r.placement, lang)) for r in results]))
    for side, heading, total_key, total in (("benefit", "benefits", "total_benefits", lambda r: r.benefits),
                                             ("cost", "costs", "total_costs", lambda r: r.costs)):
        out.append(_row([f"**{HEADINGS[heading](lang)}**"] + [""] * len(results)))
        for key in row_keys(results, side):
            out.append(_row([escape(label_of(results, key, lang))] + [_amount(r, key, lang) for r in results]))
        out.append(_row([f"**{HEADINGS[total_key](lang)}**"] + [f"**{euro(total(r), lang)}**" for r in results]))
    out.append(_row([f"**{HEADINGS['balance'](lang)}**"] + [f"**{euro(r.balance, lang)}**" for r in results]))
    out.append(_row([HEADINGS["verdict"](lang)] + [verdict(r.balance, lang) for r in results]))
    if difference and len(results) > 1:
        first = results[0]
        out.append(_row([escape(difference_label(first, lang)), ""] + [euro(r.balance - first.balance, lang) for r in results[1:]]))
    out += ["", f"_{HEADINGS['per_year'](lang)}_", ""]
    lines = numbered_warnings(results, lang)
    if lines:
        out += [f"**{HEADINGS['warnings'](lang)}**", ""]
        out += [escape(text) for text in lines]
        out.append("")
    return "\n".join(out) + "\n"


def render_receipt(receipt, lang: str = "nl") -> str:
    return f"_{escape(receipt.line(lang))}_\n"
