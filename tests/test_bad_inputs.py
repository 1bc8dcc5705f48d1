"""Bad input gets a clear answer (issue 6 items 1-3): the checked-in suite, random damage, exports.

The suite is tests/bad_inputs/ with its expectations in tests/bad_inputs/expected.yaml. Each file
runs through the installed console script (a real process, as a user runs it) and through
typer's CliRunner (in-process, both languages). Every answer must be: exit code 2, nothing on
stdout, one or two lines on stderr starting with file:line:column (file-level problems such as a
missing file have no position), the key, what is wrong and a hint in parentheses, never a
traceback. With --lang en the message must be English.

How quickly the answer comes (the issue's one second) is measured by bench/refusals.py, as a
ratio to a bare start-up; no test here asserts a wall-clock time.
"""
from __future__ import annotations

import errno
import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from beschut_calc import __version__
from beschut_calc.report import safewrite
from beschut_calc.cli import app
from beschut_calc.inputs.yamlsource import MAX_BYTES
from conftest import SCENARIOS

HERE = Path(__file__).resolve().parent / "bad_inputs"
CASES: dict[str, dict] = yaml.safe_load((HERE / "expected.yaml").read_text(encoding="utf-8"))
NAMES = sorted(CASES)
FILE_LEVEL = {"missing.yaml", "a-directory.yaml", "oversized.yaml", "empty.yaml", "empty-zero-bytes.yaml"}

# Words that only a Dutch message contains; an English message may still quote the user's own
# (Dutch) text between single quotes, which is removed before looking.
DUTCH = ("verwacht", " niet ", "bestaat", "sleutel", "schrijf", "bedoelt", "buiten", "bijvoorbeeld", "ongeldige",
         "toegestaan", "ontbreekt", "bestand", "kies ", " een ", " het ", " de ", " uur", "waarde", " voor ",
         "zonder", "gebruik", "punt ", "mag ", "moet ", "groter", "jaartal", "leeg", "regel ", "map ")


def console_script() -> str:
    """The installed `beschut-calc` of the interpreter running the tests (the venv's, in CI)."""
    beside = Path(sys.executable).parent / "beschut-calc"
    found = str(beside) if beside.exists() else shutil.which("beschut-calc")
    assert found, "the console script beschut-calc is not installed (pip install -e .)"
    return found


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    """A copy of the suite (nothing is ever written into the repository), plus the generated cases."""
    folder = tmp_path_factory.mktemp("bad") / "bad_inputs"
    shutil.copytree(HERE, folder)
    for name, case in CASES.items():
        if case.get("make") == "oversized":
            (folder / name).write_bytes(b"name: x\n" + b"#" * (MAX_BYTES + 1 - 9) + b"\n")
            assert (folder / name).stat().st_size == MAX_BYTES + 1
        elif case.get("make") == "absent":
            assert not (folder / name).exists()
    return folder


def check(case: dict, name: str, code: int, out: str, err: str, lang: str) -> None:
    assert code == 2, (name, code, out, err)
    assert out == "", (name, out)
    assert "Traceback" not in err, err
    assert err.endswith("\n") and 1 <= err.count("\n") <= 2, (name, err)
    prefix = case["at"] + ": " + (case["key"] + ": " if case.get("key") else "")
    assert err.startswith(prefix), (name, prefix, err)
    assert err.rstrip().endswith(")"), f"{name}: no hint in parentheses: {err}"
    for part in case[lang]:
        assert part in err, (name, lang, part, err)
    for part in case.get("absent", ()):    # what the file holds, when it must not be echoed
        assert part not in err, (name, lang, part, err)
    if lang == "en":
        text = re.sub(r"'[^']*'", "''", err[len(prefix):])
        dutch = [w for w in DUTCH if w in text]
        assert not dutch, (name, dutch, err)


# ------------------------------------------------------------------ the suite is complete and sound

def test_every_file_has_an_expectation_and_every_expectation_a_file():
    on_disk = {p.name for p in HERE.iterdir() if p.name != "expected.yaml" and p.name != "sets"}
    made = {name for name, case in CASES.items() if case.get("make")}
    assert on_disk == set(CASES) - made
    for name, case in CASES.items():
        assert set(case) <= {"at", "key", "nl", "en", "make", "absent"}, name
        assert case["nl"] and case["en"], name
        # file:line:column, except where the problem is the file as a whole
        positioned = re.search(r":\d+:\d+$", case["at"])
        assert bool(positioned) == (name not in FILE_LEVEL), (name, case["at"])


