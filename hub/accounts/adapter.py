"""How django-allauth behaves for the Hub: throttled sign-in that says when to try again,
and the partnership's own site in every email."""

import time

from allauth.account.adapter import DefaultAccountAdapter

# allauth keeps its rate limiter internal; the adapter it ships uses it the same way, and
# the version is pinned in constraints.txt.
from allauth.core.internal import ratelimit
from allauth.core.internal.ratelimit import get_cache_key, parse_rates
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone


class AccountAdapter(DefaultAccountAdapter):
    def pre_authenticate(self, request, **credentials):
        cache_key = self._get_login_attempts_cache_key(request, **credentials)
        self._login_failed_rl_usage = ratelimit.consume(
            request, app="allauth.account", action="login_failed", key=cache_key
        )
        if not self._login_failed_rl_usage:
            raise self.validation_error_with_retry_time(request, cache_key)

    def validation_error_with_retry_time(self, request, key):
        from django.core.exceptions import ValidationError

        wait = seconds_until_sign_in_allowed(request, key)
        minutes = max(1, round(wait / 60))
        retry_at = timezone.localtime(timezone.now() + timezone.timedelta(seconds=wait))
        return ValidationError(
            f"Too many failed attempts to sign in. For your security, signing in to this "
            f"account from here is paused. Try again in {minutes} minute"
            f"{'' if minutes == 1 else 's'} (after {retry_at:%H:%M}), or reset your password.",
            code="too_many_login_attempts",
        )

    def is_reauthentication_required(self, *, app, **kwargs):
        """Sensitive changes (second factor, email) ask for the password again, unless the
        person signed in within the last few minutes: staff sent straight from sign-in to
        set up their second factor are not asked twice."""
        if not super().is_reauthentication_required(app=app, **kwargs):
            return False
        from allauth.account.internal.flows.login import get_authentication_records

        request = self.request
        if request is None or not request.user.is_authenticated:
            return True
        records = get_authentication_records(request, request.user)
        window = settings.ACCOUNT_REAUTHENTICATION_TIMEOUT
        return not any(time.time() - record.get("at", 0) < window for record in records)

    def _get_login_attempts_cache_key(self, request, **credentials):
        # Per account, whichever partnership's site the attempt came through.
        login = credentials.get("email", credentials.get("username", "")).lower()
        return f"hub:{login}"


def seconds_until_sign_in_allowed(request, key):
    """How long until the oldest counted failure leaves the window, for the busiest limit."""
    now = time.time()
    longest = 0.0
    for rate in parse_rates(settings.ACCOUNT_RATE_LIMITS["login_failed"]):
        cache_key = get_cache_key(
            request, app="allauth.account", action="login_failed", rate=rate, key=key
        )
        history = [stamp for stamp in cache.get(cache_key, []) if stamp > now - rate.duration]
        if len(history) >= rate.amount:
            longest = max(longest, history[-1] + rate.duration - now)
    return max(longest, 1.0)
