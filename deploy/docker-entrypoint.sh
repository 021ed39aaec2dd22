#!/bin/sh
# Container start: bring the schema, the static files and the search index up to date, then run the command
# (gunicorn by default). Each step is quick when there is nothing to do.
set -eu
kenes migrate -v 0
python manage.py collectstatic --noinput -v 0
kenes reindex
exec "$@"
