"""The store contract (contract.py) on each backend."""

import pytest

from newsfaq.store.memory import MemoryStore
from newsfaq.store.sqlite import SQLiteStore

from .contract import StoreContract


class TestSQLiteStore(StoreContract):
    @pytest.fixture
    def store(self, tmp_path):
        store = SQLiteStore(tmp_path / "a.db", create=True)
        yield store
        store.close()


class TestMemoryStore(StoreContract):
    @pytest.fixture
    def store(self):
        store = MemoryStore()
        yield store
        store.close()


class TestPostgresStore(StoreContract):
    @pytest.fixture
    def store(self, postgres_url):
        from newsfaq.store.postgres import PostgresStore

        store = PostgresStore(postgres_url, create=True)
        yield store
        store.close()
