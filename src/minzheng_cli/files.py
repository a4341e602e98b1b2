"""Atomic file writes: a temporary file in the target's folder, then `os.replace`, so that a reader never
sees half a file and a failed write leaves the old file as it was."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_text(path: str | os.PathLike[str], text: str) -> None:
    """Write `text` as UTF-8 to `path` atomically, with the permissions a plain `open()` would give it.

    Raises OSError (folder missing, not writable, path is a folder …); nothing is left behind then."""
    write_bytes(path, text.encode("utf-8"))


def write_bytes(path: str | os.PathLike[str], content: bytes) -> None:
    """Write `content` to `path` atomically, like `write_text`."""
    target = Path(path)
    folder = target.parent
    handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, 0o666 & ~_umask())
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current
