"""A caseload year by year (issue 12): every placement's lines, the employer's balance and the
municipality's funding and outlays, for each calendar year of the horizon.

Vectorised through the rule declarations (analysis/vector.py), never the scalar engine per
row: rows that share every choice the rules branch on (inputs/caseload.py Group) are bound
once per year and evaluated with arrays of hours, wage values, months and override values.
Totals are sums of the rows' unrounded amounts; only reports round.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from decimal import Decimal
from typing import Callable

import numpy as np

from ..core import limits
from ..core.accounts import MUNICIPALITY, VIEWS
from ..core.books import legs as books_legs, totals
from ..core.engine import bind_column, calculate, fill_note, inputs_of_placement, note_values
from ..core.expr import leaves
from ..core.lines import REGISTRY
from ..core.parameters import ParameterBook, ParamValue
from ..core.period import months_in_arrays
from ..core.rules import FULLTIME, RIJK_LKS_BASIS
from ..core.result import Flow, Line, Result
from ..core.text import Text
from ..inputs.caseload import FTE_HOURS, CaseloadScenario
from .vector import flow_arrays, line_arrays, note_rows

# Each view's balance per placement (core/books.py): the municipality's keeps its name of old.
NET = {view.key: "municipal_net" if view.key == MUNICIPALITY else f"{view.key}_net" for view in VIEWS}
MONEY = ("benefits", "costs", "balance", "received", "paid", *NET.values())


@dataclass(frozen=True)
class YearBlock:
    """The placements running in one year, with their amounts (arrays over `rows`): the lines
    unrounded, the totals per placement (`money`) in cents."""
    year: int
    rows: np.ndarray              # indices into the caseload
    months: np.ndarray            # months placed this year, 1-12
    lines: dict                   # line key -> amount per row (0 where the row's group has no such line)
    money: dict                   # MONEY key -> amount per row
    flows: dict                   # flow key -> amount per row (0 where the row's group has no such flow)


@dataclass(frozen=True)
class Totals:
    year: int
    group: str | None             # a municipality or employer model; None for all placements
    places: int                   # placements running at some time in the year
    place_years: Decimal          # months placed / 12
    fte: Decimal                  # hours / 36 x months / 12
    money: dict                   # MONEY key -> Decimal (unrounded sums)


# The flows a target claims on the participation budget and on the BUIG (003 §6.1; core/flows.py).
CLAIMS = ("rijk_guidance", "rijk_wage_subsidy")


@dataclass(frozen=True)
class TargetRow:
    """Realised places against the target, and their claims on the budgets (003 §6.1)."""
    year: int
    municipality: str | None      # None: the whole caseload
    target: int | None
    places: int
    place_years: Decimal
    participation_budget: Decimal  # the national guidance flows of the realised places (per place-year, pro rata to hours)
    buig: Decimal                  # the national wage-subsidy flows of the realised places

    @property
    def difference(self) -> int | None:
        return None if self.target is None else self.places - self.target


@dataclass(frozen=True)
class CaseloadResult:
    scenario: CaseloadScenario
    years: tuple[int, ...]
    blocks: tuple[YearBlock, ...]
    line_specs: tuple               # (key, side, label Text) in table order
    flow_specs: tuple               # (key, payer, payee, label Text, alternative, apart) in declaration order
    by_year: tuple[Totals, ...]
    by_municipality: tuple[Totals, ...]
    by_employer: tuple[Totals, ...]
    targets: tuple[TargetRow, ...]
    warnings: tuple[Text, ...]
    params: tuple[ParamValue, ...]  # every parameter value the rules used
    params_used_in: tuple           # per parameter value: the groups and years that used it
    examples: tuple = ()            # per group and year: the engine's Result for a neutral place (a full-time week at the
                                    # national LKS figure's wage value), for --explain
    note_counts: tuple = ()         # (note key, placements, Text without a row's own values): the rules' notes over the rows

    def year_results(self) -> list[Result]:
        """Each year's totals as a Result whose lines are the summed lines (for the chart and the annex)."""
        out = []
        template = self.scenario.caseload.groups[0].placement
        for block in self.blocks:
            lines = tuple(Line(key, side, _decimal(block.lines[key].sum()) if key in block.lines else Decimal(0), Text("", ""), (),
                               label=label) for key, side, label in self.line_specs)
            flows = tuple(Flow(key, label, payer, payee, _decimal(block.flows[key].sum()) if key in block.flows else Decimal(0),
                               Text("", ""), (), "year", alternative=alternative, apart=apart)
                          for key, payer, payee, label, alternative, apart in self.flow_specs)
            out.append(Result(placement=dataclasses.replace(template, name=str(block.year), year=block.year), lines=lines,
                              warnings=(), flows=flows))
        return out


