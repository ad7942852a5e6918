"""Batch work on a Dask cluster (``newsfaq batch``): the inputs cut into partitions, each partition run through
the service core on a worker, its output written as one shard that a rerun skips."""