def test_the_issue_list_is_covered():
    # issue 6 item 1, one case at least for each kind of mistake it names
    for needed in ("malformed-bracket.yaml", "tab-indent.yaml", "duplicate-key.yaml", "yaml11-no.yaml",
                   "yaml11-leading-zero.yaml", "yaml11-exponent.yaml", "anchor-alias.yaml", "oversized.yaml",
                   "latin1.yaml", "binary.yaml", "empty.yaml", "top-level-list.yaml", "missing.yaml",
                   "a-directory.yaml", "hours-text.yaml", "hours-nan.yaml", "override-inf.yaml",
                   "hours-negative.yaml", "hours-zero.yaml", "hours-above-40.yaml", "wage-value-above-100.yaml",
                   "wage-value-text.yaml", "employer-typo.yaml", "subsidy-set-unknown.yaml", "override-unknown.yaml",
                   "year-2014.yaml", "variants-duplicate-names.yaml", "set-amount-text.yaml", "set-unknown-key.yaml",
                   "set-missing-source.yaml", "python-tag.yaml", "year-quoted.yaml", "euro-thousands-dot.yaml",
                   "decimal-comma.yaml", "temp-agency-without-fee.yaml", "compare-unknown-key.yaml",
                   "variants-not-list.yaml", "variant-without-name.yaml"):
        assert needed in CASES, needed


# ------------------------------------------------------------------ each case, both ways

@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("name", NAMES)
def test_cli_runner(name, lang, workdir, monkeypatch):
    monkeypatch.chdir(workdir)
    result = CliRunner().invoke(app, [name, "--lang", lang])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    check(CASES[name], name, result.exit_code, result.stdout, result.stderr, lang)


@pytest.fixture(scope="module")
def processes(workdir) -> dict[str, tuple[int, str, str]]:
    """Every case through the installed console script (default language), a few at a time."""
    script = console_script()
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "COLUMNS": "120"}

    def run(name):
        proc = subprocess.run([script, name], cwd=workdir, capture_output=True, text=True, timeout=60,
                              stdin=subprocess.DEVNULL, env=env)
        return name, (proc.returncode, proc.stdout, proc.stderr)

    with ThreadPoolExecutor(max_workers=4) as pool:
        return dict(pool.map(run, NAMES))


@pytest.mark.parametrize("name", NAMES)
def test_console_script(name, processes):
    code, out, err = processes[name]
    check(CASES[name], name, code, out, err, "nl")


def test_debug_does_not_turn_bad_input_into_a_traceback(workdir, monkeypatch):
    monkeypatch.chdir(workdir)
    result = CliRunner().invoke(app, ["hours-above-40.yaml", "--debug"])
    check(CASES["hours-above-40.yaml"], "hours-above-40.yaml", result.exit_code, result.stdout, result.stderr, "nl")


def test_one_bad_file_among_good_ones_prints_nothing(workdir, monkeypatch):
    monkeypatch.chdir(workdir)
    result = CliRunner().invoke(app, [str(SCENARIOS / "zaanstreek-waterland-2017.yaml"), "year-quoted.yaml"])
    check(CASES["year-quoted.yaml"], "year-quoted.yaml", result.exit_code, result.stdout, result.stderr, "nl")


# ------------------------------------------------------------------ random damage to valid scenarios

# Values people type by accident, as YAML text.
ODD = ["", "~", "no", "yes", "Y", "017", "1e3", ".nan", "-.inf", "-1", "0", "41", "99999999999999999999999",
       "0.0000001", "13.000", '"31"', "31,5", "'€ 8.500'", "30%", "150%", "-5%", "'30 %'", "[]", "{}", "[1, 2]",
       "{a: 1}", "true", "!!str x", "&a 1", "payrol", "Memo", '""', "2014", "2101", "zaanstreek", "1.5",
       "memo", "statutory", "temp_agency", "green", "24", "'13.000'", "1:30", "2017-01-01", "x: y", "- a",
       "sets/missing-source.yaml", "'sets/does-not-exist.yaml'", "../bad_inputs", "'\\t'", '"\\u0000"', "é"]
