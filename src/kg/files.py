"""Writing files and folders whole: a reader never sees half of one, two writers into one folder never
clobber each other's temporary files, and what is written gets the mode a new file or folder gets (mkstemp
and mkdtemp would leave it private).  Also the one rule for text that must end with a newline."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from contextlib import contextmanager
from pathlib import Path


def umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_whole(path: Path, data: bytes, replace: bool = True) -> None:
    """Write ``data`` to a temporary file beside ``path``, then move it into place: over an existing file
    when ``replace``, else linked, so that an existing file raises FileExistsError and is kept. Other
    failures raise OSError; the temporary file never stays."""
    with writing_whole(path, replace) as f:
        f.write(data)


@contextmanager
def writing_whole(path: Path, replace: bool = True):
    """A binary file to write ``path`` through, piece by piece, as :func:`write_whole` writes it whole:
    it takes ``path``'s place when the block ends without an error, and is removed otherwise."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            yield f
        os.chmod(tmp, 0o666 & ~umask())
        if replace:
            os.replace(tmp, path)
        else:
            os.link(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)


@contextmanager
def replacing_folder(out: Path):
    """A new folder beside ``out`` to fill; when the block ends without an error it takes ``out``'s place
    (a folder there is replaced whole), else it is removed and ``out`` is left as it was."""
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    try:
        yield tmp
        os.chmod(tmp, 0o777 & ~umask())
        if out.exists():
            shutil.rmtree(out)
        os.replace(tmp, out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def write_tree(folder: Path, files: Mapping[str, bytes]) -> None:
    """Each file of ``files`` (a path relative to ``folder`` -> its bytes), subfolders made as needed."""
    for name, data in sorted(files.items()):
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def ends_with_newline(data):
    """Text or bytes ending with a newline, unless empty (a terminal's prompt then starts on its own line)."""
    newline = b"\n" if isinstance(data, bytes) else "\n"
    return data if not data or data.endswith(newline) else data + newline


@contextmanager
def uninterrupted():
    """A block Ctrl-C does not cut in two (moving a build into place and pointing the links at it): a
    SIGINT that arrives inside is held and raised as KeyboardInterrupt once the block has ended. Outside
    the main thread, where no handler can be set, the block runs as it is."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    held = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: held.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if held:
        raise KeyboardInterrupt
