"""Sheets for the analyses' typed results (analysis/hooks.py ColumnAnalyses).

*Gevoeligheid*: per column the swept balance; with two inputs a grid (first input down,
second across) with deficits red and surpluses green, otherwise a plain table.
*Meerjarig*: per column one row per year with every line, the totals and the cumulative balance.
"""
from __future__ import annotations

from decimal import Decimal

from ..core.accounts import VIEWS
from ..core.result import Result
from ..core.text import Text
from .excel_cells import EURO, EURO_CENTS, HEADER_FILL, NUMBER, fill, header_row, number_value, put_text
from .labels import HEADINGS, line_label

# Well inside a worksheet's limits (16,384 columns, 1,048,576 rows) and still quick to write;
# a bigger sweep belongs in the JSON output.
MAX_POINTS = 100_000
MAX_ACROSS = 1_000


def _t(lang: str, nl: str, en: str) -> str:
    return en if lang == "en" else nl


def _put(cell, value, money: bool = False) -> None:
    cell.value = number_value(value)
    cell.number_format = (EURO_CENTS if money and value != int(value) else EURO) if money else NUMBER


def _title(ws, row: int, text: str, size: int = 12) -> int:
    from openpyxl.styles import Font

    put_text(ws.cell(row, 1), text)
    ws.cell(row, 1).font = Font(bold=True, size=size)
    return row + 1


def _colour(ws, area: str) -> None:
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import PatternFill

    red = PatternFill("solid", start_color="F8CBAD", end_color="F8CBAD")
    green = PatternFill("solid", start_color="C6EFCE", end_color="C6EFCE")
    ws.conditional_formatting.add(area, CellIsRule(operator="lessThan", formula=["-0.5"], fill=red))
    ws.conditional_formatting.add(area, CellIsRule(operator="greaterThanOrEqual", formula=["-0.5"], fill=green))


def _cents(values) -> list[float]:
    return [round(float(v), 2) for v in values]


def add_sweep_sheet(wb, title: str, results: list[Result], columns: list, lang: str) -> None:
    swept = [(r, c.sweep) for r, c in zip(results, columns) if c is not None and c.sweep is not None]
    if not swept:
        return
    ws = wb.create_sheet(title)
    ws.column_dimensions["A"].width = 24
    row = _title(ws, 1, _t(lang, "Gevoeligheid: saldo per combinatie (tekort rood, overschot groen)",
                           "Sensitivity: balance per combination (deficit red, surplus green)"), 14)
    for result, grid in swept:
        row += 1
        row = _title(ws, row, result.placement.name)
        points = len(grid.balance)
        if points > MAX_POINTS:
            put_text(ws.cell(row, 1), _t(lang, f"{points:,} punten: te veel voor een werkblad (maximaal {MAX_POINTS:,}); gebruik --format json".replace(",", "."),
                                         f"{points:,} points: too many for a worksheet (at most {MAX_POINTS:,}); use --format json"))
            row += 2
            continue
        if len(grid.axes) == 2 and grid.axes[1].count <= MAX_ACROSS:
            row = _grid(ws, row, grid)
        else:
            row = _table(ws, row, grid, lang)
    ws.freeze_panes = "B2"
    ws.protection.sheet = True


def _grid(ws, row: int, grid) -> int:
    from openpyxl.styles import Font

    down, across = grid.axes
    downs, acrosses = grid.columns[0][::across.count].tolist(), grid.columns[1][:across.count].tolist()
    balance = _cents(grid.balance)
    corner = ws.cell(row, 1)
    put_text(corner, f"{down.name} ↓  {across.name} →")
    corner.font = Font(bold=True)
    corner.fill = fill(HEADER_FILL)
    for j, value in enumerate(acrosses, 2):
        cell = ws.cell(row, j)
        _put(cell, value)
        cell.font = Font(bold=True)
        cell.fill = fill(HEADER_FILL)
        ws.column_dimensions[cell.column_letter].width = max(ws.column_dimensions[cell.column_letter].width or 0, 13)
    top = row + 1
    for i, value in enumerate(downs):
        cell = ws.cell(top + i, 1)
        _put(cell, value)
        cell.font = Font(bold=True)
        for j in range(len(acrosses)):
            _put(ws.cell(top + i, j + 2), balance[i * len(acrosses) + j], money=True)
    last = top + len(downs) - 1
    if downs and acrosses:
        _colour(ws, f"B{top}:{ws.cell(last, len(acrosses) + 1).column_letter}{last}")
    return last + 2


