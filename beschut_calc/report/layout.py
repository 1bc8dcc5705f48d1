"""The summary table's layout, shared by the terminal, Markdown and Excel reports: which
input rows, which line rows in which order, their labels, and the warnings per column."""
from __future__ import annotations

from dataclasses import dataclass
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


MONTH_NAMES = {"nl": ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
               "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")}


def months_text(p, lang: str) -> str:
    """The months of the column's year the placement runs ('10 (mrt-dec)'), or '' for a whole year."""
    first, last, trial = p.months_in(p.year)
    if (first, last, trial) == (1, 12, 0):
        return ""
    if last < first:
        return "0"
    names = MONTH_NAMES[lang]
    text = f"{last - first + 1} ({names[first - 1]}-{names[last - 1]})"
    if trial:
        text += Text(f", {trial} proef", f", {trial} trial")(lang)
    return text


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


@dataclass(frozen=True)
class Row:
    """One row of the summary table: its kind (input, heading, line, total, balance, verdict,
    difference), its label and a text per column; each report only styles it."""
    kind: str
    label: str
    cells: tuple[str, ...]


def summary_rows(results: list[Result], lang: str, first: Result | None = None, difference: bool = False) -> list[Row]:
    """The rows of the summary table for `results` (one block of columns); `difference` adds each
    column's balance minus that of `first` (the scenario's first column, blank in its own cell)."""
    from .labels import HEADINGS, verdict
    from ..core.text import euro

    first = first or results[0]
    rows = [Row("input", label(lang), tuple(getter(r.placement, lang) for r in results)) for label, getter in INPUT_ROWS]
    if any(months_text(r.placement, lang) for r in results):
        rows.append(Row("input", Text("Maanden", "Months")(lang), tuple(months_text(r.placement, lang) or "12" for r in results)))
    for side, heading, total_key, total in (("benefit", "benefits", "total_benefits", lambda r: r.benefits),
                                             ("cost", "costs", "total_costs", lambda r: r.costs)):
        rows.append(Row("heading", HEADINGS[heading](lang), ("",) * len(results)))
        for key in row_keys(results, side):
            rows.append(Row("line", label_of(results, key, lang),
                            tuple("-" if amount_of(r, key) is None else euro(amount_of(r, key), lang) for r in results)))
        rows.append(Row("total", HEADINGS[total_key](lang), tuple(euro(total(r), lang) for r in results)))
    rows.append(Row("balance", HEADINGS["balance"](lang), tuple(euro(r.balance, lang) for r in results)))
    rows.append(Row("verdict", HEADINGS["verdict"](lang), tuple(verdict(r.balance, lang) for r in results)))
    if difference:
        rows.append(Row("difference", difference_label(first, lang),
                        tuple("" if r is first else euro(r.balance - first.balance, lang) for r in results)))
    return rows


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
