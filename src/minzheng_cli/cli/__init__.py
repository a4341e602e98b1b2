"""The command line: thin typer commands over the `Project` façade.

`common` holds the app, the shared options (DATE, WEEK, --data, --lang) and the helpers that print and exit;
each command module imports it and registers its commands, and none imports another, so there is no cycle.
"""

# each command module registers its commands on `app` when a command of it is run (`common.COMMANDS`)
from minzheng_cli.cli.common import app


def main() -> None:
    """The `minzheng` command: the app, and a one-line error with a non-zero exit when the output cannot be
    written (stdout closed with `>&-`, a full disk, `/dev/full`) instead of a traceback or a silent exit 0."""
    import gc
    import sys

    # One short run that makes millions of objects which live until it ends (a province's reports) and next to no
    # cyclic garbage (what it drops, reference counting frees): the cyclic collector would only walk them again
    # and again, a third of a warm `status` at province scale (bench/benchmark.py). Paused for the run.
    gc.disable()
    if sys.stdout is None:  # started with stdout closed: writing must fail, not be skipped without a word
        sys.stdout = _ClosedOutput()
    code: str | int | None = 0
    try:
        app()
    except SystemExit as done:
        code = done.code if isinstance(done.code, str | int) or done.code is None else 1
    except OSError as err:  # the commands catch their own files' errors: what is left is the output
        code = _output_failed(err)
    try:
        sys.stdout.flush()
    except (OSError, ValueError) as err:
        code = _output_failed(err)
    sys.exit(code)


class _ClosedOutput:
    """Standard output when the process was started without one: every write fails as writing to a closed
    descriptor would."""

    encoding = "utf-8"
    errors = "strict"

    def write(self, text: str) -> int:
        import errno
        import os

        raise OSError(errno.EBADF, os.strerror(errno.EBADF))

    def flush(self) -> None:
        return None

    def isatty(self) -> bool:
        return False

    def writable(self) -> bool:
        return True


def _output_failed(err: BaseException) -> int:
    """Say on stderr, in one line, that the output could not be written; the exit code (2). Standard output is
    pointed at the null device, so that Python's own flush at exit does not fail a second time."""
    import contextlib
    import itertools
    import os
    import sys

    from minzheng_cli.catalogue.diagnostics import CliMsg, os_reason

    reason = os_reason(err) if isinstance(err, OSError) else str(err)
    args = sys.argv[1:]
    english = "--lang=en" in args or any(a == "--lang" and b == "en" for a, b in itertools.pairwise(args))
    with contextlib.suppress(Exception):
        print(CliMsg.output_failed(reason=reason).render("en" if english else "zh"), file=sys.stderr)
    with contextlib.suppress(Exception):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
    return 2


__all__ = ["app", "main"]
