"""Bounds on the total work one run may ask for (issue 15), all in one place.

Each part of a request is bounded on its own elsewhere (a sweep's points, --years, --simulate);
these bound the products, because 200 variants times a compare of 200 values, or 100 columns
times a capped sweep, is a small file that asks for hours of work and gigabytes of memory. The
numbers come from measuring (bench/, README "Grenzen"): about 10 ms per column for a printed
table; a break-even search evaluates each column's bound trees over arrays and adds a few ms a
column (bench/breakeven.py: at most twice the plain table at 500 columns). A refused request is answered before any work, by
count, with the limit named and how to split the work.
"""
from __future__ import annotations

from dataclasses import dataclass

from .errors import InputError


@dataclass(frozen=True)
class Limit:
    key: str           # what the message is about: "kolommen", "--sweep", ...
    maximum: int
    what: str          # Dutch: what is counted
    what_en: str
    split: str         # Dutch: how to stay within it
    split_en: str


COLUMNS = Limit("kolommen", 500, "kolommen (varianten × vergelijkingswaarden, alle bestanden samen)",
                "columns (variants × compare values, all files together)",
                "verdeel de varianten over meer bestanden en draai ze los, of vergelijk minder waarden",
                "spread the variants over more files and run them one by one, or compare fewer values")
COLUMN_YEARS = Limit("--years", 2_000, "kolomjaren (kolommen × --years)", "column-years (columns × --years)",
                     "volg minder jaren of draai minder kolommen tegelijk", "follow fewer years or run fewer columns at once")
BREAKEVEN_COLUMNS = Limit("--breakeven", 500, "kolommen met een break-even-zoektocht", "columns with a break-even search",
                          "zoek de break-even voor minder kolommen tegelijk", "search the break-even for fewer columns at once")
SENSITIVITY_COLUMNS = Limit("--sensitivity", 100, "kolommen met een tornado", "columns with a tornado",
                            "vraag de tornado voor minder kolommen tegelijk", "ask the tornado for fewer columns at once")
SWEEP_POINTS = Limit("--sweep", 5_000_000, "roosterpunten (kolommen × punten)", "grid points (columns × points)",
                     "kies een grotere stap of draai minder kolommen tegelijk", "choose a larger step or run fewer columns at once")
DRAWS = Limit("--simulate", 5_000_000, "trekkingen (kolommen × --simulate)", "draws (columns × --simulate)",
              "trek minder scenario's of draai minder kolommen tegelijk", "draw fewer scenarios or run fewer columns at once")
BUDGET_ROWS = Limit("targets", 2_000, "begrotingsregels (gemeenten × jaren × kolommen)", "budget rows (municipalities × years × columns)",
                    "verdeel de gemeenten of de jaren over meer bestanden", "spread the municipalities or years over more files")
DOCUMENT_COLUMNS = Limit("--word", 60, "kolommen in een Word-bijlage of grafiek", "columns in a Word annex or chart",
                         "maak een bijlage per bestand of per groep varianten", "make one annex per file or per group of variants")
WORKBOOK_COLUMNS = Limit("--excel", 100, "kolommen in een werkmap (één blad per kolom)", "columns in a workbook (one sheet each)",
                         "schrijf een werkmap per bestand of per groep varianten", "write one workbook per file or per group of variants")

# A national caseload is some tens of thousands of placements; the bench runs 100,000 x 10 years in well under 2 s.
CASELOAD_ROWS = Limit("caseload", 1_000_000, "regels in het caseloadbestand", "lines in the caseload file",
                      "splits het bestand per gemeente of regio", "split the file per municipality or region")
CASELOAD_ROW_YEARS = Limit("--years", 20_000_000, "plaatsingsjaren (regels × --years)", "placement-years (lines × --years)",
                           "volg minder jaren of splits het bestand", "follow fewer years or split the file")
CASELOAD_SHEET_ROWS = Limit("--excel", 20_000, "regels op het blad per plaatsing (plaatsingen × jaren)",
                            "rows on the per-placement sheet (placements × years)",
                            "gebruik --format json voor zo'n grote caseload, of splits het bestand",
                            "use --format json for a caseload this large, or split the file")


def check(limit: Limit, count: int, file: str | None = None) -> None:
    """Refuse `count` units of `limit` when it is over the maximum; says how to split the work."""
    if count <= limit.maximum:
        return
    shown = f"{count:,}".replace(",", ".")
    maximum = f"{limit.maximum:,}".replace(",", ".")
    raise InputError(f"te veel werk: {shown} {limit.what}; het maximum is {maximum}",
                     en=f"too much work: {count:,} {limit.what_en}; the maximum is {limit.maximum:,}",
                     file=file, key=limit.key, hint=limit.split, hint_en=limit.split_en)
