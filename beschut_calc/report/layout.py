"""The summary table's layout, shared by the terminal, Markdown and Excel reports: which
input rows, which line rows in which order, their labels, and the warnings per column."""
from __future__ import annotations

from typing import NamedTuple

import re as _re
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


class Row(NamedTuple):
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


def grouped_warnings(results: list[Result], lang: str, words: bool = False) -> dict[str, list[str]]:
    """Each distinct warning once, with the names of the columns it concerns; `words`: for a council,
    parameters by their labels (report/labels.py in_words)."""
    from .labels import in_words

    seen: dict[str, list[str]] = {}
    for result in results:
        for warning in result.warnings:
            text = in_words(warning(lang), lang) if words else warning(lang)
            columns = seen.setdefault(text, [])
            if result.placement.name not in columns:
                columns.append(result.placement.name)
    return seen


def numbered_warnings(results: list[Result], lang: str, words: bool = False) -> list[str]:
    """'1. text', with the columns named when a warning does not concern all of them."""
    out = []
    for i, (text, columns) in enumerate(grouped_warnings(results, lang, words).items(), 1):
        where = "" if len(columns) == len(results) else f" [{', '.join(columns)}]"
        out.append(f"{i}. {text}{where}")
    return out


# ---------------------------------------------------------------- fitting a terminal's width

# An amount ("-€ 4.417", "EUR 12"), a percentage ("30 %") or hours ("24 uur") is one unit: never split over two lines.
_UNIT = _re.compile(r"-?(?:€|EUR) ?-?\d[\d.,]*|\d[\d.,]* (?:%|uur|hours)(?![\w])")
_GLUE = "\x00"


def units(text: str) -> list[str]:
    """The pieces of `text` a line may not split: words, with an amount and its sign kept whole."""
    return [word.replace(_GLUE, " ") for word in _UNIT.sub(lambda m: m.group(0).replace(" ", _GLUE), str(text)).split()]


def wrap_units(text: str, width: int, indent: str = "") -> list[str]:
    """`text` in lines of at most `width` (a unit longer than that stands alone), breaking only between
    units: '-€' never ends a line without its '4.417'."""
    import textwrap

    glued = _UNIT.sub(lambda m: m.group(0).replace(" ", _GLUE), str(text))
    lines = textwrap.wrap(glued, max(width, 10), subsequent_indent=indent, break_long_words=False, break_on_hyphens=False)
    return [line.replace(_GLUE, " ") for line in lines] or [""]


def fit_blocks(fixed: int, needs: list[int], width: int) -> list[list[int]]:
    """Indices of columns in groups whose table fits `width`. A rich table of the SIMPLE_HEAVY box puts a space
    of padding either side of every column and one at the edge: the `fixed` columns take `fixed` (their widths
    + 3 each, + 1) and every other column its width + 3. Each group has at least one column."""
    blocks: list[list[int]] = [[]]
    used = fixed
    for i, need in enumerate(needs):
        if blocks[-1] and used + need + 3 > width:
            blocks.append([])
            used = fixed
        blocks[-1].append(i)
        used += need + 3
    if len(blocks) > 1:      # as even as fits: five years as 3 + 2, not 4 + 1
        size = -(-len(needs) // len(blocks))
        even = [list(range(k, min(k + size, len(needs)))) for k in range(0, len(needs), size)]
        if len(even) == len(blocks) and all(fixed + sum(needs[i] + 3 for i in block) <= width for block in even):
            return even
    return blocks


def print_wrapped(con, text: str, indent: str = "", style: str = "") -> None:
    """A sentence on the console in lines that fit it, amounts whole (rich would break '-€ 4.417' at its space)."""
    from .rich_text import styled

    for line in wrap_units(text, con.width, indent):
        con.print(styled(line, style), no_wrap=True, overflow="ignore", crop=False)


# ---------------------------------------------------------------- the subsidy set in words

NO_SET = "geen"


def subsidy_set_lines(results: list[Result], lang: str) -> list[str]:
    """What each subsidy set of the table means ('Gebruikte subsidieset rijk: Rijksmiddelen per plek doorgegeven ...'),
    and, for a column without one, that the employer then gets only the statutory wage subsidy."""
    out = []
    for subsidy_set in {r.placement.subsidy_set.name: r.placement.subsidy_set for r in results}.values():
        title = subsidy_set.title(lang) if hasattr(subsidy_set, "title") and subsidy_set.title is not None else ""
        line = Text(f"Gebruikte subsidieset {subsidy_set.name}: {title}.", f"Subsidy set used, {subsidy_set.name}: {title}.")(lang)
        if subsidy_set.name == NO_SET:
            line += " " + Text("De werkgever krijgt dan alleen de loonkostensubsidie en het belastingvoordeel; de rijksmiddelen "
                               "voor begeleiding die de gemeente per plek krijgt, geeft zij niet door. Met de subsidieset rijk geeft "
                               "de gemeente ze door, met een regionale set (zaanstreek-waterland-2017, arnhem-2017) rekent u "
                               "met de afspraken van die regio.",
                               "The employer then gets only the wage subsidy and the tax advantage; the national guidance funding "
                               "the municipality receives per place is not passed on. The subsidy set rijk passes it on; a regional set "
                               "(zaanstreek-waterland-2017, arnhem-2017) uses that region's arrangements.")(lang)
        # a regional set named after its year ('zaanstreek-waterland-2017') describes that year's arrangements
        named = _re.search(r"(?<!\d)(20\d\d)$", subsidy_set.name)
        years = sorted({r.placement.year for r in results if r.placement.subsidy_set.name == subsidy_set.name})
        if named and any(year != int(named.group(1)) for year in years):
            line += " " + Text(f"Deze set beschrijft de afspraken van {named.group(1)}; of ze in {', '.join(map(str, years))} nog "
                               "gelden, is niet nagegaan: controleer de bedragen bij de regio of kies een eigen set.",
                               f"This set describes the arrangements of {named.group(1)}; whether they still apply in "
                               f"{', '.join(map(str, years))} has not been checked: verify the amounts with the region or "
                               "choose a set of your own.")(lang)
        out.append(line)
    return out
