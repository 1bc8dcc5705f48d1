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
# Each parameter file's own metadata (`label:` for the workbook, `input:` for what a scenario may
# set), read with the values at no extra cost; inputs/declared.py turns it into declarations.
METADATA: dict[str, dict] = {}


def load_parameters(directory: Path = PARAMS_DIR) -> ParameterBook:
    """Read every parameter file of the package (cached for the default folder). The files are
    always read and hashed; their parsed form is kept in the user's cache, under that hash, so a
    run parses YAML only after a parameter file changed (`_cached_documents`)."""
    global _BOOK
    if directory == PARAMS_DIR and _BOOK is not None:
        return _BOOK
    import hashlib

    digest = hashlib.sha256()
    raws = {}
    for path in sorted(directory.glob("*.yaml")):
        raw = path.read_bytes()
        digest.update(path.name.encode() + b"\0" + raw + b"\0")
        raws[path.stem] = raw
    # The catalogues (employer models, subsidy sets, rounding) are data the figures depend on too.
    for folder in CATALOGUE_DIRS if directory == PARAMS_DIR else ():
        for path in sorted(folder.glob("*.yaml")):
            digest.update(f"{folder.name}/{path.name}".encode() + b"\0" + path.read_bytes() + b"\0")
    docs = _cached_documents(raws, digest.hexdigest())
    book = ParameterBook()
    for name, doc in docs.items():
        book.parameters[name] = parse_parameter(name, doc)
        if directory == PARAMS_DIR:
            METADATA[name] = {key: doc[key] for key in ("label", "input") if key in doc}
    book.digest = digest.hexdigest()[:12]
    if directory == PARAMS_DIR:
        _BOOK = book
    return book


def cache_directory() -> Path | None:
    """Where parsed parameter files are kept: $XDG_CACHE_HOME or ~/.cache; none with BESCHUT_CALC_NO_CACHE."""
    import os

    if os.environ.get("BESCHUT_CALC_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or (os.path.join(os.path.expanduser("~"), ".cache") if os.path.expanduser("~") != "~" else "")
    return Path(base) / "beschut-calc" if base else None


CACHE_FORMAT = "v2"      # a new encoding gets a new name, so an old cache is never misread


def _cached_documents(raws: dict[str, bytes], digest: str) -> dict[str, dict]:
    """The parsed YAML documents: from the cache when it holds this digest (JSON: fast to read and
    never code), else parsed and stored there. A cache that cannot be read or written is skipped."""
    import json

    folder = cache_directory()
    target = folder / f"parameters-{CACHE_FORMAT}-{digest}.json" if folder is not None else None
    if target is not None:
        try:
            stored = json.loads(target.read_text(encoding="utf-8"))
            if isinstance(stored, dict) and set(stored) == set(raws):
                return {name: _from_json(doc) for name, doc in stored.items()}
        except (OSError, ValueError):
            pass
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    docs = {name: yaml.load(raw.decode("utf-8"), Loader=loader) for name, raw in raws.items()}
    if target is not None:
        try:
            import os
            import tempfile

            folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=folder, prefix=".parameters-", suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(_jsonable(docs), out)
            os.replace(temporary, target)
        except (OSError, TypeError, ValueError):
            pass
    return docs


def _jsonable(value: Any) -> Any:
    """A parsed document in JSON, exactly: a date becomes {"__date__": ISO}, a mapping with a key that
    is not text becomes {"__items__": [[key, value], ...]}; anything else JSON cannot hold refuses."""
    if isinstance(value, dict):
        if all(isinstance(k, str) for k in value):
            return {k: _jsonable(v) for k, v in value.items()}
        return {"__items__": [[_jsonable(k), _jsonable(v)] for k, v in value.items()]}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dt.date):
        return {"__date__": value.isoformat()}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise TypeError(f"cannot cache {type(value).__name__}")


def _from_json(value: Any) -> Any:
    """The inverse of `_jsonable`."""
    if isinstance(value, dict):
        if set(value) == {"__date__"} and isinstance(value["__date__"], str):
            return dt.date.fromisoformat(value["__date__"])
        if set(value) == {"__items__"} and isinstance(value["__items__"], list):
            return {_from_json(k): _from_json(v) for k, v in value["__items__"]}
        return {k: _from_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_from_json(v) for v in value]
    return value
