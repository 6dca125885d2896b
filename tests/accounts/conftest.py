"""People of the demo partnerships, signed in through the real stack.

Every staff role must have a second factor before it can use the site, so signing in a
member of staff first gives them an authenticator, as they would have set one up."""

import pytest

from tests.accounts.helpers import KNOWN_PASSWORD


@pytest.fixture
def with_second_factor():
    """Give a user a TOTP authenticator, as if they had set one up."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    def give(user):
        TOTP.activate(user, generate_totp_secret())
        return user

    return give


@pytest.fixture
def person(db):
    """The demo account with this email address."""
    from hub.core.models import User

    def get(email):
        return User.objects.get(email=email)

    return get


@pytest.fixture
def sign_in(client, person, with_second_factor):
    """Sign someone in on `client` (Westshire's site unless another client is given)."""
    from hub.core.permissions import requires_second_factor

    def sign_in_as(email, on=None):
        user = person(email)
        if requires_second_factor(user):
            with_second_factor(user)
        (on or client).force_login(user)
        return user

    return sign_in_as


@pytest.fixture
def with_known_password():
    def set_password(user, password=KNOWN_PASSWORD):
        user.set_password(password)
        user.save(update_fields=["password"])
        return user

    return set_password
