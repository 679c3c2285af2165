"""Each request leaves one line on standard output with its method, path, status and
time, and never the sender's address or the query string."""

import logging

import pytest


@pytest.mark.django_db
def test_one_line_per_request_without_address_or_query(client, caplog):
    with caplog.at_level(logging.INFO, logger="newsportal.requests"):
        client.get("/en/?q=secret-words", REMOTE_ADDR="198.51.100.23")
        client.get("/en/no-such-page/", REMOTE_ADDR="198.51.100.23")

    lines = [r.getMessage() for r in caplog.records if r.name == "newsportal.requests"]
    assert len(lines) == 2
    assert lines[0].startswith("GET /en/ 200 ") and lines[0].endswith("ms")
    assert lines[1].startswith("GET /en/no-such-page/ 404 ")
    assert not any("198.51.100" in line or "secret" in line for line in lines)
    assert not any("198.51.100" in r.getMessage() for r in caplog.records)
