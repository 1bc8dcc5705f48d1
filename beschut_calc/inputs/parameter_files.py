"""Reading the dated parameter files (`beschut_calc/params/*.yaml`) into a ParameterBook."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ..core.parameters import STATUSES, Parameter, ParameterBook, ParamValue, to_decimal

PARAMS_DIR = Path(__file__).resolve().parent.parent / "params"
CATALOGUE_DIRS = tuple(PARAMS_DIR.parent / name for name in ("employers", "subsidy_sets", "rounding"))


def _parse_date(raw: Any, where: str) -> dt.date:
    if isinstance(raw, dt.date):
        return raw
    try:
        return dt.date.fromisoformat(str(raw))
    except ValueError as exc:
        raise ValueError(f"{where}: {raw!r} is not a date (YYYY-MM-DD)") from exc


def parse_parameter(name: str, doc: dict) -> Parameter:
    """Build a Parameter from a parsed YAML document; raises ValueError on a malformed file."""
    for required in ("description", "values"):
        if required not in doc:
            raise ValueError(f"parameter {name}: missing '{required}'")
    values = []
    for raw_date, entry in doc["values"].items():
        since = _parse_date(raw_date, f"parameter {name}")
        if not isinstance(entry, dict) or "value" not in entry or not entry.get("source"):
            raise ValueError(f"parameter {name} {since}: every value needs 'value' and 'source'")
        status = entry.get("status", "confirmed")
        if status not in STATUSES:
            raise ValueError(f"parameter {name} {since}: status {status!r} not one of {STATUSES}")
        values.append(ParamValue(name=name, value=to_decimal(entry["value"]), since=since,
                                 source=str(entry["source"]).strip(), status=status,
                                 note=str(entry.get("note", "")).strip(), unit=str(doc.get("unit", "")),
                                 note_en=str(entry.get("note_en", "")).strip(),
                                 price_year=int(doc["price_year"]) if doc.get("price_year") else None))
    values.sort(key=lambda v: v.since)
    known_until = doc.get("known_until")
    return Parameter(name=name, description=str(doc["description"]).strip(), unit=str(doc.get("unit", "")),
                     values=values, known_until=_parse_date(known_until, name) if known_until else None)


_BOOK: ParameterBook | None = None


def load_parameters(directory: Path = PARAMS_DIR) -> ParameterBook:
    """Read every parameter file of the package (cached for the default folder)."""
    global _BOOK
    if directory == PARAMS_DIR and _BOOK is not None:
        return _BOOK
    import yaml  # local: keeps `import beschut_calc.parameters` cheap for tools that only need types

    import hashlib

    book = ParameterBook()
    digest = hashlib.sha256()
    for path in sorted(directory.glob("*.yaml")):
        raw = path.read_bytes()
        digest.update(path.name.encode() + b"\0" + raw + b"\0")
        doc = yaml.load(raw.decode("utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        book.parameters[path.stem] = parse_parameter(path.stem, doc)
    # The catalogues (employer models, subsidy sets, rounding) are data the figures depend on too.
    for folder in CATALOGUE_DIRS if directory == PARAMS_DIR else ():
        for path in sorted(folder.glob("*.yaml")):
            digest.update(f"{folder.name}/{path.name}".encode() + b"\0" + path.read_bytes() + b"\0")
    book.digest = digest.hexdigest()[:12]
    if directory == PARAMS_DIR:
        _BOOK = book
    return book
