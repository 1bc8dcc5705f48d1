"""Safe writing of output files (issue 4 item 5): atomic, no overwrite without force, clean on failure."""
from __future__ import annotations

import os

import pytest

from beschut_calc.report import safewrite
from beschut_calc.core.errors import InputError


def names(folder):
    return sorted(p.name for p in folder.iterdir())


def test_writes_bytes_and_callables(tmp_path):
    target = tmp_path / "a.bin"
    safewrite.write_atomic(target, b"abc")
    assert target.read_bytes() == b"abc"
    other = tmp_path / "b.bin"
    safewrite.write_atomic(other, lambda f: f.write(b"xyz"))
    assert other.read_bytes() == b"xyz"
    assert names(tmp_path) == ["a.bin", "b.bin"]


def test_refuses_existing_file_without_force(tmp_path):
    target = tmp_path / "memo.xlsx"
    target.write_bytes(b"original")
    with pytest.raises(InputError) as err:
        safewrite.write_atomic(target, b"new")
    assert "bestaat al" in err.value.render() and "--force" in err.value.render()
    assert "exists" in err.value.render("en")
    assert target.read_bytes() == b"original"
    assert names(tmp_path) == ["memo.xlsx"]
    safewrite.write_atomic(target, b"new", force=True)
    assert target.read_bytes() == b"new"


def test_a_file_appearing_meanwhile_is_not_overwritten(tmp_path):
    """The final step links without clobbering: a target created while writing is left alone."""
    target = tmp_path / "memo.xlsx"

    def writer(handle):
        handle.write(b"ours")
        target.write_bytes(b"theirs")     # someone else saves the same name while we write

    with pytest.raises(InputError):
        safewrite.write_atomic(target, writer)
    assert target.read_bytes() == b"theirs"
    assert names(tmp_path) == ["memo.xlsx"]


@pytest.mark.parametrize("exc", [RuntimeError("boom"), KeyboardInterrupt()])
def test_interrupted_write_leaves_nothing_behind(tmp_path, exc):
    target = tmp_path / "memo.xlsx"
    seen = []

    def writer(handle):
        handle.write(b"half a workbook")
        seen.append([p.name for p in tmp_path.iterdir()])   # the temporary file sits beside the target
        raise exc

    with pytest.raises(type(exc)):
        safewrite.write_atomic(target, writer)
    assert names(tmp_path) == []
    assert seen[0] and seen[0][0].startswith(".memo.xlsx.") and seen[0][0].endswith(".tmp")


def test_interrupted_forced_write_keeps_the_old_file(tmp_path):
    target = tmp_path / "memo.xlsx"
    target.write_bytes(b"old")

    def writer(handle):
        handle.write(b"partial")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        safewrite.write_atomic(target, writer, force=True)
    assert target.read_bytes() == b"old"
    assert names(tmp_path) == ["memo.xlsx"]


def test_unwritable_targets_are_clear_errors(tmp_path):
    with pytest.raises(InputError) as missing:
        safewrite.write_atomic(tmp_path / "no" / "such" / "memo.xlsx", b"x")
    assert "bestaat niet" in missing.value.render()
    with pytest.raises(InputError) as folder:
        safewrite.write_atomic(tmp_path, b"x", force=True)
    assert "map" in folder.value.render()


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into a read-only folder, so the refusal cannot be observed")
def test_read_only_folder(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(InputError) as err:
            safewrite.write_atomic(folder / "memo.xlsx", b"x")
        assert "kan niet schrijven" in err.value.render()
    finally:
        folder.chmod(0o700)


def test_new_file_gets_normal_permissions(tmp_path):
    target = tmp_path / "memo.xlsx"
    safewrite.write_atomic(target, b"x")
    mask = os.umask(0)
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask


def test_permission_denied_is_an_input_error(tmp_path, monkeypatch):
    """What a read-only folder gives an ordinary user (simulated, so it also runs as root)."""
    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(safewrite.tempfile, "mkstemp", denied)
    with pytest.raises(InputError) as err:
        safewrite.write_atomic(tmp_path / "memo.xlsx", b"x")
    # The system's reason in Dutch for Dutch users, as the system says it in English.
    assert "kan niet schrijven: geen schrijfrechten" in err.value.render()
    assert "cannot write: Permission denied" in err.value.render("en")
    assert names(tmp_path) == []
