"""`--word FILE.docx`: an annex for a raadsvoorstel (python-docx, imported only here).

Per scenario file: its title and description, the inputs and the table as in the terminal (with
the verdicts), the benefits-and-costs chart as a picture, who pays whom (each party's table from
report/perspective.py with its balance in words), the assumptions and warnings, and the
sources of every parameter used; at the end the receipt. Text from files goes in as text runs,
never as fields or markup; the file is written like the workbook (report/safewrite.py).
"""
from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

from ..core.accounts import BY_KEY, EMPLOYER, MUNICIPALITY, SOCIETY, STATE, VIEWS, WORKER
from ..core.engine import Result
from ..core.text import Text, euro, with_unit
from .explain import STATUS
from .labels import HEADINGS, verdict
from .layout import Row, numbered_warnings, summary_rows

COLUMNS_PER_TABLE = 5    # what fits a landscape A4 page next to the labels


def write(path, runs: list, lang: str = "nl", force: bool = False, receipt=None, caseload=None) -> Path:
    from .safewrite import check_target, write_atomic

    check_target(Path(path), force)
    buffer = io.BytesIO()
    build(runs, lang, receipt, caseload).save(buffer)
    return write_atomic(path, buffer.getvalue(), force=force)


def build(runs: list, lang: str = "nl", receipt=None, caseload=None):
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
    if caseload is not None:
        _caseload(doc, caseload, lang)
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

    _parties(doc, results, lang)

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
    rows = [Row("heading", HEADINGS["line"](lang), tuple(r.placement.name for r in results))]
    rows += summary_rows(results, lang, first, difference)

    from docx.enum.text import WD_ALIGN_PARAGRAPH

    table = doc.add_table(rows=len(rows), cols=len(results) + 1)
    table.style = "Light List"
    for row, cells in zip(rows, (r.cells for r in table.rows)):    # row by row: table.cell() is quadratic
        for j, (cell, text) in enumerate(zip(cells, (("  " if row.kind == "line" else "") + row.label, *row.cells))):
            paragraph = cell.paragraphs[0]
            run = paragraph.add_run(text)
            run.bold = row.kind in ("heading", "total", "balance")
            if j > 0:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT


# How a sentence names each view ("Voor de gemeente is het saldo ..."); a party not listed here
# is named by its label.
SUBJECT = {
    EMPLOYER: Text("de werkgever", "the employer"), MUNICIPALITY: Text("de gemeente", "the municipality"),
    STATE: Text("het Rijk", "the state"), WORKER: Text("de werknemer", "the worker"),
    SOCIETY: Text("de maatschappij (alle partijen samen)", "society (all parties together)"),
}
PARTIES_HEAD = {
    "heading": Text("Wie betaalt wie", "Who pays whom"),
    "intro": Text("Elk bedrag gaat van een betaler naar een ontvanger. Per partij: wat zij per plek per jaar ontvangt, "
                  "wat zij betaalt en het saldo. Voor de maatschappij vallen de betalingen tussen de partijen weg.",
                  "Every amount goes from a payer to a payee. Per party: what it receives and pays per placement per "
                  "year, and its balance. For society the payments between the parties cancel out."),
    "sentence": Text("Voor {subject} is het saldo van {column} {amount}: {word}.",
                     "For {subject} the balance of {column} is {amount}: {word}."),
    "deficit": Text("een tekort", "a deficit"),
    "even": Text("sluitend", "break-even"),
    "surplus": Text("een overschot", "a surplus"),
}


def balance_sentence(view: str, column: str, balance, lang: str) -> str:
    """'Voor de gemeente is het saldo van 31 uur -€ 1.995: een tekort.' (to the euro, as in the table)."""
    subject = SUBJECT[view](lang) if view in SUBJECT else BY_KEY[view].label(lang)
    if verdict(balance, lang) != verdict(Decimal(0), lang):     # a deficit to the euro, as the table's verdict
        word = PARTIES_HEAD["deficit"](lang)
    elif euro(balance, lang) == euro(Decimal(0), lang):
        word = PARTIES_HEAD["even"](lang)
    else:
        word = PARTIES_HEAD["surplus"](lang)
    return PARTIES_HEAD["sentence"](lang).format(subject=subject, column=column, amount=euro(balance, lang), word=word)


