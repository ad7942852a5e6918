"""The installed package's version, read from its metadata so pyproject.toml is its only source."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("newsfaq")
except PackageNotFoundError:  # a source tree on the path, never installed
    __version__ = "0+unknown"
