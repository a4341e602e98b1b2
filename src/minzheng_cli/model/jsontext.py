"""JSON as every output of minzheng writes it (`status`, `show`, `units`, `report`, `validate`, `schema`)."""

from __future__ import annotations

import json
import re
from typing import Any

import msgspec

_C1 = re.compile("[\x7f-\x9f]")


def json_text(document: Any) -> str:
    """`document` as JSON indented by two spaces, ending in a newline: Chinese as it is, DEL and C1 controls
    (which json leaves raw, and a terminal obeys) as \\u escapes.

    The text is exactly `json.dumps(document, ensure_ascii=False, indent=2)`, written faster: the standard
    library's C encoder writes it compact and msgspec indents it, keeping every number and string as written
    (json's own indenting encoder is pure Python: a tenth of a warm `status` at province scale)."""
    compact = json.dumps(document, ensure_ascii=False)
    try:
        text = msgspec.json.format(compact.encode("utf-8"), indent=2).decode("utf-8")
    except (msgspec.DecodeError, UnicodeEncodeError):
        # NaN or Infinity, which json writes and msgspec does not read; a file name that is not UTF-8 (a lone
        # surrogate, as Python reads such a name on Linux), which json writes and UTF-8 cannot hold
        text = json.dumps(document, ensure_ascii=False, indent=2)
    if _C1.search(text):
        text = _C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return text + "\n"
