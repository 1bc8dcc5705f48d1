"""The summary table's layout, shared by the terminal, Markdown and Excel reports: which
input rows, which line rows in which order, their labels, and the warnings per column."""
from __future__ import annotations

from decimal import Decimal

from ..core.engine import Result
from ..core.text import Text, percent, plain
from .labels import line_label

INPUT_ROWS = (
    (Text("Jaar", "Year"), lambda p, lang: str(p.year)),
    (Text("Methode", "Method"), lambda p, lang: {"memo": Text("memo (notitie)", "memo (note)"),
                                                 "statutory": Text("wettelijk", "statutory")}[p.method](lang)),
    (Text("Uren per week", "Hours a week"), lambda p, lang: plain(p.hours, lang)),
    (Text("Loonwaarde", "Wage value"), lambda p, lang: percent(p.wage_value, lang)),
    (Text("Werkgever", "Employer"), lambda p, lang: p.employer.label(lang)),
    (Text("Subsidieset", "Subsidy set"), lambda p, lang: p.subsidy_set.name),
)


def row_keys(results: list[Result], side: str) -> list[str]:
    """Line keys of one side in first-seen order, so extra lines of one column still line up."""
    keys: list[str] = []
    for result in results:
        for line in result.lines:
            if line.side == side and line.key not in keys:
                keys.append(line.key)
    return keys


def amount_of(result: Result, key: str) -> Decimal | None:
    """The column's amount for a line, or None when the column has no such line."""
    return next((line.amount for line in result.lines if line.key == key), None)


def label_of(results: list[Result], key: str, lang: str) -> str:
    return next((line_label(line, lang) for r in results for line in r.lines if line.key == key), key)


def difference_label(first: Result, lang: str) -> str:
    name = first.placement.name
    return Text(f"Verschil saldo t.o.v. {name}", f"Balance difference vs {name}")(lang)


def grouped_warnings(results: list[Result], lang: str) -> dict[str, list[str]]:
    """Each distinct warning once, with the names of the columns it concerns."""
    seen: dict[str, list[str]] = {}
    for result in results:
        for warning in result.warnings:
            seen.setdefault(warning(lang), []).append(result.placement.name)
    return seen


def numbered_warnings(results: list[Result], lang: str) -> list[str]:
    """'1. text', with the columns named when a warning does not concern all of them."""
    out = []
    for i, (text, columns) in enumerate(grouped_warnings(results, lang).items(), 1):
        where = "" if len(columns) == len(results) else f" [{', '.join(columns)}]"
        out.append(f"{i}. {text}{where}")
    return out
