"""Issue 19 item 3: on each column sheet, the flows and a block per party as live formulas.

The flow rows and each view's receives, pays and balance (core/accounts.py VIEWS) are formulas
over the sheet's own cells. LibreOffice recalculates the exported workbook with its cached values
stripped (tests/lo_recalc.py); every such cell then equals the engine's Result.flows and
Result.views() to the cent, and so do the cached values report/excel_values.py writes.
"""
from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest

import lo_recalc
from lo_recalc import cell
from beschut_calc.cli import compute
from beschut_calc.core.accounts import PARTIES, SOCIETY, VIEWS
from beschut_calc.inputs.parameter_files import load_parameters
from beschut_calc.report import excel
from conftest import SCENARIOS

BOOK = load_parameters()
FILES = ("zaanstreek-waterland-2017-payroll.yaml", "werkgeversmodellen-2026.yaml", "zaanstreek-waterland-2017-herberekend.yaml",
         "maatschappelijke-businesscase-2025.yaml")      # issue 22: tax, bijstand and the alternative's flows
CENT = Decimal("0.005")
SIDES = ("receives", "pays", "balance")


def close(got, expected: Decimal, what: str) -> None:
    assert isinstance(got, (int, float)) and not isinstance(got, bool), f"{what}: {got!r} is not a number"
    assert abs(Decimal(repr(got)) - expected) < CENT, f"{what}: sheet {got}, engine {expected}"


def engine_sides(view) -> dict[str, Decimal]:
    return {"receives": view.received, "pays": view.paid, "balance": view.balance}


def assert_parties_match(values, results, layouts) -> None:
    """Every flow cell and every view's receives, pays and balance against the engine."""
    assert len(results) == len(layouts)
    for result, layout in zip(results, layouts):
        ws = values[layout.sheet]
        name = f"{layout.sheet}"
        assert set(layout.flows) == {flow.key for flow in result.flows}
        for flow in result.flows:
            close(ws[cell(layout.flows[flow.key])].value, flow.amount, f"{name} flow {flow.key}")
        views = result.views()
        assert list(layout.parties) == [view.key for view in VIEWS]
        for key, view in views.items():
            for side, expected in engine_sides(view).items():
                close(ws[cell(layout.parties[key][side])].value, expected, f"{name} {key} {side}")
        # What is shown apart (the wider benefits of work) stands beside society's balance, not in it.
        if views[SOCIETY].apart:
            close(ws[cell(layout.parties[SOCIETY]["with_apart"])].value, views[SOCIETY].with_apart, f"{name} with apart")
        # Society is the four parties together: what they pay each other cancels.
        parties = sum(Decimal(repr(ws[cell(layout.parties[p.key]["balance"])].value)) for p in PARTIES)
        society = Decimal(repr(ws[cell(layout.parties[SOCIETY]["balance"])].value))
        assert abs(parties - society) < CENT, name


@pytest.fixture(scope="module", params=FILES)
def exported(request, tmp_path_factory):
    """One scenario's workbook, written as the CLI writes it (with cached values)."""
    runs = compute([SCENARIOS / request.param])
    folder = tmp_path_factory.mktemp("parties")
    target = excel.write(folder / "parties.xlsx", runs, BOOK)
    _, layouts = excel.build(runs, BOOK)
    return target, [r for _, rs in runs for r in rs], layouts


@pytest.fixture(scope="module")
def recalculated(exported, tmp_path_factory):
    if lo_recalc.soffice() is None:
        pytest.skip(lo_recalc.SKIP_REASON)
    target, results, layouts = exported
    return lo_recalc.recalculated_values(target, tmp_path_factory.mktemp("lo")), results, layouts


@pytest.mark.skipif(lo_recalc.soffice() is None, reason=lo_recalc.SKIP_REASON)
def test_libreoffice_computes_every_flow_and_party_as_the_engine(recalculated):
    values, results, layouts = recalculated
    assert_parties_match(values, results, layouts)


def test_cached_values_equal_the_engine(exported):
    target, results, layouts = exported
    assert_parties_match(openpyxl.load_workbook(target, data_only=True), results, layouts)


def test_flows_and_parties_are_live_formulas(exported):
    """Each flow is a formula on the sheet's cells; each party's figures are sums over the flow cells."""
    target, results, layouts = exported
    wb = openpyxl.load_workbook(target)
    for result, layout in zip(results, layouts):
        ws = wb[layout.sheet]
        flow_cells = set(layout.flows.values())
        line_cells = set(layout.lines.values())
        for flow in result.flows:
            text = ws[cell(layout.flows[flow.key])].value
            assert isinstance(text, str) and text.startswith("="), (layout.sheet, flow.key, text)
            assert "$B$" in text or text == "=0", (layout.sheet, flow.key, text)
        # a flow that is a whole line refers to the line's amount
        assert ws[cell(layout.flows["wage_value"])].value == "=" + layout.lines["wage_value"]
        assert ws[cell(layout.flows["guidance_costs"])].value == "=" + layout.lines["guidance_costs"]
        # the rest of the wage-cost line is the line minus its other flows
        mark_up = ws[cell(layout.flows["wage_cost_mark_up"])].value
        assert layout.lines["wage_costs"] in mark_up and layout.flows["wage"] in mark_up
        for key, sides in layout.parties.items():
            for side in ("receives", "pays"):
                text = ws[cell(sides[side])].value
                assert text == "=0" or text.startswith("=SUM("), (layout.sheet, key, side, text)
                if text.startswith("=SUM("):
                    refs = set(text[5:-1].split(","))
                    assert refs <= flow_cells and not refs & (line_cells - flow_cells), (layout.sheet, key, side)
            assert ws[cell(sides["balance"])].value == f"={sides['receives']}-{sides['pays']}"


def test_own_employment_says_the_employer_is_the_municipality(exported):
    """With the municipality as employer the employer's books are the municipality's: a note says so."""
    target, results, layouts = exported
    wb = openpyxl.load_workbook(target)
    for result, layout in zip(results, layouts):
        ws = wb[layout.sheet]
        texts = [str(c.value) for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
        note = [t for t in texts if t.startswith("De werkgever is de gemeente zelf")]
        assert bool(note) == (result.views()["employer"].same_as is not None), layout.sheet


def test_labels_are_dutch_words_and_english_with_lang_en():
    runs = compute([SCENARIOS / "werkgeversmodellen-2026.yaml"])
    for lang, heading, balance, party in (("nl", "Geldstromen", "Saldo gemeente", "gemeente"),
                                          ("en", "Flows", "Balance municipality", "municipality")):
        wb, layouts = excel.build(runs, BOOK, lang=lang)
        for layout in layouts:
            ws = wb[layout.sheet]
            labels = {ws.cell(row, col).value for row in range(1, ws.max_row + 1) for col in range(1, 6)}
            assert any(isinstance(t, str) and t.startswith(heading) for t in labels), (lang, layout.sheet)
            balance_row = int(cell(layout.parties["municipality"]["balance"])[1:])
            assert ws.cell(balance_row, 1).value == balance
            payees = {ws.cell(int(cell(a)[1:]), 4).value for a in layout.flows.values()}
            assert party in payees
            if lang == "nl":
                # no internal identifiers in a Dutch sheet's party columns
                assert not payees & {"employer", "municipality", "state", "worker", "outside"}
