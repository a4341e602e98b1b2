"""Transitional shim: the catalogue (`minzheng_cli.catalogue`) replaces this module; removed once engine/ moves."""

from __future__ import annotations

from minzheng_cli.catalogue import Message, OneOf, Param, Quote, quote, registry, text
from minzheng_cli.catalogue.diagnostics import os_reason, suggestion

__all__ = ["Message", "OneOf", "Param", "Quote", "msg", "os_reason", "quote", "suggestion", "text"]


def msg(template: str, /, **params: Param) -> Message:
    """The catalogue phrase whose English is `template`."""
    for found in registry().values():
        if found.en == template:
            return found(**params)
    raise KeyError(template)
