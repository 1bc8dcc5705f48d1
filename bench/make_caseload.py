"""Write a synthetic caseload CSV as a Dutch spreadsheet exports it (`;`, decimal comma, 1-3-2017).

    python bench/make_caseload.py zaanstreek scenarios/caseload-zaanstreek-voorbeeld.csv
    python bench/make_caseload.py 100000 /tmp/caseload-100k.csv

`zaanstreek` gives the shipped example: the region's 58 places of 2017 and 102 of 2018 over
the eight municipalities of endnote i of the Zaanstreek-Waterland note. A number gives that
many placements over 2017-2026 for the benchmark. Every person is invented (seeded random).
"""
from __future__ import annotations

import random
import sys

# Notitie Nieuw beschut werk Zaanstreek-Waterland 2017, eindnoot i: places in existence per year.
TARGETS = {"Beemster": (1, 2), "Edam-Volendam": (3, 5), "Landsmeer": (1, 2), "Oostzaan": (1, 1), "Purmerend": (17, 30),
           "Waterland": (2, 3), "Wormerland": (2, 4), "Zaanstad": (31, 55)}
MODELS = ["gemeente"] * 6 + ["regulier"] * 2 + ["payroll", "uitzendbureau"]
HEADER = "id;gemeente;startdatum;einddatum;uren;loonwaarde;werkgever;subsidieset;uitzendtoeslag;proefplaatsing"


def _row(rng: random.Random, number: int, municipality: str, year: int, month: int, end: str = "") -> str:
    model = rng.choice(MODELS)
    hours = rng.choice([20, 22, 24, 24, 25, 26, 28, 30, 31, 31, 32, 32, 34, 36, 36])
    half = rng.random() < 0.15
    wage = rng.choice([30, 30, 30, 35, 40, 45, 50, 55, 60])
    fee = "18%" if model == "uitzendbureau" else ""
    trial = str(rng.choice([0, 0, 0, 0, 2, 3])) if year == 2017 else "0"
    hours_text = f"{hours},5" if half else str(hours)
    return (f"P{number:05d};{municipality};{rng.randint(1, 28)}-{month}-{year};{end};{hours_text};{wage}%;{model};"
            f"zaanstreek-waterland-2017;{fee};{trial}")


def zaanstreek() -> list[str]:
    rng = random.Random(2017)
    rows, number = [], 0
    for municipality, (first, second) in TARGETS.items():
        for _ in range(first):
            number += 1
            rows.append(_row(rng, number, municipality, 2017, rng.randint(1, 12)))
        for _ in range(second - first):
            number += 1
            rows.append(_row(rng, number, municipality, 2018, rng.randint(1, 12)))
    # Two placements of 2017 end on 30 June 2018, so some years are partial at both ends.
    for i in (3, 20):
        rows[i] = _with_end(rows[i], "30-6-2018")
    return rows


def _with_end(row: str, end: str) -> str:
    parts = row.split(";")
    parts[3] = end
    return ";".join(parts)


def national(count: int) -> list[str]:
    rng = random.Random(count)
    names = [f"Gemeente {i:03d}" for i in range(342)]
    rows = []
    for number in range(1, count + 1):
        year, month = rng.randint(2017, 2026), rng.randint(1, 12)
        end = f"{rng.randint(1, 28)}-{rng.randint(1, 12)}-{rng.randint(year + 1, 2030)}" if rng.random() < 0.3 else ""
        rows.append(_row(rng, number, rng.choice(names), year, month, end))
    return rows


def main() -> None:
    kind, target = sys.argv[1], sys.argv[2]
    if kind == "zaanstreek":
        comment = ["# Synthetische caseload (verzonnen personen) voor de regio Zaanstreek-Waterland: de 58 plekken van 2017",
                   "# en de 102 van 2018 over de acht gemeenten van eindnoot i van de notitie Nieuw beschut werk (2017).",
                   "# Gemaakt met bench/make_caseload.py; geen echte gegevens. Eén regel per plaatsing."]
        rows = comment + [HEADER] + zaanstreek()
    else:
        rows = [HEADER] + national(int(kind))
    with open(target, "w", encoding="utf-8", newline="\n") as out:
        out.write("\n".join(rows) + "\n")


if __name__ == "__main__":
    main()
