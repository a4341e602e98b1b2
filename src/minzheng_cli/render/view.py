"""What `status`, `show` and `units` show, built once and written in any format (`--format`): the terminal and
plain text (`textual`), Markdown (`markdown`), CSV and Excel (`sheet`, `xlsx`), JSON (`document`).

A view holds display text in the chosen language (titles, headers, words), typed values for spreadsheets, and
the JSON document with its codes; every writer takes what it needs from it and decides nothing."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from minzheng_cli.catalogue import Lang
from minzheng_cli.catalogue.words import Words
from minzheng_cli.render.table import Table


@dataclass(frozen=True)
class View:
    title: str  # the heading line
    tables: tuple[Table, ...]  # shown in the terminal, as plain text and in Markdown
    document: dict[str, Any]  # the JSON document (codes, numbers as numbers)
    facts: tuple[tuple[str, str], ...] = ()  # label, value lines above the tables (`show`)
    summary: str = ""  # a line under everything (`status`: the counts)
    banner: str = ""  # 示例数据 …: said first, in every format, when the data folder is marked illustrative
    sheets: tuple[Table, ...] = ()  # the Excel workbook's sheets (default: the tables)
    csv: tuple[Table, ...] = ()  # the CSV's tables (default: the sheets)
    lang: Lang = "zh"

    @property
    def colon(self) -> str:
        """Between a fact's label and its value: ：or ": "."""
        return Words.colon.render(self.lang)

    @property
    def workbook_sheets(self) -> tuple[Table, ...]:
        return self.sheets or self.tables

    @property
    def csv_tables(self) -> tuple[Table, ...]:
        return self.csv or self.workbook_sheets
