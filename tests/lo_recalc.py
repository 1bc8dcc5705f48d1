"""Let LibreOffice Calc (headless) recalculate a workbook, then read the values with openpyxl.

The exported workbook carries cached values beside its formulas (report/excel_values.py); they
are stripped from the copy LibreOffice gets, so a cell read with data_only=True afterwards holds
a number only because LibreOffice computed it from the formula.
Each run uses a fresh LibreOffice profile (no state shared between runs or with a user's own
LibreOffice) configured to recalculate every formula when a file is loaded.
"""
from __future__ import annotations

import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

# 0 = "always recalculate" on load, for OOXML (xlsx) and ODF files.
PROFILE_SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""
SKIP_REASON = "LibreOffice (soffice) is not installed; CI installs libreoffice-calc-nogui"


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def recalculate(path: Path, outdir: Path, timeout: int = 240) -> Path:
    """Convert `path` (xlsx) to a recalculated xlsx in `outdir` (which must differ from path's folder)."""
    return convert(path, outdir, "xlsx:Calc MS Excel 2007 XML", "xlsx", timeout)


def pdf_pages(path: Path, outdir: Path, timeout: int = 240) -> int:
    """The number of pages LibreOffice prints `path` on (its PDF export)."""
    import re

    pdf = convert(path, outdir, "pdf", "pdf", timeout)
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes()))


def convert(path: Path, outdir: Path, filter_name: str, extension: str, timeout: int = 240) -> Path:
    binary = soffice()
    if binary is None:
        raise RuntimeError(SKIP_REASON)
    path, outdir = Path(path).resolve(), Path(outdir).resolve()
    if outdir == path.parent:
        raise ValueError("outdir must differ from the input's folder (LibreOffice keeps the file name)")
    outdir.mkdir(parents=True, exist_ok=True)
    profile = Path(tempfile.gettempdir()) / f"lo-profile-{uuid.uuid4().hex}"
    (profile / "user").mkdir(parents=True)
    (profile / "user" / "registrymodifications.xcu").write_text(PROFILE_SETTINGS, encoding="utf-8")
    try:
        done = subprocess.run(
            [binary, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore", "--nologo",
             "--convert-to", filter_name, "--outdir", str(outdir), str(path)],
            capture_output=True, text=True, timeout=timeout)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    out = outdir / (path.stem + "." + extension)
    if done.returncode != 0 or not out.exists():
        raise RuntimeError(f"LibreOffice failed ({done.returncode}): {done.stdout} {done.stderr}")
    return out


def without_cached_values(path: Path, outdir: Path) -> Path:
    """A copy of the workbook whose formula cells hold no value, in `outdir`."""
    import re
    import zipfile

    outdir.mkdir(parents=True, exist_ok=True)
    target = outdir / Path(path).name
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                text = content.decode("utf-8")
                text = re.sub(r'(<c r="[A-Z]+\d+"[^>]*?)\s+t="(?:str|b|n|e)"([^>]*><f>)', r"\1\2", text)
                content = re.sub(r"(</f>)<v>[^<]*</v>", r"\1<v></v>", text).encode("utf-8")
            out.writestr(item, content)
    return target


def recalculated_values(path: Path, outdir: Path):
    """The workbook recalculated by LibreOffice from its formulas alone (cached values stripped
    first), opened with data_only=True (computed values, not formulas)."""
    import openpyxl

    bare = without_cached_values(path, outdir / "bare")
    return openpyxl.load_workbook(recalculate(bare, outdir), data_only=True)


def formula_cells(path: Path):
    """(sheet, coordinate, formula, cached value) of every formula cell of the workbook at `path`."""
    import openpyxl

    formulas, cached = openpyxl.load_workbook(path), openpyxl.load_workbook(path, data_only=True)
    for ws in formulas.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.data_type == "f":
                    yield ws.title, c.coordinate, c.value, cached[ws.title][c.coordinate].value


# ---------------------------------------------------------------- the engine check every workbook test shares

def cell(address: str) -> str:
    return address.replace("$", "")


def assert_close(got, expected, what: str) -> None:
    """LibreOffice's double against the engine's Decimal: equal to the cent, with a wide margin."""
    from decimal import Decimal

    assert got is not None, f"{what}: no value (not recalculated)"
    assert isinstance(got, (int, float)), f"{what}: {got!r} is not a number"
    assert abs(Decimal(repr(got)) - expected) < Decimal("0.001"), f"{what}: sheet {got}, engine {expected}"


def layout_lang(values) -> str:
    return "en" if values["Samenvatting"]["A1"].value.startswith("Business case") else "nl"


def assert_matches_engine(values, runs, layouts) -> None:
    """Every line (rounded and unrounded), every total and the verdict, per column sheet."""
    from beschut_calc.report.labels import verdict

    results = [r for _, rs in runs for r in rs]
    assert len(results) == len(layouts)
    for result, layout in zip(results, layouts):
        ws = values[layout.sheet]
        name = result.placement.name
        for line in result.lines:
            assert_close(ws[cell(layout.lines[line.key])].value, line.amount, f"{name} {line.key}")
            before = line.unrounded if line.unrounded is not None else line.amount
            assert_close(ws[cell(layout.unrounded[line.key])].value, before, f"{name} {line.key} unrounded")
        assert_close(ws[cell(layout.benefits)].value, result.benefits, f"{name} benefits")
        assert_close(ws[cell(layout.costs)].value, result.costs, f"{name} costs")
        assert_close(ws[cell(layout.balance)].value, result.balance, f"{name} balance")
        assert ws[cell(layout.verdict)].value == verdict(result.balance, layout_lang(values)), name


def assert_workbook_matches_engine(runs, book, folder: Path) -> None:
    """Write the workbook of `runs` as the CLI does, let LibreOffice recalculate it from its formulas
    alone, and hold every column sheet to the engine (assert_matches_engine)."""
    from beschut_calc.report import excel

    target = excel.write(folder / "engine.xlsx", runs, book)
    _, layouts = excel.build(runs, book)
    assert_matches_engine(recalculated_values(target, folder / "lo"), runs, layouts)
