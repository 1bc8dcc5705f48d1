"""Issue 15 item 6: signals, broken or full output, narrow encodings and usage errors, through the
installed console script (a real process, as a user runs it)."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import SCENARIOS
from test_bad_inputs import console_script

MAIN = SCENARIOS / "zaanstreek-waterland-2017.yaml"


def run(*args, env=None, **kwargs):
    return subprocess.run([console_script(), *map(str, args)], capture_output=True, text=True, timeout=60,
                          env={**os.environ, **(env or {})}, **kwargs)


def test_sigterm_during_an_export_removes_the_temporary_file_and_exits_143(tmp_path):
    # The workbook's bytes are written in one call, too fast to hit from outside; so the write
    # itself sends SIGTERM to its own process half-way, after the temporary file holds a part.
    target = tmp_path / "out" / "werkmap.xlsx"
    target.parent.mkdir()
    script = textwrap.dedent(f"""
        import os, signal, sys, time
        from beschut_calc.report import safewrite
        original = safewrite.write_atomic
        def halfway(target, data, force=False):
            def write(handle):
                handle.write(data[: len(data) // 2])
                handle.flush()
                os.kill(os.getpid(), signal.SIGTERM)
                time.sleep(5)
                handle.write(data[len(data) // 2:])
            return original(target, write, force)
        safewrite.write_atomic = halfway
        from beschut_calc import cli
        sys.argv = ["beschut-calc", {str(MAIN)!r}, "--excel", {str(target)!r}]
        cli.run()
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 143, done.stderr
    assert "afgebroken (SIGTERM)" in done.stderr and "Traceback" not in done.stderr
    assert list(target.parent.iterdir()) == []


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="/dev/full is Linux-only; CI runs Linux")
@pytest.mark.parametrize("fmt", ["table", "json", "markdown"])
def test_a_full_disk_is_a_clear_one_line_answer(fmt):
    with open("/dev/full", "w") as full:
        done = subprocess.run([console_script(), str(MAIN), "-f", fmt], stdout=full, stderr=subprocess.PIPE, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "de schijf is vol" in done.stderr, done.stderr


def test_a_closed_stdout_is_a_clear_one_line_answer():
    done = subprocess.run([console_script(), str(MAIN)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                          timeout=60, preexec_fn=lambda: os.close(1))
    assert done.returncode == 2
    assert "standaarduitvoer is gesloten" in done.stderr and "interne fout" not in done.stderr


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_a_terminal_without_the_euro_sign_gets_eur(fmt):
    done = run(MAIN, "-f", fmt, env={"PYTHONIOENCODING": "ascii"})
    assert done.returncode == 0, done.stderr
    assert "EUR 8.500" in done.stdout and "€" not in done.stdout


@pytest.mark.parametrize("fmt", ["table", "json", "markdown"])
def test_a_reader_that_stops_early_is_not_an_error(fmt):
    # `beschut-calc ... | head -1`: the pipe closes; we end quietly with 0.
    shell = subprocess.run(f"{console_script()} {MAIN} -f {fmt} | head -1; exit ${{PIPESTATUS[0]}}", shell=True,
                           executable="/bin/bash", capture_output=True, text=True, timeout=60)
    assert shell.returncode == 0, shell.stderr
    assert shell.stderr == ""


@pytest.mark.parametrize(("args", "nl", "en"), [
    (["--format", "xml", MAIN], "--format: 'xml' kan niet; kies uit table, json, markdown", "--format: 'xml' is not allowed"),
    (["--lang", "de", MAIN], "--lang: 'de' kan niet; kies uit nl, en", None),
    ([], "geef een of meer scenariobestanden op", "give one or more scenario files"),
    ([MAIN, "--yeers", "3"], "onbekende optie --yeers (bedoelt u --years?)", "unknown option --yeers (did you mean --years?)"),
    ([MAIN, "--years", "x"], "--years: 'x' is geen geheel getal", "--years: 'x' is not a whole number"),
    ([MAIN, "--years"], "optie --years vraagt een waarde", "option --years needs a value"),
])
def test_usage_errors_are_one_line_in_the_users_language_and_a_pointer_to_help(args, nl, en):
    for lang, expected in (("nl", nl), ("en", en)):
        if expected is None:
            continue
        done = run(*(["--lang", "en"] if lang == "en" else []), *args)
        assert done.returncode == 2 and done.stdout == ""
        lines = done.stderr.splitlines()
        assert len(lines) == 2 and lines[0].startswith(expected), done.stderr
        assert lines[1] == ("zie: beschut-calc --help" if lang == "nl" else "see: beschut-calc --help")


def test_the_law_table_piped_into_head_ends_quietly():
    shell = subprocess.run(f"{console_script()} parameters | head -1; exit ${{PIPESTATUS[0]}}", shell=True,
                           executable="/bin/bash", capture_output=True, text=True, timeout=60)
    assert shell.returncode == 0 and shell.stderr == "", shell.stderr


def test_help_is_dutch_including_clicks_own_words():
    done = run("--help")
    assert done.returncode == 0
    for dutch in ("Gebruik: beschut-calc [OPTIES] BESTAND...", "Argumenten:", "Opties:", "[verplicht]", "[standaard: table]",
                  "Toon deze hulp en stop."):
        assert dutch in done.stdout, dutch
    for english in ("Usage:", "Options:", "Arguments:", "[required]", "[default:", "Show this message"):
        assert english not in done.stdout, english
    law = run("parameters", "--help")
    assert law.returncode == 0 and law.stdout.startswith("Gebruik: beschut-calc parameters [OPTIES]")
