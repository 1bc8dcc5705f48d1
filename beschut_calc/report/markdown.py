"""`--format markdown`: the summary table as Markdown for memo drafts and tickets.

Same rows, Dutch amounts ('€ 32.100', '-€ 400') and verdicts as the terminal table,
then the warnings as a numbered list. Text from YAML is escaped so a name with `|` or
`*` cannot break the table or turn into formatting.
"""
from __future__ import annotations

import re

from ..engine import Result
from ..text import Text, euro, percent, plain
from .labels import HEADINGS, line_label, verdict

INPUT_ROWS = (
    (Text("Jaar", "Year"), lambda p, lang: str(p.year)),
    (Text("Methode", "Method"), lambda p, lang: {"memo": Text("memo (notitie)", "memo (note)"),
                                                 "statutory": Text("wettelijk", "statutory")}[p.method](lang)),
    (Text("Uren per week", "Hours a week"), lambda p, lang: plain(p.hours, lang)),
    (Text("Loonwaarde", "Wage value"), lambda p, lang: percent(p.wage_value, lang)),
    (Text("Werkgever", "Employer"), lambda p, lang: p.employer.label(lang)),
    (Text("Subsidieset", "Subsidy set"), lambda p, lang: p.subsidy_set.name),
)
_SPECIAL = re.compile(r"([\\`*\[\]<>|])")
# An underscore inside a word (employer_charges) is literal in CommonMark; only edges can emphasise.
_EDGE_UNDERSCORE = re.compile(r"(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])")


def escape(text: str) -> str:
    """Plain text for a Markdown table cell: special characters escaped, one line."""
    text = _SPECIAL.sub(r"\\\1", " ".join(str(text).split()))
    return _EDGE_UNDERSCORE.sub(r"\\_", text)


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _row_keys(results: list[Result], side: str) -> list[str]:
    keys: list[str] = []
    for result in results:
        for line in result.lines:
            if line.side == side and line.key not in keys:
                keys.append(line.key)
    return keys


def _amount(result: Result, key: str, lang: str) -> str:
    for line in result.lines:
        if line.key == key:
            return euro(line.amount, lang)
    return "-"


def render(title: str, results: list[Result], lang: str = "nl", difference: bool = False) -> str:
    """One scenario as a Markdown heading, table, caption and warning list."""
    out = [f"### {escape(title)}", ""]
    out.append(_row([HEADINGS["line"](lang)] + [escape(r.placement.name) for r in results]))
    out.append(_row(["---"] + ["---:"] * len(results)))
    for label, getter in INPUT_ROWS:
        out.append(_row([label(lang)] + [escape(getter(r.placement, lang)) for r in results]))
    for side, heading, total_key, total in (("benefit", "benefits", "total_benefits", lambda r: r.benefits),
                                             ("cost", "costs", "total_costs", lambda r: r.costs)):
        out.append(_row([f"**{HEADINGS[heading](lang)}**"] + [""] * len(results)))
        for key in _row_keys(results, side):
            label = next(line_label(l, lang) for r in results for l in r.lines if l.key == key)
            out.append(_row([escape(label)] + [_amount(r, key, lang) for r in results]))
        out.append(_row([f"**{HEADINGS[total_key](lang)}**"] + [f"**{euro(total(r), lang)}**" for r in results]))
    out.append(_row([f"**{HEADINGS['balance'](lang)}**"] + [f"**{euro(r.balance, lang)}**" for r in results]))
    out.append(_row([HEADINGS["verdict"](lang)] + [verdict(r.balance, lang) for r in results]))
    if difference and len(results) > 1:
        first = results[0]
        label = Text(f"Verschil saldo t.o.v. {first.placement.name}", f"Balance difference vs {first.placement.name}")(lang)
        out.append(_row([escape(label), ""] + [euro(r.balance - first.balance, lang) for r in results[1:]]))
    out += ["", f"_{HEADINGS['per_year'](lang)}_", ""]
    seen: dict[str, list[str]] = {}
    for result in results:
        for warning in result.warnings:
            seen.setdefault(warning(lang), []).append(result.placement.name)
    if seen:
        out += [f"**{HEADINGS['warnings'](lang)}**", ""]
        for i, (text, columns) in enumerate(seen.items(), 1):
            where = "" if len(columns) == len(results) else f" [{', '.join(columns)}]"
            out.append(f"{i}. {escape(text + where)}")
        out.append("")
    return "\n".join(out) + "\n"
