#!/bin/sh
# Container start: bring the schema, the static files and the search index up to date, then run the command
# (gunicorn by default). Each step is quick when there is nothing to do.
set -eu
kenes migrate -v 0
python manage.py collectstatic --noinput -v 0
kenes reindex --no-vectors
# the articles' meaning vectors take about 0.1 s an article: computed beside the running service (searches
# use whatever vectors are there meanwhile)
nohup kenes reindex >/tmp/kenes-vectors.log 2>&1 &
exec "$@"
