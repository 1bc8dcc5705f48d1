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
from ..core.model import Placement
from .columns import TOP_LEVEL_ONLY, columns, expand_compare, targets
from .placement import ColumnSpec, build_placement, schema_error
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


def load_scenario(path: str | Path, lang: str = "nl") -> Scenario:
    from .schema import SchemaError, validate_column
    from .yamlsource import load_document

    doc = load_document(path)
    if isinstance(doc.data, dict) and "caseload" in doc.data:
        from .caseload import load_caseload

        return load_caseload(doc, lang)
    placements, origins = [], []
    for merged, origin in expand_compare(doc, columns(doc), lang):
        try:
            spec = ColumnSpec(**validate_column(merged))
        except SchemaError as exc:
            schema_error(doc, exc, origin)
        placements.append(build_placement(doc, spec, origin))
        origins.append(origin)
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
