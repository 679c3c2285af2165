"""A bare Django hello-world: the floor the bench compares pages against.

No apps, no middleware, no database: one view returning a short text, served by
gunicorn with deploy/gunicorn.conf.py like the site (``bench.server.HELLO_APP``).
"""
