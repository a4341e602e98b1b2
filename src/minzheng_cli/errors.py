"""The one exception type of minzheng: a catalogue message, and, for a problem in a file, its code and place."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from minzheng_cli.catalogue import Lang, Message
    from minzheng_cli.model.diagnostics import Code


class MinzhengError(Exception):
    """Something the user can fix, said in plain words: `str(err)` is English, `err.text(lang)` any language.

    `code`, `line` and `column` place a problem found in a file (the YAML reader, scalars); elsewhere (a missing
    data folder, a bad date on the command line, a workbook that `template` did not make) they stay unset."""

    def __init__(self, message: Message, code: Code | None = None, line: int = 1, column: int = 1) -> None:
        super().__init__(str(message))
        self.detail = message
        self.code = code
        self.line = line
        self.column = column

    @property
    def message(self) -> str:
        return str(self.detail)

    def text(self, lang: Lang = "en") -> str:
        return self.detail.render(lang)

    def file_code(self) -> Code:
        """The code of a problem found in a file: the YAML reader and the scalars always give one."""
        if self.code is None:
            raise TypeError(f"a problem in a file without a code: {self}") from self
        return self.code
