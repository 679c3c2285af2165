"""The demo's texts as written in its data files, turned into what an editor types.

Article bodies are written in a small Markdown-like markup (see ``render_body``);
titles, leads and captions get typographic quotes and dashes (``smarten``).
"""

import html
import re

_OPENING_QUOTE = re.compile(r'(^|[\s(\[–])"')
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_EM = re.compile(r"\*(.+?)\*")
_ITEM = re.compile(r"(- |\d+\. )(.*)")


def smarten(text: str) -> str:
    """Collapse whitespace and set typographic quotes and dashes."""
    text = " ".join(text.split()).replace(" -- ", " – ")
    text = _OPENING_QUOTE.sub(r"\1“", text)
    return text.replace('"', "”").replace("'", "’")


def _inline(text: str) -> str:
    text = _BOLD.sub(r"<strong>\1</strong>", html.escape(smarten(text), quote=False))
    return _EM.sub(r"<em>\1</em>", text)


def _list(lines: list[str]) -> str:
    items: list[str] = []
    for line in lines:
        match = _ITEM.match(line)
        # Items start at the margin; indented lines continue the item above.
        if match:
            items.append(match.group(2))
        else:
            items[-1] += " " + line
    tag = "ul" if lines[0].startswith("- ") else "ol"
    return f"<{tag}>" + "".join(f"<li>{_inline(i)}</li>" for i in items) + f"</{tag}>"


def render_body(markup: str) -> str:
    """Render the demo markup to body HTML.

    Blocks are separated by blank lines: ``## `` and ``### `` start sub-headings,
    ``> `` a quotation, ``- `` or ``1. `` a list; anything else is a paragraph.
    ``**text**`` is bold, ``*text*`` italic.
    """
    parts = []
    for block in re.split(r"\n\s*\n", markup.strip()):
        lines = block.splitlines()
        first = lines[0]
        if first.startswith("### "):
            parts.append(f"<h3>{_inline(block[4:])}</h3>")
        elif first.startswith("## "):
            parts.append(f"<h2>{_inline(block[3:])}</h2>")
        elif first.startswith("> "):
            text = " ".join(line.strip().removeprefix(">") for line in lines)
            parts.append(f"<blockquote><p>{_inline(text)}</p></blockquote>")
        elif _ITEM.match(first):
            parts.append(_list(lines))
        else:
            parts.append(f"<p>{_inline(block)}</p>")
    return "\n".join(parts)
