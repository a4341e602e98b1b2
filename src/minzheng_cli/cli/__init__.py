"""The command line: thin typer commands over the `Project` façade.

`common` holds the app, the shared options (DATE, WEEK, --data, --lang) and the helpers that print and exit;
each command module imports it and registers its commands, and none imports another, so there is no cycle.
"""

# each module registers its commands on `app`; imported in the order `--help` lists them
from minzheng_cli.cli import validate  # noqa: F401, I001
from minzheng_cli.cli import status  # noqa: F401
from minzheng_cli.cli import report  # noqa: F401
from minzheng_cli.cli import entry  # noqa: F401
from minzheng_cli.cli.common import app


def main() -> None:
    app()


__all__ = ["app", "main"]
