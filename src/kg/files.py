"""Writing files whole: a reader never sees half a file, two writers into one folder never clobber each
other's temporary files, and the file gets the mode a new file gets (mkstemp would leave it 0600)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_whole(path: Path, data: bytes, replace: bool = True) -> None:
    """Write ``data`` to a temporary file beside ``path``, then move it into place: over an existing file
    when ``replace``, else linked, so that an existing file raises FileExistsError and is kept. Other
    failures raise OSError; the temporary file never stays."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o666 & ~umask())
        if replace:
            os.replace(tmp, path)
        else:
            os.link(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)
