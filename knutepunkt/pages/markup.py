"""A tiny, safe text markup for content that head office edits in the admin.

Paragraphs are separated by blank lines, ``## `` starts a heading (``### `` a sub-heading),
lines starting with ``- `` form a bullet list, ``[text](url)`` is a link and ``**text**`` is
bold. Everything else is text: HTML typed by an editor is escaped and shown as written, never
interpreted. Links may only be relative, ``http(s)://`` or ``mailto:``; anything else
(``javascript:``, ``data:`` …) keeps its text and loses the link.
"""

from __future__ import annotations

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

_INLINE = re.compile(r"\[([^\[\]\n]+)\]\(([^()\s]+)\)|\*\*(.+?)\*\*")
_SAFE_SCHEMES = ("http://", "https://", "mailto:")


def _safe_href(url: str) -> str | None:
    lowered = url.lower()
    if lowered.startswith(_SAFE_SCHEMES):
        return url
    # Relative: a path, a fragment or a query; never protocol-relative ("//host").
    if url.startswith(("/", "#", "?")) and not url.startswith("//"):
        return url
    return None


def render_inline(text: str) -> str:
    """Escape ``text``; turn ``[text](url)`` into links with safe URLs, ``**x**`` into bold."""
    parts: list[str] = []
    position = 0
    for match in _INLINE.finditer(text):
        parts.append(escape(text[position : match.start()]))
        label, url, bold = match.groups()
        href = _safe_href(url) if url else None
        if bold is not None:
            parts.append(f"<strong>{escape(bold)}</strong>")
        elif href is None:
            parts.append(escape(label))
        else:
            parts.append(f'<a href="{escape(href)}">{escape(label)}</a>')
        position = match.end()
    parts.append(escape(text[position:]))
    return "".join(parts)


def render_markup(source: str) -> SafeString:
    """Render the tiny markup to HTML. Safe for any input: all text is escaped."""
    html: list[str] = []
    paragraph: list[str] = []
    items: list[str] = []

    def flush() -> None:
        if paragraph:
            html.append(f"<p>{render_inline(' '.join(paragraph))}</p>")
            paragraph.clear()
        if items:
            html.append("<ul>" + "".join(f"<li>{render_inline(i)}</li>" for i in items) + "</ul>")
            items.clear()

    for raw in source.replace("\r\n", "\n").split("\n"):
        line = raw.strip()
        if not line:
            flush()
        elif line.startswith("### "):
            flush()
            html.append(f"<h3>{render_inline(line[4:].strip())}</h3>")
        elif line.startswith("## "):
            flush()
            html.append(f"<h2>{render_inline(line[3:].strip())}</h2>")
        elif line.startswith("- "):
            if paragraph:
                flush()
            items.append(line[2:].strip())
        elif items and raw[:1].isspace():
            # An indented line continues the previous bullet.
            items[-1] = f"{items[-1]} {line}"
        else:
            if items:
                flush()
            paragraph.append(line)
    flush()
    return mark_safe("\n".join(html))  # noqa: S308 - every piece of text above is escaped
