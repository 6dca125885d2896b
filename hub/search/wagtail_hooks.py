"""Search's screens in the editors' admin: synonyms and best bets (hub/search/viewsets.py)."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from hub.search.models import BestBet, Synonym
from hub.search.viewsets import BEST_BET_POLICY, SYNONYM_POLICY

register_permission_policy(Synonym, SYNONYM_POLICY)
register_permission_policy(BestBet, BEST_BET_POLICY)


@hooks.register("register_admin_viewset")
def register_synonyms():
    from hub.search.viewsets import SynonymViewSet

    return SynonymViewSet()


@hooks.register("register_admin_viewset")
def register_best_bets():
    from hub.search.viewsets import BestBetViewSet

    return BestBetViewSet()


@hooks.register("register_admin_urls")
def register_insight_report():
    """The business unit's report of what people search for (hub/search/insight_views.py)."""
    from hub.search.insight_views import admin_urls

    return admin_urls()
