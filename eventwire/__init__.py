"""eventwire: news articles in, coded, located, dated, attributed events out."""

__version__ = "0.1.0"