def _table(ws, row: int, grid, lang: str) -> int:
    header_row(ws, row, [a.name for a in grid.axes] + [HEADINGS["balance"](lang)])
    top = row + 1
    values = [c.tolist() for c in grid.columns] + [_cents(grid.balance)]
    for i in range(len(grid.balance)):
        for j, column in enumerate(values, 1):
            _put(ws.cell(top + i, j), column[i], money=j == len(values))
    col = ws.cell(row, len(values)).column_letter
    _colour(ws, f"{col}{top}:{col}{top + len(grid.balance) - 1}")
    return top + len(grid.balance) + 1


def add_years_sheet(wb, title: str, results: list[Result], columns: list, lang: str) -> None:
    projected = [(r, c.years) for r, c in zip(results, columns) if c is not None and c.years]
    if not projected:
        return
    ws = wb.create_sheet(title)
    ws.column_dimensions["A"].width = 12
    row = _title(ws, 1, _t(lang, "Meerjarige doorrekening (elk jaar met de parameters van dat jaar)",
                           "Multi-year projection (each year with that year's parameters)"), 14)
    for result, years in projected:
        row += 1
        row = _title(ws, row, result.placement.name)
        keys: list[str] = []
        labels: dict[str, str] = {}
        for y in years:
            for line in y.result.lines:
                if line.key not in keys:
                    keys.append(line.key)
                    labels[line.key] = line_label(line, lang)
        # The discount rate the present value weighs the years at (issue 22), as a cell the formulas read.
        rate = years[0].rate
        put_text(ws.cell(row, 1), Text("Discontovoet", "Discount rate")(lang))
        _put(ws.cell(row, 2), rate.value)
        ws.cell(row, 2).number_format = "0.00%"
        put_text(ws.cell(row, 3), rate.source)
        rate_cell = f"$B${row}"
        row += 1
        titles = ([Text("Jaar", "Year")(lang)] + [labels[k] for k in keys]
                  + [HEADINGS[k](lang) for k in ("total_benefits", "total_costs", "balance")]
                  + [Text("Cumulatief saldo", "Cumulative balance")(lang)]
                  + [Text("Saldo ", "Balance ")(lang) + view.label(lang) for view in VIEWS]
                  + [Text("Disconteringsfactor", "Discount factor")(lang)])
        header_row(ws, row, titles)
        for j in range(2, len(titles) + 1):
            letter = ws.cell(row, j).column_letter
            ws.column_dimensions[letter].width = max(ws.column_dimensions[letter].width or 0, 16)
        row += 1
        first = row
        sides = {line.key: line.side for y in years for line in y.result.lines}
        letter = {k: ws.cell(row, j).column_letter for j, k in enumerate(keys, 2)}
        for y in years:
            amounts = {line.key: line.amount for line in y.result.lines}
            ws.cell(row, 1).value = y.year
            ws.cell(row, 1).number_format = "0"
            for j, key in enumerate(keys, 2):
                if key in amounts:
                    # Unrounded, so the totals' formulas add what the engine adds; shown in euros.
                    _put(ws.cell(row, j), amounts[key], money=True)
                    ws.cell(row, j).number_format = EURO
            # The totals as formulas over the lines, like the single-year sheets.
            total = len(keys) + 2
            for j, side in ((total, "benefit"), (total + 1, "cost")):
                cells = [f"{letter[k]}{row}" for k in keys if sides[k] == side]
                ws.cell(row, j).value = "=SUM(" + ",".join(cells) + ")" if cells else 0
            benefits, costs = ws.cell(row, total).coordinate, ws.cell(row, total + 1).coordinate
            ws.cell(row, total + 2).value = f"={benefits}-{costs}"
            balance = ws.cell(row, total + 2).coordinate
            ws.cell(row, total + 3).value = f"={balance}" if row == first else f"={ws.cell(row - 1, total + 3).coordinate}+{balance}"
            for j in range(total, total + 4):
                ws.cell(row, j).number_format = EURO
            # each party's balance of the year (the engine's; the column sheets show how) and its weight
            books = y.result.views()
            for i, view in enumerate(VIEWS):
                _put(ws.cell(row, total + 4 + i), books[view.key].balance, money=True)
                ws.cell(row, total + 4 + i).number_format = EURO
            factor = ws.cell(row, total + 4 + len(VIEWS))
            factor.value = f"=1/(1+{rate_cell})^({ws.cell(row, 1).coordinate}-{ws.cell(first, 1).coordinate})"
            factor.number_format = "0.0000"
            row += 1
        # the present value: every year's balance times its discount factor, per party
        put_text(ws.cell(row, 1), Text("Contante waarde", "Present value")(lang))
        factor_col = ws.cell(first, total + 4 + len(VIEWS)).column_letter
        for i in range(len(VIEWS)):
            col = ws.cell(first, total + 4 + i).column_letter
            ws.cell(row, total + 4 + i).value = "=" + "+".join(f"{col}{r}*{factor_col}{r}" for r in range(first, row))
            ws.cell(row, total + 4 + i).number_format = EURO
        row += 1
    ws.freeze_panes = "B2"
    ws.protection.sheet = True


