"""`python -m hub.core.check_database URL`: exit non-zero, with a clear message, if the
PostgreSQL server the test suite needs cannot be reached."""

import sys

import dj_database_url
import psycopg


def main(url):
    config = dj_database_url.parse(url)
    try:
        psycopg.connect(
            host=config["HOST"],
            port=config["PORT"] or 5432,
            user=config["USER"],
            password=config["PASSWORD"] or None,
            dbname="postgres",
            connect_timeout=5,
        ).close()
    except psycopg.OperationalError as error:
        print(
            f"PostgreSQL is not reachable at {config['HOST']}:{config['PORT'] or 5432} "
            f"({error}).\nThe suite runs on SQLite and on PostgreSQL; start PostgreSQL or set "
            "POSTGRES_TEST_URL. `.ci/run` starts it for you.",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
