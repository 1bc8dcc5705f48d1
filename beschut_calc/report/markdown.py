"""`--format markdown`: the summary table as Markdown for memo drafts and tickets.

Same rows, Dutch amounts ('€ 32.100', '-€ 400') and verdicts as the terminal table,
then the warnings as a numbered list. Text from YAML is escaped so a name with `|` or
`*` cannot break the table or turn into formatting, and control characters are shown, never sent.
"""
from __future__ import annotations

import re

from ..core.engine import Result
from ..core.errors import visible
from .labels import HEADINGS
from .layout import numbered_warnings, subsidy_set_lines, summary_rows

_SPECIAL = re.compile(r"([\\`*\[\]<>|&~])")
# An underscore inside a word (employer_charges) is literal in CommonMark; only edges can emphasise.
_EDGE_UNDERSCORE = re.compile(r"(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])")


def escape(text: str) -> str:
    """Plain text for a Markdown table cell: special characters escaped, one line. Control characters,
    escape codes and bidi overrides from the file are written as escapes (core/errors.py `visible`),
    so Markdown printed to a terminal cannot move the cursor, recolour it or reverse the text."""
    text = _SPECIAL.sub(r"\\\1", visible(" ".join(str(text).split())))
    return _EDGE_UNDERSCORE.sub(r"\\_", text)


def _bold(text: str) -> str:
    return f"**{text}**"


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def render(title: str, results: list[Result], lang: str = "nl", difference: bool = False,
           description: str | None = None) -> str:
    """One scenario as a Markdown heading, its description, table, caption and warning list."""
    out = [f"### {escape(title)}", ""] + ([escape(description), ""] if description else [])
    out.append(_row([HEADINGS["line"](lang)] + [escape(r.placement.name) for r in results]))
    out.append(_row(["---"] + ["---:"] * len(results)))
    for row in summary_rows(results, lang, difference=difference and len(results) > 1):
        strong = row.kind in ("heading", "total", "balance")
        out.append(_row([_bold(escape(text)) if strong and text else escape(text) for text in (row.label, *row.cells)]))
    out += ["", f"_{HEADINGS['per_year'](lang)}_", ""]
    out += [line for text in subsidy_set_lines(results, lang) for line in (escape(text), "")]
    lines = numbered_warnings(results, lang, words=True)
    if lines:
        out += [f"**{HEADINGS['warnings'](lang)}**", ""]
        out += [escape(text) for text in lines]
        out.append("")
    return "\n".join(out) + "\n"


def render_sections(sections) -> str:
    """The analyses (report/analyses.py document_sections) as Markdown: a heading, the text and the tables."""
    out = []
    for section in sections:
        out += [f"### {escape(section.title)}", ""]
        for text in section.before:
            out += [escape(text), ""]
        for table in section.tables:
            if table.title:
                out += [f"**{escape(table.title)}**", ""]
            out.append(_row([escape(h) for h in table.headers]))
            out.append(_row(["---"] * table.fixed + ["---:"] * (len(table.headers) - table.fixed)))
            for i, row in enumerate(table.rows):
                out.append(_row([_bold(escape(c)) if i in table.bold and c else escape(c) for c in row]))
            out.append("")
        for text in section.after:
            out += [escape(text), ""]
    return "\n".join(out) + ("\n" if out else "")


def render_receipt(receipt, lang: str = "nl") -> str:
    return f"_{escape(receipt.line(lang))}_\n"
