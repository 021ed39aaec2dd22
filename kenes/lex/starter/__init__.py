"""The starter dataset the project writes itself: jurisdictions, topics, ILO instruments, ratifications.

The YAML files beside this module are the data; :mod:`kenes.lex.starter.load` puts them in the database.
"""
