"""Storage of articles, event mentions and merged events (SQLite by default, PostgreSQL by URL)."""
from .store import EventQuery, IngestResult, Store, StoreError

__all__ = ["EventQuery", "IngestResult", "Store", "StoreError"]
