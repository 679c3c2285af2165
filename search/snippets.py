"""Where a result matches, shown in the text the reader will read: the original
words (marks, tatweel and all), the matching ones in <mark>, everything else
escaped (an article's text is never markup here)."""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from search.normalise import WORD, Token, tokens

# Words shown before and after the first match in the body.
WORDS_BEFORE = 12
WORDS_AFTER = 24
ELLIPSIS = "…"


class Matcher:
    def __init__(self, query: list[Token]) -> None:
        self.exact = {token.exact for token in query}
        self.stems = {token.stem for token in query}

    def matches(self, word: str) -> bool:
        return any(
            token.exact in self.exact or token.stem in self.stems
            for token in tokens(word)
        )


def _marked(text: str, spans, matcher: Matcher, start: int, end: int) -> str:
    parts, at = [], start
    for span in spans:
        if span.start() < start or span.end() > end:
            continue
        parts.append(escape(text[at : span.start()]))
        word = escape(span.group())
        parts.append(f"<mark>{word}</mark>" if matcher.matches(span.group()) else word)
        at = span.end()
    parts.append(escape(text[at:end]))
    return "".join(parts)


def highlighted(text: str, matcher: Matcher) -> SafeString:
    """All of ``text``, its matching words marked."""
    return mark_safe(_marked(text, list(WORD.finditer(text)), matcher, 0, len(text)))


def excerpt(text: str, matcher: Matcher) -> SafeString | None:
    """A few words of ``text`` around its first match, marked; None without one."""
    spans = list(WORD.finditer(text))
    first = next(
        (n for n, span in enumerate(spans) if matcher.matches(span.group())), None
    )
    if first is None:
        return None
    begin = max(0, first - WORDS_BEFORE)
    last = min(len(spans) - 1, first + WORDS_AFTER)
    start = spans[begin].start() if begin else 0
    end = spans[last].end() if last < len(spans) - 1 else len(text)
    html = _marked(text, spans, matcher, start, end).strip()
    prefix = ELLIPSIS + " " if start else ""
    suffix = " " + ELLIPSIS if end < len(text) else ""
    return mark_safe(f"{prefix}{html}{suffix}")
