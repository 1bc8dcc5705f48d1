"""`--word FILE.docx`: an annex for a raadsvoorstel (python-docx, imported only here).

Per scenario file: its title and description, the inputs and the table as in the terminal (with
the verdicts), the benefits-and-costs chart as a picture, who pays whom (each party's table from
report/perspective.py with its balance in words), the assumptions and warnings, and the
sources of every parameter used; at the end the receipt. Text from files goes in as text runs,
never as fields or markup; the file is written like the workbook (report/safewrite.py).
"""
from __future__ import annotations

import io
import re
from decimal import Decimal
from pathlib import Path

from ..core.accounts import BY_KEY, EMPLOYER, MUNICIPALITY, SOCIETY, STATE, VIEWS, WORKER
from ..core.engine import Result
from ..core.text import Text, euro
from .explain import STATUS
from .labels import HEADINGS, verdict
from .layout import Row, numbered_warnings, summary_rows

COLUMNS_PER_TABLE = 5    # what fits a landscape A4 page next to the labels


def write(path, runs: list, lang: str = "nl", force: bool = False, receipt=None, caseload=None, analyses=None) -> Path:
    from .safewrite import check_target, write_atomic

    check_target(Path(path), force)
    buffer = io.BytesIO()
    build(runs, lang, receipt, caseload, analyses).save(buffer)
    return write_atomic(path, buffer.getvalue(), force=force)


def build(runs: list, lang: str = "nl", receipt=None, caseload=None, analyses=None):
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
    if analyses is not None:
        _analyses(doc, analyses, runs, lang)
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
    from .layout import subsidy_set_lines

    for text in subsidy_set_lines(results, lang):
        doc.add_paragraph(text)

    from .chart import render as chart

    doc.add_picture(io.BytesIO(chart(results, lang, "png", scenario.name)), width=Cm(min(25.0, 6 + 3.2 * len(results))))

    _parties(doc, results, lang)

    warnings = numbered_warnings(results, lang, words=True)
    if warnings:
        doc.add_heading(Text("Aannames en waarschuwingen", "Assumptions and warnings")(lang), level=2)
        for text in warnings:
            doc.add_paragraph(text)

    _sources(doc, [(r.placement.name, r.placement.year, list(r.parameters)) for r in results], lang)


def sources(columns: list[tuple[str, int, list]], lang: str) -> list[tuple[str, list[str]]]:
    """Each parameter once, by its label: (its line, the other values it takes in other columns). A value
    is 'value (vanaf date), status; bron: source', with the columns named when not all of them use it.
    The minimum wage of a payroll tariff's year (the mark-up's basis) is said with the mark-up, not
    as if it were this year's minimum wage."""
    from .labels import in_words, param_label, value_in_words

    found: dict[str, dict[tuple, list[str]]] = {}
    for column, year, params in columns:
        basis = {int(pv.value["year"]) for pv in params if isinstance(pv.value, dict) and "tariff" in pv.value and "year" in pv.value}
        for pv in params:
            if pv.since is not None and pv.since.year in basis and pv.since.year != year and pv.name.startswith("wml"):
                continue
            since = f" ({Text('vanaf', 'from')(lang)} {pv.since.isoformat()})" if pv.since else ""
            status = STATUS.get(pv.status, Text.same(pv.status))(lang)
            key = (f"{value_in_words(pv, lang)}{since}", status, in_words(pv.source, lang) if pv.source else "")
            names = found.setdefault(pv.name, {}).setdefault(key, [])
            if column not in names:
                names.append(column)
    all_columns = [column for column, _, _ in columns]
    out = []
    for name, values in found.items():
        texts = []
        for (value, status, source), names in values.items():
            where = "" if len(names) == len(all_columns) or len(all_columns) == 1 else f" [{', '.join(names)}]"
            texts.append(f"{value}, {status}{where}" + (f"; {Text('bron', 'source')(lang)}: {source}" if source else ""))
        out.append((param_label(name, lang)[:1].upper() + param_label(name, lang)[1:], texts))
    return out


