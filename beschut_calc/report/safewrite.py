"""Writing output files safely: all or nothing, and never over an existing file by accident.

The bytes go to a temporary file in the target's own folder (same file system, so the
final rename is atomic) and only a complete file is moved into place. Without `force`
the move is done with a hard link, which fails if the target appeared in the meantime,
so even a race cannot overwrite someone's workbook. Any exception - including Ctrl-C -
removes the temporary file and leaves the target as it was.
"""
from __future__ import annotations

import errno

import os
import tempfile
from pathlib import Path
from typing import Callable

from ..core.errors import InputError


def _refuse_existing(target: Path) -> InputError:
    return InputError("bestand bestaat al; het wordt niet overschreven",
                      en="file exists already; it is not overwritten", file=str(target),
                      hint="gebruik --force om het te vervangen, of kies een andere naam",
                      hint_en="use --force to replace it, or choose another name")


def _unwritable(target: Path, why: str, why_en: str) -> InputError:
    return InputError(f"kan niet schrijven: {why}", en=f"cannot write: {why_en}", file=str(target),
                      hint="kies een map waarin u mag schrijven", hint_en="choose a folder you can write to")


# The system's reasons in the user's language (errno -> Dutch); anything else is shown as the system says it.
_WHY_NL = {
    errno.ENOENT: "de map bestaat niet",
    errno.EACCES: "geen schrijfrechten",
    errno.EPERM: "geen schrijfrechten",
    errno.ENOSPC: "de schijf is vol",
    errno.EROFS: "alleen-lezen bestandssysteem",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.EISDIR: "dit is een map, geen bestand",
    errno.EDQUOT: "schijfquotum bereikt",
    errno.ENAMETOOLONG: "de naam is te lang",
    errno.ELOOP: "te veel symbolische koppelingen",
}


def _os_reason(exc: OSError) -> tuple[str, str]:
    en = exc.strerror or str(exc)
    return _WHY_NL.get(exc.errno, en), en


def check_target(target: Path, force: bool) -> None:
    try:
        _check_target(target, force)
    except OSError as exc:        # a name too long, a loop of links: the user's to fix, in one line
        raise _unwritable(target, *_os_reason(exc)) from None


def _check_target(target: Path, force: bool) -> None:
    if target.is_dir():
        raise _unwritable(target, "dit is een map, geen bestand", "this is a folder, not a file")
    if target.exists() and not target.is_file():    # a device or pipe: --force must not replace it
        raise _unwritable(target, "dit is geen gewoon bestand", "this is not a regular file")
    parent = target.parent
    if not parent.is_dir():
        raise _unwritable(target, f"de map {parent} bestaat niet", f"the folder {parent} does not exist")
    if target.exists() and not force:
        raise _refuse_existing(target)


def _default_mode() -> int:
    # mkstemp creates 0600; a finished workbook should get the permissions any new file gets.
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def write_atomic(target: str | Path, write: Callable[[object], None] | bytes, force: bool = False) -> Path:
    """Write `write` (bytes, or a callable filling a binary file object) to `target`.

    Raises InputError (exit code 2) when the target exists and `force` is false, or when it
    cannot be written; the target is then untouched and no temporary file is left behind.
    """
    target = Path(target)
    check_target(target, force)
    try:
        fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise _unwritable(target, *_os_reason(exc)) from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            if isinstance(write, (bytes, bytearray)):
                handle.write(write)
            else:
                write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        mode = target.stat().st_mode & 0o777 if target.exists() else _default_mode()
        os.chmod(tmp, mode)
        if _PENDING is not None:
            # Within `deferred()`: the finished file waits beside its target until the run's output is out.
            kept = tmp.with_name(tmp.name + ".ready")
            os.replace(tmp, kept)
            _PENDING.append((kept, target, force))
            return target
        _move_into_place(tmp, target, force)
    except FileExistsError:
        raise _refuse_existing(target) from None
    except OSError as exc:    # permission, full disk, read-only file system: all the user's to fix
        raise _unwritable(target, *_os_reason(exc)) from None
    finally:
        # After a successful replace the temporary name is gone; otherwise clean up.
        try:
            tmp.unlink()
        except FileNotFoundError:
            pass
    return target


def _move_into_place(tmp: Path, target: Path, force: bool) -> None:
    if force:
        os.replace(tmp, target)
    else:
        _link_no_clobber(tmp, target)


_PENDING: list | None = None


class deferred:
    """Exports written inside this block are moved into place only when it ends without an error;
    otherwise their finished files are removed, so a run whose output failed leaves no export."""

    def __enter__(self):
        global _PENDING
        _PENDING = []
        return self

    def __exit__(self, kind, exc, traceback) -> None:
        global _PENDING
        pending, _PENDING = _PENDING or [], None
        # A reader that stopped reading (`| head`) had all it wanted: that output did not fail.
        if kind is not None and not issubclass(kind, BrokenPipeError):
            for kept, _, _ in pending:
                _remove(kept)
            return
        for i, (kept, target, force) in enumerate(pending):
            try:
                _move_into_place(kept, target, force)
            except FileExistsError:
                _discard(pending[i:])
                raise _refuse_existing(target) from None
            except OSError as exc:
                _discard(pending[i:])
                raise _unwritable(target, *_os_reason(exc)) from None
            finally:
                _remove(kept)


def _discard(pending: list) -> None:
    for kept, _, _ in pending:
        _remove(kept)


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass


def _link_no_clobber(tmp: Path, target: Path) -> None:
    """Move into place only if the target does not exist (atomic where hard links work)."""
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise
    except OSError:
        # File systems without hard links (some network or FAT mounts): check, then rename.
        if target.exists():
            raise FileExistsError(str(target)) from None
        os.replace(tmp, target)


WRITTEN = {"excel": ("werkmap geschreven: ", "workbook written: "),
           "word": ("Word-bijlage geschreven: ", "Word annex written: "),
           "chart": ("grafiek geschreven: ", "chart written: ")}


def announce(kind: str, path, lang: str) -> None:
    """The one line on stderr that says an export was written (stdout stays the report); the path as
    the user typed it, with any control character shown as an escape, never sent to the terminal."""
    import sys

    from ..core.errors import visible

    print(WRITTEN[kind][lang == "en"] + visible(str(path)), file=sys.stderr)

