"""The command line: thin typer commands over the `Project` façade.

Importing this package registers every command on `app`; each command module imports only `cli.common`,
so there is no cycle between command modules.
"""

from minzheng_cli.cli import entry as _entry  # noqa: F401  (registers new/template/import)
from minzheng_cli.cli.app import app, main

__all__ = ["app", "main"]
