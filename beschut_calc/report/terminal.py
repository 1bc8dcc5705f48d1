"""The terminal table in the memo's layout: one column per placement, Dutch by default."""
from __future__ import annotations

import sys

from ..core.engine import Result
from ..core.text import euro
from .labels import HEADINGS, verdict
from .rich_text import bold, console, dim, signed, styled
from .layout import INPUT_ROWS, amount_of, difference_label, label_of, numbered_warnings, row_keys

def _console(file=None):
    return console(file)


def _amount(result: Result, key: str, lang: str) -> str:
    amount = amount_of(result, key)
    return "-" if amount is None else euro(amount, lang)


def render(title: str, results: list[Result], lang: str = "nl", file=None, difference: bool = False) -> None:
    """`difference` adds a row with each column's balance minus the first column's."""
    from rich import box
    from rich.table import Table

    out = _console(file)
    table = Table(title=styled(title), caption=styled(HEADINGS["per_year"](lang)), box=box.SIMPLE_HEAVY, title_justify="left")
    table.add_column(HEADINGS["line"](lang), no_wrap=True)
    for result in results:
        table.add_column(styled(result.placement.name), justify="right", overflow="fold")
    for label, getter in INPUT_ROWS:
        table.add_row(dim(label(lang)), *[dim(getter(r.placement, lang)) for r in results])
    table.add_section()
    for side, heading, total_key, total in (("benefit", "benefits", "total_benefits", lambda r: r.benefits),
                                             ("cost", "costs", "total_costs", lambda r: r.costs)):
        table.add_row(bold(HEADINGS[heading](lang)), *[""] * len(results))
        for key in row_keys(results, side):
            table.add_row(styled("  " + label_of(results, key, lang)), *[_amount(r, key, lang) for r in results])
        table.add_row(bold(HEADINGS[total_key](lang)), *[bold(euro(total(r), lang)) for r in results])
        table.add_section()
    table.add_row(bold(HEADINGS["balance"](lang)), *[signed(euro(r.balance, lang), bold_=True) for r in results])
    table.add_row(HEADINGS["verdict"](lang), *[verdict(r.balance, lang) for r in results])
    if difference and len(results) > 1:
        first = results[0]
        table.add_row(difference_label(first, lang), "", *[euro(r.balance - first.balance, lang) for r in results[1:]])
    out.print(table)
    render_warnings(results, lang, out)


def render_warnings(results: list[Result], lang: str, out) -> None:
    """Each distinct warning once, with the columns it concerns when not all of them."""
    lines = numbered_warnings(results, lang)
    if not lines:
        return
    out.print(bold(HEADINGS["warnings"](lang)))
    for text in lines:
        out.print(text, markup=False, highlight=False)


def render_receipt(receipt, lang: str = "nl", file=None) -> None:
    """The footer: tool version, parameter data and its newest date, so a memo's figure can be reproduced."""
    _console(file).print(receipt.line(lang), markup=False, highlight=False, style="dim")
