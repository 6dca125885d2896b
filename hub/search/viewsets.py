"""Search in the editors' admin, under Content: synonyms (words that mean the same to a
practitioner) and best bets (a result pinned to a query).

Whoever edits a partnership's pages (its editors and admins) tunes its search: they see and
change their own partnership's synonyms and best bets only, and another partnership's id
answers 404 on every screen (edit, delete, history, usage). The synonyms every site uses
(no partnership: the safeguarding vocabulary the Hub is seeded with) are listed to them
read-only, marked "Every site", so they know what search already understands; only a
superuser changes those, as with the useful links every site shows. An editor who wants
more words for one of them adds their own synonym with the same term.

Changes are recorded the way Wagtail's own screens record them (each row's history), as
for the useful links and the training team's courses and charges.
"""

from django.db.models import OuterRef, Q, Subquery
from django.urls import reverse
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column

from hub.core.admin_scoping import RolePermissionPolicy, ScopedIndexView, ScopedViewSet
from hub.core.domains import StaffLink
from hub.core.permissions import Action, can
from hub.core.staff_menu import admin_screen
from hub.search.best_bets import shown_on_site
from hub.search.forms_admin import BestBetForm, SynonymForm, editable_partnerships
from hub.search.models import BestBet, SearchChunk, Synonym

EVERY_SITE = "Every site"

# --- What a user may reach --------------------------------------------------------------


def editable_synonyms(user):
    """Synonyms this person may change: their partnerships' own (every one, for a superuser)."""
    if user.is_authenticated and user.is_active and user.is_superuser:
        return Synonym.objects.all()
    return Synonym.objects.filter(partnership__in=editable_partnerships(user))


def listed_synonyms(user):
    """What the synonyms list shows: those they may change and, read-only, every site's."""
    if not can(user, Action.EDIT_PAGES):
        return Synonym.objects.none()
    return Synonym.objects.filter(
        Q(pk__in=editable_synonyms(user).values("pk")) | Q(partnership__isnull=True)
    ).select_related("partnership")


def editable_best_bets(user):
    return BestBet.objects.filter(partnership__in=editable_partnerships(user))


def listed_best_bets(user):
    """Best bets with the title of the result each leads to, as the index holds it for the
    pin's site (blank if the result has since gone)."""
    titles = SearchChunk.objects.filter(
        shown_on_site(OuterRef("partnership_id"), OuterRef("partnership__consortium_id")),
        url=OuterRef("url"),
    ).order_by("position", "pk")
    return (
        editable_best_bets(user)
        .select_related("partnership")
        .annotate(result_title=Subquery(titles.values("title")[:1]))
    )


class SearchTuningPolicy(RolePermissionPolicy):
    """Whoever edits a partnership's pages, on that partnership's rows; rows for every site
    (no partnership) are the superuser's."""

    action = Action.EDIT_PAGES

    def user_has_permission_for_instance(self, user, action, instance):
        if action not in self.actions:
            return False
        if instance.partnership_id is None:
            return user.is_superuser
        return can(user, Action.EDIT_PAGES, instance.partnership)


ACTIONS = ("add", "change", "delete")
SYNONYM_POLICY = SearchTuningPolicy(Synonym, rows=editable_synonyms, actions=ACTIONS)
BEST_BET_POLICY = SearchTuningPolicy(BestBet, rows=editable_best_bets, actions=ACTIONS)


# --- Synonyms ---------------------------------------------------------------------------


def _site(row):
    return row.partnership.short_name if row.partnership_id else EVERY_SITE


def _alternatives(synonym):
    return ", ".join(line.strip() for line in synonym.alternatives.splitlines() if line.strip())


class SynonymIndexView(ScopedIndexView):
    """Lists every site's synonyms beside the editor's own; those it may not change have no
    edit link or delete button (their addresses answer 404 to the editor anyway)."""

    page_title = "Search synonyms"

    def get_base_queryset(self):
        return listed_synonyms(self.request.user)

    def _changeable(self, instance):
        return SYNONYM_POLICY.user_has_permission_for_instance(
            self.request.user, "change", instance
        )

    def get_edit_url(self, instance):
        return super().get_edit_url(instance) if self._changeable(instance) else None

    def get_delete_url(self, instance):
        return super().get_delete_url(instance) if self._changeable(instance) else None


class SynonymViewSet(ScopedViewSet):
    model = Synonym
    rows = staticmethod(editable_synonyms)
    index_view_class = SynonymIndexView
    permission_policy = SYNONYM_POLICY
    icon = "search"
    name = "search_synonyms"
    menu_label = "Search synonyms"
    add_to_admin_menu = False  # under Content (STAFF_LINKS below)
    list_display = [
        "term",
        Column("alternatives", label="Also found by", accessor=_alternatives),
        Column("site", label="Site", accessor=_site),
    ]
    search_fields = ["term", "alternatives"]
    search_backend_name = None  # a plain database search of the fields above
    ordering = ["term"]
    edit_handler = ObjectList(
        [FieldPanel("partnership"), FieldPanel("term"), FieldPanel("alternatives")],
        base_form_class=SynonymForm,
    )


# --- Best bets --------------------------------------------------------------------------


def _result(best_bet):
    return best_bet.result_title or "Not found any more: the result may have been removed"


class BestBetIndexView(ScopedIndexView):
    page_title = "Search best bets"


class BestBetViewSet(ScopedViewSet):
    model = BestBet
    rows = staticmethod(listed_best_bets)
    index_view_class = BestBetIndexView
    permission_policy = BEST_BET_POLICY
    icon = "pick"
    name = "search_best_bets"
    menu_label = "Search best bets"
    add_to_admin_menu = False  # under Content (STAFF_LINKS below)
    list_display = [
        "query",
        Column("result", label="Shows first", accessor=_result),
        "url",
        Column("site", label="Site", accessor=_site),
    ]
    search_fields = ["query", "url"]
    search_backend_name = None
    ordering = ["query", "created_at"]
    edit_handler = ObjectList(
        [FieldPanel("partnership"), FieldPanel("query"), FieldPanel("url")],
        base_form_class=BestBetForm,
    )


# --- The domain's staff links (declared in hub/search/domain.py) ----------------------------

STAFF_LINKS = (
    StaffLink(
        "content",
        "Search synonyms",
        lambda request: reverse("search_synonyms:index"),
        admin_screen("hubsearch.Synonym"),
        order=60,
        description="Words that mean the same to a practitioner (an acronym and its words, "
        "an old name and the new): a search for one finds the others.",
    ),
    StaffLink(
        "content",
        "Search best bets",
        lambda request: reverse("search_best_bets:index"),
        admin_screen("hubsearch.BestBet"),
        order=61,
        description="A page, document or chapter shown first when people search for a "
        "particular query.",
    ),
)
