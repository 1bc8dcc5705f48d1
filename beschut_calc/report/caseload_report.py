"""The caseload in the terminal, as Markdown and as JSON (issue 12, item 4).

The tables come from report/caseload_layout.py. In JSON every amount is in euros to the cent
(half-up); a placement's totals are kept in cents by the analysis, so the placements add up to
the groups and the years exactly.
"""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from ..analysis.caseload import MONEY, CaseloadResult, Totals
from .caseload_layout import Table, party_table, target_table, year_tables
from .jsonout import money
from .labels import HEADINGS

# ---------------------------------------------------------------- terminal

def column_blocks(table: Table, width: int) -> list[list[int]]:
    """The figure columns in groups that fit `width` beside the name columns, which every group repeats;
    a rich table of this box is 1 + the sum of (column + 3) wide. No cell is ever cut or wrapped."""
    rows = list(table.rows) + ([table.total] if table.total is not None else [])
    widths = [max([len(table.headers[j])] + [len(row[j]) for row in rows]) for j in range(len(table.headers))]
    fixed = 1 + sum(w + 3 for w in widths[:table.text_columns])
    blocks: list[list[int]] = [[]]
    used = fixed
    for j in range(table.text_columns, len(widths)):
        if blocks[-1] and used + widths[j] + 3 > width:
            blocks.append([])
            used = fixed
        blocks[-1].append(j)
        used += widths[j] + 3
    return blocks


def _rich_tables(table: Table, width: int):
    from rich import box
    from rich.table import Table as RichTable

    from .rich_text import bold, signed, styled

    blocks = column_blocks(table, width)
    for n, block in enumerate(blocks, 1):
        columns = list(range(table.text_columns)) + block
        title = table.title if len(blocks) == 1 else f"{table.title} ({n}/{len(blocks)})"
        out = RichTable(title=styled(title), caption=styled(table.note, "dim") if n == len(blocks) else None,
                        box=box.SIMPLE_HEAVY, title_justify="left", caption_justify="left")
        for j in columns:
            out.add_column(styled(table.headers[j]), justify="left" if j < table.text_columns else "right", no_wrap=True)
        for row in table.rows:
            out.add_row(*[signed(row[j]) if row[j].startswith("-€") else styled(row[j]) for j in columns])
        if table.total is not None:
            out.add_section()
            out.add_row(*[bold(table.total[j]) for j in columns])
        yield out


def render(result: CaseloadResult, by: str, lang: str, file=None) -> None:
    from .rich_text import bold, console, dim, styled

    out = console(file)
    scenario = result.scenario
    out.print(bold(f"{scenario.name}  ({scenario.file})"))
    if scenario.description:
        out.print(dim(scenario.description))
    out.print(styled(summary_line(result, lang)))
    tables = year_tables(result, by, lang) + [party_table(result, lang)]
    targets = target_table(result, lang)
    for table in tables + ([targets] if targets is not None else []):
        for part in _rich_tables(table, out.width):
            out.print(part)
    if result.warnings:
        out.print(bold(HEADINGS["warnings"](lang)))
        from .layout import print_wrapped

        for i, warning in enumerate(result.warnings, 1):
            print_wrapped(out, f"{i}. {warning(lang)}")


def summary_line(result: CaseloadResult, lang: str) -> str:
    caseload = result.scenario.caseload
    years = f"{result.years[0]}" if len(result.years) == 1 else f"{result.years[0]}-{result.years[-1]}"
    if lang == "en":
        return f"{len(caseload)} placements from {caseload.file}, {years}"
    return f"{len(caseload)} plaatsingen uit {caseload.file}, {years}"


# ---------------------------------------------------------------- Markdown

def markdown(result: CaseloadResult, by: str, lang: str) -> str:
    from .markdown import escape

    scenario = result.scenario
    out = [f"### {escape(scenario.name)}", ""]
    if scenario.description:
        out += [escape(scenario.description), ""]
    out += [escape(summary_line(result, lang)), ""]
    tables = year_tables(result, by, lang) + [party_table(result, lang)]
    targets = target_table(result, lang)
    for table in tables + ([targets] if targets is not None else []):
        out += [f"#### {escape(table.title)}", ""]
        out.append("| " + " | ".join(escape(h) for h in table.headers) + " |")
        out.append("| " + " | ".join(["---"] + ["---:"] * (len(table.headers) - 1)) + " |")
        for row in table.rows:
            out.append("| " + " | ".join(escape(c) for c in row) + " |")
        if table.total is not None:
            out.append("| " + " | ".join(f"**{escape(c)}**" for c in table.total) + " |")
        out += ["", f"_{escape(table.note)}_", ""]
    if result.warnings:
        out += [f"**{HEADINGS['warnings'](lang)}**", ""]
        from .labels import in_words

        out += [escape(f"{i}. {in_words(w(lang), lang)}") for i, w in enumerate(result.warnings, 1)]
        out.append("")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- JSON

