"""The observatory: statistics with their sources, the minimum wage monitor, collective labour disputes,
ratifications and the unions' competitions — figures union leadership argues with, each traceable to a source.
"""
