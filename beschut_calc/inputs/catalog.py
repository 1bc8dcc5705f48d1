"""Shipped catalogues: employer models, subsidy sets and rounding schemes (YAML -> model).

Shipped files are trusted package data; a subsidy set given as a path is the
user's own file and is read strictly, with every problem located by line.
"""
from __future__ import annotations

import functools
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..core.errors import Invalid
from ..core.lines import REGISTRY as LINE_REGISTRY, SUBSIDY_LINES
from ..core.model import EmployerModel, ExtraBenefit, LksBand, RoundingScheme, Subsidy, SubsidySet
from ..core.parameters import ParamValue, to_decimal
from ..core.text import Text, euro, percent
from .units import shown, shown_en, text_hint

HERE = Path(__file__).resolve().parent.parent
EMPLOYERS_DIR = HERE / "employers"
SUBSIDY_SETS_DIR = HERE / "subsidy_sets"
ROUNDING_DIR = HERE / "rounding"


def _read_trusted(path: Path) -> dict:
    import yaml

    return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def names(directory: Path) -> list[str]:
    return sorted(p.stem for p in directory.glob("*.yaml"))


def _text(raw: Any) -> Text:
    if isinstance(raw, dict):
        return Text(str(raw.get("nl", "")), str(raw.get("en", raw.get("nl", ""))))
    return Text.same(str(raw))


# ---------------------------------------------------------------- employer models

@functools.lru_cache(maxsize=None)
def load_employer(name: str) -> EmployerModel:
    doc = _read_trusted(EMPLOYERS_DIR / f"{name}.yaml")
    params: dict[str, ParamValue] = {}
    for pname, entry in doc.get("parameters", {}).items():
        # A tariff to derive the mark-up from stays a tariff: the rule (core/rules.py) derives it.
        value = to_decimal(entry["derive_from_tariff"] if "derive_from_tariff" in entry else entry["value"])
        params[pname] = ParamValue(name=pname, value=value, since=None, source=entry["source"],
                                   status=entry.get("status", "confirmed"), note=entry.get("note", ""),
                                   unit=entry.get("unit", ""), note_en=entry.get("note_en", ""))
    return EmployerModel(name=doc["name"], label=_text(doc["label"]), source=doc["source"],
                         wage_cost_origin=doc.get("wage_cost_origin", "estimate"), parameters=params,
                         requires=tuple(doc.get("requires", ())),
                         account=doc.get("account", "employer"), invoices=doc.get("invoices"))


def employer_label(name: str) -> Text:
    return _text(_read_trusted(EMPLOYERS_DIR / f"{name}.yaml")["label"])


# ---------------------------------------------------------------- rounding

def load_rounding(name: str) -> RoundingScheme | None:
    if name == "none":
        return None
    doc = _read_trusted(ROUNDING_DIR / f"{name}.yaml")
    return RoundingScheme(name=name, description=_text(doc["description"]), source=doc["source"],
                          step={k: to_decimal(v) for k, v in doc["step"].items()}, direction=dict(doc["direction"]))


# ---------------------------------------------------------------- subsidy sets

MIN_FULL_HOURS, MAX_FULL_HOURS = Decimal(20), Decimal(48)
MAX_SET_AMOUNT = Decimal(100_000)     # a regional subsidy a place a year; more is a typo (an extra 0, a total)
RESERVED_KEYS = {"benefits", "costs", "balance", "total_benefits", "total_costs", "lks_share", "factor"}
SET_KEYS = {"name", "title", "source", "full_hours", "subsidies", "wage_subsidy", "lkv", "extra_benefits"}
SUBSIDY_KEYS = {"amount", "pro_rata", "source", "from_year", "until_year", "max_years"}
EXTRA_KEYS = {"label", "amount", "pro_rata", "source"}


