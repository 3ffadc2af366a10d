"""HTML: the visible text in reading order, tables as rows; scripts, styles and hidden parts dropped."""

from __future__ import annotations

import re

from cctv_audit.documents import sniff as media
from cctv_audit.documents.extracted import ExtractedText, TextBuilder
from cctv_audit.documents.extractors.plain import decode_text
from cctv_audit.documents.extractors.registry import Context, extractor

INVISIBLE = {
    "script",
    "style",
    "noscript",
    "template",
    "head",
    "svg",
    "canvas",
    "iframe",
    "object",
    "meta",
    "link",
}
BLOCKS = {
    "p",
    "div",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "aside",
    "nav",
    "blockquote",
    "pre",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "form",
    "fieldset",
    "address",
    "figure",
    "figcaption",
    "hr",
    "br",
    "title",
    "caption",
    "body",
    "html",
}
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


@extractor(media.HTML)
def extract_html(ctx: Context) -> ExtractedText:
    text, warning = decode_text(ctx.data)
    if warning:
        ctx.warnings.append(f"{ctx.filename}: {warning}")
    builder = html_to_builder(text)
    return ExtractedText(builder.text(), ctx.media_type, builder.tables)


def html_to_builder(markup: str, builder: TextBuilder | None = None) -> TextBuilder:
    """Append the visible text of ``markup`` to ``builder`` (a new one by default)."""
    from bs4 import BeautifulSoup

    builder = builder or TextBuilder()
    soup = BeautifulSoup(markup, "lxml")
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    if title:
        builder.paragraph(title)
    _Walker(builder).walk(soup.body or soup)
    return builder


class _Walker:
    """Depth-first walk with an explicit stack: hostile pages nest tags 100,000 deep."""

    def __init__(self, builder: TextBuilder) -> None:
        self.builder = builder
        self.line: list[str] = []
        self.tables = 0

    def walk(self, root) -> None:
        from bs4 import Comment, NavigableString, Tag

        stack: list = [iter(root.children)]
        closers: list[bool] = [False]
        while stack:
            child = next(stack[-1], None)
            if child is None:
                stack.pop()
                if closers.pop():
                    self._flush()
                continue
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                self.line.append(str(child))
            elif isinstance(child, Tag) and not _hidden(child) and self._enter(child):
                stack.append(iter(child.children))
                closers.append(child.name in BLOCKS)
        self._flush()

    def _enter(self, tag) -> bool:
        """Handle the opening of ``tag``; True when its children are to be walked."""
        if tag.name == "table":
            self._flush()
            self.tables += 1
            self.builder.table(_table_rows(tag), where=f"table {self.tables}")
            return False
        if tag.name in BLOCKS:
            self._flush()
        if tag.name == "li":
            self.line.append("- ")
        return True

    def _flush(self) -> None:
        text = " ".join("".join(self.line).split())
        self.line = []
        if text and text != "-":
            self.builder.paragraph(text)


def _hidden(tag) -> bool:
    if tag.name in INVISIBLE:
        return True
    attrs = tag.attrs or {}
    return (
        "hidden" in attrs
        or attrs.get("aria-hidden") == "true"
        or bool(_HIDDEN_STYLE.search(attrs.get("style", "")))
    )


def _table_rows(table) -> list[list[str]]:
    """Rows of this table only (a nested table's text stays inside its cell)."""
    rows = []
    for tr in table.find_all("tr"):
        if tr.find_parent("table") is not table:
            continue
        cells = [
            c for c in tr.find_all(["td", "th"]) if c.find_parent("tr") is tr and not _hidden(c)
        ]
        rows.append([c.get_text(" ", strip=True) for c in cells])
    return rows
