"""Sheets for other features' per-column extras, read generically from the data.

`sweep`: a list of points {PARAM: value, ..., "balance": x}. With two parameters it becomes
a grid (first parameter down, second across) with deficits red and surpluses green; with
one or more than two, a plain table. `years`: a list of {"year", "lines", "totals", ...}
rows, flattened into one table per column. Anything that does not have the expected shape
is skipped with a note on the sheet, never an error: a workbook must not fail because an
optional section changed shape.
"""
from __future__ import annotations

from decimal import Decimal

from ..core.engine import Result
from ..core.text import Text
from .excel_cells import EURO, EURO_CENTS, HEADER_FILL, NUMBER, fill, number_value, put_text
from ..core.lines import REGISTRY
from .labels import HEADINGS

RESULT_KEYS = ("balance", "benefits", "costs", "verdict", "saldo")
# Well inside a worksheet's limits (16,384 columns, 1,048,576 rows) and still quick to write;
# a bigger sweep belongs in the JSON output.
MAX_POINTS = 100_000
MAX_ACROSS = 1_000
MONEY_WORDS = ("balance", "benefits", "costs", "amount", "cumulative", "saldo", "total")


def _t(lang: str, nl: str, en: str) -> str:
    return en if lang == "en" else nl


def _is_number(value) -> bool:
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)


def _put(cell, value, money: bool = False) -> None:
    if _is_number(value):
        cell.value = number_value(value)
        cell.number_format = EURO if money else NUMBER
    elif value is None:
        cell.value = None
    else:
        put_text(cell, value)


def _points(sweep) -> list[dict]:
    if isinstance(sweep, dict):
        for key in ("points", "grid", "values"):
            if isinstance(sweep.get(key), list):
                sweep = sweep[key]
                break
    if not isinstance(sweep, list):
        return []
    return [p for p in sweep if isinstance(p, dict)]


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


def add_sweep_sheet(wb, title: str, results: list[Result], extras: list[dict], lang: str) -> None:
    columns = [(r, _points(e.get("sweep"))) for r, e in zip(results, extras) if "sweep" in e]
    if not columns:
        return
    ws = wb.create_sheet(title)
    ws.column_dimensions["A"].width = 24
    row = _title(ws, 1, _t(lang, "Gevoeligheid: saldo per combinatie (tekort rood, overschot groen)",
                           "Sensitivity: balance per combination (deficit red, surplus green)"), 14)
    for result, points in columns:
        row += 1
        row = _title(ws, row, result.placement.name)
        if not points:
            put_text(ws.cell(row, 1), _t(lang, "geen punten", "no points"))
            row += 1
            continue
        if len(points) > MAX_POINTS:
            put_text(ws.cell(row, 1), _t(lang, f"{len(points):,} punten: te veel voor een werkblad (maximaal {MAX_POINTS:,}); gebruik --format json".replace(",", "."),
                                         f"{len(points):,} points: too many for a worksheet (at most {MAX_POINTS:,}); use --format json"))
            row += 2
            continue
        params = [k for k in points[0] if k not in RESULT_KEYS and _is_number(points[0][k])]
        value_key = "balance" if "balance" in points[0] else next((k for k in RESULT_KEYS if k in points[0]), None)
        across = len({p.get(params[1]) for p in points}) if len(params) == 2 else 0
        if len(params) == 2 and value_key and across <= MAX_ACROSS:
            row = _grid(ws, row, points, params, value_key, lang)
        else:
            row = _table(ws, row, points, list(points[0].keys()))
    ws.freeze_panes = "B2"
    ws.protection.sheet = True


def _grid(ws, row: int, points: list[dict], params: list[str], value_key: str, lang: str) -> int:
    from openpyxl.styles import Font

    down, across = params
    rows = list(dict.fromkeys(p.get(down) for p in points))
    cols = list(dict.fromkeys(p.get(across) for p in points))
    values = {(p.get(down), p.get(across)): p.get(value_key) for p in points}
    corner = ws.cell(row, 1)
    put_text(corner, f"{down} ↓  {across} →")
    corner.font = Font(bold=True)
    corner.fill = fill(HEADER_FILL)
    for j, c in enumerate(cols, 2):
        cell = ws.cell(row, j)
        _put(cell, c)
        cell.font = Font(bold=True)
        cell.fill = fill(HEADER_FILL)
        ws.column_dimensions[cell.column_letter].width = max(ws.column_dimensions[cell.column_letter].width or 0, 13)
    top = row + 1
    for i, r in enumerate(rows, top):
        cell = ws.cell(i, 1)
        _put(cell, r)
        cell.font = Font(bold=True)
        for j, c in enumerate(cols, 2):
            _put(ws.cell(i, j), values.get((r, c)), money=True)
    last = top + len(rows) - 1
    if rows and cols:
        _colour(ws, f"B{top}:{ws.cell(last, len(cols) + 1).column_letter}{last}")
    return last + 2


