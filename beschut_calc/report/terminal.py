"""The terminal table in the memo's layout: one column per placement, Dutch by default."""
from __future__ import annotations


from ..core.engine import Result
from ..core.text import euro
from .labels import HEADINGS, verdict
from .rich_text import bold, console, dim, signed, styled
from .layout import INPUT_ROWS, amount_of, difference_label, label_of, numbered_warnings, row_keys

def _amount(result: Result, key: str, lang: str) -> str:
    amount = amount_of(result, key)
    return "-" if amount is None else euro(amount, lang)


def render(title: str, results: list[Result], lang: str = "nl", file=None, difference: bool = False,
           description: str | None = None) -> None:
    """`difference` adds a row with each column's balance minus the first column's. Columns that do
    not fit the terminal's width go to a next table with the same rows, never squeezed to nothing."""
    out = console(file)
    difference = difference and len(results) > 1
    blocks = column_blocks(results, lang, out.width, difference)
    for i, block in enumerate(blocks):
        part = title if len(blocks) == 1 else f"{title} — {i + 1}/{len(blocks)}"
        out.print(_table(part, block, results[0], lang, difference, description))
    render_warnings(results, lang, out)


def column_blocks(results: list[Result], lang: str, width: int, difference: bool = False) -> list[list[Result]]:
    """Results in groups that fit `width` next to the label column. A rich table of this box is
    1 + (label + 3) + the sum of (column + 3) wide (padding either side and a separator)."""
    labels = ([label(lang) for label, _ in INPUT_ROWS] + [HEADINGS[k](lang) for k in ("line", "balance", "verdict")]
              + ["  " + label_of(results, k, lang) for side in ("benefit", "cost") for k in row_keys(results, side)]
              + ([difference_label(results[0], lang)] if difference else []))
    label_width = max(len(text) for text in labels) + 4
    blocks: list[list[Result]] = [[]]
    used = label_width
    for result in results:
        # an amount, a verdict or a word of the inputs (zaanstreek-waterland-2017) is never split; a longer name wraps
        words = [word for _, getter in INPUT_ROWS for word in getter(result.placement, lang).split()]
        need = max(12, len(verdict(result.balance, lang)), min(len(result.placement.name), 20),
                   min(max(map(len, words), default=0), 30)) + 3    # + the padding either side and the edge
        if blocks[-1] and used + need > width:
            blocks.append([])
            used = label_width
        blocks[-1].append(result)
        used += need
    return blocks


def _table(title: str, results: list[Result], first: Result, lang: str, difference: bool, description: str | None = None):
    from rich import box
    from rich.table import Table
    from rich.text import Text as RichText

    heading = styled(title) + styled("\n" + description, "dim") if description else styled(title)
    table = Table(title=heading, caption=styled(HEADINGS["per_year"](lang)), box=box.SIMPLE_HEAVY, title_justify="left")
    table.add_column(HEADINGS["line"](lang), no_wrap=True)
    for result in results:
        table.add_column(styled(result.placement.name), justify="right", overflow="fold", min_width=12)
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
    table.add_row(HEADINGS["verdict"](lang), *[RichText(verdict(r.balance, lang), no_wrap=True) for r in results])
    if difference:
        table.add_row(difference_label(first, lang), *["" if r is first else euro(r.balance - first.balance, lang) for r in results])
    return table


def render_warnings(results: list[Result], lang: str, out) -> None:
    """Each distinct warning once, with the columns it concerns when not all of them."""
    lines = numbered_warnings(results, lang)
    if not lines:
        return
    out.print(bold(HEADINGS["warnings"](lang)))
    for text in lines:
        out.print(text)


def render_receipt(receipt, lang: str = "nl", file=None) -> None:
    """The footer: tool version, parameter data and its newest date, so a memo's figure can be reproduced."""
    console(file).print(receipt.line(lang), style="dim")
