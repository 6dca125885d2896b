"""`python -m hub.core.check_database URL [--create]`: exit non-zero, with a clear message,
if the PostgreSQL server cannot be reached; with --create, create the URL's database if it
does not exist yet (used by the local production stack)."""

import sys

import dj_database_url
import psycopg
from psycopg import sql


def main(url, create=False):
    config = dj_database_url.parse(url)
    try:
        connection = psycopg.connect(
            host=config["HOST"],
            port=config["PORT"] or 5432,
            user=config["USER"],
            password=config["PASSWORD"] or None,
            dbname="postgres",
            connect_timeout=5,
            autocommit=True,
        )
    except psycopg.OperationalError as error:
        print(
            f"PostgreSQL is not reachable at {config['HOST']}:{config['PORT'] or 5432} "
            f"({error}).\nThe suite runs on SQLite and on PostgreSQL; start PostgreSQL or set "
            "POSTGRES_TEST_URL. `.ci/run` starts it for you.",
            file=sys.stderr,
        )
        return 1
    with connection:
        if create:
            exists = connection.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [config["NAME"]]
            ).fetchone()
            if not exists:
                connection.execute(
                    sql.SQL("CREATE DATABASE {}").format(sql.Identifier(config["NAME"]))
                )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], create="--create" in sys.argv[2:]))