def _parties(doc, results: list[Result], lang: str) -> None:
    """'Wie betaalt wie': per view (core/accounts.py VIEWS) its table from report/perspective.py,
    the balance of every column in words and the notes."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    from .perspective import HEAD, party_table

    doc.add_heading(PARTIES_HEAD["heading"](lang), level=2)
    doc.add_paragraph(PARTIES_HEAD["intro"](lang))
    for account in VIEWS:
        notes: dict[str, None] = {}
        for start in range(0, len(results), COLUMNS_PER_TABLE):
            block = results[start:start + COLUMNS_PER_TABLE]
            layout = party_table(block, account.key, lang)
            if start == 0:
                doc.add_heading(layout.title, level=3)
            rows = [Row("header", account.label(lang), tuple(r.placement.name for r in block)), *layout.rows]
            table = doc.add_table(rows=len(rows), cols=len(block) + 1)
            table.style = "Light List"
            _repeat_header(table.rows[0])
            for row, cells in zip(rows, (r.cells for r in table.rows)):    # row by row: table.cell() is quadratic
                for j, (cell, text) in enumerate(zip(cells, (("  " if row.kind == "line" else "") + row.label, *row.cells))):
                    paragraph = cell.paragraphs[0]
                    run = paragraph.add_run(text)
                    run.bold = row.kind in ("header", "heading", "total", "balance")
                    if j > 0:
                        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            notes.update(dict.fromkeys(layout.notes))
            doc.add_paragraph(" ".join(balance_sentence(account.key, r.placement.name, r.views()[account.key].balance, lang)
                                       for r in block))
        for note in notes:
            doc.add_paragraph(note).runs[0].italic = True
    doc.add_paragraph(HEAD["rule"](lang)).runs[0].italic = True


def _repeat_header(row) -> None:
    """Word repeats this row at the top of every page the table runs onto."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _caseload(doc, result, lang: str) -> None:
    """A caseload: the tables per year (per municipality and per employer model), the targets, the
    chart of the yearly totals, the warnings and the sources."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    from .caseload_layout import party_table, target_table, year_tables
    from .caseload_report import summary_line

    scenario = result.scenario
    doc.add_heading(scenario.name, level=1)
    if scenario.description:
        doc.add_paragraph(scenario.description)
    doc.add_paragraph(summary_line(result, lang) + Text(f". Bestand: {scenario.file}.", f". File: {scenario.file}.")(lang))
    tables = (year_tables(result, "municipality", lang) + year_tables(result, "employer_model", lang)
              + [party_table(result, lang)])
    targets = target_table(result, lang)
    for table in tables + ([targets] if targets is not None else []):
        doc.add_heading(table.title, level=2)
        rows = [table.headers, *table.rows] + ([table.total] if table.total is not None else [])
        grid = doc.add_table(rows=len(rows), cols=len(table.headers))
        grid.style = "Light List"
        for i, (row, cells) in enumerate(zip(rows, (r.cells for r in grid.rows))):
            for j, (cell, text) in enumerate(zip(cells, row)):
                paragraph = cell.paragraphs[0]
                run = paragraph.add_run(text)
                run.bold = i == 0 or (table.total is not None and i == len(rows) - 1)
                if j >= table.text_columns:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        doc.add_paragraph(table.note).runs[0].italic = True

    from .chart import render as chart

    years = result.year_results()
    doc.add_picture(io.BytesIO(chart(years, lang, "png", scenario.name)), width=Cm(min(25.0, 6 + 3.2 * len(years))))
    if result.warnings:
        doc.add_heading(Text("Aannames en waarschuwingen", "Assumptions and warnings")(lang), level=2)
        for i, warning in enumerate(result.warnings, 1):
            doc.add_paragraph(f"{i}. {warning(lang)}")
    doc.add_heading(Text("Bronnen", "Sources")(lang), level=2)
    for pv in result.params:
        since = f" ({Text('vanaf', 'from')(lang)} {pv.since.isoformat()})" if pv.since else ""
        status = STATUS.get(pv.status, Text.same(pv.status))(lang)
        doc.add_paragraph(f"{pv.name} = {with_unit(pv.value, pv.unit, lang)}{since} [{status}]: {pv.source}", style="List Bullet")
