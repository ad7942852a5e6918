"""The installed package's version, read from its metadata so pyproject.toml is its only source."""

from importlib.metadata import version

__version__ = version("newsfaq")
