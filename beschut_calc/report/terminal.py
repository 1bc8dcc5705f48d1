"""The terminal table in the memo's layout: one column per placement, Dutch by default."""
from __future__ import annotations


from ..core.engine import Result
from .labels import HEADINGS
from .rich_text import bold, console, dim, signed, styled
from .layout import numbered_warnings, summary_rows

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
    from .layout import print_wrapped, subsidy_set_lines

    for line in subsidy_set_lines(results, lang):
        print_wrapped(out, line, style="dim")
    render_warnings(results, lang, out)


def column_blocks(results: list[Result], lang: str, width: int, difference: bool = False) -> list[list[Result]]:
    """Results in groups that fit `width` next to the label column. A rich table of this box is
    1 + (label + 3) + the sum of (column + 3) wide (padding either side and a separator)."""
    rows = summary_rows(results, lang, difference=difference)
    labels = [HEADINGS["line"](lang)] + [("  " if row.kind == "line" else "") + row.label for row in rows]
    label_width = max(len(text) for text in labels) + 4
    blocks: list[list[Result]] = [[]]
    used = label_width
    for i, result in enumerate(results):
        # the verdict is never wrapped, no word of a cell (zaanstreek-waterland-2017) split; a longer name wraps
        verdict_cell = next(row.cells[i] for row in rows if row.kind == "verdict")
        words = [word for row in rows for word in row.cells[i].split()]
        need = max(12, len(verdict_cell), min(len(result.placement.name), 20), min(max(map(len, words)), 30)) + 3
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
    rows = summary_rows(results, lang, first, difference)
    for row, following in zip(rows, rows[1:] + [None]):
        if row.kind == "input":
            table.add_row(dim(row.label), *map(dim, row.cells))
        elif row.kind in ("heading", "total"):
            table.add_row(bold(row.label), *map(bold, row.cells))
        elif row.kind == "line":
            table.add_row(styled("  " + row.label), *row.cells)
        elif row.kind == "balance":
            table.add_row(bold(row.label), *[signed(cell, bold_=True) for cell in row.cells])
        elif row.kind == "verdict":
            table.add_row(row.label, *[RichText(cell, no_wrap=True) for cell in row.cells])
        else:
            table.add_row(styled(row.label), *row.cells)
        if row.kind == "total" or (row.kind == "input" and following is not None and following.kind != "input"):
            table.add_section()
    return table


def render_warnings(results: list[Result], lang: str, out) -> None:
    """Each distinct warning once, with the columns it concerns when not all of them."""
    lines = numbered_warnings(results, lang)
    if not lines:
        return
    from .layout import print_wrapped

    out.print(bold(HEADINGS["warnings"](lang)))
    for text in lines:
        print_wrapped(out, text)


def render_receipt(receipt, lang: str = "nl", file=None) -> None:
    """The footer: tool version, parameter data and its newest date, so a memo's figure can be reproduced."""
    console(file).print(receipt.line(lang), style="dim")
