"""How quickly the caseload's bounds answer (issue 24): every hostile file of the issue, timed.

    python bench/hardening.py            # all cases, each a real process (start-up included)

Each case is a generated caseload in a temporary folder, run as `beschut-calc s.yaml --format json`
on at most two cores (taskset when it exists). Printed per case: the exit code, the wall time,
the same minus the start-up of a tiny good caseload (what the bound itself costs), and the peak
memory of the process. The goal: exit 0 or 2, the bound's own cost under 1 s, memory well under
1 GiB. Also timed: reading and checking 100,000 good rows (the BSN scan of every text column
included) and the Word annex of 2,000 municipalities.
"""
from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

HEADER = "id;gemeente;startdatum;einddatum;uren;loonwaarde;werkgever"
GOOD = "A1;Zaanstad;1-3-2025;;31;30%;gemeente"


def script() -> list[str]:
    beside = Path(sys.executable).parent / "beschut-calc"
    command = [str(beside) if beside.exists() else shutil.which("beschut-calc")]
    if shutil.which("taskset"):
        command = ["taskset", "-c", "0,1", *command]
    return command


def run(folder: Path, *args: str, env: dict | None = None) -> tuple[int, float, float, str]:
    """(exit code, seconds, peak MiB, first line of stderr) of one real process."""
    started = time.perf_counter()
    # /usr/bin/time (a small process) reports the peak memory of the run itself, not of this script
    timer = ["/usr/bin/time", "-f", "peak-kb %M"] if os.path.exists("/usr/bin/time") else []
    proc = subprocess.run([*timer, *script(), str(folder / "s.yaml"), "--format", "json", *args], stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, env={**os.environ, **(env or {})}, timeout=600)
    seconds = time.perf_counter() - started
    lines = proc.stderr.decode("utf-8", "replace").strip().splitlines()
    peak = float(lines.pop()[len("peak-kb "):]) / 1024 if timer and lines and lines[-1].startswith("peak-kb ") else float("nan")
    return proc.returncode, seconds, peak, lines[0][:90] if lines else ""


def case(root: Path, name: str, content: bytes | None = None, link: str | None = None, caseload: str = "c.csv",
         make=None) -> Path:
    folder = root / name.replace(" ", "-").replace("/", "_")
    folder.mkdir()
    target = folder / caseload
    if link:
        os.symlink(link, target)
    elif make:
        make(target)
    else:
        target.write_bytes(content)
    (folder / "s.yaml").write_text(f"name: bench\ncaseload: {caseload}\nyear: 2025\nsubsidy_set: rijk\n", encoding="utf-8")
    return folder


def rows(*lines: str, header: str = HEADER) -> bytes:
    return ("\n".join([header, *lines]) + "\n").encode()


def with_cell(value: str) -> bytes:
    return rows(f"A1;Zaanstad;1-3-2025;;{value};30%;gemeente")


def workbook(target: Path, count: int, columns: int = 7, dimension: str | None = None) -> None:
    import openpyxl

    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet()
    ws.append(HEADER.split(";") + [f"n{i}" for i in range(columns - 7)])
    for i in range(count):
        ws.append([f"A{i}", "Zaanstad", "1-3-2025", "", 31, "30%", "gemeente"] + ["x"] * (columns - 7))
    wb.save(target)
    if dimension:
        import re

        with zipfile.ZipFile(target) as z:
            parts = {n: z.read(n) for n in z.namelist()}
        for n in parts:
            if n.startswith("xl/worksheets/"):
                parts[n] = re.sub(rb'<dimension ref="[^"]*"', f'<dimension ref="{dimension}"'.encode(), parts[n], count=1)
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
            for n, data in parts.items():
                z.writestr(n, data)


def _wide_rows(target: Path, count: int, columns: int) -> None:
    """A header of seven columns, rows of `columns` cells: the header check cannot see them."""
    import openpyxl

    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet()
    ws.append(HEADER.split(";"))
    for i in range(count):
        ws.append([f"A{i}", "Zaanstad", "1-3-2025", "", 31, "30%", "gemeente"] + ["x"] * (columns - 7))
    wb.save(target)


def good_rows(count: int, municipalities: int = 342) -> bytes:
    rng = random.Random(1)
    out = [HEADER]
    for i in range(count):
        out.append(f"P{i:06d};Gemeente {i % municipalities:04d};{rng.randint(1, 28)}-{rng.randint(1, 12)}-2025;;"
                   f"{rng.choice([24, 31, 36])};{rng.choice([30, 40, 50])}%;{rng.choice(['gemeente', 'regulier', 'payroll'])}")
    return ("\n".join(out) + "\n").encode()


