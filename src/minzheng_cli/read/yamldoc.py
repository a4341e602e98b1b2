"""Read one YAML file into plain data (dicts, lists, text) with no YAML 1.1 guessing.

The document is built from parser events, so that every refusal happens before any value exists:
aliases and anchors (expansion bombs), tags, duplicate keys, nesting deeper than any real file needs,
several documents in one file. Plain scalars stay text (`str`); quoted and block scalars become
`scalars.Quoted`; an empty plain scalar, `~` and `null` become None. Positions of every value and key
are kept in `Document.marks` (1-based line and column, in characters) for diagnostics.

libyaml's C parser is used when PyYAML was built with it; the pure-Python parser otherwise.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import yaml

from minzheng_cli.catalogue import Message, Param
from minzheng_cli.catalogue.codes import Meaning
from minzheng_cli.catalogue.diagnostics import ReadMsg
from minzheng_cli.errors import MinzhengError
from minzheng_cli.model.diagnostics import Code
from minzheng_cli.model.scalars import Quoted

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 16
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
# libyaml when PyYAML has it; the pure-Python loader reads the same way (tests pass either as `loader`)
LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SURROGATE = re.compile("[\ud800-\udfff]")
KEY = "\x00key"  # a path element: the key of the entry, not its value

Path = tuple[str | int, ...]

FILE_TOO_LARGE = Code("file-too-large", "error", Meaning.file_too_large)
NOT_UTF8 = Code("not-utf8", "error", Meaning.not_utf8)
UNREADABLE = Code("unreadable", "error", Meaning.unreadable)
YAML_SYNTAX = Code("yaml-syntax", "error", Meaning.yaml_syntax)
DUPLICATE_KEY = Code("duplicate-key", "error", Meaning.duplicate_key)
ALIAS = Code("alias", "error", Meaning.alias)
TAG = Code("tag", "error", Meaning.tag)
TOO_DEEP = Code("too-deep", "error", Meaning.too_deep)
MULTIPLE_DOCUMENTS = Code("multiple-documents", "error", Meaning.multiple_documents)
BAD_KEY = Code("bad-key", "error", Meaning.bad_key)


class Mark(NamedTuple):
    """1-based line and column (in characters) of a node: a tuple, cheap to make for every value of every file."""

    line: int
    column: int


@dataclass
class Document:
    data: Any
    marks: dict[Path, Mark] = field(default_factory=dict)
    text: str | None = None  # set when the marks were not kept: they are found again on first use
    # where each entry under the top-level `values` starts, kept on the fast path too: a problem found later
    # across reports (checks.history) is placed from these without reading or parsing the file again
    value_marks: dict[str, Mark] = field(default_factory=dict)
    # the composed node tree, kept until a mark is first asked for: the nodes carry their marks (DESIGN §4)
    root: Any = field(default=None, repr=False, compare=False)

    def mark(self, path: Path) -> Mark:
        """The mark of `path`, or of its nearest ancestor that has one."""
        if self.root is not None:  # the fast path kept the nodes, not a table of marks: only a problem needs one
            marks: dict[Path, Mark] = {}
            _node_marks(self.root, (), marks)
            self.marks, self.root = marks, None
        if self.text is not None:  # the event path skipped the marks: found again by parsing once more
            self.marks, self.text = parse(self.text, keep_marks=True).marks, None
        path = tuple(path)
        while path:
            found = self.marks.get(path)
            if found is not None:
                return found
            path = path[:-1]
        return self.marks.get((), Mark(1, 1))


def decode(raw: bytes) -> str:
    """UTF-8 text (a BOM is dropped), or a MinzhengError that says what the bytes look like instead."""
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line, column = _position(raw, err.start)
        raise MinzhengError(_encoding_message(raw, err.start), NOT_UTF8, line, column) from None
    if "\x00" in text:
        line, column = _position(raw, raw.index(b"\x00"))
        raise MinzhengError(_nul_message(raw), NOT_UTF8, line, column)
    return text


def _nul_message(raw: bytes) -> Message:
    """NUL bytes in text that decodes as UTF-8: UTF-16 without a BOM (NUL every other byte), or binary."""
    head = raw[:4096]
    even, odd = head[0::2], head[1::2]
    if odd and (odd.count(0) > 0.4 * len(odd) or even.count(0) > 0.4 * len(even)):
        return ReadMsg.file_utf_utf_save()
    return ReadMsg.file_contains_nul_bytes()


def _position(raw: bytes, offset: int) -> tuple[int, int]:
    before = raw[:offset]
    line_start = before.rfind(b"\n") + 1
    return before.count(b"\n") + 1, len(before[line_start:].decode("utf-8", "replace")) + 1


def _encoding_message(raw: bytes, offset: int) -> Message:
    byte = raw[offset]
    if raw[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        return ReadMsg.file_utf_utf_save()
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is None or _CONTROL.search(text):
        return ReadMsg.file_utf_text_byte(byte=f"{byte:02X}")
    return ReadMsg.file_utf_looks_like()


def read_bytes(path: str) -> bytes:
    """The file's bytes, refusing files over MAX_BYTES before reading them whole, and anything that is
    not a regular file (a FIFO or device would block or never end)."""
    return check_size(read_regular(path, MAX_BYTES + 1))


def read_regular(path: str, limit: int) -> bytes:
    """At most `limit` bytes of the regular file at `path`; MinzhengError (UNREADABLE) for anything else. The
    file is opened without blocking and checked once open, so that a FIFO or device put in its place after a
    first look is never read (opening a FIFO to read would wait for a writer)."""
    if not stat.S_ISREG(os.stat(path).st_mode):
        raise MinzhengError(ReadMsg.regular_file_folder_pipe(), UNREADABLE)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    handle = os.open(path, flags)
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            raise MinzhengError(ReadMsg.regular_file_folder_pipe(), UNREADABLE)
        chunks: list[bytes] = []
        left = limit
        while left > 0:  # the size stat gives, and one more byte to see the end (or a file still growing)
            chunk = os.read(handle, min(left, max(info.st_size + 1, 4096)))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(handle)


def check_size(raw: bytes) -> bytes:
    """`raw` unless it is over the size limit of every YAML file (MinzhengError FILE_TOO_LARGE)."""
    if len(raw) > MAX_BYTES:
        raise MinzhengError(ReadMsg.file_larger_mib_report(mib=MAX_BYTES // (1024 * 1024)), FILE_TOO_LARGE)
    return raw


def parse(text: str, keep_marks: bool = False, loader: Any = LOADER) -> Document:
    """Build the document; raise MinzhengError on the first refusal.

    With libyaml, its composer builds the node tree in C (every node carries its marks) and `_build` walks it
    into plain data, refusing what the events would show: duplicate keys, keys that are not words, nesting
    deeper than MAX_DEPTH. A file that may hold an anchor, an alias or a tag (`&`, `*` or `!` anywhere in it),
    one the composer refuses, and every file read with the pure-Python loader are built from the parser's events
    instead (`_parse_events`), which say what is wrong and where, as written. Without `keep_marks` the table of
    marks is made only when a diagnostic first asks for one (most files have no problem)."""
    composer_class = _composer_class(loader)
    if composer_class is None or "&" in text or "*" in text or "!" in text:
        return _parse_events(text, keep_marks, loader)
    composer = composer_class(text)
    try:
        root = composer.get_single_node()
    except yaml.YAMLError:
        return _parse_events(text, keep_marks, loader)  # the events say what is wrong, and where
    finally:
        composer.dispose()
    doc = Document(data=None)
    if root is None:  # no document at all
        return doc
    doc.data = _build(root, 0)
    if root.__class__ is _MAPPING:
        for key_node, value_node in root.value:
            if key_node.value == "values" and value_node.__class__ is _MAPPING:
                doc.value_marks = {k.value: _node_mark(v) for k, v in value_node.value}
    if keep_marks:
        _node_marks(root, (), doc.marks)
    else:
        doc.root = root
    return doc


def _parse_events(text: str, keep_marks: bool, loader: Any) -> Document:
    """Build the document from parser events, each refusal before any value exists."""
    doc = Document(data=None, text=None if keep_marks else text)
    builder = _Builder(doc, keep_marks)
    try:
        for event in _events(text, loader):
            builder.feed(event)
    except _NeedMarks:
        return _parse_events(text, keep_marks=True, loader=loader)
    return doc


# libyaml's parser and composer, when PyYAML was built with it (yaml.cyaml is there only then)
_CParser: Any = getattr(getattr(yaml, "cyaml", None), "CParser", None)


class _CComposer(_CParser or object):  # type: ignore[misc]
    """libyaml's composer (PyYAML's CParser): nodes with their marks, built in C. Nothing is resolved: a plain
    scalar stays text (`_build` gives it its Python form)."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        return ""

    def descend_resolver(self, parent: Any, index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


def _composer_class(loader: Any) -> Any:
    """libyaml's composer for libyaml's loader; None for the pure-Python one, which is read from its events (its
    composer recurses once per level and is slow on the deep nesting the events refuse at once)."""
    return _CComposer if _CParser is not None and issubclass(loader, _CParser) else None


_SCALAR, _MAPPING, _SEQUENCE = yaml.ScalarNode, yaml.MappingNode, yaml.SequenceNode


def _node_mark(node: Any) -> Mark:
    mark = node.start_mark
    return Mark(mark.line + 1, mark.column + 1)


def _build(node: Any, depth: int) -> Any:
    """Plain data from a composed node, refusing in document order what the event path refuses. `depth`: the
    collections around `node`."""
    kind = node.__class__
    if kind is _SCALAR:
        value = node.value
        if node.style in (None, ""):  # plain: libyaml says '', the pure-Python parser None
            return None if value in _NULLS else value
        return Quoted(value)
    if depth >= MAX_DEPTH:
        raise MinzhengError(ReadMsg.values_nested_more_levels(max=MAX_DEPTH), TOO_DEEP, *_node_mark(node))
    depth += 1
    if kind is _SEQUENCE:
        return [_build(item, depth) for item in node.value]
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        if key_node.__class__ is not _SCALAR:
            if depth >= MAX_DEPTH:  # the events open the collection (too deep) before they see it is a key
                raise MinzhengError(ReadMsg.values_nested_more_levels(max=MAX_DEPTH), TOO_DEEP, *_node_mark(key_node))
            raise MinzhengError(ReadMsg.key_must_plain_word(), BAD_KEY, *_node_mark(key_node))
        key = key_node.value
        if key in result:
            first = _node_mark(next(k for k, _ in node.value if k.value == key))
            raise MinzhengError(
                ReadMsg.duplicate_key_first_line(key=key, line=first.line, column=first.column),
                DUPLICATE_KEY,
                *_node_mark(key_node),
            )
        result[key] = _build(value_node, depth)
    return result


def _node_marks(node: Any, path: Path, marks: dict[Path, Mark]) -> None:
    """The mark of every value and key under `node` (a tree `_build` accepted), by path."""
    marks[path] = _node_mark(node)
    kind = node.__class__
    if kind is _MAPPING:
        for key_node, value_node in node.value:
            key = key_node.value
            marks[(*path, key, KEY)] = _node_mark(key_node)
            _node_marks(value_node, (*path, key), marks)
    elif kind is _SEQUENCE:
        for i, item in enumerate(node.value):
            _node_marks(item, (*path, i), marks)


class _NeedMarks(Exception):
    """A refusal whose message needs a position the fast path did not keep."""


def _events(text: str, loader_class: Any) -> Iterator[yaml.Event]:
    loader = None
    try:
        loader = loader_class(text)  # the pure-Python reader checks the characters here, in the constructor
        while loader.check_event():
            yield loader.get_event()
    except yaml.reader.ReaderError as err:
        line, column = _char_position(text, err.character)
        raise MinzhengError(
            ReadMsg.file_contains_control_character(char=f"{err.character:04X}"), YAML_SYNTAX, line, column
        ) from None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        raw_problem = _one_line(err.problem or "invalid YAML")
        problem: Param = _PARSER_WORDS.get(raw_problem, raw_problem)
        if err.context:
            context = _one_line(err.context)
            problem = ReadMsg.problem_in_context(problem=problem, context=_PARSER_WORDS.get(context, context))
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        if "nesting depth" in str(problem):
            raise MinzhengError(ReadMsg.values_nested_too_deeply(problem=problem), TOO_DEEP, line, column) from None
        raise MinzhengError(ReadMsg.yaml_syntax_error_check(problem=problem), YAML_SYNTAX, line, column) from None
    except yaml.YAMLError as err:
        raise MinzhengError(ReadMsg.yaml_syntax_error(problem=_one_line(str(err))), YAML_SYNTAX) from None
    finally:
        if loader is not None:
            loader.dispose()


# What the parsers say, for the common mistakes: translated (the others are shown as the parser words them).
_PARSER_WORDS: dict[str, Param] = {
    "mapping values are not allowed in this context": ReadMsg.mapping_values_allowed_context(),
    "mapping values are not allowed here": ReadMsg.mapping_values_allowed_here(),
    "did not find expected key": ReadMsg.did_find_expected_key(),
    "did not find expected '-' indicator": ReadMsg.did_find_expected_indicator(),
    "did not find expected ',' or ']'": ReadMsg.did_find_expected(),
    "did not find expected ',' or '}'": ReadMsg.did_find_expected_2(),
    "found a tab character that violates indentation": ReadMsg.found_tab_character_violates(),
    "found character that cannot start any token": ReadMsg.found_character_cannot_start(),
    "found unexpected end of stream": ReadMsg.found_unexpected_end_stream(),
    "found unknown escape character": ReadMsg.found_unknown_escape_character(),
    "found invalid Unicode character escape code": ReadMsg.found_invalid_unicode_character(),
    "could not find expected ':'": ReadMsg.could_find_expected(),
    "while parsing a block mapping": ReadMsg.while_parsing_block_mapping(),
    "while parsing a block collection": ReadMsg.while_parsing_block_collection(),
    "while parsing a flow mapping": ReadMsg.while_parsing_flow_mapping(),
    "while parsing a flow sequence": ReadMsg.while_parsing_flow_sequence(),
    "while scanning a simple key": ReadMsg.while_scanning_simple_key(),
    "while scanning a plain scalar": ReadMsg.while_scanning_plain_scalar(),
    "while scanning a quoted scalar": ReadMsg.while_scanning_quoted_scalar(),
    "while parsing a quoted scalar": ReadMsg.while_parsing_quoted_scalar(),
    "while scanning for the next token": ReadMsg.while_scanning_next_token(),
}


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _char_position(text: str, character: Any) -> tuple[int, int]:
    """1-based line and column of the first occurrence of `character` (a code point) in `text`."""
    offset = text.find(chr(character)) if isinstance(character, int) else -1
    if offset < 0:
        return 1, 1
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def _mark(event: yaml.Event) -> Mark:
    line, column = _pos(event)
    return Mark(line, column)


class _Builder:
    """Turns a stream of events into plain data, one container on the stack per open collection."""

    def __init__(self, doc: Document, keep_marks: bool) -> None:
        self.doc = doc
        self.marks: dict[Path, Mark] | None = doc.marks if keep_marks else None
        # each frame: [container, path, pending_key (mappings only), first-seen key marks]
        self.stack: list[list[Any]] = []
        self.documents = 0

    def feed(self, event: yaml.Event) -> None:
        if isinstance(event, yaml.AliasEvent):
            raise MinzhengError(ReadMsg.aliases_name_allowed_these(), ALIAS, *_pos(event))
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise MinzhengError(ReadMsg.file_holds_more_yaml(), MULTIPLE_DOCUMENTS, *_pos(event))
            return
        if isinstance(event, yaml.ScalarEvent | yaml.SequenceStartEvent | yaml.MappingStartEvent):
            if event.anchor is not None:
                raise MinzhengError(ReadMsg.anchors_allowed_these_files(anchor=event.anchor), ALIAS, *_pos(event))
            if event.tag is not None and not _implicit(event):
                raise MinzhengError(ReadMsg.tags_allowed_these_files(tag=event.tag), TAG, *_pos(event))
        if isinstance(event, yaml.ScalarEvent):
            if _SURROGATE.search(event.value):  # only the pure-Python parser lets "\ud800" through
                raise MinzhengError(ReadMsg.u_escape_names_half(), YAML_SYNTAX, *_pos(event))
            self._add(event, _scalar(event))
        elif isinstance(event, yaml.SequenceStartEvent):
            self._open(event, [])
        elif isinstance(event, yaml.MappingStartEvent):
            self._open(event, {})
        elif isinstance(event, yaml.SequenceEndEvent | yaml.MappingEndEvent):
            frame = self.stack.pop()
            if isinstance(frame[0], dict) and frame[2] is not None:
                raise MinzhengError(ReadMsg.key_value(), YAML_SYNTAX, 1, 1)

    def _open(self, event: yaml.Event, container: Any) -> None:
        if len(self.stack) >= MAX_DEPTH:
            raise MinzhengError(ReadMsg.values_nested_more_levels(max=MAX_DEPTH), TOO_DEEP, *_pos(event))
        path = self._add(event, container)
        self.stack.append([container, path, None, {}])

    def _add(self, event: yaml.Event, value: Any) -> Path:
        marks = self.marks
        if not self.stack:
            self.doc.data = value
            if marks is not None:
                marks[()] = _mark(event)
            return ()
        frame = self.stack[-1]
        container, path = frame[0], frame[1]
        if isinstance(container, list):
            item_path = (*path, len(container))
            container.append(value)
            if marks is not None:
                marks[item_path] = _mark(event)
            return item_path
        if frame[2] is None:  # this node is a key
            if not isinstance(event, yaml.ScalarEvent):
                raise MinzhengError(ReadMsg.key_must_plain_word(), BAD_KEY, *_pos(event))
            key = str(event.value)
            first = frame[3].get(key)
            if first is not None:
                if marks is None:
                    raise _NeedMarks
                raise MinzhengError(
                    ReadMsg.duplicate_key_first_line(key=key, line=first.line, column=first.column), DUPLICATE_KEY, *_pos(event)
                )
            frame[2] = key
            if marks is None:
                frame[3][key] = True
                return (*path, key, KEY)
            frame[3][key] = marks[(*path, key, KEY)] = _mark(event)
            return (*path, key, KEY)
        key = frame[2]
        frame[2] = None
        container[key] = value
        entry_path = (*path, key)
        if path == ("values",) and len(self.stack) == 2:
            self.doc.value_marks[key] = _mark(event)
        if marks is not None:
            marks[entry_path] = _mark(event)
        return entry_path


def _pos(event: yaml.Event) -> tuple[int, int]:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _implicit(event: yaml.Event) -> bool:
    implicit = getattr(event, "implicit", True)
    if isinstance(implicit, tuple):
        return bool(implicit[0] or implicit[1])
    return bool(implicit)


def _scalar(event: yaml.ScalarEvent) -> str | None:
    if event.style in (None, ""):  # plain: libyaml says '', the pure-Python parser None
        return None if event.value in _NULLS else event.value
    return Quoted(event.value)
