"""gunicorn settings for production (docs/DEPLOY.md): behind nginx, which absorbs slow clients.

gunicorn's threads block on a client that sends its headers a byte at a time (50 such connections once held
every thread of `kenes serve`); nginx buffers whole requests and responses, so gunicorn only ever talks to
nginx over loopback. Values can be overridden with GUNICORN_* environment variables.
"""

import multiprocessing
import os

from kenes.site.access_log import GUNICORN_FORMAT

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", min(4, multiprocessing.cpu_count() * 2 + 1)))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
timeout = 60  # a worker stuck longer than this is restarted (a large import runs from the CLI, not here)
graceful_timeout = 20
keepalive = 5
# Request-line limit at gunicorn's maximum, equal to nginx's: a longer URL is refused by nginx first, with
# the API's JSON error body (deploy/nginx.conf), never with gunicorn's HTML 414.
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190
# trust X-Forwarded-Proto only from nginx (on the same machine; in Docker, the proxy container's address)
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-"
# no query string (a pasted question, a stay check's dates), client address or referrer: see the module
access_log_format = GUNICORN_FORMAT
errorlog = "-"
