import os
import shutil
import tempfile
from pathlib import Path

import pytest

from tests.services import OwnRedis

# The PostgreSQL outage test stops a PostgreSQL server of its own: it belongs to the
# PostgreSQL run of the suite (scripts/test-both-databases runs both), not to SQLite's.
collect_ignore = []
if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
    collect_ignore.append("test_database_outage.py")


@pytest.fixture
def scratch():
    folder = Path(tempfile.mkdtemp(prefix="hub-outages-"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def own_redis():
    server = OwnRedis()
    yield server
    server.close()
