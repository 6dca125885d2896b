"""A stock Wagtail site, generated at bench time, as the baseline for an uncached Wagtail page.

`wagtail start` with the installed Wagtail, then only what production needs on this machine:
its own database (PostgreSQL, or a SQLite file for the in-process comparison of
bench/page_costs.py), DEBUG off, a secret key, the allowed hosts, and the same persistent
database connections as the Hub. Its home page is Wagtail's welcome page.
"""

import secrets
import subprocess
import sys

from servers import POSTGRES, ROOT, clean_environment

PROJECT = "stockbench"

LOCAL_SETTINGS = """\
# Written by bench/stock_wagtail.py: production.py imports this last.
DEBUG = False
SECRET_KEY = {secret_key!r}
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
DATABASES = {{"default": {database}}}
"""


def _database_settings(vendor, database):
    if vendor == "sqlite":
        # `wagtail start`'s own engine, in the file named; kept open between requests as the
        # Hub's is.
        return repr(
            {"ENGINE": "django.db.backends.sqlite3", "NAME": str(database), "CONN_MAX_AGE": 60}
        )
    return repr(
        {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": database,
            "USER": POSTGRES["user"],
            "HOST": POSTGRES["host"],
            "PORT": str(POSTGRES["port"]),
            "CONN_MAX_AGE": 60,
        }
    )


def generate(folder, database, vendor="postgresql"):
    """Create the project in `folder` (which must exist), migrated; return its environment.

    `database` is the name of an existing PostgreSQL database, or with vendor="sqlite" the
    path of the SQLite file to create."""
    subprocess.run(
        [str(ROOT / ".venv" / "bin" / "wagtail"), "start", PROJECT, str(folder)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    (folder / PROJECT / "settings" / "local.py").write_text(
        LOCAL_SETTINGS.format(
            secret_key=secrets.token_urlsafe(50),
            database=_database_settings(vendor, database),
        )
    )
    env = {
        **clean_environment(),
        "PYTHONPATH": str(folder),
        "DJANGO_SETTINGS_MODULE": f"{PROJECT}.settings.production",
    }
    manage = [sys.executable, "manage.py"]
    subprocess.run(manage + ["migrate", "--noinput", "-v0"], cwd=folder, env=env, check=True)
    # Production settings use the manifest storage, which the page's {% static %} tags need.
    subprocess.run(manage + ["collectstatic", "--noinput", "-v0"], cwd=folder, env=env, check=True)
    return env