def _sources(doc, columns, lang: str) -> None:
    doc.add_heading(Text("Bronnen", "Sources")(lang), level=2)
    for label, texts in sources(columns, lang):
        if len(texts) == 1:
            paragraph = doc.add_paragraph(style="List Bullet")
            paragraph.add_run(f"{label}: ").bold = True
            paragraph.add_run(texts[0])
            continue
        paragraph = doc.add_paragraph(style="List Bullet")
        paragraph.add_run(f"{label}:").bold = True
        for text in texts:
            doc.add_paragraph(text, style="List Bullet 2")


def _table(doc, results: list[Result], first: Result, lang: str, difference: bool) -> None:
    rows = [Row("heading", HEADINGS["line"](lang), tuple(r.placement.name for r in results))]
    rows += summary_rows(results, lang, first, difference)

    _rows_table(doc, rows, len(results), ("heading", "total", "balance"))


def _rows_table(doc, rows: list[Row], columns: int, bold: tuple[str, ...]):
    """A table of layout rows (report/layout.py Row): the label, then a right-aligned cell per column;
    the first row repeats on a new page and rows keep together. Filled row by row: table.cell() is quadratic."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    table = doc.add_table(rows=len(rows), cols=columns + 1)
    table.style = "Light List"
    _repeat_header(table.rows[0])
    for row, cells in zip(rows, (r.cells for r in table.rows)):
        for j, (cell, text) in enumerate(zip(cells, (("  " if row.kind == "line" else "") + row.label, *row.cells))):
            paragraph = cell.paragraphs[0]
            run = paragraph.add_run(text)
            run.bold = row.kind in bold
            if j > 0:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    keep_together(table)
    return table


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
    from .perspective import HEAD, memo_sentence, party_table

    doc.add_heading(PARTIES_HEAD["heading"](lang), level=2)
    doc.add_paragraph(PARTIES_HEAD["intro"](lang))
    for result in results:
        doc.add_paragraph(memo_sentence(result, lang))
    for account in VIEWS:
        notes: dict[str, None] = {}
        for start in range(0, len(results), COLUMNS_PER_TABLE):
            block = results[start:start + COLUMNS_PER_TABLE]
            layout = party_table(block, account.key, lang)
            if start == 0:
                doc.add_heading(layout.title, level=3)
            rows = [Row("header", account.label(lang), tuple(r.placement.name for r in block)), *layout.rows]
            _rows_table(doc, rows, len(block), ("header", "heading", "total", "balance"))
            notes.update(dict.fromkeys(layout.notes))
            doc.add_paragraph(" ".join(balance_sentence(account.key, r.placement.name, r.views()[account.key].balance, lang)
                                       for r in block))
        for note in notes:
            doc.add_paragraph(note).runs[0].italic = True
    doc.add_paragraph(HEAD["rule"](lang)).runs[0].italic = True


def keep_together(table) -> None:
    """A table that fits a page is not split over two, and never leaves its header row alone at the
    foot of a page: every row but the last keeps with the next, and no row breaks across pages."""
    from docx.oxml import OxmlElement

    rows = list(table.rows)
    for i, row in enumerate(rows):
        properties = row._tr.get_or_add_trPr()
        properties.append(OxmlElement("w:cantSplit"))
        if i < len(rows) - 1:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.keep_with_next = True


def text_table(doc, rows: list, bold: set, right_from: int) -> None:
    """A table of text, written as one piece of XML (issue 24): what add_table, add_run, _repeat_header
    and keep_together make cell by cell, at a fraction of the cost (2,000 municipalities took
    python-docx seconds per table). The first row is the header, repeated on every page; rows in
    `bold` are bold; columns from `right_from` on are right-aligned; every row but the last keeps
    with the next and no row breaks across pages."""
    from xml.sax.saxutils import escape

    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from lxml import etree

    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    columns = len(rows[0])
    grid = doc.add_table(rows=1, cols=columns)
    grid.style = "Light List"
    template = grid._tbl.tr_lst[0]
    widths = [etree.tostring(tc.tcPr).decode() if tc.tcPr is not None else "" for tc in template.tc_lst]
    widths = [re.sub(r"\sxmlns:\w+=\"[^\"]*\"", "", w) for w in widths]
    out = []
    last = len(rows) - 1
    for i, row in enumerate(rows):
        keep = "<w:keepNext/>" if i < last else ""
        run_props = "<w:rPr><w:b/></w:rPr>" if i in bold else ""
        cells = []
        for j in range(columns):
            text = str(row[j]) if j < len(row) else ""
            text = escape(ILLEGAL_CHARACTERS_RE.sub("\ufffd", text))
            align = '<w:jc w:val="right"/>' if j >= right_from else ""
            props = f"<w:pPr>{keep}{align}</w:pPr>" if keep or align else ""
            run = f'<w:r>{run_props}<w:t xml:space="preserve">{text}</w:t></w:r>' if text else ""
            cells.append(f"<w:tc>{widths[j]}<w:p>{props}{run}</w:p></w:tc>")
        header = '<w:tblHeader w:val="true"/>' if i == 0 else ""
        out.append(f"<w:tr><w:trPr><w:cantSplit/>{header}</w:trPr>{''.join(cells)}</w:tr>")
    built = parse_xml(f"<w:tbl {nsdecls('w')}>{''.join(out)}</w:tbl>")
    grid._tbl.remove(template)
    for tr in list(built):
        grid._tbl.append(tr)


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
        bold = {0} | ({len(rows) - 1} if table.total is not None else set())
        text_table(doc, rows, bold, table.text_columns)
        doc.add_paragraph(table.note).runs[0].italic = True

    from .chart import render as chart

    years = result.year_results()
    doc.add_picture(io.BytesIO(chart(years, lang, "png", scenario.name, per_place=False)), width=Cm(min(25.0, 6 + 3.2 * len(years))))
    if result.warnings:
        from .labels import in_words

        doc.add_heading(Text("Aannames en waarschuwingen", "Assumptions and warnings")(lang), level=2)
        for i, warning in enumerate(result.warnings, 1):
            doc.add_paragraph(f"{i}. {in_words(warning(lang), lang)}")
    _sources(doc, [(scenario.name, scenario.year, list(result.params))], lang)


# ---------------------------------------------------------------- analyses

def _analyses(doc, analyses, runs, lang: str) -> None:
    """--years, --sensitivity, --simulate, --sweep, --breakeven and the targets' budget, as the terminal
    shows them (report/analyses.py document_sections), in tables that keep together."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    from .analyses import document_sections

    sections = document_sections(analyses, runs, lang)
    if not sections:
        return
    doc.add_heading(Text("Analyses", "Analyses")(lang), level=1)
    for section in sections:
        doc.add_heading(section.title, level=2).paragraph_format.keep_with_next = True
        for text in section.before:
            doc.add_paragraph(text).paragraph_format.keep_with_next = bool(section.tables)
        for grid in section.tables:
            if grid.title:
                doc.add_paragraph().add_run(grid.title).bold = True
            for start in range(0, max(1, len(grid.headers) - grid.fixed), COLUMNS_PER_WIDE_TABLE):
                shown = list(range(grid.fixed)) + list(range(grid.fixed + start, min(len(grid.headers), grid.fixed + start + COLUMNS_PER_WIDE_TABLE)))
                rows = [grid.headers, *grid.rows]
                table = doc.add_table(rows=len(rows), cols=len(shown))
                table.style = "Light List"
                _repeat_header(table.rows[0])
                for i, (row, cells) in enumerate(zip(rows, (r.cells for r in table.rows))):
                    for j, (cell, k) in enumerate(zip(cells, shown)):
                        paragraph = cell.paragraphs[0]
                        paragraph.add_run(row[k]).bold = i == 0 or i in grid.bold
                        if k >= grid.fixed:
                            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                keep_together(table)
                doc.add_paragraph()
        for text in section.after:
            doc.add_paragraph(text)


COLUMNS_PER_WIDE_TABLE = 9    # amount columns beside the fixed ones on a landscape A4 page
