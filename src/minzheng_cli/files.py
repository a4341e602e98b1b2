"""File writes that a reader never sees half done (DESIGN §3).

- `write_text` / `write_bytes`: a temporary file in the target's folder, then `os.replace`: a failed write leaves
  the old file as it was. For the tool's own files (the cache, the schemas).
- `write_output`: a file the user named with `-o`: a regular file is replaced atomically, a symbolic link is
  written through to its target, a FIFO or device (`/dev/null`, `/dev/stdout`) is written directly, never
  replaced; with `replace=False` an existing file is never replaced (`template` without `--force`).
- `write_new`: a file that must not exist yet (a new report): linked into place, so that a file that appeared
  since the caller looked is never replaced (FileExistsError), where "check, then rename" would race.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path


def write_text(path: str | os.PathLike[str], text: str) -> None:
    """Write `text` as UTF-8 to `path` atomically, with the permissions a plain `open()` would give it.

    Raises OSError (folder missing, not writable, path is a folder …); nothing is left behind then."""
    write_bytes(path, text.encode("utf-8"))


def write_bytes(path: str | os.PathLike[str], content: bytes) -> None:
    """Write `content` to `path` atomically, like `write_text`."""
    _atomic(Path(path), content, replace=True)


def write_output(path: str | os.PathLike[str], content: bytes, replace: bool = True) -> None:
    """Write `content` where the user asked (`-o FILE`): through a symbolic link to its target; into a FIFO or
    device directly; a regular file replaced atomically (only when `replace`, else FileExistsError, also for a
    file that appears while this one is written)."""
    target = Path(os.path.realpath(path))  # a link is written through; a dangling one creates its target
    try:
        mode: int | None = os.stat(target).st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        _write_into(target, content)
    elif mode is None or replace:
        _atomic(target, content, replace=replace)
    else:
        raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(path))


def write_new(path: str | os.PathLike[str], content: bytes) -> None:
    """Write `content` to `path` atomically, never replacing a file there: FileExistsError when one exists or
    appears meanwhile (the temporary file is hard-linked into place, which fails if the name is taken)."""
    _atomic(Path(path), content, replace=False)


def _write_into(target: Path, content: bytes) -> None:
    """A FIFO or device: opened for writing as it is (never created, truncated or replaced)."""
    handle = os.open(target, os.O_WRONLY | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0))
    try:
        view = memoryview(content)
        while view:
            view = view[os.write(handle, view) :]
    finally:
        os.close(handle)


def _atomic(target: Path, content: bytes, replace: bool) -> None:
    folder = target.parent
    handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, _mode_of(target))
        if replace:
            os.replace(temp, target)
        else:
            _link(temp, target, content)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temp)


def _link(temp: str, target: Path, content: bytes) -> None:
    """`temp` put at `target` unless something is there: a hard link fails when the name is taken. A file system
    without hard links gets the content written into a file created exclusively (never replacing either)."""
    try:
        os.link(temp, target)
    except FileExistsError:
        raise
    except OSError as err:
        if err.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK, errno.ENOSYS):
            raise
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        handle = os.open(target, flags, _mode_of(target))
        with os.fdopen(handle, "wb") as out:
            out.write(content)
            out.flush()
            os.fsync(out.fileno())


def _mode_of(target: Path) -> int:
    """The permissions to give the new file: those of the regular file it replaces, else what `open()` gives."""
    with contextlib.suppress(OSError):
        info = os.stat(target)
        if stat.S_ISREG(info.st_mode):
            return stat.S_IMODE(info.st_mode)
    return 0o666 & ~_umask()


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current