def add_uncertainty_sheet(wb, title: str, results: list[Result], columns: list, lang: str) -> None:
    """The tornado per column (table and a native bar chart) and the simulation's percentiles and histogram."""
    from openpyxl.chart import BarChart, Reference
    from openpyxl.styles import Font

    from ..inputs.declared import get as declared

    found = [(r, c) for r, c in zip(results, columns) if c is not None and (c.sensitivity is not None or c.simulation is not None)]
    if not found:
        return
    ws = wb.create_sheet(title)
    for letter, width in zip("ABCDEFGH", (34, 14, 14, 16, 16, 14, 12, 80)):
        ws.column_dimensions[letter].width = width
    row = _title(ws, 1, _t(lang, "Onzekerheid: welke aanname beslist, en hoe waarschijnlijk een tekort is",
                           "Uncertainty: which assumption decides, and how likely a deficit is"), 14)
    for result, column in found:
        row += 1
        row = _title(ws, row, result.placement.name)
        if column.sensitivity is not None:
            header_row(ws, row, [_t(lang, "Invoer", "Input"), _t(lang, "Laag", "Low"), _t(lang, "Hoog", "High"),
                              _t(lang, "Saldo bij laag", "Balance at low"), _t(lang, "Saldo bij hoog", "Balance at high"),
                              _t(lang, "Zwaai", "Swing"), _t(lang, "Oordeel kantelt", "Verdict flips"), _t(lang, "Bron", "Source")])
            top = row + 1
            for i, bar in enumerate(column.sensitivity):
                r = top + i
                inp = declared(bar.parameter)
                put_text(ws.cell(r, 1), inp.label(lang))
                put_text(ws.cell(r, 2), inp.fmt(bar.low, lang))
                put_text(ws.cell(r, 3), inp.fmt(bar.high, lang))
                _put(ws.cell(r, 4), Decimal(bar.balance_low).quantize(Decimal("0.01")), money=True)
                _put(ws.cell(r, 5), Decimal(bar.balance_high).quantize(Decimal("0.01")), money=True)
                _put(ws.cell(r, 6), Decimal(bar.swing).quantize(Decimal("0.01")), money=True)
                put_text(ws.cell(r, 7), _t(lang, "ja", "yes") if bar.flips else "")
                put_text(ws.cell(r, 8), bar.source)
            last = top + len(column.sensitivity) - 1
            if column.sensitivity:
                chart = BarChart()
                chart.type = "bar"
                chart.title = _t(lang, "Saldo bij lage en hoge waarde", "Balance at low and high value")
                chart.add_data(Reference(ws, min_col=4, max_col=5, min_row=row, max_row=last), titles_from_data=True)
                chart.set_categories(Reference(ws, min_col=1, min_row=top, max_row=last))
                chart.height, chart.width = 7, 16
                ws.add_chart(chart, f"J{row}")
            row = max(last + 2, row + 16)
        if column.simulation is not None:
            sim = column.simulation
            put_text(ws.cell(row, 1), _t(lang, f"Simulatie: {sim.n} trekkingen, seed {sim.seed}", f"Simulation: {sim.n} draws, seed {sim.seed}"))
            ws.cell(row, 1).font = Font(bold=True)
            row += 1
            for label, value, money in ((_t(lang, "P5 saldo", "P5 balance"), sim.p5, True), (_t(lang, "P50 saldo", "P50 balance"), sim.p50, True),
                                        (_t(lang, "P95 saldo", "P95 balance"), sim.p95, True),
                                        (_t(lang, "Kans op tekort", "Chance of a deficit"), sim.deficit_share, False)):
                put_text(ws.cell(row, 1), label)
                cell = ws.cell(row, 2)
                cell.value = round(value, 2) if money else round(value, 4)
                cell.number_format = EURO if money else "0.0%"
                row += 1
            header_row(ws, row, [_t(lang, "Saldo van", "Balance from"), _t(lang, "tot", "to"), _t(lang, "Aantal", "Count")])
            for start, end, count in sim.histogram:
                row += 1
                _put(ws.cell(row, 1), round(start, 2), money=True)
                _put(ws.cell(row, 2), round(end, 2), money=True)
                ws.cell(row, 3).value = count
            row += 2
    ws.protection.sheet = True