class _SetReader:
    """Validates a subsidy-set document, raising InputError at the offending line."""

    def __init__(self, doc):
        self.data, self.file, self.fail = doc.data, doc.file, doc.fail

    def mapping(self, value: Any, path: tuple, allowed: set[str], required: tuple[str, ...] = ()) -> dict:
        if not isinstance(value, dict):
            self.fail(path, "verwacht een mapping (sleutel: waarde)", "expected a mapping (key: value)",
                      "zie het voorbeeld in de README, 'Een eigen subsidieset schrijven'",
                      "see the example in the README, 'Een eigen subsidieset schrijven'")
        for key in value:
            if key not in allowed:
                self.fail(path + (key,), "onbekende sleutel in subsidieset", "unknown key in subsidy set",
                          f"toegestaan: {', '.join(sorted(allowed))}", f"allowed: {', '.join(sorted(allowed))}")
        for key in required:
            if key not in value:
                self.fail(path, f"'{key}' ontbreekt", f"'{key}' is missing", f"voeg '{key}:' toe", f"add '{key}:'")
        return value

    def number(self, value: Any, path: tuple, minimum: Decimal = Decimal(0)) -> Decimal:
        if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
            self.fail(path, f"verwacht een getal, niet {shown(value)}", f"expected a number, not {shown_en(value)}",
                      *(text_hint(value) or ("bijvoorbeeld 31", "for example 31")))
        number = to_decimal(value)
        if not number.is_finite() or number < minimum:
            self.fail(path, f"{value} is geen geldig getal (minimaal {minimum})", f"{value} is not a valid number (at least {minimum})",
                      "bijvoorbeeld 31", "for example 31")
        return number

    def euro(self, value: Any, path: tuple) -> Decimal:
        from .units import parse_euro

        if isinstance(value, float):    # only from the trusted shipped files (PyYAML); user files give Decimal
            value = to_decimal(value)
        try:
            amount = parse_euro(value)
        except ValueError as exc:
            problem = Invalid.of(exc)
            self.fail(path, problem.message, problem.en, problem.hint or "bijvoorbeeld 8500", problem.hint_en or "for example 8500")
        if amount > MAX_SET_AMOUNT:
            self.fail(path, f"{euro(amount)} per plek per jaar is onredelijk hoog (meer dan {euro(MAX_SET_AMOUNT)})",
                      f"{euro(amount, 'en')} a place a year is unreasonably high (more than {euro(MAX_SET_AMOUNT, 'en')})",
                      "geef het bedrag per plek per jaar, bijvoorbeeld 8500", "give the amount a place a year, e.g. 8500")
        return amount

    def year(self, value: Any, path: tuple) -> int | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not 2000 <= value <= 2100:
            self.fail(path, f"verwacht een jaartal, niet {shown(value)}", f"expected a year, not {shown_en(value)}",
                      *(text_hint(value) or ("bijvoorbeeld 2019", "for example 2019")))
        return value

    def count(self, value: Any, path: tuple) -> int | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 100:
            self.fail(path, f"verwacht een heel aantal jaren (1 of meer), niet {shown(value)}",
                      f"expected a whole number of years (1 or more), not {shown_en(value)}", "bijvoorbeeld 5", "for example 5")
        return value

    def title(self, value: Any, path: tuple) -> Text:
        if isinstance(value, dict):
            self.mapping(value, path, {"nl", "en"}, ("nl",))
            for lang in value:
                self.text(value[lang], path + (lang,))
        elif value is not None:
            self.text(value, path)
        return _text(value)

    def boolean(self, value: Any, path: tuple) -> bool:
        if not isinstance(value, bool):
            self.fail(path, f"verwacht true of false, niet {shown(value)}", f"expected true or false, not {shown_en(value)}",
                      "schrijf true of false", "write true or false")
        return value

    def text(self, value: Any, path: tuple) -> str:
        if not isinstance(value, str) or not value.strip():
            self.fail(path, f"verwacht een tekst, niet {shown(value)}", f"expected a text, not {shown_en(value)}",
                      "zet tekst tussen aanhalingstekens", "put text between quotes")
        return value

    def build(self) -> SubsidySet:
        if not isinstance(self.data, dict) or not {"subsidies", "full_hours"} & set(self.data):
            # Say nothing about what the file holds: it may be any file the path pointed at.
            self.fail((), "dit bestand is geen subsidieset (er staan geen 'full_hours' en 'subsidies' in)",
                      "this file is not a subsidy set (it has no 'full_hours' and 'subsidies')",
                      "geef een subsidieset zoals in de README, 'Een eigen subsidieset schrijven'",
                      "give a subsidy set as in the README, 'Een eigen subsidieset schrijven'")
        doc = self.mapping(self.data, (), SET_KEYS, ("name", "source", "full_hours", "subsidies"))
        full_hours = self.number(doc["full_hours"], ("full_hours",), MIN_FULL_HOURS)
        if full_hours > MAX_FULL_HOURS:
            self.fail(("full_hours",), f"voltijd van {full_hours} uur per week is meer dan {MAX_FULL_HOURS}",
                      f"full time of {full_hours} hours a week is more than {MAX_FULL_HOURS}",
                      "de voltijdse werkweek van de regeling, meestal 36 of 40", "the scheme's full-time week, usually 36 or 40")
        subsidies = {}
        raw_subs = self.mapping(doc["subsidies"] or {}, ("subsidies",), set(SUBSIDY_LINES))
        for key, raw in raw_subs.items():
            path = ("subsidies", key)
            raw = self.mapping(raw, path, SUBSIDY_KEYS, ("amount", "source"))
            subsidies[key] = Subsidy(key=key, amount=self.euro(raw["amount"], path + ("amount",)),
                                     pro_rata=self.boolean(raw.get("pro_rata", True), path + ("pro_rata",)),
                                     source=self.text(raw["source"], path + ("source",)),
                                     from_year=self.year(raw.get("from_year"), path + ("from_year",)),
                                     until_year=self.year(raw.get("until_year"), path + ("until_year",)),
                                     max_years=self.count(raw.get("max_years"), path + ("max_years",)))
            sub = subsidies[key]
            if sub.from_year and sub.until_year and sub.until_year < sub.from_year:
                self.fail(path + ("until_year",), f"until_year {sub.until_year} ligt vóór from_year {sub.from_year}",
                          f"until_year {sub.until_year} is before from_year {sub.from_year}",
                          "until_year is het laatste jaar waarin de subsidie bestaat", "until_year is the last year the subsidy exists")
        rule, bands, lks_source = "statutory", (), ""
        if "wage_subsidy" in doc:
            ws = self.mapping(doc["wage_subsidy"], ("wage_subsidy",), {"rule", "bands", "source"}, ("rule",))
            rule = ws["rule"]
            if rule not in ("statutory", "bands"):
                self.fail(("wage_subsidy", "rule"), f"onbekende regel {rule!r}", f"unknown rule {rule!r}", "statutory of bands", "statutory or bands")
            lks_source = self.text(ws["source"], ("wage_subsidy", "source")) if "source" in ws else ""
            if rule == "bands":
                if not isinstance(ws.get("bands"), list) or not ws["bands"]:
                    self.fail(("wage_subsidy", "bands"), "verwacht een lijst banden", "expected a list of bands",
                              "bijvoorbeeld bands: [{from: 40%, to: 50%, lks: 60%}]", "for example bands: [{from: 40%, to: 50%, lks: 60%}]")
                bands = tuple(self._band(b, ("wage_subsidy", "bands", i)) for i, b in enumerate(ws["bands"]))
                self._bands_adjoin(bands)
        extras = []
        raw_extras = doc.get("extra_benefits") or {}
        self.mapping(raw_extras, ("extra_benefits",), set(raw_extras) if isinstance(raw_extras, dict) else set())
        for key, raw in raw_extras.items():
            path = ("extra_benefits", key)
            from .overrides import override_kinds

            if not re.fullmatch(r"[a-z][a-z0-9_]{0,39}", key):
                self.fail(path, "de naam van een extra post is één woord van kleine letters, cijfers en _",
                          "the name of an extra line is one word of lower-case letters, digits and _",
                          "bijvoorbeeld 'bonus_gemeente'", "for example 'bonus_gemeente'")
            if key in LINE_REGISTRY or key in SUBSIDY_LINES or key in override_kinds() or key in RESERVED_KEYS:
                self.fail(path, f"'{key}' is al de naam van een vaste post", f"'{key}' is already the name of a standard line",
                          "kies een eigen naam, bijvoorbeeld 'bonus_" + key + "'", "choose a name of your own, e.g. 'bonus_" + key + "'")
            raw = self.mapping(raw, path, EXTRA_KEYS, ("label", "amount", "source"))
            extras.append(ExtraBenefit(key=key, label=self.title(raw["label"], path + ("label",)), amount=self.euro(raw["amount"], path + ("amount",)),
                                       pro_rata=self.boolean(raw.get("pro_rata", False), path + ("pro_rata",)),
                                       source=self.text(raw["source"], path + ("source",))))
        if self.boolean(doc.get("lkv", False), ("lkv",)):
            from .overrides import lkv_excluded

            problem = lkv_excluded("verwijder 'lkv: true' uit de subsidieset", "remove 'lkv: true' from the subsidy set")
            self.fail(("lkv",), problem.message, problem.en, problem.hint, problem.hint_en)
        return SubsidySet(name=self.text(doc["name"], ("name",)), title=self.title(doc.get("title", doc["name"]), ("title",)),
                          source=self.text(doc["source"], ("source",)), full_hours=full_hours, subsidies=subsidies,
                          wage_subsidy_rule=rule, lks_bands=bands, lks_source=lks_source,
                          extra_benefits=tuple(extras),
                          path=None)

    def _band(self, raw: Any, path: tuple) -> LksBand:
        raw = self.mapping(raw, path, {"from", "to", "lks"}, ("from", "to", "lks"))
        band = LksBand(from_share=self._share(raw["from"], path + ("from",)), to_share=self._share(raw["to"], path + ("to",)),
                       lks_share=self._share(raw["lks"], path + ("lks",)))
        if band.to_share <= band.from_share:
            self.fail(path, "'to' moet groter zijn dan 'from'", "'to' must be larger than 'from'",
                      "bijvoorbeeld {from: 40%, to: 50%, lks: 60%}", "for example {from: 40%, to: 50%, lks: 60%}")
        return band

    def _bands_adjoin(self, bands: tuple[LksBand, ...]) -> None:
        """Bands in order, each starting where the one before ends: an overlap gives two answers, a gap none."""
        for i in range(1, len(bands)):
            before, band = bands[i - 1], bands[i]
            if band.from_share == before.to_share:
                continue
            path = ("wage_subsidy", "bands", i, "from")
            if band.from_share < before.to_share:
                self.fail(path, f"band {i + 1} begint bij {percent(band.from_share)}, vóór het einde van band {i} ({percent(before.to_share)})",
                          f"band {i + 1} starts at {percent(band.from_share, 'en')}, before band {i} ends ({percent(before.to_share, 'en')})",
                          "zet de banden op volgorde; elke band begint waar de vorige eindigt",
                          "put the bands in order; each band starts where the one before ends")
            self.fail(path, f"gat tussen band {i} (tot {percent(before.to_share)}) en band {i + 1} (vanaf {percent(band.from_share)})",
                      f"gap between band {i} (up to {percent(before.to_share, 'en')}) and band {i + 1} (from {percent(band.from_share, 'en')})",
                      "laat elke band beginnen waar de vorige eindigt", "let each band start where the one before ends")

    def _share(self, value: Any, path: tuple) -> Decimal:
        from .units import parse_fraction

        try:
            share = parse_fraction(value)
            if not 0 <= share <= 1:
                raise Invalid(f"{value} valt buiten 0-100 %", f"{value} is outside 0-100 %")
            return share
        except ValueError as exc:
            problem = Invalid.of(exc)
            self.fail(path, problem.message, problem.en, problem.hint or "bijvoorbeeld 40%", problem.hint_en or "for example 40%")


def load_subsidy_set(name_or_path: str, base_dir: Path | None = None) -> SubsidySet:
    """A shipped set by name, or the user's own set file by path (relative to the scenario's folder)."""
    shipped = SUBSIDY_SETS_DIR / f"{name_or_path}.yaml"
    if "/" not in name_or_path and "\\" not in name_or_path and shipped.is_file():
        from .yamlsource import Document

        return _SetReader(Document(_read_trusted(shipped), str(shipped))).build()
    from .yamlsource import load_document

    path = Path(name_or_path)
    if base_dir is not None and not path.is_absolute():
        path = base_dir / path
    doc = load_document(path)
    built = _SetReader(doc).build()
    return built._replace(path=str(path))


def looks_like_path(value: str) -> bool:
    return value.endswith((".yaml", ".yml")) or "/" in value or "\\" in value
