"""The terminal table in the memo's layout: one column per placement, Dutch by default."""
from __future__ import annotations

import sys

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


def _console(file=None):
    from rich.console import Console

    out = file or sys.stdout
    return Console(file=out, width=None if out.isatty() else 140, highlight=False, soft_wrap=False)


def _row_keys(results: list[Result], side: str) -> list:
    """Line keys in first-seen order, so extra lines of one column still line up."""
    keys: list = []
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


def _label(results: list[Result], key: str, lang: str) -> str:
    for result in results:
        for line in result.lines:
            if line.key == key:
                return line_label(line, lang)
    return key


def render(title: str, results: list[Result], lang: str = "nl", file=None, difference: bool = False) -> None:
    """`difference` adds a row with each column's balance minus the first column's."""
    from rich import box
    from rich.table import Table

    console = _console(file)
    table = Table(title=title, caption=HEADINGS["per_year"](lang), box=box.SIMPLE_HEAVY, title_justify="left")
    table.add_column(HEADINGS["line"](lang), no_wrap=True)
    for result in results:
        table.add_column(result.placement.name, justify="right", overflow="fold")
    for label, getter in INPUT_ROWS:
        table.add_row(f"[dim]{label(lang)}[/dim]", *[f"[dim]{getter(r.placement, lang)}[/dim]" for r in results])
    table.add_section()
    for side, heading, total_key, total in (("benefit", "benefits", "total_benefits", lambda r: r.benefits),
                                             ("cost", "costs", "total_costs", lambda r: r.costs)):
        table.add_row(f"[bold]{HEADINGS[heading](lang)}[/bold]", *[""] * len(results))
        for key in _row_keys(results, side):
            table.add_row("  " + _label(results, key, lang), *[_amount(r, key, lang) for r in results])
        table.add_row(f"[bold]{HEADINGS[total_key](lang)}[/bold]", *[f"[bold]{euro(total(r), lang)}[/bold]" for r in results])
        table.add_section()
    table.add_row(f"[bold]{HEADINGS['balance'](lang)}[/bold]",
                  *[f"[bold {'red' if euro(r.balance).startswith('-') else 'green'}]{euro(r.balance, lang)}[/]" for r in results])
    table.add_row(HEADINGS["verdict"](lang), *[verdict(r.balance, lang) for r in results])
    if difference and len(results) > 1:
        first = results[0]
        table.add_row(Text(f"Verschil saldo t.o.v. {first.placement.name}", f"Balance difference vs {first.placement.name}")(lang),
                      "", *[euro(r.balance - first.balance, lang) for r in results[1:]])
    console.print(table)
    render_warnings(results, lang, console)


def render_warnings(results: list[Result], lang: str, console) -> None:
    """Each distinct warning once, with the columns it concerns when not all of them."""
    seen: dict[str, list[str]] = {}
    for result in results:
        for warning in result.warnings:
            seen.setdefault(warning(lang), []).append(result.placement.name)
    if not seen:
        return
    console.print(f"[bold]{HEADINGS['warnings'](lang)}[/bold]")
    for i, (text, columns) in enumerate(seen.items(), 1):
        where = "" if len(columns) == len(results) else f" [{', '.join(columns)}]"
        console.print(f"{i}. {text}{where}", markup=False, highlight=False)
