"""Scenario files -> validated Placements (one per column), every problem located by line.

Reading order: strict YAML (yamlsource) -> variants laid over the base keys ->
schema per column -> catalogue look-ups (employer model, subsidy set,
rounding) and overrides -> Placement (placement.py). A file with `caseload:` is
read by caseload.py. Nothing here computes money.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core import limits
from ..core.errors import InputError
from ..core.personal import has_bsn
from ..core.model import Placement
from .columns import TOP_LEVEL_ONLY, columns, expand_compare, targets
from .placement import ColumnSpec, build_placement
from .yamlsource import dotted


@dataclass(frozen=True)
class Scenario:
    """One scenario file: its columns, in order."""
    file: str
    name: str
    placements: tuple[Placement, ...]
    origins: tuple[dict, ...] = ()          # per column: key -> path in the file, for locating later errors
    document: Any = None
    extra: dict = field(default_factory=dict)  # top-level keys later features read (compare, targets, ...)
    description: str | None = None             # the file's own description, shown under its title

    def locate(self, error: InputError, column: int) -> InputError:
        """Point an error from a later stage (e.g. a year without parameters) at the file."""
        path = self.origins[column].get(error.key or "", (error.key,) if error.key else ())
        line, col = self.document.where(path) if self.document is not None and path else (None, None)
        return error.located(self.file, line, col, dotted(path) if path else None)


MAX_PROBLEMS = 20            # lines of problems shown at once, as for a caseload


class ScenarioErrors(InputError):
    """Every key problem of a scenario file, each on its own located line, the first as it always was."""

    def __init__(self, errors: list[InputError]):
        first = errors[0]
        super().__init__(first.message, file=first.file, line=first.line, column=first.column, key=first.key,
                         hint=first.hint, en=first.en, hint_en=first.hint_en)
        self.errors, self.total = errors[:MAX_PROBLEMS], len(errors)

    def render(self, lang: str = "nl") -> str:
        lines = [error.render(lang) for error in self.errors]
        if self.total > len(lines):        # as a caseload does: the first MAX_PROBLEMS, then how many more
            more = self.total - len(lines)
            lines.append(f"{self.file}: " + (f"and {more} more problem(s) in this file" if lang == "en"
                                              else f"en nog {more} fout(en) in dit bestand"))
        return "\n".join(lines)


def _schema_errors(doc, exc, origin: dict) -> list[InputError]:
    """The located errors of every problem `exc` holds (one SchemaError or a SchemaErrors)."""
    from .placement import schema_error

    out = []
    for problem in getattr(exc, "problems", [exc]):
        try:
            schema_error(doc, problem, origin)
        except InputError as error:
            out.append(error)
    return out


def _texts_with_bsn(doc) -> None:
    """Refuse a possible BSN in the file's name or description, or a variant's: these go into every table."""
    data = doc.data if isinstance(doc.data, dict) else {}
    paths = [(key,) for key in ("name", "description")]
    variants = data.get("variants")
    if isinstance(variants, list):
        paths += [("variants", i, key) for i, variant in enumerate(variants) if isinstance(variant, dict)
                  for key in ("name", "description")]
    for path in paths:
        value = data
        for part in path:
            value = value.get(part) if isinstance(value, dict) else value[part]
        if isinstance(value, str) and has_bsn(value):
            doc.fail(path, "bevat een nummer dat op een BSN lijkt (negen cijfers die de elfproef halen)",
                     "holds a number that looks like a BSN (nine digits passing the elfproef)",
                     "laat persoonsnummers weg; noem het scenario naar de plaatsing of de regio",
                     "leave personal numbers out; name the scenario after the placement or the region")


def load_scenario(path: str | Path, lang: str = "nl") -> Scenario:
    from .schema import SchemaError, validate_column
    from .yamlsource import load_document

    doc = load_document(path)
    if isinstance(doc.data, dict) and "caseload" in doc.data:
        from .caseload import load_caseload

        return load_caseload(doc, lang)
    _texts_with_bsn(doc)
    placements, origins = [], []
    errors: list[InputError] = []        # every key problem of every column, reported together
    seen: set[str] = set()               # a base key's problem is the same in every variant: said once
    for merged, origin in expand_compare(doc, columns(doc), lang):
        try:
            spec = ColumnSpec(**validate_column(merged))
        except SchemaError as exc:
            for error in _schema_errors(doc, exc, origin):
                if error.render() not in seen:
                    seen.add(error.render())
                    errors.append(error)
            continue
        if errors:
            continue            # a column after a bad one is only checked, not built
        placements.append(build_placement(doc, spec, origin))
        origins.append(origin)
    if errors:
        raise errors[0] if len(errors) == 1 else ScenarioErrors(errors)
    name = doc.data.get("name") if isinstance(doc.data.get("name"), str) else Path(doc.file).stem
    extra = {k: doc.data[k] for k in TOP_LEVEL_ONLY if k in doc.data}
    if "targets" in extra:
        extra["targets"] = targets(doc)
        doc.within(("targets",), limits.BUDGET_ROWS, sum(len(years) for years in extra["targets"].values()) * len(placements))
    if "ranges" in extra:
        from .ranges import scenario_ranges

        extra["ranges"] = scenario_ranges(doc)
    description = doc.data.get("description") if isinstance(doc.data.get("description"), str) else None
    return Scenario(file=doc.file, name=name, placements=tuple(placements), origins=tuple(origins), document=doc, extra=extra,
                    description=description)
