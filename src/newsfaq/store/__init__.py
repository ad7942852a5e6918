"""Archive backends: the ``Store`` protocol every backend meets, and the SQLite backend."""