def _table(ws, row: int, points: list[dict], keys: list[str]) -> int:
    from openpyxl.styles import Font

    for j, key in enumerate(keys, 1):
        cell = ws.cell(row, j)
        put_text(cell, key)
        cell.font = Font(bold=True)
        cell.fill = fill(HEADER_FILL)
    top = row + 1
    for i, point in enumerate(points, top):
        for j, key in enumerate(keys, 1):
            value = point.get(key)
            _put(ws.cell(i, j), value if _is_number(value) or isinstance(value, str) or value is None else str(value),
                 money=key in RESULT_KEYS)
    if "balance" in keys:
        col = ws.cell(row, keys.index("balance") + 1).column_letter
        _colour(ws, f"{col}{top}:{col}{top + len(points) - 1}")
    return top + len(points) + 1


def _flatten(entry: dict) -> dict:
    """One year's row: year, each line amount, each total, any other scalar (cumulative balance...)."""
    flat: dict = {}
    for key, value in entry.items():
        if key == "lines":
            if isinstance(value, list):
                for line in value:
                    if isinstance(line, dict) and "key" in line:
                        flat[f"line:{line['key']}"] = line.get("amount")
            elif isinstance(value, dict):
                for k, v in value.items():
                    flat[f"line:{k}"] = v.get("amount") if isinstance(v, dict) else v
        elif key == "totals" and isinstance(value, dict):
            for k, v in value.items():
                flat[f"total:{k}"] = v
        elif _is_number(value) or isinstance(value, str) or value is None:
            flat[key] = value
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            flat[key] = "; ".join(value)
    return flat


def _heading(key: str, lang: str) -> str:
    if key.startswith("line:"):
        name = key[5:]
        return REGISTRY[name].label(lang) if name in REGISTRY else name
    if key.startswith("total:"):
        name = key[6:]
        mapping = {"benefits": "total_benefits", "costs": "total_costs", "balance": "balance"}
        return HEADINGS[mapping[name]](lang) if name in mapping else name
    return {"year": Text("Jaar", "Year")(lang), "cumulative_balance": Text("Cumulatief saldo", "Cumulative balance")(lang),
            "cumulative": Text("Cumulatief saldo", "Cumulative balance")(lang)}.get(key, key)


def add_years_sheet(wb, title: str, results: list[Result], extras: list[dict], lang: str) -> None:
    from openpyxl.styles import Font

    columns = [(r, e.get("years")) for r, e in zip(results, extras) if "years" in e]
    if not columns:
        return
    ws = wb.create_sheet(title)
    ws.column_dimensions["A"].width = 12
    row = _title(ws, 1, _t(lang, "Meerjarige doorrekening (elk jaar met de parameters van dat jaar)",
                           "Multi-year projection (each year with that year's parameters)"), 14)
    for result, years in columns:
        row += 1
        row = _title(ws, row, result.placement.name)
        entries = years if isinstance(years, list) else (years.get("years") if isinstance(years, dict) else None)
        rows = [_flatten(e) for e in entries or [] if isinstance(e, dict)]
        if not rows:
            put_text(ws.cell(row, 1), _t(lang, "geen jaren", "no years"))
            row += 1
            continue
        keys: list[str] = []
        for flat in rows:
            for key in flat:
                if key not in keys:
                    keys.append(key)
        for j, key in enumerate(keys, 1):
            cell = ws.cell(row, j)
            put_text(cell, _heading(key, lang))
            cell.font = Font(bold=True)
            cell.fill = fill(HEADER_FILL)
            if j > 1:
                ws.column_dimensions[cell.column_letter].width = max(ws.column_dimensions[cell.column_letter].width or 0, 16)
        row += 1
        for flat in rows:
            for j, key in enumerate(keys, 1):
                money = key.startswith(("line:", "total:")) or any(w in key for w in MONEY_WORDS)
                value = flat.get(key)
                _put(ws.cell(row, j), value, money=money and key != "year")
                if money and _is_number(value):
                    ws.cell(row, j).number_format = EURO_CENTS if isinstance(value, float) and value != int(value) else EURO
            row += 1
    ws.freeze_panes = "B2"
    ws.protection.sheet = True
