"""Plain aligned tables (tabulate with wide-character widths) and their rich twins, for show and units."""

from __future__ import annotations

from typing import Any


def plain_table(header: list[str], rows: list[list[str]], align: tuple[str, ...] | None = None) -> str:
    import tabulate as tabulate_module

    tabulate_module.WIDE_CHARS_MODE = True
    return tabulate_module.tabulate(rows, headers=header, tablefmt="simple", disable_numparse=True,
                                    colalign=align)


def rich_table(header: list[str], rows: list[list[str]], title: str | None = None,
               align: tuple[str, ...] | None = None) -> Any:
    from rich.table import Table

    table = Table(title=title, header_style="bold")
    for i, name in enumerate(header):
        justify = align[i] if align else "left"
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for row in rows:
        table.add_row(*row)
    return table
