"""The web page and JSON API (``newsfaq serve``): thin layers over the same core as the CLI."""

from newsfaq.web.app import create_app

__all__ = ["create_app"]
