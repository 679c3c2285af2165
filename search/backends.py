"""Where the index lives, per database: PostgreSQL's tsvector with a GIN index, or
SQLite's FTS5. Both are given the tokens of ``search.normalise`` as they are, so
that the same text matches the same query on either.

Each token is stored twice: its exact form and its stem. A query token matches
either; a document holding the exact form matches both, so it ranks above one
holding only a word of the same stem. The title weighs more than the lead, the
lead more than the body.
"""

from django.db import connection

from search.normalise import Token

# PostgreSQL keeps positions up to this, and this many per lexeme.
MAX_POSITION = 16383
MAX_POSITIONS_PER_LEXEME = 256
# Stems share the vector with exact forms, told apart by this mark.
STEM_MARK = "~"
FIELDS = ("title", "lead", "body")
PG_WEIGHTS = {"title": "A", "lead": "B", "body": "C"}
# bm25 weights of search_fts's columns, in their order: exact forms, then stems.
FTS_WEIGHTS = "10.0, 4.0, 1.0, 10.0, 4.0, 1.0"
ENTRY_TABLE = "search_searchentry"
FTS_TABLE = "search_fts"


def _lexeme(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector_literal(fields: dict[str, list[Token]]) -> str:
    positions: dict[str, list[str]] = {}
    position = 0
    for field in FIELDS:
        weight = PG_WEIGHTS[field]
        for token in fields[field]:
            position = min(position + 1, MAX_POSITION)
            for lexeme in (token.exact, STEM_MARK + token.stem):
                held = positions.setdefault(lexeme, [])
                if len(held) < MAX_POSITIONS_PER_LEXEME:
                    held.append(f"{position}{weight}")
    return " ".join(
        f"{_lexeme(lexeme)}:{','.join(held)}" for lexeme, held in positions.items()
    )


def tsquery_literal(query: list[Token]) -> str:
    return " & ".join(
        f"({_lexeme(token.exact)} | {_lexeme(STEM_MARK + token.stem)})"
        for token in query
    )


def fts_query(query: list[Token]) -> str:
    # Tokens are letters and digits only (search.normalise), so quoting is safe.
    return " AND ".join(
        f'({{title lead body}} : "{token.exact}"'
        f' OR {{title_stem lead_stem body_stem}} : "{token.stem}")'
        for token in query
    )


def is_postgresql() -> bool:
    return connection.vendor == "postgresql"


def write(article_id: int, fields: dict[str, list[Token]]) -> None:
    """Store the tokens of one article's title, lead and body (its entry row
    exists)."""
    with connection.cursor() as cursor:
        if is_postgresql():
            cursor.execute(
                f"UPDATE {ENTRY_TABLE} SET vector = %s::tsvector WHERE article_id = %s",
                [tsvector_literal(fields), article_id],
            )
            return
        cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [article_id])
        columns = [" ".join(token.exact for token in fields[f]) for f in FIELDS]
        stems = [" ".join(token.stem for token in fields[f]) for f in FIELDS]
        cursor.execute(
            f"INSERT INTO {FTS_TABLE} (rowid, title, lead, body, title_stem,"
            " lead_stem, body_stem) VALUES (%s, %s, %s, %s, %s, %s, %s)",
            [article_id, *columns, *stems],
        )


def forget(article_id: int) -> None:
    """Remove an article from the index (its entry row goes with the article)."""
    if is_postgresql():
        return
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [article_id])


def ranked_matches(query: list[Token]) -> tuple[str, list]:
    """SQL selecting ``article_id`` and ``rank`` (higher is better) of every
    indexed article that matches every token of ``query``."""
    if is_postgresql():
        tsquery = tsquery_literal(query)
        return (
            f"SELECT article_id, ts_rank(vector, %s::tsquery) AS rank"
            f" FROM {ENTRY_TABLE} WHERE vector @@ %s::tsquery",
            [tsquery, tsquery],
        )
    return (
        f"SELECT rowid AS article_id, -bm25({FTS_TABLE}, {FTS_WEIGHTS}) AS rank"
        f" FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s",
        [fts_query(query)],
    )
