"""The one normaliser: applied to an article's text when it is indexed and to a
reader's query when it is searched, so that what matches is decided here, in Python,
the same on SQLite and on PostgreSQL (each database is handed tokens it need not
change: PostgreSQL's 'simple' lexemes, FTS5's unicode61 without diacritic folding).

Arabic: presentation forms and decomposed letters are composed (NFKD), every
combining mark goes (harakat, shadda, sukun, superscript alef, the hamza above or
below a seat, so أ إ آ ؤ ئ lose it), alef wasla, alef maqsura, ta marbuta, Persian
yeh and keheh are written as their Arabic letters, Arabic-Indic and Persian digits
as ASCII, and tatweel and the invisible joiners and direction marks disappear
without splitting the word. Latin letters lose their accents and case.

Each token has an exact form and a stem. Arabic stems lose a light prefix (the
conjunction و, the article ال and its compounds وال بال كال فال لل), following
Larkey's light10, which never cuts a lone ب ل ك ف: لبنان stays لبنان. English stems
are Snowball's (the algorithm of PostgreSQL's 'english' configuration). An exact
match counts for more than a stemmed one (see ``search.backends``).
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

# Isolated and medial forms of the harakat: NFKD would turn them into a space and a
# mark, splitting the word they sit in.
_HARAKAT_FORMS = {code: None for code in range(0xFE70, 0xFE80)}
_INVISIBLE = {
    code: None
    for code in (
        0x00AD,  # soft hyphen
        0x061C,  # Arabic letter mark
        0x0640,  # tatweel
        *range(0x200B, 0x2010),  # zero-width space, joiners, LRM, RLM
        *range(0x202A, 0x202F),  # embeddings and overrides
        *range(0x2060, 0x206A),  # word joiner, isolates
        0xFEFF,  # zero-width no-break space
    )
}
_LETTERS = str.maketrans(
    {
        "ٱ": "ا",  # alef wasla
        "ى": "ي",  # alef maqsura
        "ة": "ه",  # ta marbuta
        "ی": "ي",  # Persian yeh
        "ې": "ي",
        "ک": "ك",  # keheh
        "ڪ": "ك",
        "ە": "ه",
        **{chr(0x0660 + n): str(n) for n in range(10)},  # Arabic-Indic digits
        **{chr(0x06F0 + n): str(n) for n in range(10)},  # Persian digits
    }
)
_BEFORE = str.maketrans(_HARAKAT_FORMS | _INVISIBLE)

# A word in the original text: letters and digits, with whatever marks, tatweel or
# joiners sit inside it (so that كَتَبَ is one word, not three).
_INSIDE_WORDS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u00ad\u061c" + (
    "\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufe70-\ufe7f\u0300-\u036f"
)
WORD = re.compile(rf"(?:[^\W_]|[{_INSIDE_WORDS}])+")
_TOKEN = re.compile(r"[^\W_]+")

ARABIC_LETTERS = re.compile(r"[\u0621-\u064a]")
# Longest first; each needs this many letters left after it.
_ARTICLE_PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال")
MIN_STEM_LETTERS = 3
# Longer "words" are not words (a pasted hash, a run of letters): not indexed.
MAX_TOKEN_LENGTH = 60

_english = snowballstemmer.stemmer("english")


def normalise(text: str) -> str:
    """``text`` in the one written form the index and queries share."""
    text = unicodedata.normalize("NFKD", text.translate(_BEFORE))
    text = "".join(char for char in text if not unicodedata.combining(char))
    return unicodedata.normalize("NFC", text.translate(_LETTERS)).casefold()


def arabic_stem(token: str) -> str:
    """``token`` without a light prefix (light10): و, then ال or a compound of it."""
    if token.startswith("و") and len(token) > MIN_STEM_LETTERS:
        without = token[1:]
        # و followed by an article is handled with the article (وال).
        if not without.startswith("ال"):
            token = without
    for prefix in _ARTICLE_PREFIXES:
        if token.startswith(prefix) and len(token) - len(prefix) >= MIN_STEM_LETTERS:
            return token[len(prefix) :]
    return token


@lru_cache(maxsize=50_000)
def stem(token: str) -> str:
    if ARABIC_LETTERS.search(token):
        return arabic_stem(token)
    if token.isascii() and token.isalpha():
        return _english.stemWord(token)
    return token


@dataclass(frozen=True)
class Token:
    exact: str
    stem: str


def tokens(text: str) -> list[Token]:
    """The normalised tokens of ``text``, in order."""
    found = []
    for word in _TOKEN.findall(normalise(text)):
        if len(word) <= MAX_TOKEN_LENGTH:
            found.append(Token(exact=word, stem=stem(word)))
    return found
