"""Issue 19 item 3: the Word annex's "Wie betaalt wie" and the chart's per-party balances. Every
view (core/accounts.py VIEWS) has its table from report/perspective.py with the engine's balances,
a sentence per column says the balance in words, and no internal key reaches the council's text."""
from __future__ import annotations

import docx
import pytest
from typer.testing import CliRunner

from beschut_calc.cli import app
from beschut_calc.core.accounts import VIEWS
from beschut_calc.core.text import euro
from conftest import SCENARIOS

PAYROLL = SCENARIOS / "zaanstreek-waterland-2017-payroll.yaml"
BALANCE_LABEL = {"employer": "Saldo werkgever", "municipality": "Saldo gemeente", "state": "Saldo Rijk",
                 "worker": "Saldo werknemer", "society": "Saldo maatschappij"}
TITLES = {"employer": "Werkgever: wat deze partij", "municipality": "Gemeente: wat deze partij",
          "state": "Rijk (met UWV en Belastingdienst): wat deze partij", "worker": "Werknemer: wat deze partij",
          "society": "Maatschappij: de partijen samen"}
SUBJECTS = {"employer": "de werkgever", "municipality": "de gemeente", "state": "het Rijk", "worker": "de werknemer",
            "society": "de maatschappij (alle partijen samen)"}


def invoke(*args):
    return CliRunner().invoke(app, [*map(str, args)])


@pytest.fixture(scope="module")
def engine():
    """The columns of the payroll scenario, straight from the engine."""
    from beschut_calc.core.engine import calculate
    from beschut_calc.inputs.load import load_scenario
    from beschut_calc.inputs.parameter_files import load_parameters

    scenario = load_scenario(PAYROLL)
    book = load_parameters()
    return [calculate(p, book) for p in scenario.placements]


@pytest.fixture(scope="module")
def annex(tmp_path_factory):
    folder = tmp_path_factory.mktemp("annex")
    target, chart = folder / "bijlage.docx", folder / "grafiek.png"
    result = invoke(PAYROLL, "--word", target, "--chart", chart)
    assert result.exit_code == 0, result.output
    return docx.Document(str(target)), chart


def all_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def party_tables(document) -> dict[str, list[list[str]]]:
    """The tables whose header row names a view, by view key."""
    labels = {account.label("nl"): account.key for account in VIEWS}
    found = {}
    for table in document.tables:
        rows = [[cell.text for cell in row.cells] for row in table.rows]
        if rows[0][0] in labels:
            found[labels[rows[0][0]]] = rows
    return found


def test_the_annex_has_one_table_per_view_with_the_engine_balances(annex, engine):
    document, _ = annex
    tables = party_tables(document)
    assert list(tables) == [account.key for account in VIEWS]
    names = [r.placement.name for r in engine]
    for key, rows in tables.items():
        assert rows[0][1:] == names
        balance = next(row for row in rows if row[0] == BALANCE_LABEL[key])
        assert balance[1:] == [euro(r.views()[key].balance) for r in engine], key
        received = next(row for row in rows if row[0] == "Totaal ontvangen")
        paid = next(row for row in rows if row[0] == "Totaal betaald")
        assert received[1:] == [euro(r.views()[key].received) for r in engine], key
        assert paid[1:] == [euro(r.views()[key].paid) for r in engine], key
    # society is the parties together: transfers cancel, so its balance is the sum of the four
    for r in engine:
        views = r.views()
        assert views["society"].balance == sum(views[a.key].balance for a in VIEWS if a.key != "society")


def test_the_section_has_its_heading_titles_and_a_balance_sentence_per_column(annex, engine):
    document, _ = annex
    paragraphs = [p.text for p in document.paragraphs]
    assert "Wie betaalt wie" in paragraphs
    text = "\n".join(paragraphs)
    for key, title in TITLES.items():
        assert any(p.startswith(title) for p in paragraphs), title
        for r in engine:
            balance = r.views()[key].balance
            amount = euro(balance)
            word = "een tekort" if amount.startswith("-") else "sluitend" if amount == "€ 0" else "een overschot"
            sentence = f"Voor {SUBJECTS[key]} is het saldo van {r.placement.name} {amount}: {word}."
            assert sentence in text, sentence
    assert "Saldo = wat de partij ontvangt − wat zij betaalt." in text
    # the section comes after the summary table and before the warnings
    assert paragraphs.index("Wie betaalt wie") < paragraphs.index("Aannames en waarschuwingen")


