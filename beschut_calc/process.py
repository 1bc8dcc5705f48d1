"""What the command line needs from the process around it: its streams, SIGTERM, and click's
usage errors said in Dutch (issue 15). Nothing here knows about placements or money."""
from __future__ import annotations

import codecs
import errno
import os
import re
import signal
import sys
import unicodedata

# Characters the output uses that a narrow terminal encoding (PYTHONIOENCODING=ascii, cp437) may lack.
_PLAIN = {"€": "EUR", "━": "-", "─": "-", "│": "|", "·": ".", "—": "-", "–": "-", "…": "...", "≈": "~", "×": "x",
          "−": "-", "‘": "'", "’": "'", "“": '"', "”": '"', "█": "#", "▏": "|", "▌": "|"}


def _plainer(error: UnicodeEncodeError):
    """Write what the encoding cannot: EUR for €, letters without accents, ? for the rest."""
    text = error.object[error.start:error.end]
    out = []
    for char in text:
        if char in _PLAIN:
            out.append(_PLAIN[char])
            continue
        base = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode("ascii")
        out.append(base or "?")
    return "".join(out), error.end


codecs.register_error("beschut-plain", _plainer)


def prepare_streams() -> bool:
    """False when stdout is closed (`>&-`); otherwise both streams fall back to plain text for
    characters their encoding lacks, instead of failing on the first €."""
    if sys.stdout is None:
        return False
    for stream in (sys.stdout, sys.stderr):
        if stream is None or not hasattr(stream, "reconfigure"):
            continue
        try:
            "€━".encode(stream.encoding or "ascii")
        except (UnicodeEncodeError, LookupError):
            stream.reconfigure(errors="beschut-plain")
    return True


class Terminated(KeyboardInterrupt):
    """SIGTERM, handled like Ctrl-C: files being written are removed on the way out."""


def _on_sigterm(signum, frame):
    raise Terminated()


def install_sigterm() -> None:
    signal.signal(signal.SIGTERM, _on_sigterm)


# Output errors the user can fix (a full disk, a closed pipe or terminal), not our bugs.
OUTPUT_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EBADF}


def silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail a second time."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def say(text: str) -> None:
    """One line on stderr; when stderr itself cannot be written (`2>/dev/full`, a closed stderr) there
    is no one to tell: it is pointed at /dev/null so the interpreter's final flush cannot fail either,
    and the exit code says what happened."""
    try:
        sys.stderr.write(text + "\n")
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stderr.fileno())
        except (OSError, ValueError, AttributeError):
            pass


def output_failed(exc: OSError, lang: str) -> str:
    why = {errno.ENOSPC: ("de schijf is vol", "the disk is full"), errno.EDQUOT: ("de schijfruimte is op", "the disk quota is used up"),
           errno.EFBIG: ("het bestand wordt te groot", "the file grows too large")}.get(exc.errno, ("het uitvoerkanaal weigert", "the output refuses it"))
    return (f"<uitvoer>: kan de uitvoer niet schrijven: {why[0]} (schrijf naar een ander bestand of maak ruimte vrij)" if lang == "nl" else
            f"<output>: cannot write the output: {why[1]} (write to another file or free some space)")


def lang_of(argv: list[str]) -> str:
    """--lang en / --lang=en anywhere on the command line; Dutch otherwise (also when it is invalid)."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return "en" if argv[i + 1] == "en" else "nl"
        if arg.startswith("--lang="):
            return "en" if arg.split("=", 1)[1] == "en" else "nl"
    return "nl"


def click_exceptions():
    """click's exceptions module, found through typer's public BadParameter: typer vendors click from
    0.26 on (typer._click) and used the click package before, so the module's name is not ours to fix."""
    import typer

    return sys.modules[typer.BadParameter.__module__]


def usage_message(exc, lang: str, program: str = "beschut-calc") -> str:
    """Click's usage error as one line in the user's language, and a second line pointing at --help."""
    click = click_exceptions()

    nl = lang == "nl"
    name = getattr(getattr(exc, "param", None), "opts", None)
    option = name[0] if name else None
    if isinstance(exc, click.MissingParameter):
        if getattr(exc, "param", None) is not None and getattr(exc.param, "param_type_name", "") == "argument":
            text = ("geef een of meer scenariobestanden op, bijvoorbeeld: beschut-calc scenarios/zaanstreek-waterland-2017.yaml" if nl
                    else "give one or more scenario files, for example: beschut-calc scenarios/zaanstreek-waterland-2017.yaml")
        else:
            text = f"{option}: waarde ontbreekt" if nl else f"{option}: value missing"
    elif isinstance(exc, click.NoSuchOption):
        close = exc.possibilities[0] if exc.possibilities else None
        text = (f"onbekende optie {exc.option_name}" + (f" (bedoelt u {close}?)" if close else "") if nl else
                f"unknown option {exc.option_name}" + (f" (did you mean {close}?)" if close else ""))
    elif isinstance(exc, click.BadOptionUsage):
        text = (f"optie {exc.option_name} vraagt een waarde" if nl else f"option {exc.option_name} needs a value")
    elif isinstance(exc, click.BadParameter):
        message = exc.message
        given = re.search(r"'(.*?)'", message)
        value = given.group(1) if given else ""
        choices = getattr(getattr(exc.param, "type", None), "choices", None)
        if choices:
            allowed = ", ".join(str(getattr(c, "value", c)) for c in choices)
            text = (f"{option}: '{value}' kan niet; kies uit {allowed}" if nl else f"{option}: '{value}' is not allowed; choose from {allowed}")
        elif "is not a valid int" in message:
            text = (f"{option}: '{value}' is geen geheel getal" if nl else f"{option}: '{value}' is not a whole number")
        else:
            text = (f"{option}: ongeldige waarde '{value}'" if nl else f"{option}: invalid value '{value}'")
    else:
        text = (f"ongeldige aanroep: {exc.format_message()}" if nl else f"invalid use: {exc.format_message()}")
    more = f"zie: {program} --help" if nl else f"see: {program} --help"
    from .core.errors import visible

    return f"{visible(text)}\n{more}"


# click's own words in --help; our option texts are Dutch already.
_HELP_WORDS = (("Usage: ", "Gebruik: "), ("[OPTIONS]", "[OPTIES]"), ("Arguments:", "Argumenten:"), ("Options:", "Opties:"),
               ("[required]", "[verplicht]"), ("[default:", "[standaard:"), ("Show this message and exit.", "Toon deze hulp en stop."),
               ("{BESTAND}", "BESTAND..."))


def help_in_dutch(text: str) -> str:
    for english, dutch in _HELP_WORDS:
        text = text.replace(english, dutch)
    return text
