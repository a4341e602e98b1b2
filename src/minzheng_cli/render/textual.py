"""Plain aligned tables (tabulate with wide-character widths) and their rich twins, for show and units."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def plain_table(header: Sequence[str], rows: Sequence[Sequence[str]], align: Sequence[str] | None = None) -> str:
    import tabulate as tabulate_module

    tabulate_module.WIDE_CHARS_MODE = True
    return tabulate_module.tabulate([list(row) for row in rows], headers=list(header), tablefmt="simple",
                                    disable_numparse=True, colalign=align)


def rich_table(header: Sequence[str], rows: Sequence[Sequence[str]], title: str | None = None,
               align: Sequence[str] | None = None) -> Any:
    """A rich Table whose cells are shown as text: rich markup in a name is never interpreted."""
    from rich.markup import escape
    from rich.table import Table
    from rich.text import Text

    table = Table(title=escape(title) if title is not None else None, header_style="bold")
    for i, name in enumerate(header):
        justify = align[i] if align else "left"
        table.add_column(escape(name), justify=justify)  # type: ignore[arg-type]
    for row in rows:
        table.add_row(*(Text(cell) for cell in row))
    return table
