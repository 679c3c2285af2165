"""newsportal's WSGI application as the bench serves it, counting the requests whose
answer rendered a template (a page-cache miss, or any page rendered on every
request) rather than came from a stored page.

Each worker appends one byte per such request to a file of its own in the folder
named by BENCH_RENDER_COUNTS: one small write beside a render of milliseconds, and
nothing at all on a cache hit. The bench sums the files' sizes before and after a run
(``bench.server.Server.renders``). Only ``make bench`` serves this module.
"""

import os
import threading
from pathlib import Path

from django.template.base import Template

from newsportal.wsgi import application as newsportal_application

_request = threading.local()
_render = Template.render
_counts: dict[int, int] = {}


def _render_noted(self, context):
    _request.rendered = True
    return _render(self, context)


Template.render = _render_noted


def _note_render() -> None:
    pid = os.getpid()
    # Opened after the fork, by the worker that counts.
    if pid not in _counts:
        folder = Path(os.environ["BENCH_RENDER_COUNTS"])
        _counts[pid] = os.open(
            folder / f"renders-{pid}", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600
        )
    os.write(_counts[pid], b".")


def application(environ, start_response):
    _request.rendered = False
    response = newsportal_application(environ, start_response)
    if _request.rendered:
        _note_render()
    return response
