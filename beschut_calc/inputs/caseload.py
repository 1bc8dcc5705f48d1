"""A caseload: a municipality's placements from a CSV or Excel file, one row per placement (issue 12).

The scenario that names the file (`caseload: plaatsingen.csv`) gives the defaults for what a
row leaves empty, the first year and the targets. caseload_file.py reads the file into text
cells; pandas is imported on this path only, so a plain table run never pays for it.

Every value is checked by the very functions that check a scenario file (schema.py,
overrides.py, placement.build_placement), once per distinct value: 100,000 rows with a few dozen
distinct hours cost a few dozen checks. Rows that share every choice the rules branch on form
a group with one checked Placement. All bad rows are reported at once (the first 20), each
with its row, placement and column; an id that looks like a BSN refuses the whole file.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from ..core import limits
from ..core.errors import CONTROL_CHARACTERS, InputError, Invalid, suggest, value_words, visible
from ..core.personal import cells_with_bsn, has_bsn
from ..core.model import ALTERNATIVES, EMPLOYER_MODELS, HOUSEHOLDS, METHODS, WORK_TYPES, Placement
from .caseload_file import MAX_SPELLING, fail, has_long_run, read_frame, spreadsheet_date, spreadsheet_number
from . import declared
from .overrides import parse_override
from .schema import COLUMN_FIELDS

MAX_PROBLEMS = 20
MAX_IGNORED_NAMED = 5          # unused columns named in the warnings; the rest are counted
NO_END = 10 ** 6                     # a month index after every real one: the placement runs on
FTE_HOURS = 36                       # a counting convention, not law: one FTE = 36 hours a week in every year, so FTE
# counts compare across years (the legal 36 of the LKS, params/lks_reference_hours.yaml, only exists from 2024)

# Header (lower case, spaces for _ and -) -> key. English keys are accepted as they are. The
# inputs' own headers (hours: uren, contracturen; agency_fee: uitzendtoeslag) come from their declarations.
_ALIASES = {
    "id": ("id", "pseudoniem", "pseudo id", "pseudo-id", "kenmerk", "nummer", "volgnummer", "referentie", "ref"),
    "municipality": ("municipality", "gemeente"),
    "start": ("start", "startdatum", "start datum", "begin", "begindatum", "ingangsdatum", "start date", "startmaand"),
    "end": ("end", "einde", "einddatum", "eind datum", "end date", "eindmaand"),
    "employer_model": ("employer model", "werkgever", "werkgeversmodel"),
    "subsidy_set": ("subsidy set", "subsidieset"),
    "method": ("method", "methode"),
    "work_type": ("work type", "soort werk", "werksoort"),
    "trial_months": ("trial months", "proefplaatsing", "proefmaanden", "maanden proefplaatsing"),
    "alternative": ("alternative", "alternatief"),
    "household": ("household", "huishouden", "leefvorm"),
}
# The declared fields a row may give as a column (their arrays are read below).
ROW_FIELDS = ("hours", "wage_value")
TEXT_COLUMNS = ("id", "municipality")


def row_overrides() -> tuple[str, ...]:
    """Overrides a row may set (a column each): the declared numeric ones; true/false switches and the LKV stay scenario keys."""
    return tuple(name for name, v in declared.overridable().items() if v.row and v.kind not in ("bool", "excluded"))


def headers() -> dict[str, str]:
    """Every header a caseload may have (lower case, spaces) -> its key."""
    out = {alias: key for key, aliases in _ALIASES.items() for alias in aliases}
    variables = declared.variables()
    for name in ROW_FIELDS + row_overrides():
        out[name.replace("_", " ")] = name
        out.update({" ".join(alias.lower().replace("_", " ").split()): name for alias in variables[name].aliases})
    return out


def __getattr__(name: str):
    # ROW_OVERRIDES and HEADERS as before, derived from the declarations when asked for
    if name == "ROW_OVERRIDES":
        return row_overrides()
    if name == "HEADERS":
        return headers()
    raise AttributeError(name)


# Value words a Dutch adviser writes, beside the keys.


def header_key(header: str) -> str | None:
    return headers().get(" ".join(str(header).strip().lower().replace("_", " ").split()))


# ---------------------------------------------------------------- the loaded caseload

@dataclass(frozen=True)
class Group:
    """Rows that share every choice the rules branch on; the placement stands for all of them."""
    placement: Placement
    employer_model: str
    override_names: tuple[str, ...]


@dataclass(frozen=True)
class Caseload:
    """The rows as arrays (numpy), in file order."""
    file: str
    lines: Any                  # the line (CSV) or row (Excel) of each placement in the file
    ids: Any                    # pseudonymous ids, as written
    municipality: Any           # municipality names, as written
    hours: Any                  # float arrays from the checked Decimals
    wage_value: Any
    start: Any                  # month index: year * 12 + month - 1
    end: Any                    # month index of the last month, NO_END when open
    trial_months: Any
    group: Any                  # index into groups
    groups: tuple[Group, ...]
    overrides: dict             # name -> float array over all rows (NaN where a row's group lacks it)
    start_day: Any = None           # the day of the month each start was written with (0 for a month alone)
    end_day: Any = None             # likewise for the end; 0 when open
    ignored: tuple[str, ...] = ()   # columns the file has that no rule uses (notes, a coach's name), escaped, the first few
    ignored_more: int = 0           # how many more unused columns there are

    def __len__(self) -> int:
        return len(self.ids)


@dataclass(frozen=True)
class CaseloadScenario:
    file: str
    name: str
    description: str | None
    year: int                   # the first year of the horizon
    caseload: Caseload
    targets: dict | None        # {municipality or None: {year: places}}
    document: Any = None


# ---------------------------------------------------------------- problems, all at once

@dataclass(frozen=True)
class RowProblem:
    line: int                   # the line in the file, which is the row number a spreadsheet shows
    placement: int              # the how-manieth placement (data row), from 1
    column: str
    problem: Invalid


class CaseloadErrors(InputError):
    """Every bad row of a caseload (the first MAX_PROBLEMS), each on its own line."""

    def __init__(self, file: str, problems: list[RowProblem], total: int):
        first = problems[0].problem
        super().__init__(first.message, file=file, en=first.en)
        self.problems, self.total = problems, total

    def render(self, lang: str = "nl") -> str:
        shown = len(self.problems)
        if lang == "en":
            head = (f"{self.file}: {self.total} problem(s) in the caseload" + (f"; the first {shown}:" if self.total > shown else ":")
                    + " nothing was calculated or written")
        else:
            head = (f"{self.file}: {self.total} fout(en) in het caseloadbestand" + (f"; de eerste {shown}:" if self.total > shown else ":")
                    + " er is niets berekend of geschreven")
        where = "row {line} (placement {n}), column {column}" if lang == "en" else "rij {line} (plaatsing {n}), kolom {column}"
        rows = [InputError(p.problem.message, en=p.problem.en, file=self.file, line=p.line,
                           key=where.format(line=p.line, n=p.placement, column=p.column),
                           hint=p.problem.hint, hint_en=p.problem.hint_en).render(lang) for p in self.problems]
        return "\n".join([head, *rows]) if self.total > 1 else rows[0]


class _Problems:
    def __init__(self, lines):
        self.lines = lines
        self.found: list[tuple[int, int, str, Invalid]] = []      # (row position, order, column, problem)
        self.total = 0

    def add(self, rows, column: str, problem: Invalid) -> None:
        import numpy as np

        rows = np.asarray(rows)
        self.total += len(rows)
        for r in rows[:MAX_PROBLEMS]:
            self.found.append((int(r), len(self.found), column, problem))

    def raise_if_any(self, file: str) -> None:
        if not self.total:
            return
        chosen = sorted(self.found)[:MAX_PROBLEMS]
        raise CaseloadErrors(file, [RowProblem(int(self.lines[r]), r + 1, column, problem) for r, _, column, problem in chosen],
                             self.total)


def _choice(options: tuple[str, ...], what: str, what_en: str) -> Callable[[str], str]:
    def parse(text: str) -> str:
        t = " ".join(text.strip().lower().split())
        if t in options:
            return t
        meant = value_words().get(t)
        if meant in options:
            return meant
        close = suggest(text.strip(), options)
        raise Invalid(f"onbekend {what} '{text.strip()}'", f"unknown {what_en} '{text.strip()}'",
                      (f"bedoelt u '{close}'? " if close else "") + f"kies uit {', '.join(options[:-1])} of {options[-1]}",
                      (f"did you mean '{close}'? " if close else "") + f"choose from {', '.join(options[:-1])} or {options[-1]}")
    return parse


def _subsidy_set_choice(default: str) -> Callable[[str], str]:
    from .catalog import SUBSIDY_SETS_DIR, names

    options = tuple(dict.fromkeys([*names(SUBSIDY_SETS_DIR), default]))
    return _choice(options, "subsidieset", "subsidy set")


def _whole_months(text: str) -> int:
    value = spreadsheet_number(text)
    return COLUMN_FIELDS["trial_months"].check(value)


def _per_value(series, parse: Callable[[str], Any], column: str, problems: _Problems, default: Any = None,
               required_hint: tuple[str, str] | None = None):
    """Parse each distinct cell once; returns (codes, parsed values). Empty cells take `default`;
    with no default an empty cell is a problem."""
    import numpy as np
    import pandas as pd

    codes, uniques = pd.factorize(series.to_numpy(dtype=object), sort=False)
    parsed: list[Any] = []
    for j, raw in enumerate(uniques):
        text = str(raw).strip()
        if text == "":
            if default is None and required_hint is not None:
                problems.add(np.flatnonzero(codes == j), column,
                             Invalid("leeg: deze kolom is verplicht", "empty: this column is required", *required_hint))
            parsed.append(default)
            continue
        try:
            parsed.append(parse(text))
        except Invalid as problem:
            problems.add(np.flatnonzero(codes == j), column, _unquoted(problem, text))
            parsed.append(None)
    return codes, parsed


_DATE_SHAPE = re.compile(r"\d{1,2}[-/.]\d{1,2}[-/.]\d{4}|\d{4}-\d{1,2}(?:-\d{1,2})?(?:[ T][\d:]{1,8})?", re.ASCII)


def _unquoted(problem: Invalid, text: str) -> Invalid:
    """`problem` as it is, unless the cell holds eight digits or more: such a value could be a BSN
    (however it is written), so the message names the row and column only, never the value."""
    if sum(c.isdigit() for c in text) < 8 or _DATE_SHAPE.fullmatch(text.strip()):
        return problem
    return Invalid("deze waarde kan niet; ze wordt niet herhaald: acht cijfers of meer kunnen een BSN zijn",
                   "this value is not allowed; it is not repeated: eight digits or more could be a BSN",
                   "controleer de cel in deze rij en kolom; een caseload bevat geen burgerservicenummers",
                   "check the cell in this row and column; a caseload holds no citizen service numbers")


# ---------------------------------------------------------------- ids: pseudonymous, never a BSN

def bsn_like(ids) -> Any:
    """Which values hold what could be a BSN: nine digits (or eight, a leading zero lost in Excel) passing
    the elfproef, however written (spaces, dashes, dots, leading zeros, a `.0` tail, a prefix: core/personal.py)."""
    import numpy as np

    values = [v if isinstance(v, str) else str(v) for v in np.asarray(ids, dtype=object)]
    out = np.zeros(len(values), dtype=bool)
    out[cells_with_bsn(values)] = True
    return out


def _refuse_personal_numbers(values, header: str, lines, shown: str) -> None:
    """A column holding what looks like a BSN refuses the file; the message names lines, never the number."""
    import numpy as np
    import pandas as pd

    values = np.asarray(values, dtype=object)
    if not has_long_run(values):             # most columns: one quick look with numpy
        return
    distinct = pd.unique(values)                 # a column of dates or hours has few distinct cells
    found = cells_with_bsn(distinct)
    if not found:
        return
    rows = np.flatnonzero(pd.Series(values).isin(distinct[found]).to_numpy())
    where = ", ".join(str(int(lines[r])) for r in rows[:5]) + (" …" if len(rows) > 5 else "")
    raise InputError(f"{len(rows)} waarde(n) zien eruit als een BSN (negen cijfers die de elfproef halen, ook met spaties, "
                     f"streepjes of punten ertussen), op regel {where}; "
                     "het caseloadbestand moet gepseudonimiseerd zijn: beschut werk is een bijzonder persoonsgegeven",
                     en=f"{len(rows)} value(s) look like a BSN (nine digits passing the elfproef), on line {where}; "
                        "the caseload must be pseudonymous: sheltered work is special-category personal data",
                     file=shown, key=visible(str(header))[:60],
                     hint="vervang elk BSN door een pseudoniem, bijvoorbeeld een volgnummer, en lever het bestand opnieuw aan",
                     hint_en="replace every BSN by a pseudonym, for example a serial number, and supply the file again")


def _check_ids(frame, columns: dict[str, str], lines, shown: str, problems: _Problems):
    import numpy as np
    import pandas as pd

    ids = frame[columns["id"]].to_numpy(dtype=object)
    empty = ids == ""
    if empty.any():
        problems.add(np.flatnonzero(empty), columns["id"], Invalid("leeg: elke plaatsing heeft een id", "empty: every placement has an id",
                                                                   "een pseudoniem, bijvoorbeeld P0001", "a pseudonym, for example P0001"))
    repeated = pd.Series(ids).duplicated().to_numpy() & ~empty
    if repeated.any():
        problems.add(np.flatnonzero(repeated), columns["id"],
                     Invalid("dit id staat al op een eerdere regel", "this id is on an earlier line already",
                             "één regel per plaatsing, elk met een eigen id", "one line per placement, each with its own id"))
    return ids


def _check_text(values, header: str, problems: _Problems):
    """Control and direction characters are refused, as in a scenario file; one search over the whole column first."""
    import numpy as np

    unsafe = re.compile(f"[{CONTROL_CHARACTERS}]")
    try:
        whole = "".join(values)
    except TypeError:
        whole = "".join(map(str, values))
    if whole.isprintable() or not unsafe.search(whole):      # isprintable: a C-speed first look
        return
    rows = np.array([bool(unsafe.search(str(v))) for v in values])
    problems.add(np.flatnonzero(rows), header, Invalid("bevat een stuurteken of richtingsteken", "holds a control or direction character",
                                                       "typ de waarde opnieuw", "retype the value"))


# ---------------------------------------------------------------- the scenario's defaults and the groups

PERSONAL_NUMBERS = ("bsn", "burgerservicenummer", "sofinummer", "sofi-nummer", "sofi nummer", "citizen service number")


def _columns(frame, shown: str, header_line: int) -> tuple[dict[str, str], list[str]]:
    """(key -> header as written, the headers not used). A header that looks like a known one
    misspelt, a repeated one, or one for a personal number is refused at the header line; any
    other (notes, a coach's name) is left unused and named in the warnings."""
    out: dict[str, str] = {}
    ignored: list[str] = []
    known = headers()
    spelled = sorted(known)
    for position, header in enumerate(frame.columns, 1):
        if has_bsn(str(header)):
            fail(shown, f"de kop van kolom {position} ziet eruit als een BSN (negen cijfers die de elfproef halen)",
                 f"the header of column {position} looks like a BSN (nine digits passing the elfproef)",
                 "een kop noemt de kolom; een caseload bevat geen burgerservicenummers",
                 "a header names the column; a caseload holds no citizen service numbers", line=header_line)
        key = known.get(" ".join(str(header).strip().lower().replace("_", " ").split()))
        written = visible(str(header).strip())
        if len(written) > 80:
            written = written[:40] + "…" + written[-20:]
        if key is None:
            if " ".join(written.lower().replace("_", " ").split()) in PERSONAL_NUMBERS:
                fail(shown, f"kolom '{written}': een caseload bevat geen burgerservicenummers",
                     f"column '{written}': a caseload holds no citizen service numbers",
                     "verwijder de kolom; het id is een pseudoniem, bijvoorbeeld een volgnummer",
                     "remove the column; the id is a pseudonym, for example a serial number", line=header_line)
            # a misspelt header (Dutch or English) is refused: its values would silently be the defaults
            plain = " ".join(str(header).strip().lower().replace("_", " ").split())
            # a header far longer than any known one is no misspelling of one (and difflib on it is slow)
            close = suggest(plain, spelled) if len(plain) <= MAX_SPELLING else None
            if close is None:
                ignored.append(header)
                continue
            fail(shown, f"onbekende kolom '{written}'", f"unknown column '{written}'",
                 f"bedoelt u '{close}'? kolommen: id, gemeente, start, einde, uren, loonwaarde, werkgever, "
                 "subsidieset, methode, soort werk, proefplaatsing en parameters zoals agency_fee",
                 f"did you mean '{close}'? columns: id, municipality, start, end, hours, wage_value, "
                 "employer_model, subsidy_set, method, work_type, trial_months and parameters such as agency_fee",
                 line=header_line)
        if key in out:
            fail(shown, f"kolom '{written}' betekent hetzelfde als '{visible(str(out[key]))}'",
                 f"column '{written}' means the same as '{visible(str(out[key]))}'",
                 "houd er één over", "keep one of them", line=header_line)
        out[key] = header
    return out, ignored


def load_caseload(doc, lang: str = "nl") -> CaseloadScenario:
    """The scenario `doc` with a `caseload:` key: its defaults, then the file, row by row."""
    from .placement import schema_error
    from .schema import SchemaError, validate_column

    data = doc.data
    for key in ("variants", "compare", "ranges"):
        if key in data:
            doc.fail((key,), f"{key} gaat niet samen met caseload", f"{key} does not go with caseload",
                     "een caseload rekent elke regel van het bestand door; maak voor varianten een gewoon scenario",
                     "a caseload calculates every line of the file; use an ordinary scenario for variants")
    raw = data["caseload"]
    if not isinstance(raw, str) or not raw.strip():
        doc.fail(("caseload",), "verwacht het pad van een .csv- of .xlsx-bestand", "expected the path of a .csv or .xlsx file",
                 "bijvoorbeeld caseload: plaatsingen.csv (naast dit scenario)", "for example caseload: placements.csv (beside this scenario)")
    path = Path(raw) if Path(raw).is_absolute() else Path(doc.file).resolve().parent / raw
    shown = os.path.join(os.path.dirname(doc.file), raw) if not Path(raw).is_absolute() else raw

    base = {k: v for k, v in data.items() if k not in ("caseload", "targets")}
    given = set(base)
    merged = {"name": Path(doc.file).stem, "hours": 31, "wage_value": "30%", **base}
    origin = {key: (key,) for key in base}
    for key in base.get("overrides") or {} if isinstance(base.get("overrides"), dict) else {}:
        origin[f"overrides.{key}"] = ("overrides", key)
    try:
        defaults = validate_column(merged)
    except SchemaError as exc:
        schema_error(doc, exc, origin)
    if not isinstance(defaults["name"], str):
        defaults["name"] = Path(doc.file).stem

    targets = None
    if "targets" in data:
        from .columns import targets as read_targets

        targets = read_targets(doc)
    caseload = _read_rows(doc, path, shown, defaults, given, origin, lang)
    name = data.get("name") if isinstance(data.get("name"), str) else Path(doc.file).stem
    description = data.get("description") if isinstance(data.get("description"), str) else None
    for key, text in (("name", name), ("description", description)):
        if text and has_bsn(text):       # the name goes into every table, the JSON and the workbook
            doc.fail((key,), "bevat een nummer dat op een BSN lijkt (negen cijfers die de elfproef halen)",
                     "holds a number that looks like a BSN (nine digits passing the elfproef)",
                     "noem de caseload naar de gemeente of de regio", "name the caseload after the municipality or region")
    return CaseloadScenario(file=doc.file, name=name, description=description, year=defaults["year"], caseload=caseload,
                            targets=targets, document=doc)


def _read_rows(doc, path: Path, shown: str, defaults: dict, given: set, origin: dict, lang: str) -> Caseload:
    import numpy as np

    # A problem the loader finds with a row's own choice is put at that column of the row.
    origin = {**{key: (key,) for key in ("employer_model", "subsidy_set", "method", "work_type", "hours", "wage_value",
                                          "trial_months")}, **origin}
    known = headers()         # built once: an .xlsx's header is looked for among many cells

    def key_of(header: str) -> str | None:
        return known.get(" ".join(str(header).strip().lower().replace("_", " ").split()))

    frame, lines, header_line = read_frame(path, shown, key_of)
    columns, ignored = _columns(frame, shown, header_line)
    for key, needed in (("id", True), ("start", True),
                        ("hours", "hours" not in given), ("wage_value", "wage_value" not in given)):
        if needed and key not in columns:
            nl = {"id": "id", "municipality": "gemeente", "start": "start", "hours": "uren", "wage_value": "loonwaarde"}[key]
            fail(shown, f"kolom '{nl}' ontbreekt", f"column '{key}' is missing",
                  f"voeg een kolom {nl} toe" + ("" if key in ("id", "start") else f" of zet {key} in het scenario"),
                  f"add a column {key}" + ("" if key in ("id", "start") else f" or set {key} in the scenario"),
                  line=header_line)
    n = len(frame)
    if n == 0:
        fail(shown, "het caseloadbestand heeft geen regels onder de kopregel", "the caseload file has no lines below the header",
              "één regel per plaatsing", "one line per placement")
    limits.check(limits.CASELOAD_ROWS, n, shown)

    problems = _Problems(lines)
    # Every column, used or not: a BSN refuses the file. The number and date columns are left to their
    # own strict readers: no valid hours, wage value, amount or date has eight digits, and a cell they
    # refuse with eight digits or more is never quoted (_unquoted), so a BSN there refuses the file too.
    strict = {columns[key] for key in ("hours", "wage_value", "start", "end", "trial_months", *row_overrides())
              if key in columns}
    for header in frame.columns:
        if header not in strict:
            _refuse_personal_numbers(frame[header].to_numpy(dtype=object), header, lines, shown)
    ids = _check_ids(frame, columns, lines, shown, problems)
    for key in TEXT_COLUMNS:
        if key in columns:
            _check_text(frame[columns[key]].to_numpy(dtype=object), columns[key], problems)
    municipality = _municipalities(frame, columns, defaults["name"], problems)

    def column(key: str, parse, default=None, required_hint=None):
        if key not in columns:
            return np.zeros(n, dtype=np.int64), [default]
        return _per_value(frame[columns[key]], parse, columns[key], problems, default, required_hint)

    hours_codes, hours = column("hours", lambda t: COLUMN_FIELDS["hours"].check(spreadsheet_number(t)),
                                defaults["hours"] if "hours" in given else None, ("bijvoorbeeld 31", "for example 31"))
    wage_codes, wages = column("wage_value", lambda t: COLUMN_FIELDS["wage_value"].check(spreadsheet_number(t)),
                               defaults["wage_value"] if "wage_value" in given else None, ("bijvoorbeeld 30%", "for example 30%"))
    start_codes, starts = column("start", spreadsheet_date, None, ("bijvoorbeeld 1-3-2025", "for example 1-3-2025"))
    end_codes, ends = column("end", spreadsheet_date, "open")
    trial_codes, trials = column("trial_months", _whole_months, defaults["trial_months"])
    method_codes, methods = column("method", _choice(METHODS, "methode", "method"), defaults["method"])
    model_codes, models = column("employer_model", _choice(EMPLOYER_MODELS, "werkgeversmodel", "employer model"),
                                 defaults["employer_model"])
    set_codes, sets = column("subsidy_set", _subsidy_set_choice(defaults["subsidy_set"]), defaults["subsidy_set"])
    work_codes, works = column("work_type", _choice(WORK_TYPES, "soort werk", "work type"), defaults["work_type"] or "-")
    alternative_codes, alternatives = column("alternative", _choice(ALTERNATIVES, "alternatief", "alternative"),
                                             defaults["alternative"])
    household_codes, households = column("household", _choice(HOUSEHOLDS, "huishouden", "household"), defaults["household"])

    scenario_overrides = defaults["overrides"] or {}
    scenario_values = {}
    row_names = row_overrides()
    for name, raw in scenario_overrides.items():
        if name in row_names:
            try:
                scenario_values[name] = parse_override(name, raw)
            except Invalid as problem:
                doc.fail(("overrides", name), problem.message, problem.en, problem.hint, problem.hint_en)
    override_values: dict[str, tuple] = {}
    for name in row_names:
        if name in columns:
            euro = declared.get(name).kind == "euro"
            override_values[name] = column(name, lambda t, name=name, euro=euro: parse_override(name, spreadsheet_number(t, euro)),
                                           "scenario" if name in scenario_overrides else "-")

    problems.raise_if_any(shown)

    start = _expand(start_codes, starts, lambda v: v[0] * 12 + v[1] - 1, np.int64)
    end = _expand(end_codes, ends, lambda v: NO_END if v == "open" else v[0] * 12 + v[1] - 1, np.int64)
    # The day as written (0 for a month alone or an open end): a place counts per whole month, said once in the warnings.
    start_day = _expand(start_codes, starts, lambda v: v[2], np.int8)
    end_day = _expand(end_codes, ends, lambda v: 0 if v == "open" else v[2], np.int8)
    before = end < start
    if before.any():
        problems.add(np.flatnonzero(before), columns.get("end", "end"),
                     Invalid("het einde ligt vóór de start", "the end is before the start",
                             "einde is de laatste maand van de plaatsing", "the end is the placement's last month"))

    group, groups = _form_groups(doc, origin, defaults, columns, problems, scenario_overrides, override_values,
                                 (method_codes, methods), (model_codes, models), (set_codes, sets), (work_codes, works),
                                 (hours_codes, hours), (wage_codes, wages), (alternative_codes, alternatives),
                                 (household_codes, households))
    problems.raise_if_any(shown)

    # Per row, the value of each override a column gives (the scenario's where the cell is empty).
    overrides_arrays = {}
    for name, (codes, values) in override_values.items():
        fallback = float(scenario_values[name]) if name in scenario_values else float("nan")
        overrides_arrays[name] = _expand(codes, values, lambda v: fallback if v in ("scenario", "-") else float(v))
    return Caseload(file=shown, lines=np.asarray(lines), ids=ids, municipality=municipality,
                    hours=_expand(hours_codes, hours), wage_value=_expand(wage_codes, wages), start=start, end=end,
                    trial_months=_expand(trial_codes, trials, int, np.int64), group=group, groups=tuple(groups),
                    overrides=overrides_arrays, start_day=start_day, end_day=end_day,
                    ignored=tuple(_shown_header(h) for h in ignored[:MAX_IGNORED_NAMED]),
                    ignored_more=max(len(ignored) - MAX_IGNORED_NAMED, 0))


def _shown_header(header) -> str:
    """An unused header as the warnings show it: control and direction characters escaped, a long one shortened."""
    text = visible(str(header).strip())
    return text if len(text) <= 80 else text[:40] + "…" + text[-20:]


def _expand(codes, values, convert=float, dtype=float):
    """Per row, the converted value of its distinct cell."""
    import numpy as np

    return np.array([convert(v) for v in values], dtype=dtype)[codes]


def _municipalities(frame, columns: dict, default: str, problems: _Problems):
    """Each row's municipality, as written (stripped); without the column, the scenario's name for all."""
    import numpy as np
    import pandas as pd

    if "municipality" not in columns:     # one municipality's own list
        return np.full(len(frame), default, dtype=object)
    codes, names = pd.factorize(frame[columns["municipality"]].to_numpy(dtype=object))
    names = np.array([str(name).strip() for name in names] or [""], dtype=object)
    municipality = names[codes]
    empty = municipality == ""
    if empty.any():
        problems.add(np.flatnonzero(empty), columns["municipality"], Invalid("leeg: elke plaatsing hoort bij een gemeente",
                                                                             "empty: every placement belongs to a municipality",
                                                                             "bijvoorbeeld Zaanstad", "for example Zaanstad"))
    return municipality


def _form_groups(doc, origin: dict, defaults: dict, columns: dict, problems: _Problems, scenario_overrides: dict,
                 override_values: dict, methods, models, sets, works, hours, wages, alternatives, households):
    """Rows that share every choice the rules branch on form a group; its placement is built and
    checked by the scenario's own loader, so a row gets exactly what a scenario with its keys gets.
    Each choice comes as (codes per row, distinct values). Returns (group per row, groups)."""
    import numpy as np
    import pandas as pd

    from .placement import ColumnSpec, build_placement

    present = {name: np.array([v != "-" for v in values])[codes] for name, (codes, values) in override_values.items()}
    names_sorted = sorted(present)
    # the alternative and the household decide which flows a row has and which bijstand norm (issue 22)
    parts = [np.asarray(methods[0]), np.asarray(models[0]), np.asarray(sets[0]), np.asarray(works[0]),
             np.asarray(alternatives[0]), np.asarray(households[0]), *[present[name].astype(np.int64) for name in names_sorted]]
    named = 6      # the choices above before the overrides' presence
    combined = np.zeros(len(parts[0]), dtype=np.int64)
    for part in parts:                       # one integer per combination: factorizing it is a hash, not a sort
        combined = combined * (int(part.max()) + 1 if len(part) else 1) + part
    group, _ = pd.factorize(combined)
    groups: list[Group] = []
    for g, row in enumerate(np.unique(group, return_index=True)[1]):
        choice = [int(part[row]) for part in parts]
        overrides = dict(scenario_overrides)
        for name, flag in zip(names_sorted, choice[named:]):
            codes, values = override_values[name]
            if flag and values[codes[row]] != "scenario":
                overrides[name] = values[codes[row]]
        chosen = {"method": methods[1][choice[0]], "employer_model": models[1][choice[1]], "subsidy_set": sets[1][choice[2]],
                  "work_type": None if works[1][choice[3]] == "-" else works[1][choice[3]],
                  "alternative": alternatives[1][choice[4]], "household": households[1][choice[5]]}
        spec = ColumnSpec(**{**defaults, **chosen, "overrides": overrides, "hours": hours[1][hours[0][row]],
                             "wage_value": wages[1][wages[0][row]], "start": None, "end": None})
        try:
            placement = build_placement(doc, spec, origin, caseload=True)
        except InputError as exc:
            culprit = (exc.key or "").removeprefix("overrides.")
            if culprit not in columns:
                raise      # the scenario's own keys: located in the scenario file
            problems.add(np.flatnonzero(group == g), columns[culprit], Invalid(exc.message, exc.en, exc.hint, exc.hint_en))
            continue
        groups.append(Group(placement=placement, employer_model=chosen["employer_model"], override_names=tuple(overrides)))
    return group, groups
