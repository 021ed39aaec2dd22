"""The observatory's pages: statistics, the topics, countries, competitions and the jury's own pages."""
