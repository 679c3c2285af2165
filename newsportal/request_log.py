"""One log line per request, to standard output: method, path, status and time.

Never the reader's address, nor the query string (a search or a token may be in
it): a log shipped to another host must not become a record of who read what.
"""

import logging
import time

logger = logging.getLogger("newsportal.requests")


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        logger.info(
            "%s %s %s %.1fms",
            request.method,
            request.path,
            response.status_code,
            (time.perf_counter() - started) * 1000,
        )
        return response