KEYS = ["name", "year", "hours", "wage_value", "method", "employer_model", "subsidy_set", "rounding", "work_type",
        "trial_months", "overrides", "variants", "compare", "targets", "description", "hourz", "2017", "no"]
OVERRIDE_NAMES = ["employer_charges", "agency_fee", "guidance_cost_fulltime", "wage_level", "payroll_markup",
                  "fulltime_hours", "lkv_enabled", "municipal_top_up", "liv_min_hours_year", "employer_charge"]


def emit(doc: dict, indent: int = 0) -> str:
    """Block YAML as a person writes it; leaves are YAML text already."""
    pad, out = " " * indent, []
    for key, value in doc.items():
        if isinstance(value, dict):
            out.append(f"{pad}{key}:\n{emit(value, indent + 2)}")
        elif isinstance(value, list):
            out.append(f"{pad}{key}:\n" + "".join(f"{pad}  - " + emit(item, indent + 4).lstrip() for item in value))
        else:
            out.append(f"{pad}{key}: {value}\n")
    return "".join(out)


@st.composite
def damaged(draw):
    doc = {"name": "test", "year": str(draw(st.integers(2015, 2026))), "hours": draw(st.sampled_from(["31", "24", "36.5"])),
           "wage_value": "30%", "method": draw(st.sampled_from(["memo", "statutory"])),
           "employer_model": draw(st.sampled_from(["municipality", "regular", "payroll"])),
           "subsidy_set": draw(st.sampled_from(["geen", "rijk", "zaanstreek-waterland-2017", "arnhem-2014", "arnhem-2017"]))}
    if draw(st.booleans()):
        doc["overrides"] = {draw(st.sampled_from(OVERRIDE_NAMES)): draw(st.sampled_from(["20%", "1.2", "9000", "true"]))}
    shape = draw(st.sampled_from(["plain", "variants", "compare", "targets"]))
    if shape == "variants":
        doc["variants"] = [{"name": "a", "hours": "24"}, {"name": "b", "employer_model": "payroll"}]
    elif shape == "compare":
        doc["compare"] = {draw(st.sampled_from(["hours", "employer_model", "overrides.employer_charges"])): "[24, 31]"}
    elif shape == "targets":
        doc["targets"] = {"2017": "3", "2018": "5"}
    for _ in range(draw(st.integers(1, 3))):
        # one mistake: a value replaced, a key dropped or added, somewhere in the document
        holders = [doc] + [v for v in doc.values() if isinstance(v, dict)] + \
                  [item for v in doc.values() if isinstance(v, list) for item in v]
        holder = draw(st.sampled_from(holders))
        action = draw(st.sampled_from(["replace", "replace", "drop", "add"]))
        if action == "replace" and holder:
            holder[draw(st.sampled_from(sorted(holder)))] = draw(st.sampled_from(ODD))
        elif action == "drop" and holder:
            del holder[draw(st.sampled_from(sorted(holder)))]
        else:
            holder[draw(st.sampled_from(KEYS + OVERRIDE_NAMES))] = draw(st.sampled_from(ODD))
    return emit(doc)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(text=damaged(), lang=st.sampled_from(["nl", "en"]))
def test_damaged_scenarios_never_crash(text, lang, workdir, monkeypatch):
    """Exit 0 (the damage happened to be valid) or 2 with a located one-line answer; never 1."""
    monkeypatch.chdir(workdir)
    Path("damaged.yaml").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["damaged.yaml", "--lang", lang, "-f", "json"])
    assert result.exit_code in (0, 2), (text, result.stderr, repr(result.exception))
    assert "Traceback" not in result.stderr
    if result.exit_code == 2:
        err = result.stderr
        # every key problem of the file is reported, one located line each (at most a few: 1-3 mistakes)
        assert result.stdout == "" and 1 <= err.count("\n") <= 6, (text, err)
        for line in err.splitlines():
            assert re.match(r"(damaged\.yaml|sets/[\w.-]+|\.\./bad_inputs|[\w./-]+):\d+:\d+: ", line), (text, err)
            assert line.rstrip().endswith(")"), (text, err)
        if lang == "en":
            body = re.sub(r"'[^']*'", "''", err.split(": ", 1)[1])
            assert not [w for w in DUTCH if w in body], (text, err)


