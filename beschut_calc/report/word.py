"""`--word FILE.docx`: an annex for a raadsvoorstel (python-docx, imported only here).

Per scenario file: its title and description, the inputs and the table as in the terminal (with
the verdicts), the benefits-and-costs chart as a picture, the assumptions and warnings, and the
sources of every parameter used; at the end the receipt. Text from files goes in as text runs,
never as fields or markup; the file is written like the workbook (report/safewrite.py).
"""
from __future__ import annotations

import io
from pathlib import Path

from ..core.engine import Result
from ..core.text import Text, euro, with_unit
from .explain import STATUS
from .labels import HEADINGS, verdict
from .layout import INPUT_ROWS, amount_of, difference_label, label_of, numbered_warnings, row_keys

COLUMNS_PER_TABLE = 5    # what fits a landscape A4 page next to the labels


def write(path, runs: list, lang: str = "nl", force: bool = False, receipt=None) -> Path:
    from .safewrite import check_target, write_atomic

    check_target(Path(path), force)
    buffer = io.BytesIO()
    build(runs, lang, receipt).save(buffer)
    return write_atomic(path, buffer.getvalue(), force=force)


def build(runs: list, lang: str = "nl", receipt=None):
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt

    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.8))
    doc.styles["Normal"].font.size = Pt(9.5)

    doc.add_heading(Text("Bijlage: businesscase beschut werk", "Annex: business case for sheltered work")(lang), level=0)
    for scenario, results in runs:
        _scenario(doc, scenario, results, lang)
    if receipt is not None:
        doc.add_paragraph().add_run(receipt.line(lang)).italic = True
    return doc


def _scenario(doc, scenario, results: list[Result], lang: str) -> None:
    from docx.shared import Cm

    doc.add_heading(scenario.name, level=1)
    if scenario.description:
        doc.add_paragraph(scenario.description)
    per_year = HEADINGS["per_year"](lang)
    doc.add_paragraph(Text(f"Bestand: {scenario.file}. ", f"File: {scenario.file}. ")(lang) + per_year[:1].upper() + per_year[1:] + ".")
    difference = "compare" in scenario.extra and len(results) > 1
    for start in range(0, len(results), COLUMNS_PER_TABLE):
        _table(doc, results[start:start + COLUMNS_PER_TABLE], results[0], lang, difference)
        doc.add_paragraph()

    from .chart import render as chart

    doc.add_picture(io.BytesIO(chart(results, lang, "png", scenario.name)), width=Cm(min(25.0, 6 + 3.2 * len(results))))

    warnings = numbered_warnings(results, lang)
    if warnings:
        doc.add_heading(Text("Aannames en waarschuwingen", "Assumptions and warnings")(lang), level=2)
        for text in warnings:
            doc.add_paragraph(text)

    doc.add_heading(Text("Bronnen", "Sources")(lang), level=2)
    seen: dict[str, None] = {}
    for result in results:
        for line in result.lines:
            for pv in line.params:
                since = f" ({Text('vanaf', 'from')(lang)} {pv.since.isoformat()})" if pv.since else ""
                status = STATUS.get(pv.status, Text.same(pv.status))(lang)
                seen.setdefault(f"{pv.name} = {with_unit(pv.value, pv.unit, lang)}{since} [{status}]: {pv.source}", None)
    for text in seen:
        doc.add_paragraph(text, style="List Bullet")


def _table(doc, results: list[Result], first: Result, lang: str, difference: bool) -> None:
    rows: list[tuple[str, list[str], bool]] = [(HEADINGS["line"](lang), [r.placement.name for r in results], True)]
    rows += [(label(lang), [getter(r.placement, lang) for r in results], False) for label, getter in INPUT_ROWS]
    for side, heading, total_key, total in (("benefit", "benefits", "total_benefits", lambda r: r.benefits),
                                             ("cost", "costs", "total_costs", lambda r: r.costs)):
        rows.append((HEADINGS[heading](lang), [""] * len(results), True))
        for key in row_keys([first] + results, side):
            rows.append(("  " + label_of([first] + results, key, lang),
                         ["-" if amount_of(r, key) is None else euro(amount_of(r, key), lang) for r in results], False))
        rows.append((HEADINGS[total_key](lang), [euro(total(r), lang) for r in results], True))
    rows.append((HEADINGS["balance"](lang), [euro(r.balance, lang) for r in results], True))
    rows.append((HEADINGS["verdict"](lang), [verdict(r.balance, lang) for r in results], False))
    if difference:
        rows.append((difference_label(first, lang), ["" if r is first else euro(r.balance - first.balance, lang) for r in results], False))

    from docx.enum.text import WD_ALIGN_PARAGRAPH

    table = doc.add_table(rows=len(rows), cols=len(results) + 1)
    table.style = "Light List"
    for i, (label, cells, bold) in enumerate(rows):
        for j, text in enumerate([label] + cells):
            paragraph = table.cell(i, j).paragraphs[0]
            run = paragraph.add_run(text)
            run.bold = bold
            if j > 0:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