def _totals(t: Totals, group_key: str | None = None) -> dict:
    out = {"year": t.year}
    if group_key is not None:
        out["group"] = t.group
    out.update({"places": t.places, "place_years": float(t.place_years.quantize(Decimal("0.0001"), ROUND_HALF_UP)),
                "fte": float(t.fte.quantize(Decimal("0.0001"), ROUND_HALF_UP))})
    out.update({key: money(t.money[key]) for key in MONEY})
    return out


def _placements(result: CaseloadResult) -> list[dict]:
    """Per placement per year, amounts in cents; built from arrays (half a million of them in seconds)."""
    from ..analysis.caseload import cents

    caseload = result.scenario.caseload
    keys = [key for key, _, _ in result.line_specs]
    models = [group.employer_model for group in caseload.groups]
    out = []
    for block in result.blocks:
        ids = caseload.ids[block.rows].tolist()
        names = caseload.municipality[block.rows].tolist()
        groups = caseload.group[block.rows].tolist()
        months = block.months.tolist()
        present = [key for key in keys if key in block.lines]
        lines = [cents(block.lines[key]).tolist() for key in present]
        balance = block.money["balance"].tolist()
        net = block.money["municipal_net"].tolist()
        for i in range(len(ids)):
            out.append({"id": str(ids[i]), "municipality": str(names[i]), "employer_model": models[groups[i]],
                        "year": block.year, "months": months[i],
                        "lines": {key: values[i] + 0.0 for key, values in zip(present, lines)},
                        "balance": balance[i] + 0.0, "municipal_net": net[i] + 0.0})
    return out


def to_json(result: CaseloadResult, lang: str, by: str = "municipality") -> dict:
    """`groups` follows `by` (municipality or employer model), so its entries of a year add up to `by_year`."""
    from .jsonout import OneLineEach

    scenario, caseload = result.scenario, result.scenario.caseload
    groups = result.by_municipality if by == "municipality" else result.by_employer
    return {
        "scenario": scenario.name, "file": scenario.file, "caseload_file": caseload.file,
        **({"description": scenario.description} if scenario.description else {}),
        "years": list(result.years),
        "lines": [{"key": key, "side": side, "label": label(lang)} for key, side, label in result.line_specs],
        "by_year": [_totals(t) for t in result.by_year],
        "by": by,
        "groups": [_totals(t, by) for t in groups],
        "targets": [{"year": r.year, "municipality": r.municipality, "target": r.target, "places": r.places,
                     "difference": r.difference, "place_years": float(r.place_years.quantize(Decimal("0.0001"), ROUND_HALF_UP)),
                     "participation_budget": money(r.participation_budget), "buig": money(r.buig)} for r in result.targets],
        "placements": OneLineEach(_placements(result)),
        "warnings": [w(lang) for w in result.warnings],
    }


# ---------------------------------------------------------------- progress

class Progress:
    """A rich progress bar on stderr, shown only on a terminal and only once a run has taken a second."""

    def __init__(self, lang: str):
        import sys
        import time

        self.start = time.perf_counter()
        self.bar = None
        self.task = None
        self.lang = lang
        self.enabled = sys.stderr is not None and sys.stderr.isatty()

    def __call__(self, done: int, total: int) -> None:
        import time

        if not self.enabled:
            return
        if self.bar is None:
            if time.perf_counter() - self.start < 1.0 or done >= total:
                return
            from rich.console import Console
            from rich.progress import Progress as RichProgress

            from . import rich_text

            self.bar = RichProgress(console=Console(stderr=True, markup=False, _environ=rich_text.environ()), transient=True)
            self.bar.start()
            self.task = self.bar.add_task("jaren doorrekenen" if self.lang == "nl" else "calculating years", total=total)
        self.bar.update(self.task, completed=done)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