def check_request(scenario: CaseloadScenario, years: int | None) -> None:
    limits.check(limits.CASELOAD_ROW_YEARS, len(scenario.caseload) * (years or 1), scenario.file)


def cents(values: np.ndarray) -> np.ndarray:
    """Half-up to the cent (ties away from zero, like Decimal's ROUND_HALF_UP); the 1e-7 absorbs the
    binary noise of an exact half cent (1234.505 is 123450.49999999999 cents as a double)."""
    return np.sign(values) * np.floor(np.abs(values) * 100 + 0.5 + 1e-7) / 100


def _decimal(x) -> Decimal:
    return Decimal(repr(float(x)))


def _months(caseload, year: int):
    """(rows, first month, last month, trial months) of the placements running in `year`."""
    return months_in_arrays(caseload.start, caseload.trial_months, caseload.end, year, np)


def compute(scenario: CaseloadScenario, book: ParameterBook, years: int | None = None,
            progress: Callable[[int, int], None] | None = None) -> CaseloadResult:
    caseload = scenario.caseload
    from .projection import LAST_YEAR

    # the horizon stops at the last year the parameters allow, as an ordinary --years does (issue 24)
    horizon = tuple(range(scenario.year, min(scenario.year + (years or 1), LAST_YEAR + 1)))
    specs: dict[str, tuple] = {}
    flow_specs: dict[str, tuple] = {}
    blocks, warnings, params, where, examples = [], [], [], [], []
    noted: dict[tuple, list] = {}   # (note key, summary Text) -> [summary Text, rows it holds for (any year)]
    for step, year in enumerate(horizon):
        rows, first, last, trial = _months(caseload, year)
        lines: dict[str, np.ndarray] = {}
        flows: dict[str, np.ndarray] = {}
        money = {key: np.zeros(len(rows)) for key in MONEY}
        groups = caseload.group[rows]
        for g in np.unique(groups):
            at = np.flatnonzero(groups == g)
            members = rows[at]
            group = caseload.groups[g]
            placement = dataclasses.replace(group.placement, year=year)
            varying = {"hours": caseload.hours[members], "wage_value": caseload.wage_value[members],
                       "first_month": first[at].astype(float), "last_month": last[at].astype(float),
                       "trial_months": trial[at].astype(float),
                       "first_year": (caseload.start[members] // 12).astype(float)}
            varying.update({name: caseload.overrides[name][members] for name in group.override_names if name in caseload.overrides})
            column = bind_column(placement, book)
            amounts = line_arrays(column, varying)
            used: list[ParamValue] = [leaf.pv for bf in column.flows for leaf in leaves(bf.tree)]
            values, moved, group_money = _group_money(column, amounts, flow_arrays(column, varying), len(at))
            for bl in column.lines:
                specs.setdefault(bl.spec.key, (bl.spec.key, bl.spec.side, bl.spec.label))
                lines.setdefault(bl.spec.key, np.zeros(len(rows)))[at] = values[bl.spec.key]
            for bf in column.flows:
                flow_specs.setdefault(bf.spec.key, (bf.spec.key, bf.spec.payer, bf.spec.payee, bf.spec.label, bf.spec.alternative,
                                                      bf.spec.apart))
                flows.setdefault(bf.spec.key, np.zeros(len(rows)))[at] = moved[bf.spec.key]
            for key, value in group_money.items():
                money[key][at] = value
            label = f"{placement.employer.label('nl')} · {placement.subsidy_set.name} · {year}"
            for pv in used:
                if pv not in params:
                    params.append(pv)
                    where.append([])
                if label not in where[params.index(pv)]:
                    where[params.index(pv)].append(label)
            _count_notes(noted, column, varying, members, len(caseload))
            # The group's other warnings, and its --explain example, from a neutral place: a full-time
            # week of the group's employer at the wage value the national LKS figure assumes, both as the
            # group's column looks them up (employer model, dated parameter), so no legal value is copied
            # here. The notes on the rules, which depend on a row's own hours or wage value, are counted
            # over the rows above.
            neutral = dataclasses.replace(placement, hours=column.binder.lookup(FULLTIME).value,
                                          wage_value=column.binder.lookup(RIJK_LKS_BASIS).value, name=label)
            example = calculate(neutral, book, notes=False)
            examples.append(example)
            warnings.extend((w, year) for w in example.warnings)
        # Each placement's totals in cents, as one scenario's JSON gives them and a ledger books them:
        # a year's total is then the sum of its placements' amounts, to the cent.
        money = {key: cents(values) for key, values in money.items()}
        blocks.append(YearBlock(year, rows, (last - first + 1), lines, money, flows))
        if progress is not None:
            progress(step + 1, len(horizon))
    order = [k for k in REGISTRY if k in specs] + [k for k in specs if k not in REGISTRY]
    line_specs = tuple(specs[k] for k in order)
    note_counts = tuple((key, int(rows.sum()), text) for (key, _), (text, rows) in noted.items() if rows.any())
    warnings = _across_years(warnings) + _row_warnings(scenario, note_counts)
    return CaseloadResult(
        scenario=scenario, years=horizon, blocks=tuple(blocks), line_specs=line_specs, flow_specs=tuple(flow_specs.values()),
        by_year=tuple(_totals(block, caseload, None) [0] for block in blocks),
        by_municipality=tuple(t for block in blocks for t in _totals(block, caseload, caseload.municipality)),
        by_employer=tuple(t for block in blocks for t in _totals(block, caseload, _employer_names(caseload))),
        targets=_targets(scenario, blocks, book), warnings=tuple(warnings), params=tuple(params),
        params_used_in=tuple(tuple(w) for w in where), examples=tuple(examples), note_counts=note_counts)


def _count_notes(noted: dict, column, varying: dict, members: np.ndarray, size: int) -> None:
    """Each note on the group's rules (core/expr.py Note), evaluated with numpy for every row's own
    inputs (its path and its condition), added to the rows it holds for; said without a row's values."""
    values = None
    for note, hit in note_rows(column, varying):
        mask = np.broadcast_to(np.asarray(hit, dtype=bool), (len(members),))
        if values is None:
            inputs = inputs_of_placement(column.placement)
            values = (note_values(column, inputs), inputs)
        summary = fill_note(note, note.summary, values[0], values[1], {})
        entry = noted.setdefault((note.key, summary), [summary, np.zeros(size, dtype=bool)])
        entry[1][members[mask]] = True


def _group_money(column, amounts: dict, moved: dict, size: int) -> tuple[dict, dict, dict]:
    """One group's line and flow amounts per row, and its totals per row: the employer's benefits,
    costs and balance over the lines, and every view's balance over the flows (core/books.py)."""
    def rows(value):
        return np.broadcast_to(np.asarray(value, dtype=float), (size,))

    values = {bl.spec.key: rows(amounts[bl.spec.key]) for bl in column.lines}
    flows = {bf.spec.key: rows(moved[bf.spec.key]) for bf in column.flows}
    benefits = sum((values[bl.spec.key] for bl in column.lines if bl.spec.side == "benefit"), np.zeros(size))
    costs = sum((values[bl.spec.key] for bl in column.lines if bl.spec.side == "cost"), np.zeros(size))
    money = {"benefits": benefits, "costs": costs, "balance": benefits - costs}
    legs = [(*books_legs(bf), flows[bf.spec.key]) for bf in column.flows]
    for view, key in NET.items():
        received, paid, balance = totals(view, legs, np.zeros(size))
        money[key] = balance
        if view == MUNICIPALITY:
            money["received"], money["paid"] = received, paid
    return values, flows, money


def _employer_names(caseload) -> np.ndarray:
    names = np.array([g.employer_model for g in caseload.groups], dtype=object)
    return names[caseload.group]


def _totals(block: YearBlock, caseload, labels) -> list[Totals]:
    """Totals of one year: over all rows (labels None) or per distinct label, in order of first appearance."""
    hours = caseload.hours[block.rows]
    share = block.months / 12
    if labels is None:
        codes, names = np.zeros(len(block.rows), dtype=np.int64), [None]
    else:
        import pandas as pd

        codes, uniques = pd.factorize(labels[block.rows], sort=True)
        names = list(uniques)
    count = len(names)
    sums = {key: np.bincount(codes, weights=block.money[key], minlength=count) for key in MONEY}
    places = np.bincount(codes, minlength=count)
    place_years = np.bincount(codes, weights=share, minlength=count)
    fte = np.bincount(codes, weights=hours / FTE_HOURS * share, minlength=count)
    return [Totals(block.year, names[i], int(places[i]), _decimal(place_years[i]), _decimal(fte[i]),
                   {key: _decimal(sums[key][i]) for key in MONEY}) for i in range(count)]


def _targets(scenario: CaseloadScenario, blocks, book: ParameterBook) -> tuple[TargetRow, ...]:
    if not scenario.targets:
        return ()
    caseload = scenario.caseload
    out = []
    for block in blocks:
        share = block.months / 12
        names = caseload.municipality[block.rows]
        wanted = list(scenario.targets) if None not in scenario.targets else [None]
        zero = np.zeros(len(block.rows))
        guidance, buig = (block.flows.get(key, zero) for key in CLAIMS)

        def row(municipality, target, mask):
            return TargetRow(block.year, municipality, target, int(mask.sum()), _decimal(share[mask].sum()),
                             _decimal(guidance[mask].sum()), _decimal(buig[mask].sum()))
        for municipality in wanted:
            mask = np.ones(len(block.rows), dtype=bool) if municipality is None else names == municipality
            out.append(row(municipality, scenario.targets[municipality].get(block.year), mask))
        if None not in scenario.targets:
            total_target = [scenario.targets[m].get(block.year) for m in wanted]
            target = sum(t for t in total_target if t is not None) if any(t is not None for t in total_target) else None
            out.append(row(None, target, np.ones(len(block.rows), dtype=bool)))
    return tuple(out)


def _across_years(found: list[tuple[Text, int]]) -> list[Text]:
    """Each warning once. One that differs between years only in the year it names ("voor 2018 is het
    niet geïndexeerd") is said once for the span of those years ("voor 2018-2026 …")."""
    return [text for text, _ in across_years(found)]


def across_years(found: list[tuple[Text, int]]) -> list[tuple[Text, list[int]]]:
    """`_across_years` with the years each merged warning holds for (--years shows them when not all)."""
    import re

    merged: dict[tuple[str, str], tuple[Text, list[int]]] = {}
    for text, year in found:
        # the year as a word of its own, not a date such as 2019-01-01
        pattern = re.compile(rf"(?<![\d-]){year}(?![\d-])")
        key = (pattern.sub("\x00", text.nl), pattern.sub("\x00", text.en))
        entry = merged.setdefault(key, (text, []))
        if year not in entry[1]:
            entry[1].append(year)
    out: list[tuple[Text, list[int]]] = []
    for (nl, en), (text, years) in merged.items():
        if len(years) > 1 and "\x00" in nl:
            span = f"{min(years)}-{max(years)}" if sorted(years) == list(range(min(years), max(years) + 1)) else \
                ", ".join(map(str, sorted(years)))
            text = Text(nl.replace("\x00", span), en.replace("\x00", span))
        same = next((entry for entry in out if entry[0] == text), None)
        if same is None:      # "vóór 2024" in a warning of every year is the same warning in 2024 too
            out.append((text, sorted(years)))
        else:
            same[1][:] = sorted(set(same[1]) | set(years))
    return out


def _row_warnings(scenario: CaseloadScenario, note_counts: tuple) -> list[Text]:
    """Unused columns of the file, and each note on the rules with the number of placements it holds for."""
    from ..core.notices import sentences

    caseload = scenario.caseload
    out = []
    from ..core.errors import visible

    file = visible(caseload.file)      # the headers are escaped by the reader already (issue 24)
    for header in caseload.ignored:
        out.append(Text(f"De kolom '{header}' van {file} is niet gebruikt: geen regel van beschut-calc leest haar.",
                        f"The column '{header}' of {file} is not used: no rule of beschut-calc reads it."))
    more = getattr(caseload, "ignored_more", 0)
    if more:
        out.append(Text(f"Nog {more:,} kolommen van {file} zijn niet gebruikt (alleen de eerste {len(caseload.ignored)} zijn genoemd).".replace(",", "."),
                        f"{more:,} more columns of {file} are not used (only the first {len(caseload.ignored)} are named)."))
    out.extend(_part_months(caseload))
    for _, count, text in note_counts:
        out.extend(sentences([Text(f"{count} plaatsing(en): {text.nl}", f"{count} placement(s): {text.en}")]))
    return out


def _part_months(caseload) -> list[Text]:
    """A start after the 1st (or an end before the month's last day) counts the whole month: said once
    for each, with the first such placement as the example and the date that would leave the month out."""
    import calendar

    from ..core.errors import visible
    from ..inputs.caseload_file import MONTHS, MONTHS_EN

    out = []
    start_day, end_day = getattr(caseload, "start_day", None), getattr(caseload, "end_day", None)
    if start_day is not None and len(start_day):
        late = np.flatnonzero(start_day > 1)
        if late.size:
            r = int(late[0])
            year, month = divmod(int(caseload.start[r]), 12)
            after_year, after_month = divmod(int(caseload.start[r]) + 1, 12)
            who, day = visible(str(caseload.ids[r]))[:40], int(start_day[r])
            out.append(Text(
                f"{late.size} plaatsing(en) beginnen niet op de 1e (zoals {who} op {day}-{month + 1}-{year}): een plek telt "
                f"per hele maand, dus {MONTHS[month]} telt volledig; zet 1-{after_month + 1}-{after_year} als "
                f"{MONTHS[month]} niet mee moet tellen",
                f"{late.size} placement(s) do not start on the 1st (such as {who} on {day}-{month + 1}-{year}): a place "
                f"counts per whole month, so {MONTHS_EN[month]} counts in full; write 1-{after_month + 1}-{after_year} if "
                f"{MONTHS_EN[month]} should not count"))
    if end_day is not None and len(end_day):
        ends = np.where(end_day > 0, caseload.end, 2025 * 12)      # an open end: any real month, its day is 0
        distinct, codes = np.unique(ends, return_inverse=True)     # the month's length once per distinct end month
        last = np.array([calendar.monthrange(int(e) // 12, int(e) % 12 + 1)[1] for e in distinct], dtype=np.int64)[codes]
        early = np.flatnonzero((end_day > 0) & (end_day < last))
        if early.size:
            r = int(early[0])
            year, month = divmod(int(caseload.end[r]), 12)
            before_year, before_month = divmod(int(caseload.end[r]) - 1, 12)
            before_day = calendar.monthrange(before_year, before_month + 1)[1]
            who, day = visible(str(caseload.ids[r]))[:40], int(end_day[r])
            out.append(Text(
                f"{early.size} plaatsing(en) eindigen niet op de laatste dag van de maand (zoals {who} op {day}-{month + 1}-"
                f"{year}): een plek telt per hele maand, dus {MONTHS[month]} telt volledig; zet "
                f"{before_day}-{before_month + 1}-{before_year} als {MONTHS[month]} niet mee moet tellen",
                f"{early.size} placement(s) do not end on the last day of the month (such as {who} on {day}-{month + 1}-"
                f"{year}): a place counts per whole month, so {MONTHS_EN[month]} counts in full; write "
                f"{before_day}-{before_month + 1}-{before_year} if {MONTHS_EN[month]} should not count"))
    return out
