"""SERVE stage: the REST API and the map page over a Store (``eventwire serve``).

``from eventwire.web import create_app``. The import is lazy so that building the command
line (which imports ``eventwire.web.commands``) does not load FastAPI.
"""


def __getattr__(name: str):
    if name == "create_app":
        from .app import create_app

        return create_app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
