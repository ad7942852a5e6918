"""Archives of articles: the ``Store`` protocol and its SQLite backend."""
