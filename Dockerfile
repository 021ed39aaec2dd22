# Kenes under gunicorn, for those who deploy with containers (docs/DEPLOY.md, "Docker"). Put nginx (or
# another proxy that buffers requests and terminates TLS) in front, and PostgreSQL beside it:
#   docker build -t kenes .
#   docker run -d --name kenes -p 127.0.0.1:8000:8000 -v kenes-data:/var/lib/kenes \
#     -e SECRET_KEY=… -e DATABASE_URL=postgres://kenes:…@db:5432/kenes -e ALLOWED_HOSTS=kenes.example.org \
#     -e FORWARDED_ALLOW_IPS=<the proxy's address> kenes
FROM python:3.11-slim-bookworm

RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home-dir /var/lib/kenes --create-home kenes

WORKDIR /srv/kenes
COPY pyproject.toml README.md LICENSE manage.py ./
COPY kenes ./kenes
COPY deploy ./deploy
# Pinned dependencies from PyPI (pyproject.toml), then the translations compiled (.mo files are build output).
RUN python -m venv .venv \
    && .venv/bin/pip install --no-cache-dir -e . \
    && cd kenes && ../.venv/bin/django-admin compilemessages -v 0

ENV PATH=/srv/kenes/.venv/bin:$PATH \
    KENES_ENV=production \
    KENES_DATA_DIR=/var/lib/kenes \
    GUNICORN_BIND=0.0.0.0:8000 \
    PYTHONUNBUFFERED=1
USER kenes
VOLUME ["/var/lib/kenes"]
EXPOSE 8000
ENTRYPOINT ["/srv/kenes/deploy/docker-entrypoint.sh"]
CMD ["gunicorn", "-c", "/srv/kenes/deploy/gunicorn.conf.py", "kenes.wsgi:application"]
