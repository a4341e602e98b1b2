"""Every relative link of README.md and docs/*.md leads to a file of the repository, and a link to a heading of a
Markdown file (`docs/design.md#numbers--计算口径`) to a heading that exists, as GitHub names its anchors."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]

FENCE = re.compile(r"^(```|~~~).*?^\1[ \t]*$", re.MULTILINE | re.DOTALL)
CODE_SPAN = re.compile(r"`[^`\n]*`")
INLINE_LINK = re.compile(r"!?\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
REFERENCE_LINK = re.compile(r"^\s{0,3}\[[^\]\n]+\]:\s*<?(\S+?)>?(?:\s+.*)?$", re.MULTILINE)
HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
EXTERNAL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")  # http:, https:, mailto: …


def prose(text: str) -> str:
    """The text without fenced code blocks and code spans, where brackets are code, not links."""
    return CODE_SPAN.sub("", FENCE.sub("", text))


def links(text: str) -> list[str]:
    body = prose(text)
    return INLINE_LINK.findall(body) + REFERENCE_LINK.findall(body)


def anchor(heading: str) -> str:
    """GitHub's anchor of a heading: lower case, punctuation dropped (letters of every script kept), spaces → -."""
    text = re.sub(r"`|\*\*|__", "", heading).strip().lower()
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def anchors(path: Path) -> set[str]:
    found: set[str] = set()
    seen: dict[str, int] = {}
    for heading in HEADING.findall(FENCE.sub("", path.read_text(encoding="utf-8"))):
        slug = anchor(heading)
        count = seen.get(slug, 0)
        seen[slug] = count + 1
        found.add(slug if count == 0 else f"{slug}-{count}")
    return found


CASES = [(doc, target) for doc in DOCUMENTS for target in links(doc.read_text(encoding="utf-8"))
         if not EXTERNAL.match(target)]


def test_the_documents_have_relative_links_to_check() -> None:
    assert any(target.startswith("docs/design.md") for doc, target in CASES if doc.name == "README.md")


@pytest.mark.parametrize(("doc", "target"), CASES, ids=[f"{d.relative_to(ROOT)}->{t}" for d, t in CASES])
def test_relative_link_resolves(doc: Path, target: str) -> None:
    file_part, _, fragment = unquote(target).partition("#")
    path = (doc.parent / file_part).resolve() if file_part else doc
    assert path.exists(), f"{doc.relative_to(ROOT)}: {target} does not exist"
    assert path.is_relative_to(ROOT), f"{doc.relative_to(ROOT)}: {target} leaves the repository"
    if fragment and path.suffix == ".md":
        assert fragment in anchors(path), f"{doc.relative_to(ROOT)}: no heading gives #{fragment} in {path.name}"


def test_anchor_follows_github() -> None:
    assert anchor("Files / 文件") == "files--文件"
    assert anchor("Value at a date / 某日数值") == "value-at-a-date--某日数值"
    assert anchor("周报 — `minzheng report`") == "周报--minzheng-report"
    assert anchor("Clearing the sample") == "clearing-the-sample"
