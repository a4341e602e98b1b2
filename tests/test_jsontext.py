"""model.jsontext: every JSON output is json.dumps(ensure_ascii=False, indent=2), written faster, with DEL and
C1 controls escaped."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from minzheng_cli.model.jsontext import json_text

_SAFE_TEXT = st.text(alphabet=st.characters(blacklist_characters="\x7f" + "".join(map(chr, range(0x80, 0xA0)))))
_SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | _SAFE_TEXT
_DOCUMENTS = st.recursive(_SCALARS, lambda inner: st.lists(inner, max_size=4)
                          | st.dictionaries(_SAFE_TEXT, inner, max_size=4), max_leaves=30)


@given(_DOCUMENTS)
def test_the_text_is_that_of_json_dumps_indented(document: Any) -> None:
    assert json_text(document) == json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def test_numbers_keep_the_form_json_writes() -> None:
    assert json_text([1e16, 1.5e-07, 2**70, 0.1]) == "[\n  1e+16,\n  1.5e-07,\n  1180591620717411303424,\n  0.1\n]\n"


def test_del_and_c1_controls_are_escaped_chinese_is_not() -> None:
    assert json_text({"名称": "南浔\x7f\x9b[31m"}) == '{\n  "名称": "南浔\\u007f\\u009b[31m"\n}\n'


def test_a_value_json_alone_writes_is_still_written() -> None:
    assert json_text([float("nan")]) == "[\n  NaN\n]\n"


def test_a_file_name_that_is_not_utf8_is_written_as_json_writes_it() -> None:
    name = b"progress/x\xff.yaml".decode("utf-8", "surrogateescape")  # as Python reads it from a Linux folder
    assert json_text({"path": name}) == json.dumps({"path": name}, ensure_ascii=False, indent=2) + "\n"
