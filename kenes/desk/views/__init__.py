"""The desk's server-rendered pages (phone first). Every view starts from :mod:`kenes.desk.scope`."""
