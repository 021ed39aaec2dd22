"""What the web server's access log may say of a request: when, which page, the answer, and how long.

Why not gunicorn's or nginx's default: both write the request line with its query string and the client's
address. A question pasted into /search?q=… ("меня зовут …, работаю без разрешения …") and a stay check's
dates and citizenship (/rights/stay/?…) would sit in plain log files beside the address they came from:
exactly what a migrant must not leave behind. The referrer carries the previous page's query string too.
So the path without its query, the method, status, size and time, and nothing that points at a person.
"""

from __future__ import annotations

__all__ = ["GUNICORN_FORMAT"]

#: gunicorn's atoms: time, method, path without the query (%(U)s), status, bytes, milliseconds
GUNICORN_FORMAT = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
