"""A stock Wagtail site, generated at bench time, as the baseline for an uncached Wagtail page.

`wagtail start` with the installed Wagtail, then only what production needs on this machine:
its own PostgreSQL database, DEBUG off, a secret key, the allowed hosts, and the same
persistent database connections as the Hub. Its home page is Wagtail's welcome page.
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
DATABASES = {{
    "default": {{
        "ENGINE": "django.db.backends.postgresql",
        "NAME": {database!r},
        "USER": {user!r},
        "HOST": {host!r},
        "PORT": {port!r},
        "CONN_MAX_AGE": 60,
    }}
}}
"""


def generate(folder, database):
    """Create the project in `folder` (which must exist), migrated; return its environment."""
    subprocess.run(
        [str(ROOT / ".venv" / "bin" / "wagtail"), "start", PROJECT, str(folder)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    (folder / PROJECT / "settings" / "local.py").write_text(
        LOCAL_SETTINGS.format(
            secret_key=secrets.token_urlsafe(50),
            database=database,
            user=POSTGRES["user"],
            host=POSTGRES["host"],
            port=str(POSTGRES["port"]),
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
