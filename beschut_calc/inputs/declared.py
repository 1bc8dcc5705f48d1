"""Every input's declaration as one registry: `core/variables.DECLARED` (inputs without a parameter
file) and the `label:`/`input:` blocks of the parameter files (`params/NAME.yaml`).

The parameter files are read once per run anyway (the parameter book); their metadata comes
with them, so nothing here costs a plain table run more than a dictionary.
"""
from __future__ import annotations

from decimal import Decimal

from ..core import errors
from ..core.text import Text
from ..core.variables import DECLARED, Variable, add_declarations

INPUT_KEYS = {"kind", "short", "words", "bounds", "low_open", "default", "aliases", "value_aliases", "sweep", "breakeven",
              "step", "range", "decimals", "example", "row", "override"}
_FROM_FILES: dict[str, Variable] | None = None
_TITLES: dict[str, Text] | None = None


def _text(raw, where: str) -> Text:
    if not isinstance(raw, dict) or set(raw) != {"nl", "en"}:
        raise ValueError(f"{where}: expected {{nl: ..., en: ...}}")
    return Text(str(raw["nl"]), str(raw["en"]))


def _number(raw) -> Decimal | None:
    return None if raw is None else Decimal(str(raw))


def from_file(name: str, meta: dict) -> Variable | None:
    """The declaration a parameter file's `input:` block makes (None: a scenario cannot set it)."""
    raw = meta.get("input")
    if raw is None:
        return None
    where = f"params/{name}.yaml input"
    unknown = set(raw) - INPUT_KEYS
    if unknown:
        raise ValueError(f"{where}: unknown keys {sorted(unknown)}; allowed: {sorted(INPUT_KEYS)}")
    low, high = (raw.get("bounds") or (None, None))
    return Variable(
        name=name, kind=raw["kind"], label=_text(raw["short"], f"{where}.short"), words=_text(raw["words"], f"{where}.words"),
        title=_text(meta["label"], f"params/{name}.yaml label") if "label" in meta else None,
        low=_number(low), high=_number(high), low_open=bool(raw.get("low_open", False)), default=raw.get("default"),
        override=bool(raw.get("override", True)), row=bool(raw.get("row", True)),
        aliases=tuple(raw.get("aliases", ())), value_aliases=dict(raw.get("value_aliases", {})),
        sweep=bool(raw.get("sweep", False)), breakeven=raw.get("breakeven", "no"), step=_number(raw.get("step")),
        range=raw.get("range"), decimals=int(raw.get("decimals", 2)), example=raw.get("example"))


def _read() -> None:
    global _FROM_FILES, _TITLES
    from .parameter_files import METADATA, load_parameters

    if not METADATA:
        load_parameters()
    _FROM_FILES, _TITLES = {}, {}
    for name, meta in METADATA.items():
        variable = from_file(name, meta)
        if variable is not None:
            _FROM_FILES[name] = variable
        if "label" in meta:
            _TITLES[name] = _text(meta["label"], f"params/{name}.yaml label")


def from_files() -> dict[str, Variable]:
    """The inputs the parameter files declare (their `input:` blocks), by name."""
    if _FROM_FILES is None:
        _read()
    return _FROM_FILES


def variables() -> dict[str, Variable]:
    """Every declared input, by name: those of core/variables.py, then those of the parameter files."""
    if _FROM_FILES is None:
        _read()
    clash = set(DECLARED) & set(_FROM_FILES)
    if clash:
        raise ValueError(f"declared twice (core/variables.py and params/): {sorted(clash)}")
    return {**DECLARED, **_FROM_FILES}


def get(name: str) -> Variable | None:
    return variables().get(name)


def overridable() -> dict[str, Variable]:
    """The inputs a scenario sets under `overrides:`."""
    return {name: v for name, v in variables().items() if v.override and not v.field}


def analysed() -> dict[str, Variable]:
    """The inputs a sweep, a break-even or a range can vary, by name."""
    return {name: v for name, v in variables().items() if v.analysed}


def sweepable() -> tuple[str, ...]:
    return tuple(name for name, v in variables().items() if v.sweep)


def solvable() -> tuple[str, ...]:
    return tuple(name for name, v in variables().items() if v.breakeven != "no")


def fields() -> tuple[str, ...]:
    """The numeric inputs that are keys of the scenario column (Placement fields); the others are overrides.
    (A choice, kind "choice", is a key of the column too, but no number: `choices()`.)"""
    return tuple(name for name, v in variables().items() if v.field and v.numeric)


def choices() -> dict[str, Variable]:
    """The categorical keys of the scenario column (method, employer_model, ...), by name."""
    return {name: v for name, v in variables().items() if v.kind == "choice"}


def title(name: str) -> Text | None:
    """The workbook's label of a parameter or input: its declaration's, or its parameter file's."""
    variable = get(name)
    if variable is not None and variable.title is not None:
        return variable.title
    if _TITLES is None:
        _read()
    return _TITLES.get(name)


def value_words() -> dict[str, str]:
    """Dutch value word -> the value it stands for, from every declaration's `value_aliases`
    ('regulier' -> 'regular'); in core/errors.value_words() they win over a key's word spelled the same."""
    out: dict[str, str] = {}
    for v in variables().values():
        for alias, value in v.value_aliases.items():
            out[" ".join(str(alias).lower().split())] = str(value)
    return out


def dutch_names() -> dict[str, str]:
    """Dutch word -> name, from every declaration's aliases (keys) and value aliases (values);
    a phrase is known with spaces and with underscores. A word that is both (dagbesteding: the
    alternative's value and the day-activities cost) names the key here; value_words() reads the value."""
    out = value_words()
    for name, v in variables().items():
        for alias in v.aliases:
            alias = " ".join(alias.lower().split())
            out[alias] = name
            out[alias.replace(" ", "_")] = name
    return out


errors.add_names(dutch_names)
errors.add_value_words(value_words)
add_declarations(from_files)    # core/rules.ColumnChoices asks which overrides a caseload row may set
