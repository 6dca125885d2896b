"""The Hub's settings, with the example domain installed (tests/example_domain)."""

from hub.settings import *  # noqa: F403
from hub.settings import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "tests.example_domain"]
