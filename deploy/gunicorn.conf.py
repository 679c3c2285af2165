"""gunicorn settings for newsportal in production (and for `make bench`).

    .venv/bin/gunicorn newsportal.wsgi -c deploy/gunicorn.conf.py

Environment:

    GUNICORN_BIND          address to listen on (default 127.0.0.1:8000; behind a proxy)
    GUNICORN_WORKERS       worker processes (default 2: one per core of a small host)
    GUNICORN_TIMEOUT       seconds a worker may spend on one request (default 30)
    GUNICORN_MAX_REQUESTS  requests before a worker is replaced (default 10000)

No access log, ever: readers' addresses must not be written anywhere. gunicorn's own
warnings that would name a client address are written without it.

Several workers need no Redis to stay in step: without it they share readers'
versions through a file (READER_CACHE_VERSIONS_FILE, see readercache.versions), so a
change made through one worker shows on every worker's next page. Several app
servers (machines) need REDIS_URL.
"""

import os
import re

from gunicorn.glogging import Logger


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    return int(value) if value.strip() else default


bind = os.environ.get("GUNICORN_BIND") or "127.0.0.1:8000"
workers = _int("GUNICORN_WORKERS", 2)
worker_class = "sync"
# Import Django and the project once in the master: workers fork ready, start fast
# and share the loaded code's memory.
preload_app = True

# A sync worker stuck this long on one request is killed and replaced.
timeout = _int("GUNICORN_TIMEOUT", 30)
graceful_timeout = 30
# Replace each worker now and then (jitter keeps them from restarting together), so
# slow leaks in any library cannot grow without bound.
max_requests = _int("GUNICORN_MAX_REQUESTS", 10_000)
max_requests_jitter = max(1, max_requests // 10)
# The heartbeat file in memory rather than on a possibly slow disk.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None

# Requests are bounded before Django sees them.
limit_request_line = 4094
limit_request_fields = 100
limit_request_field_size = 8190

# Readers' safety: no access log. Errors go to stderr (the service's journal).
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# No runtime control socket: nothing outside the process manager resizes or reloads.
control_socket_disable = True
proc_name = "newsportal"

_CLIENT_ADDRESS = re.compile(r"\bip=\S+")


class NoAddressLogger(Logger):
    """gunicorn's logger without an access log and without client addresses."""

    def access(self, resp, req, environ, request_time):
        return None

    def warning(self, msg, *args, **kwargs):
        if isinstance(msg, str):
            msg = _CLIENT_ADDRESS.sub("ip=[not logged]", msg)
        super().warning(msg, *args, **kwargs)


logger_class = NoAddressLogger
