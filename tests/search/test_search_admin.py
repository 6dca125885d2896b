"""Search in the editors' admin: a partnership's editors keep its synonyms and best bets; they
see the synonyms every site uses but only a superuser changes those; another partnership's
rows answer 404 on every screen; what is typed is checked with a message that says what to
change; a best bet leads to a result the index holds for the site, and the search asks for
the pins of a query in one query, oldest first."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from hub.core.models import Consortium
from hub.search.best_bets import urls_for
from hub.search.engine import replace_source
from hub.search.models import BestBet, SearchChunk, Synonym
from tests.conftest import give_second_factor, make_person

pytestmark = pytest.mark.django_db

SYNONYMS = "/admin/search_synonyms/"
BEST_BETS = "/admin/search_best_bets/"


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def page(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


@pytest.fixture
def editor(staff):
    return signed_in(staff("editor"))


@pytest.fixture
def superuser(westshire):
    user = make_person("search-root@hub.example", partnership=westshire, agency=None)
    user.is_superuser = user.is_staff = True
    user.save()
    return signed_in(give_second_factor(user))


@pytest.fixture
def results(westshire, northmoor):
    """Results the index holds: a Westshire page, a regional chapter of the consortium,
    a Northmoor page, and a chapter of another consortium."""
    elsewhere = Consortium.objects.create(name="Test far consortium", slug="test-far")

    def index(source_id, title, url, **scope):
        chunk = SearchChunk(kind="Page", title=title, text=f"{title} text.", url=url, **scope)
        replace_source("test_admin", source_id, [chunk])

    index("westshire", "Test pinned page", "/test-pinned/", partnership=westshire)
    regional = {"consortium_id": westshire.consortium_id}
    index("regional", "Test regional chapter", "/procedures/test-regional/", **regional)
    index("northmoor", "Test Northmoor page", "/test-northmoor-only/", partnership=northmoor)
    index("far", "Test far chapter", "/procedures/test-far/", consortium=elsewhere)


def synonym_data(partnership, term, *alternatives):
    return {
        "partnership": partnership.pk if partnership else "",
        "term": term,
        "alternatives": "\n".join(alternatives),
    }


def best_bet_data(partnership, query, url):
    return {"partnership": partnership.pk, "query": query, "url": url}


# --- Synonyms -----------------------------------------------------------------------------


def test_an_editor_adds_changes_and_deletes_their_partnerships_synonym(editor, westshire):
    assert "Search synonyms" in page(editor.get(SYNONYMS))
    response = editor.post(
        f"{SYNONYMS}new/",
        synonym_data(westshire, "  CAMHS ", "child and adolescent  mental health services"),
    )
    assert response.status_code == 302
    synonym = Synonym.objects.get(term="CAMHS")
    assert synonym.partnership == westshire
    assert synonym.members() == ["camhs", "child and adolescent mental health services"]
    assert f"{SYNONYMS}edit/{synonym.pk}/" in page(editor.get(SYNONYMS, {"q": "CAMHS"}))

    response = editor.post(
        f"{SYNONYMS}edit/{synonym.pk}/",
        synonym_data(westshire, "CAMHS", "child and adolescent mental health services", "CYPMHS"),
    )
    assert response.status_code == 302
    synonym.refresh_from_db()
    assert synonym.alternatives == "child and adolescent mental health services\nCYPMHS"
    # Wagtail's own record of the change is the row's history.
    history = page(editor.get(f"{SYNONYMS}history/{synonym.pk}/"))
    assert "Created" in history and "Edited" in history

    assert editor.post(f"{SYNONYMS}delete/{synonym.pk}/").status_code == 302
    assert not Synonym.objects.filter(pk=synonym.pk).exists()


def test_every_sites_synonyms_are_listed_to_an_editor_but_not_changeable(editor, westshire):
    lado = Synonym.objects.get(partnership=None, term="LADO")
    before = lado.alternatives
    listing = page(editor.get(SYNONYMS, {"q": "LADO"}))
    assert "LADO" in listing and "local authority designated officer" in listing
    assert "Every site" in listing
    assert f"{SYNONYMS}edit/{lado.pk}/" not in listing
    assert f"{SYNONYMS}delete/{lado.pk}/" not in listing
    for screen in ("edit", "delete", "history", "history-results", "usage"):
        assert editor.get(f"{SYNONYMS}{screen}/{lado.pk}/").status_code == 404, screen
    assert (
        editor.post(f"{SYNONYMS}edit/{lado.pk}/", synonym_data(None, "LADO", "x")).status_code
        == 404
    )
    assert editor.post(f"{SYNONYMS}delete/{lado.pk}/").status_code == 404
    lado.refresh_from_db()
    assert lado.alternatives == before
    # Nor may an editor make a synonym for every site: the form offers their own site only.
    response = editor.post(f"{SYNONYMS}new/", synonym_data(None, "NSPCC", "children's charity"))
    assert response.status_code == 200
    assert not Synonym.objects.filter(term="NSPCC").exists()
    # More words for an everyone's term are the partnership's own synonym with that term.
    response = editor.post(f"{SYNONYMS}new/", synonym_data(westshire, "LADO", "designated officer"))
    assert response.status_code == 302
    assert Synonym.objects.get(partnership=westshire, term="LADO").members() == [
        "lado",
        "designated officer",
    ]


def test_a_superuser_changes_the_synonyms_every_site_uses(superuser):
    lado = Synonym.objects.get(partnership=None, term="LADO")
    assert f"{SYNONYMS}edit/{lado.pk}/" in page(superuser.get(SYNONYMS, {"q": "LADO"}))
    response = superuser.post(
        f"{SYNONYMS}edit/{lado.pk}/",
        synonym_data(None, "LADO", "local authority designated officer", "designated officer"),
    )
    assert response.status_code == 302
    lado.refresh_from_db()
    assert lado.partnership_id is None
    assert lado.alternatives.splitlines()[-1] == "designated officer"
    # A second every-site row for the same term is refused (the database would allow it).
    response = superuser.post(f"{SYNONYMS}new/", synonym_data(None, "lado", "officer"))
    assert "There is already a synonym for" in page(response)
    assert Synonym.objects.filter(partnership=None, term__iexact="lado").count() == 1


def test_another_partnerships_rows_answer_404_on_every_screen(
    editor, westshire, northmoor, results
):
    synonym = Synonym.objects.create(partnership=northmoor, term="Test NM", alternatives="moor")
    best_bet = BestBet.objects.create(
        partnership=northmoor, query="test moor", url="/test-northmoor-only/"
    )
    for base, row, shown in ((SYNONYMS, synonym, "Test NM"), (BEST_BETS, best_bet, "test moor")):
        assert shown not in page(editor.get(base))
        for screen in ("edit", "delete", "history", "history-results", "usage", "inspect", "copy"):
            assert editor.get(f"{base}{screen}/{row.pk}/").status_code == 404, (base, screen)
        assert editor.post(f"{base}delete/{row.pk}/").status_code == 404
    response = editor.post(f"{SYNONYMS}edit/{synonym.pk}/", synonym_data(westshire, "Mine", "x"))
    assert response.status_code == 404
    response = editor.post(
        f"{BEST_BETS}edit/{best_bet.pk}/", best_bet_data(westshire, "mine", "/test-pinned/")
    )
    assert response.status_code == 404
    synonym.refresh_from_db()
    best_bet.refresh_from_db()
    assert (synonym.term, synonym.partnership) == ("Test NM", northmoor)
    assert (best_bet.query, best_bet.partnership) == ("test moor", northmoor)
    # A forged partnership on the form is refused and nothing is made.
    response = editor.post(f"{SYNONYMS}new/", synonym_data(northmoor, "Planted", "words"))
    assert "Select a valid choice" in page(response)
    response = editor.post(
        f"{BEST_BETS}new/", best_bet_data(northmoor, "planted", "/test-northmoor-only/")
    )
    assert "Select a valid choice" in page(response)
    assert not Synonym.objects.filter(term="Planted").exists()
    assert not BestBet.objects.filter(query="planted").exists()
    # Moving one's own row to another partnership is refused the same way.
    own = Synonym.objects.create(partnership=westshire, term="Test own", alternatives="ours")
    response = editor.post(f"{SYNONYMS}edit/{own.pk}/", synonym_data(northmoor, "Test own", "x"))
    assert "Select a valid choice" in page(response)
    own.refresh_from_db()
    assert own.partnership == westshire


def test_northmoors_editor_sees_only_northmoors_rows_and_every_sites(staff, westshire):
    ours = Synonym.objects.create(partnership=westshire, term="Test WS", alternatives="shire")
    northmoor_editor = signed_in(staff("editor", partnership="northmoor"))
    listing = page(northmoor_editor.get(SYNONYMS))
    assert "Test WS" not in listing and "LADO" in listing
    assert northmoor_editor.get(f"{SYNONYMS}edit/{ours.pk}/").status_code == 404


def test_anonymous_visitors_sign_in_and_people_without_an_editing_role_are_refused(
    staff, westshire
):
    Synonym.objects.create(partnership=westshire, term="Test secret", alternatives="hidden words")
    for base in (SYNONYMS, BEST_BETS):
        response = Client().get(base)
        assert response.status_code == 302 and "login" in response["Location"], base
    for role in (None, "training_coordinator", "consortium_editor"):
        client = signed_in(staff(role))
        for base in (SYNONYMS, f"{SYNONYMS}new/", BEST_BETS, f"{BEST_BETS}new/"):
            response = client.get(base)
            assert response.status_code in (302, 403, 404), (role, base)
            assert "hidden words" not in response.content.decode()
        response = client.post(f"{SYNONYMS}new/", {"term": "Planted", "alternatives": "x"})
        assert response.status_code in (302, 403, 404), role
    assert not Synonym.objects.filter(term="Planted").exists()


@pytest.mark.parametrize(
    ("term", "alternatives", "message"),
    [
        ("", ["child in care"], "Type the word or words people search for"),
        ("   ", ["child in care"], "Type the word or words people search for"),
        ("CIC", [], "Give at least one other word for the term"),
        ("CIC", ["", "  "], "Give at least one other word for the term"),
        ("CIC", ["cic"], "is the term itself"),
        ("CIC", ["child in care", "Child  in care"], "is listed twice"),
        ("CIC", [f"word {n}" for n in range(21)], "Give at most 20 alternatives"),
        ("CIC", ["a" * 81], "is longer than 80 characters"),
        ("C" * 81, ["child in care"], "Ensure this value has at most 80 characters"),
        ("CIC\x07", ["child in care"], "Remove the invisible or control character"),
        ("CIC", ["child\u00adin care"], "Remove the invisible or control character"),
        ("CIC", ["child\x00 in care"], "Null characters are not allowed"),
        ("<script>", ["child in care"], "use letters, numbers, spaces, hyphens and apostrophes"),
        ("CIC", ['child "in" care'], "use letters, numbers, spaces, hyphens and apostrophes"),
        ("!!!", ["child in care"], "has no letters or numbers"),
    ],
)
def test_a_synonym_that_is_not_words_is_refused_with_a_message(
    editor, westshire, term, alternatives, message
):
    response = editor.post(f"{SYNONYMS}new/", synonym_data(westshire, term, *alternatives))
    assert message in page(response)
    assert not Synonym.objects.filter(partnership=westshire).exists()


def test_a_second_synonym_for_the_same_term_on_the_site_is_refused(editor, westshire):
    Synonym.objects.create(partnership=westshire, term="CAMHS", alternatives="mental health")
    response = editor.post(f"{SYNONYMS}new/", synonym_data(westshire, "camhs", "other words"))
    assert "There is already a synonym for “camhs” on this site" in page(response)
    assert Synonym.objects.filter(partnership=westshire).count() == 1


# --- Best bets ----------------------------------------------------------------------------


def test_an_editor_pins_a_result_to_a_query_stored_as_search_compares_it(
    editor, westshire, results
):
    response = editor.post(
        f"{BEST_BETS}new/", best_bet_data(westshire, "  Escalation, PROTOCOL!! ", "/test-pinned/")
    )
    assert response.status_code == 302
    pin = BestBet.objects.get(partnership=westshire)
    assert (pin.query, pin.url) == ("escalation protocol", "/test-pinned/")
    listing = page(editor.get(BEST_BETS))
    assert "escalation protocol" in listing and "Test pinned page" in listing
    assert urls_for("escalation   protocol", westshire) == ["/test-pinned/"]

    response = editor.post(
        f"{BEST_BETS}edit/{pin.pk}/",
        best_bet_data(westshire, "escalation", "/procedures/test-regional/"),
    )
    assert response.status_code == 302
    pin.refresh_from_db()
    assert (pin.query, pin.url) == ("escalation", "/procedures/test-regional/")
    assert editor.post(f"{BEST_BETS}delete/{pin.pk}/").status_code == 302
    assert not BestBet.objects.filter(pk=pin.pk).exists()


@pytest.mark.parametrize(
    ("address", "stored"),
    [
        ("/test-pinned/", "/test-pinned/"),
        ("/test-pinned", "/test-pinned/"),
        (" https://westshire.localhost/test-pinned/?utm=x#top ", "/test-pinned/"),
        ("http://WESTSHIRE.localhost:8000/test-pinned/", "/test-pinned/"),
        ("/procedures/test-regional/", "/procedures/test-regional/"),
    ],
)
def test_a_best_bet_may_lead_to_any_result_the_sites_index_holds(
    editor, westshire, results, address, stored
):
    response = editor.post(f"{BEST_BETS}new/", best_bet_data(westshire, "pinned", address))
    assert response.status_code == 302, response.content.decode()
    assert BestBet.objects.get(partnership=westshire).url == stored


@pytest.mark.parametrize(
    ("query", "address", "message"),
    [
        ("pinned", "/test-northmoor-only/", "No page, document or chapter on this site has"),
        ("pinned", "/procedures/test-far/", "No page, document or chapter on this site has"),
        ("pinned", "/no-such-page/", "No page, document or chapter on this site has"),
        ("pinned", "https://northmoor.localhost/test-northmoor-only/", "on another website"),
        ("pinned", "https://evil.example/test-pinned/", "on another website"),
        ("pinned", "//evil.example/test-pinned/", "on another website"),
        ("pinned", "javascript:alert(1)", "starting with /"),
        ("pinned", "test-pinned/", "starting with /"),
        ("pinned", "/test pinned/", "no spaces or control characters"),
        ("pinned", "", "Give the address of the page, document or chapter"),
        ("", "/test-pinned/", "Type what people search for"),
        ("?!*", "/test-pinned/", "Type what people search for, in letters or numbers"),
        ("pinned\x1b", "/test-pinned/", "Remove the invisible or control character"),
    ],
)
def test_a_best_bet_that_leads_nowhere_on_the_site_is_refused_with_a_message(
    editor, westshire, results, query, address, message
):
    response = editor.post(f"{BEST_BETS}new/", best_bet_data(westshire, query, address))
    assert message in page(response)
    assert not BestBet.objects.exists()


def test_the_same_result_pinned_twice_to_a_query_is_refused(editor, westshire, results):
    BestBet.objects.create(partnership=westshire, query="escalation", url="/test-pinned/")
    response = editor.post(
        f"{BEST_BETS}new/", best_bet_data(westshire, "Escalation", "/test-pinned")
    )
    assert "This result is already pinned to “escalation” on this site" in page(response)
    assert BestBet.objects.count() == 1


def test_a_pinned_result_that_leaves_the_index_is_marked_in_the_list(editor, westshire, results):
    BestBet.objects.create(partnership=westshire, query="gone", url="/test-pinned/")
    SearchChunk.objects.filter(url="/test-pinned/").delete()
    assert "Not found any more" in page(editor.get(BEST_BETS))


def test_the_pins_of_a_query_come_oldest_first_for_that_site_only(
    westshire, northmoor, django_assert_num_queries
):
    now = timezone.now()
    for age, url in ((1, "/newer/"), (3, "/oldest/"), (2, "/middle/")):
        pin = BestBet.objects.create(partnership=westshire, query="neglect", url=url)
        BestBet.objects.filter(pk=pin.pk).update(created_at=now - datetime.timedelta(days=age))
    BestBet.objects.create(partnership=northmoor, query="neglect", url="/northmoor/")
    BestBet.objects.create(partnership=westshire, query="neglect toolkit", url="/toolkit/")
    with django_assert_num_queries(1):
        found = urls_for("  NEGLECT? ", westshire)
    assert found == ["/oldest/", "/middle/", "/newer/"]
    assert urls_for("neglect", northmoor) == ["/northmoor/"]
    assert urls_for("nothing pinned", westshire) == []
    assert urls_for("", westshire) == []


def test_the_menu_links_show_to_those_who_tune_search_and_lead_to_the_lists(staff, rf):
    from hub.search.viewsets import STAFF_LINKS

    editor, practitioner = staff("editor"), staff(None)
    for link in STAFF_LINKS:
        assert link.group == "content"
        request = rf.get("/admin/")
        request.user = editor
        assert link.shown(request)
        assert page(signed_in(editor).get(link.url(request)))
        request.user = practitioner
        assert not link.shown(request)