def section_text(document) -> str:
    """The text of "Wie betaalt wie": its paragraphs up to the next section, and the party tables."""
    paragraphs = [p.text for p in document.paragraphs]
    start = paragraphs.index("Wie betaalt wie")
    end = paragraphs.index("Aannames en waarschuwingen")
    tables = party_tables(document)
    return "\n".join(paragraphs[start:end] + ["\t".join(row) for rows in tables.values() for row in rows])


def test_no_internal_key_reaches_the_annex(annex, engine):
    document, _ = annex
    section = section_text(document)
    keys = {flow.key for r in engine for flow in r.flows} | {account.key for account in VIEWS}
    keys |= {"rijk_guidance", "employer_invoice", "municipality", "employer", "state", "worker", "society", "outside"}
    for key in sorted(keys):
        assert key not in section, key
    # the warnings and sources name parameters on purpose (they are what overrides: changes), but
    # no flow key that is not a parameter and no party key appears anywhere in the annex
    text = all_text(document)
    for key in ("rijk_guidance", "rijk_wage_subsidy", "rijk_bonus", "employer_invoice", "wage_cost_mark_up",
                "municipality", "society", "outside"):
        assert key not in text, key


def test_party_tables_repeat_their_header_row_on_a_new_page(annex):
    document, _ = annex
    for rows_table in (t for t in document.tables if t.rows[0].cells[0].text in {a.label("nl") for a in VIEWS}):
        xml = rows_table.rows[0]._tr.xml
        assert "tblHeader" in xml


def test_the_chart_is_written_with_the_party_balances(annex):
    _, chart = annex
    assert chart.read_bytes().startswith(b"\x89PNG")


def test_the_chart_svg_names_every_party(tmp_path):
    target = tmp_path / "g.svg"
    assert invoke(PAYROLL, "--chart", target).exit_code == 0
    svg = target.read_text(encoding="utf-8")
    assert "Wie betaalt wie" in svg
    for account in VIEWS:
        assert account.label("nl").replace("&", "&amp;") in svg, account.key
    english = tmp_path / "en.svg"
    assert invoke(PAYROLL, "--chart", english, "--lang", "en").exit_code == 0
    assert "Who pays whom" in english.read_text(encoding="utf-8")


def test_the_english_annex_has_the_section_too(tmp_path, engine):
    target = tmp_path / "annex.docx"
    result = invoke(PAYROLL, "--word", target, "--lang", "en")
    assert result.exit_code == 0, result.output
    document = docx.Document(str(target))
    text = all_text(document)
    assert "Who pays whom" in text
    municipality = engine[0].views()["municipality"].balance
    assert f"For the municipality the balance of {engine[0].placement.name} is {euro(municipality, 'en')}" in text


def test_own_employment_gets_the_note_once(tmp_path):
    target = tmp_path / "eigen.docx"
    assert invoke(SCENARIOS / "zaanstreek-waterland-2017.yaml", "--word", target).exit_code == 0
    paragraphs = [p.text for p in docx.Document(str(target)).paragraphs]
    note = "De werkgever is de gemeente zelf (eigen dienst): zijn ontvangsten en betalingen staan bij de gemeente."
    assert paragraphs.count(note) == 1


def test_many_columns_are_split_over_tables_and_every_column_gets_its_sentence(tmp_path):
    path = tmp_path / "s.yaml"
    variants = "".join(f"  - name: {hours} uur\n    hours: {hours}\n" for hours in (12, 16, 20, 24, 28, 31, 36))
    path.write_text(f"name: t\nyear: 2026\nwage_value: 30%\nvariants:\n{variants}", encoding="utf-8")
    target = tmp_path / "b.docx"
    result = invoke(path, "--word", target)
    assert result.exit_code == 0, result.output
    document = docx.Document(str(target))
    headers = [[c.text for c in t.rows[0].cells] for t in document.tables if t.rows[0].cells[0].text == "Gemeente"]
    assert [h[1:] for h in headers] == [["12 uur", "16 uur", "20 uur", "24 uur", "28 uur"], ["31 uur", "36 uur"]]
    text = "\n".join(p.text for p in document.paragraphs)
    for hours in (12, 16, 20, 24, 28, 31, 36):
        assert f"Voor de gemeente is het saldo van {hours} uur " in text
