"""Archive backends: the ``Store`` protocol every backend meets, the SQLite backend and an in-memory one."""