# ------------------------------------------------------------------ exports (issue 6 item 3)

MAIN = SCENARIOS / "zaanstreek-waterland-2017.yaml"


def export(target, *more):
    return CliRunner().invoke(app, [str(MAIN), "--excel", str(target), *more])


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def refused(result, *words):
    assert result.exit_code == 2, (result.stdout, result.stderr, repr(result.exception))
    assert result.stdout == "" and "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    for word in words:
        assert word in result.stderr, (word, result.stderr)


def test_existing_export_target_is_refused_and_untouched(tmp_path):
    target = tmp_path / "memo.xlsx"
    target.write_bytes(b"the adviser's own workbook")
    refused(export(target), str(target), "bestaat al", "--force")
    assert target.read_bytes() == b"the adviser's own workbook"
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("where, words", [("no/such/folder/memo.xlsx", ["bestaat niet"]), ("", ["map"])])
def test_impossible_export_targets_are_refused(tmp_path, where, words):
    refused(export(tmp_path / where if where else tmp_path, "--force"), "kan niet schrijven", *words)


def test_a_device_is_never_replaced_even_with_force(tmp_path):
    fifo = tmp_path / "pipe.xlsx"
    os.mkfifo(fifo)
    refused(export(fifo, "--force"), "geen gewoon bestand")
    assert fifo.is_fifo()


def test_unwritable_folder_is_refused_cleanly(tmp_path, monkeypatch):
    # Simulated (the tests may run as root, who can write into a read-only folder).
    def denied(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(safewrite.tempfile, "mkstemp", denied)
    refused(export(tmp_path / "memo.xlsx"), "kan niet schrijven")
    assert list(tmp_path.iterdir()) == []


def test_full_disk_leaves_no_partial_file(tmp_path, monkeypatch):
    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(safewrite.os, "fsync", full)
    refused(export(tmp_path / "memo.xlsx", "--lang", "en"), "cannot write", "No space left")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("force", [False, True])
def test_ctrl_c_during_export_leaves_nothing_behind(tmp_path, monkeypatch, force):
    target = tmp_path / "memo.xlsx"
    if force:
        target.write_bytes(b"old")

    def interrupted(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(safewrite.os, "fsync", interrupted)
    result = export(target, *(["--force"] if force else []))
    assert result.exit_code == 130, (result.stderr, repr(result.exception))
    assert result.stdout == "" and "Traceback" not in result.stderr
    assert "afgebroken" in result.stderr and result.stderr.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == (["memo.xlsx"] if force else [])
    if force:
        assert target.read_bytes() == b"old"


# ------------------------------------------------------------------ exit codes 1 and 130

def test_internal_error_apologises_with_version_and_how_to_report(monkeypatch):
    import beschut_calc.core.engine as engine

    def broken(placement, book):
        return Decimal(1) / Decimal(0)

    monkeypatch.setattr(engine, "calculate", broken)
    result = CliRunner().invoke(app, [str(MAIN)])
    assert result.exit_code == 1 and result.stdout == ""
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1
    for word in ("Sorry", __version__, "--debug", "meld"):
        assert word in result.stderr, (word, result.stderr)
    english = CliRunner().invoke(app, [str(MAIN), "--lang", "en"])
    assert english.exit_code == 1 and "report" in english.stderr and __version__ in english.stderr
    # --debug lets the exception through, so Python prints the traceback
    debug = CliRunner().invoke(app, [str(MAIN), "--debug"])
    assert debug.exit_code == 1 and debug.exception is not None and not isinstance(debug.exception, SystemExit)


def test_ctrl_c_while_reading_exits_130_with_a_short_message(monkeypatch):
    import beschut_calc.inputs.load as load

    def interrupted(path, lang="nl"):
        raise KeyboardInterrupt

    monkeypatch.setattr(load, "load_scenario", interrupted)
    result = CliRunner().invoke(app, [str(MAIN), "--lang", "en"])
    assert result.exit_code == 130 and result.stdout == ""
    assert result.stderr.startswith("interrupted") and result.stderr.count("\n") == 1