def main() -> None:
    root = Path(tempfile.mkdtemp(prefix="beschut-bench-hardening-"))
    try:
        cases = [
            ("start-up: a good caseload of one row", case(root, "good", rows(GOOD)), {}),
            ("sNaN in hours", case(root, "snan", with_cell("sNaN")), {}),
            ("-Infinity in hours", case(root, "inf", with_cell("-Infinity")), {}),
            ("1E999999999 in hours", case(root, "exp", with_cell("1E999999999")), {}),
            ("5,000 digits in hours", case(root, "d5k", with_cell("9" * 5000)), {}),
            ("1 MB digit cell", case(root, "d1m", with_cell("9" * 1_000_000)), {}),
            ("10 MB digit cell", case(root, "d10m", with_cell("9" * 10_000_000)), {}),
            ("COLUMNS of 5,000 digits", case(root, "columns", rows(GOOD)), {"COLUMNS": "9" * 5000}),
            ("link to /proc/self/pagemap", case(root, "pagemap", link="/proc/self/pagemap"), {}),
            ("link to /proc/self/mem", case(root, "mem", link="/proc/self/mem"), {}),
            ("193 unused columns (named 5, counted)",
             case(root, "unused193", rows(GOOD + ";x" * 193, header=HEADER + "".join(f";note {i}" for i in range(193)))), {}),
            ("20,000 unused columns", case(root, "unused20k", rows(GOOD + ";x" * 20_000,
                                                                   header=HEADER + "".join(f";n{i}" for i in range(20_000)))), {}),
            ("100,000 unused columns", case(root, "unused100k", rows(GOOD + ";x" * 100_000,
                                                                     header=HEADER + "".join(f";n{i}" for i in range(100_000)))), {}),
            ("one 50 MB header", case(root, "header50m", rows(GOOD, header=HEADER + ";" + "n" * 50_000_000)), {}),
            ("first row with a million extra fields", case(root, "fields1m", rows(GOOD + ";x" * 1_000_000, GOOD)), {}),
            ("first row with 150 extra fields", case(root, "fields150", rows(GOOD + ";x" * 150, GOOD)), {}),
            ("BSN '123 456 782' in row 100,000 of 100,000",
             case(root, "bsn100k", good_rows(99_999) + b"X1;Zaanstad;1-3-2025;;31;30%;123 456 782\n"), {}),
            ("xlsx declaring A1:XFD1048576, 3 rows", case(root, "xlsxdim", caseload="c.xlsx",
                                                          make=lambda t: workbook(t, 3, dimension="A1:XFD1048576")), {}),
            ("xlsx with 201 columns", case(root, "xlsxcols", caseload="c.xlsx", make=lambda t: workbook(t, 10, columns=201)), {}),
            ("xlsx with 5,000 columns x 30 rows (7 MB)", case(root, "xlsxwide", caseload="c.xlsx",
                                                             make=lambda t: workbook(t, 30, columns=5000)), {}),
            ("xlsx, 7-column header, 5,000-cell rows (7 MB)", case(root, "xlsxrows", caseload="c.xlsx",
                                                                   make=lambda t: _wide_rows(t, 30, 5000)), {}),
            ("xlsx of 20,000 good rows", case(root, "xlsx20k", caseload="c.xlsx", make=lambda t: workbook(t, 20_000)), {}),
            ("xlsx of 60,000 rows (over 8 MB unpacked)", case(root, "xlsx60k", caseload="c.xlsx",
                                                              make=lambda t: workbook(t, 60_000)), {}),
            ("200 MB + 1 byte CSV", case(root, "huge", rows(GOOD) + b"#" * (200 * 1024 * 1024 - len(rows(GOOD)) + 1)), {}),
        ]
        print(f"{'case':48} {'exit':>4} {'s':>7} {'minus start-up':>15} {'peak MiB':>9}  message")
        base = None
        for title, folder, env in cases:
            code, seconds, peak, message = run(folder, env=env)
            base = seconds if base is None else base
            print(f"{title:48} {code:>4} {seconds:7.2f} {seconds - base:15.2f} {peak:9.0f}  {message}")

        folder = case(root, "read100k", good_rows(100_000))
        code, seconds, peak, _ = run(folder)
        print(f"\n100,000 good rows, read, checked (BSN scan of every text column) and computed: exit {code}, {seconds:.2f} s")
        folder = case(root, "word2000", good_rows(6_000, municipalities=2_000))
        (folder / "a.docx").unlink(missing_ok=True)
        code, seconds, peak, _ = run(folder, "--word", str(folder / "a.docx"), "--years", "2")
        print(f"Word annex of 2,000 municipalities x 2 years (JSON on stdout): exit {code}, {seconds:.2f} s")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
