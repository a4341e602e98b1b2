"""The file against its pydantic model (DESIGN §1.1–1.3): every key known, every required key present, each
value of its type; pydantic's errors turned into diagnostics placed on their node."""

from __future__ import annotations

import re
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from minzheng_cli.catalogue import Message, OneOf, Param
from minzheng_cli.catalogue.codes import Meaning
from minzheng_cli.catalogue.diagnostics import CheckMsg, CommonMsg, suggestion
from minzheng_cli.checks import all_codes
from minzheng_cli.model import scalars
from minzheng_cli.model.diagnostics import MAX_PER_FILE, Code, Diagnostic, capped
from minzheng_cli.model.scalars import WRONG_TYPE
from minzheng_cli.read.yamldoc import KEY, Document, Path

M = TypeVar("M", bound=BaseModel)

NOT_A_MAPPING = Code("not-a-mapping", "error", Meaning.not_a_mapping)
UNKNOWN_KEY = Code("unknown-key", "error", Meaning.unknown_key)
MISSING_KEY = Code("missing-key", "error", Meaning.missing_key)
BAD_CHOICE = Code("bad-choice", "error", Meaning.bad_choice)
BAD_ID = Code("bad-id", "error", Meaning.bad_id)


def validate_model(model: type[M], doc: Document, display: str, what: Param) -> tuple[M | None, list[Diagnostic]]:
    """`what`: the file's name or kind, for a message ("targets.yaml", msg("a progress report"))."""
    if not isinstance(doc.data, dict):
        found = CheckMsg.empty_file() if doc.data is None else CheckMsg.key_value_lines(found=scalars.describe(doc.data))
        return None, [
            Diagnostic.make(
                display,
                1,
                1,
                NOT_A_MAPPING,
                CheckMsg.file_mapping_keys_such(found=found, what=what, keys=", ".join(list(model.model_fields)[:4])),
            )
        ]
    try:
        return model.model_validate(doc.data), []
    except ValidationError as err:
        errors = err.errors(include_url=False)
        # only as many as will be shown: each may look for a close match (difflib), slow on a huge broken file
        shown = [_from_pydantic(e, model, doc, display) for e in errors[:MAX_PER_FILE]]
        return None, capped(shown, display, total=len(errors))


def _from_pydantic(error: Any, model: type[BaseModel], doc: Document, display: str) -> Diagnostic:
    loc: Path = tuple(KEY if part == "[key]" else part for part in error["loc"])
    kind: str = error["type"]
    raw = error.get("input")
    message: Message
    if kind == "extra_forbidden":
        key = str(loc[-1])
        allowed = _fields_at(model, loc[:-1])
        hint = scalars.closest(key, allowed)
        code, path = UNKNOWN_KEY, (*loc, KEY)
        message = CheckMsg.unknown_key_allowed_here(key=key, hint=suggestion(hint), allowed=", ".join(allowed))
    elif kind == "missing":
        code, path = MISSING_KEY, loc[:-1]
        message = CheckMsg.missing_key_line(key=str(loc[-1]))
    elif kind == "literal_error":
        code, path = BAD_CHOICE, loc
        message = CheckMsg.allowed_here(found=scalars.describe(raw), choices=_choices(str(error["ctx"]["expected"])))
    elif kind == "string_pattern_mismatch":
        code, path = BAD_ID, loc
        message = CheckMsg.valid_id_use_lowercase(found=scalars.describe(raw))
    elif kind in ("model_type", "model_attributes_type", "dict_type"):
        code, path = WRONG_TYPE, loc
        message = CheckMsg.expected_mapping_key_value(found=scalars.describe(raw))
    elif kind == "list_type":
        code, path = WRONG_TYPE, loc
        message = CheckMsg.expected_list_lines_starting(found=scalars.describe(raw))
    elif kind in all_codes():  # a MinzhengError, carried through pydantic (models._pydantic)
        code, path = all_codes()[kind], loc
        detail = (error.get("ctx") or {}).get("detail")
        message = detail if isinstance(detail, Message) else CheckMsg.problem_only(problem=str(error["msg"]))
    else:  # no such error is known to happen: pydantic's own words
        code, path = WRONG_TYPE, loc
        message = CheckMsg.problem_found(problem=str(error["msg"]), found=scalars.describe(raw))
    where: Param = _dotted(loc[:-1] if kind == "missing" else loc)
    if where and code is not UNKNOWN_KEY:
        label = _LABELS.get(str(where))
        message = CommonMsg.where_message(where=label(key=where) if label else where, message=message)
    mark = doc.mark(path)
    return Diagnostic.make(display, mark.line, mark.column, code, message)


# a report's header keys, with the words of the workbook's face in Chinese: 报送日期（submitted）
_LABELS = {"unit": CheckMsg.label_unit, "as_of": CheckMsg.label_as_of, "submitted": CheckMsg.label_submitted}


def _choices(expected: str) -> Param:
    """pydantic's "'a', 'b' or 'c'" as a OneOf (rendered in each language); as it is when it is not one."""
    choices = OneOf(tuple(re.findall(r"'([^']*)'", expected)))
    return choices if choices.choices and choices.render("en") == expected else expected


def _dotted(loc: Path) -> str:
    parts = [f"[{p}]" if isinstance(p, int) else str(p) for p in loc if p != KEY]
    return ".".join(parts).replace(".[", "[")


def _fields_at(model: type[BaseModel], loc: Path) -> list[str]:
    """The keys allowed in the mapping at `loc` of `model`, for suggestions."""
    current: Any = model
    for part in loc:
        current = _unwrap(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            info = current.model_fields.get(str(part))
            if info is None:
                return []
            current = info.annotation
        elif typing.get_origin(current) in (list, dict):
            current = typing.get_args(current)[-1]
        else:
            return []
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _unwrap(tp: Any) -> Any:
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            tp = args[0] if len(args) == 1 else tp
            if len(args) != 1:
                return tp
        else:
            return tp
