"""The practitioner's flow through a screening tool, through the test client: every step
from the start page to the outcome and its PDF, Back and Change, validation, every kind of
bad input, no-store on every response, and nothing but the tool's own address in any URL."""

import time
import uuid

import pytest
from bs4 import BeautifulSoup
from django.core import signing
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

from hub.core.models import WorriedAboutAChild
from hub.core.presenters import govuk_date
from hub.decision_aids import flow
from hub.decision_aids.models import RatingOption, Tool, ToolVersion
from hub.decision_aids.services import tool_publish
from tests.pdfs import assert_accessible_pdf, assert_text_exact

pytestmark = pytest.mark.django_db

URL = "/decision-aids/test-screening/"
PDF_URL = URL + "summary.pdf"

NC, SC, VC, NK = "Not concerned", "Some concern", "Very concerned", "Not known"
BASIC_CARE = (
    "Quolliver meals are regular",
    "Clothing suits the weather",
    "Hygiene needs are met",
)
SUPERVISION = (
    "An adult knows where the child is",
    "The home is safe",
    "Care when parents are away is arranged",
)


class Walker:
    """A practitioner using the tool through the test client: it reads each page's forms and
    presses their buttons, sending what a browser would send (the hidden fields, the radios
    checked, the button's own name and value). Every request and response is kept."""

    def __init__(self, client, url=URL):
        self.client = client
        self.url = url
        self.requests = []
        self.responses = []
        self.response = None

    def _record(self, response):
        self.requests.append((response.request["PATH_INFO"], response.request["QUERY_STRING"]))
        self.responses.append(response)
        self.response = response
        return response

    def open(self):
        return self._record(self.client.get(self.url))

    @property
    def html(self):
        return self.response.content.decode()

    @property
    def soup(self):
        return BeautifulSoup(self.response.content, "html.parser")

    def heading(self):
        return self.soup.find("h1").get_text(" ", strip=True)

    def state(self):
        found = self.soup.find("input", attrs={"name": flow.STATE_FIELD})
        return found["value"] if found else None

    def button(self, text):
        for button in self.soup.find_all("button"):
            if button.get_text(" ", strip=True) == text:
                return button
        raise AssertionError(f"No button {text!r} on the page {self.heading()!r}")

    def form_data(self, text, ratings=None):
        """What pressing the button `text` sends: its form's fields, with `ratings` (labels,
        one per set of radios in the page's order; None leaves one unrated) checked."""
        button = self.button(text)
        form = button.find_parent("form")
        data = {}
        for field in form.find_all("input"):
            kind = field.get("type")
            if kind == "hidden" or (kind == "radio" and field.has_attr("checked")):
                data[field["name"]] = field["value"]
        if ratings is not None:
            fieldsets = form.find_all("fieldset")
            assert len(fieldsets) == len(ratings)
            for fieldset, label in zip(fieldsets, ratings, strict=True):
                radios = fieldset.find_all("input", attrs={"type": "radio"})
                data.pop(radios[0]["name"], None)
                if label is None:
                    continue
                (chosen,) = [
                    radio
                    for radio in radios
                    if fieldset.find("label", attrs={"for": radio["id"]}).get_text(strip=True)
                    == label
                ]
                data[chosen["name"]] = chosen["value"]
        if button.get("name"):
            data[button["name"]] = button["value"]
        return form["action"], data

    def press(self, text, ratings=None, *, expect=200):
        action, data = self.form_data(text, ratings)
        return self.post(action, data, expect=expect)

    def post(self, action, data, *, expect=200):
        response = self._record(self.client.post(action, data))
        assert response.status_code == expect, (response.status_code, self.heading())
        return response


def walk_to_outcome(walker, basic_care, supervision):
    walker.open()
    walker.press("Start now")
    walker.press("Basic care")
    walker.press("Save and continue", basic_care)
    assert walker.heading() == "Supervision"
    walker.press("Save and continue", supervision)
    assert walker.heading() == "Check your answers"
    walker.press("See the outcome")
    return walker


@pytest.fixture
def walker(test_tool, client):
    return Walker(client)


def _assert_no_store(response):
    control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert "no-store" in control, response["Cache-Control"]


def test_the_list_of_tools_links_each_published_tool(test_tool, client, westshire_guide):
    Tool.objects.create(
        consortium_id=test_tool.consortium_id,
        partnership=test_tool.partnership,
        title="A draft never published",
        slug="draft-tool",
        summary="Not yet.",
        introduction="<p>Draft.</p>",
        guide=westshire_guide,
        otherwise_level=test_tool.otherwise_level,
        domains=[],
    )
    html = client.get("/decision-aids/").content.decode()
    assert f'href="{URL}"' in html
    assert "A screening tool for the tests." in html
    assert "A draft never published" not in html
    assert client.get("/decision-aids/draft-tool/").status_code == 404


def test_the_start_page_introduces_the_tool_its_version_and_that_nothing_is_stored(walker):
    response = walker.open()
    assert response.status_code == 200
    _assert_no_store(response)
    version = ToolVersion.objects.get(tool__slug="test-screening")
    html = walker.html
    assert walker.heading() == "Test screening tool"
    assert "Use this test tool to think through your worries." in html
    assert "supports your professional judgement" in html
    assert "never a decision" in html
    assert "Nothing you enter is stored." in html
    assert f"Version 1, published {govuk_date(version.published_at)}." in html
    start = walker.button("Start now")
    form = start.find_parent("form")
    assert form["method"] == "post" and form["action"] == URL
    assert "govuk-button--start" in start["class"]
    # No answers yet: no state on the page.
    assert walker.state() is None


@pytest.mark.parametrize(
    ("basic_care", "supervision", "level"),
    [
        ((NC, NC, NC), (NC, NC, NC), "Test universal"),
        ((VC, VC, NK), (NC, NC, NC), "Test statutory"),
        ((VC, NC, NK), (NC, NC, NC), "Test targeted"),
        ((SC, SC, NK), (SC, SC, NK), "Test early help"),
    ],
)
def test_every_level_of_the_tool_is_reached_through_its_pages(
    walker, basic_care, supervision, level
):
    walk_to_outcome(walker, basic_care, supervision)
    assert walker.heading() == f"Indicative level of need: {level}"
    assert f"What to do next at {level}." in walker.html
    slug = {
        "Test universal": "t-universal",
        "Test statutory": "t-statutory",
        "Test targeted": "t-targeted",
        "Test early help": "t-early-help",
    }[level]
    assert walker.soup.find("a", href=f"/levels-of-need/{slug}/") is not None
    assert {path for path, _ in walker.requests} == {URL}
    assert all(query == "" for _, query in walker.requests)


def test_the_walk_goes_start_tasks_areas_check_outcome_each_page_no_store(walker, westshire):
    response = walker.open()
    _assert_no_store(response)
    response = walker.press("Start now")
    _assert_no_store(response)
    assert walker.heading() == "Areas to rate"
    tasks = walker.soup.select(".govuk-task-list__item")
    assert [item.find("button").get_text(strip=True) for item in tasks] == [
        "Basic care",
        "Supervision",
    ]
    assert all("Not yet started" in item.get_text() for item in tasks)
    assert "Check your answers" not in [b.get_text(strip=True) for b in walker.soup("button")]

    _assert_no_store(walker.press("Basic care"))
    assert walker.heading() == "Basic care"
    legends = [legend.get_text(strip=True) for legend in walker.soup.find_all("legend")]
    assert legends == list(BASIC_CARE)
    labels = [label.get_text(strip=True) for label in walker.soup.find_all("label")[:4]]
    assert labels == [NC, SC, VC, NK]

    _assert_no_store(walker.press("Save and continue", (NK, NC, NC)))
    assert walker.heading() == "Supervision"
    _assert_no_store(walker.press("Save and continue", (NC, NK, SC)))
    assert walker.heading() == "Check your answers"
    cards = walker.soup.select(".govuk-summary-card")
    assert [card.find("h2").get_text(strip=True) for card in cards] == [
        "Basic care",
        "Supervision",
    ]
    rows = [
        (row.dt.get_text(strip=True), row.dd.get_text(strip=True))
        for row in cards[0].select(".govuk-summary-list__row")
    ]
    assert rows == list(zip(BASIC_CARE, (NK, NC, NC), strict=True))

    _assert_no_store(walker.press("See the outcome"))
    assert walker.heading() == "Indicative level of need: Test universal"
    html = walker.html
    assert "it is not a decision" in html
    # The areas of most concern, strengths, and what is not known with who could tell.
    concern = walker.soup.find("h2", string="Areas of most concern").find_next("ol")
    assert concern.get_text(" ", strip=True) == "Supervision : 1 rated Some concern"
    strengths = walker.soup.find("h2", string="Strengths").find_next("ul")
    assert [li.get_text(" ", strip=True) for li in strengths("li")] == [
        "Clothing suits the weather (Basic care)",
        "Hygiene needs are met (Basic care)",
        "An adult knows where the child is (Supervision)",
    ]
    unknown = walker.soup.find("h2", string="Not known").find_next("ul")
    assert [li.get_text(" ", strip=True) for li in unknown("li")] == [
        "Quolliver meals are regular (Basic care) Who could tell you: the school nurse",
        "The home is safe (Supervision) Who could tell you: the health visitor",
    ]
    version = ToolVersion.objects.get(tool__slug="test-screening")
    assert (
        f"This outcome used version 1 of Test screening tool, published "
        f"{govuk_date(version.published_at)}." in html
    )
    # The partnership's contact routes, and the layout's Exit this page.
    safety = WorriedAboutAChild.for_site(westshire.site)
    assert safety.front_door_phone and safety.front_door_phone in html
    assert "govuk-exit-this-page" in html
    assert walker.soup.find("a", string="Start again")["href"] == URL
    pdf_form = walker.button("Download a summary (PDF)").find_parent("form")
    assert pdf_form["method"] == "post" and pdf_form["action"] == PDF_URL


def test_back_buttons_post_the_answers_back_a_step(walker):
    walker.open()
    walker.press("Start now")
    walker.press("Basic care")
    walker.press("Save and continue", (VC, NC, NC))
    assert walker.heading() == "Supervision"
    # Back from an area: the task list, with the saved area completed.
    walker.press("Back")
    assert walker.heading() == "Areas to rate"
    statuses = [s.get_text(strip=True) for s in walker.soup.select(".govuk-task-list__status")]
    assert statuses == ["Completed", "Not yet started"]
    # Back from the task list: the start page, carrying the answers on.
    walker.press("Back")
    assert walker.heading() == "Test screening tool"
    assert walker.state()
    walker.press("Continue")
    statuses = [s.get_text(strip=True) for s in walker.soup.select(".govuk-task-list__status")]
    assert statuses == ["Completed", "Not yet started"]
    walker.press("Supervision")
    walker.press("Save and continue", (NC, NC, NC))
    assert walker.heading() == "Check your answers"
    walker.press("Back")
    assert walker.heading() == "Areas to rate"
    walker.press("Check your answers")
    walker.press("See the outcome")
    assert walker.heading() == "Indicative level of need: Test targeted"
    walker.press("Back")
    assert walker.heading() == "Check your answers"


def test_change_opens_the_area_with_its_answers_and_returns_to_check_your_answers(walker):
    walk_to_outcome(walker, (VC, NC, NC), (NC, NC, NC))
    walker.press("Back")
    walker.press("Change your answers for Basic care")
    assert walker.heading() == "Basic care"
    checked = [
        walker.soup.find("label", attrs={"for": radio["id"]}).get_text(strip=True)
        for radio in walker.soup.find_all("input", attrs={"type": "radio", "checked": True})
    ]
    assert checked == [VC, NC, NC]
    # Back from a change goes back to check your answers, changing nothing.
    walker.press("Back")
    assert walker.heading() == "Check your answers"
    walker.press("Change your answers for Basic care")
    walker.press("Save and continue", (VC, VC, NC))
    assert walker.heading() == "Check your answers"
    walker.press("See the outcome")
    assert walker.heading() == "Indicative level of need: Test statutory"


def _answers_in(state):
    return signing.loads(state, salt=flow.SALT)


def test_an_unrated_indicator_is_named_in_the_error_summary_and_beside_it(walker):
    walker.open()
    walker.press("Start now")
    walker.press("Basic care")
    before = walker.state()
    response = walker.press("Save and continue", (VC, None, NK))
    assert response.status_code == 200
    _assert_no_store(response)
    soup = walker.soup
    assert soup.title.get_text().startswith("Error: ")
    summary = soup.select_one(".govuk-error-summary")
    links = [(a.get_text(strip=True), a["href"]) for a in summary.find_all("a")]
    assert links == [("Select a rating for ‘Clothing suits the weather’", "#rating-2")]
    inline = soup.select(".govuk-error-message")
    assert len(inline) == 1
    assert "Select a rating for ‘Clothing suits the weather’" in inline[0].get_text()
    # The ratings given stay checked; nothing was saved into the answers.
    checked = [radio["id"] for radio in soup.find_all("input", attrs={"checked": True})]
    assert checked == ["rating-1-3", "rating-3-4"]
    # The same answers (signed again, so the signature's time may differ).
    assert _answers_in(walker.state()) == _answers_in(before)
    walker.press("Save and continue", (VC, NC, NK))
    assert walker.heading() == "Supervision"


def test_saving_the_last_area_first_goes_on_to_the_first_still_to_do(walker):
    walker.open()
    walker.press("Start now")
    walker.press("Supervision")
    walker.press("Save and continue", (NC, NC, NC))
    assert walker.heading() == "Basic care"
    walker.press("Save and continue", (NC, NC, NC))
    assert walker.heading() == "Check your answers"


def test_the_outcome_and_check_pages_wait_for_every_area(walker):
    walker.open()
    walker.press("Start now")
    state = walker.state()
    for action in ("check", "outcome"):
        walker.post(URL, {"state": state, "action": action})
        assert walker.heading() == "Areas to rate"


# -- the summary PDF -------------------------------------------------------------------------


def test_the_summary_pdf_is_a_tagged_pdf_with_the_level_and_every_indicator(walker):
    walk_to_outcome(walker, (NK, VC, VC), (NC, SC, NC))
    response = walker.press("Download a summary (PDF)")
    _assert_no_store(response)
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="test-screening-summary.pdf"'
    pdf = assert_accessible_pdf(
        response.content,
        title="Test screening tool: outcome summary",
        first_heading="Indicative level of need: Test statutory",
    )
    assert_text_exact(
        pdf,
        "What to do next at Test statutory.",
        "it is not a decision",
        *BASIC_CARE,
        *SUPERVISION,
        "Who could tell you",
        "This outcome used version 1 of Test screening tool",
    )
    for label in (VC, NK, SC, NC):
        assert label in pdf.text
    assert "Areas of most concern" in pdf.heading_texts
    assert {path for path, _ in walker.requests} == {URL, PDF_URL}
    assert all(query == "" for _, query in walker.requests)


# -- bad input -------------------------------------------------------------------------------


def _assert_refused(walker, response, title, status=400):
    assert response.status_code == status
    _assert_no_store(response)
    assert walker.heading() == title
    start_again = walker.soup.find("a", string=lambda text: text and "Start again" in text)
    assert start_again["href"] == URL
    assert "Nothing you entered has been kept." in walker.html or status == 405
    assert "govuk-exit-this-page" in walker.html


def _at_the_first_area(walker):
    walker.open()
    walker.press("Start now")
    walker.press("Basic care")
    return walker.state()


def _tamper(state):
    """The state with one character of its signed payload changed."""
    position = len(state) // 3
    replacement = "A" if state[position] != "A" else "B"
    return state[:position] + replacement + state[position + 1 :]


@pytest.mark.parametrize(
    "state",
    [
        pytest.param(lambda state: _tamper(state), id="tampered"),
        pytest.param(lambda state: "not a state at all", id="garbled"),
        pytest.param(lambda state: state.split(":", 1)[0], id="unsigned"),
        pytest.param(lambda state: "x" * (flow.LONGEST_STATE + 1), id="too-long"),
        pytest.param(lambda state: "", id="missing"),
    ],
)
def test_a_tampered_or_garbled_state_is_refused(walker, caplog, state):
    original = _at_the_first_area(walker)
    sent = state(original)
    response = walker.post(URL, {"state": sent, "action": "tasks"}, expect=400)
    _assert_refused(walker, response, "Sorry, your answers could not be read")
    if sent:
        assert sent not in caplog.text
    assert original not in caplog.text


def test_an_expired_state_is_refused(walker, monkeypatch, caplog):
    walker.open()
    old = int(time.time()) - flow.MAX_AGE - 60
    with monkeypatch.context() as patched:
        patched.setattr(signing.TimestampSigner, "timestamp", lambda self: signing.b62_encode(old))
        walker.press("Start now")
    state = walker.state()
    response = walker.press("Basic care", expect=400)
    _assert_refused(walker, response, "Sorry, your answers have expired")
    assert state not in caplog.text


def test_a_rating_off_the_scale_is_refused(walker, caplog):
    state = _at_the_first_area(walker)
    on_scale = {option.pk for option in RatingOption.objects.all()}
    off = f"r{max(on_scale) + 1000}"
    data = {"state": state, "action": "save-1", "rating-1": off, "rating-2": off}
    response = walker.post(URL, {**data, "rating-3": off}, expect=400)
    _assert_refused(walker, response, "Sorry, an answer could not be read")
    assert off not in caplog.text


def test_two_ratings_for_one_indicator_are_refused(walker):
    state = _at_the_first_area(walker)
    _, data = walker.form_data("Save and continue", (NC, NC, NC))
    key = data["rating-1"]
    response = walker.client.post(
        URL, {**data, "rating-1": [key, key], "state": state}, follow=False
    )
    walker._record(response)
    _assert_refused(walker, response, "Sorry, an answer could not be read")


def test_a_rating_for_an_indicator_not_on_the_page_is_refused(walker):
    _at_the_first_area(walker)
    _, data = walker.form_data("Save and continue", (NC, NC, NC))
    response = walker.post(URL, {**data, "rating-4": data["rating-1"]}, expect=400)
    _assert_refused(walker, response, "Sorry, a question could not be found")


def test_a_state_naming_an_indicator_not_in_this_version_is_refused(walker, test_tool):
    version = ToolVersion.objects.get(tool=test_tool)
    rating = version.content["scale"][0]["key"]
    # Signed as the Hub would sign it: only the indicator is foreign (another tool's key).
    forged = flow.Journey(version, {str(uuid.uuid4()): rating}).signed()
    walker.open()
    response = walker.post(URL, {"state": forged, "action": "tasks"}, expect=400)
    _assert_refused(walker, response, "Sorry, a question could not be found")


def test_a_state_with_a_rating_off_the_scale_is_refused(walker, test_tool):
    version = ToolVersion.objects.get(tool=test_tool)
    indicator = version.content["domains"][0]["indicators"][0]["key"]
    forged = flow.Journey(version, {indicator: "r0"}).signed()
    walker.open()
    response = walker.post(URL, {"state": forged, "action": "tasks"}, expect=400)
    _assert_refused(walker, response, "Sorry, an answer could not be read")


def test_a_state_of_another_tool_is_refused(walker, test_tool):
    other = Tool.objects.get(pk=test_tool.pk)
    other.pk = other.id = None
    other.slug, other.title = "other-screening", "Another screening tool"
    other.save()
    RatingOption.objects.create(tool=other, label="Fine", kind="strength")
    other_version = tool_publish(tool=other, by=None)
    walker.open()
    walker.press("Start now")
    state_of_other = flow.Journey(other_version, {}).signed()
    response = walker.post(URL, {"state": state_of_other, "action": "tasks"}, expect=400)
    _assert_refused(walker, response, "Sorry, these answers are for another tool")


def test_a_new_version_published_mid_flow_stops_the_flow_and_says_so(walker, test_tool):
    _at_the_first_area(walker)
    test_tool.summary = "Changed by the editor while a practitioner was half way through."
    test_tool.save()
    version = tool_publish(tool=test_tool, by=None)
    assert version.number == 2
    response = walker.press("Save and continue", (NC, NC, NC), expect=400)
    _assert_refused(walker, response, "This tool has changed since you started")
    assert "version 2" in walker.html
    # Starting again uses the new version.
    walker.open()
    assert "Version 2, published" in walker.html


@pytest.mark.parametrize(
    "action", ["delete", "domain-3", "domain-0", "save-99999", "", None, ["tasks", "check"]]
)
def test_an_unknown_action_is_refused(walker, action):
    walker.open()
    walker.press("Start now")
    data = {"state": walker.state()}
    if action is not None:
        data["action"] = action
    response = walker.post(URL, data, expect=400)
    _assert_refused(walker, response, "Sorry, that step could not be found")


def test_opening_the_summary_pdf_address_is_refused_with_405(walker):
    response = walker._record(walker.client.get(PDF_URL))
    assert response["Allow"] == "POST"
    _assert_refused(walker, response, "The summary can only be made from the outcome page", 405)


def test_another_method_on_the_tool_is_refused_with_405(walker):
    response = walker._record(walker.client.put(URL, "state=x", content_type="text/plain"))
    assert response["Allow"] == "GET, HEAD, POST"
    _assert_refused(walker, response, "Sorry, there is a problem with the request", 405)


def test_a_summary_of_unfinished_answers_is_refused(walker):
    walker.open()
    walker.press("Start now")
    response = walker.post(PDF_URL, {"state": walker.state()}, expect=400)
    _assert_refused(walker, response, "Sorry, some answers are missing")


def test_another_partnerships_site_has_no_such_tool(test_tool, walker, northmoor_client):
    _at_the_first_area(walker)
    assert northmoor_client.get(URL).status_code == 404
    response = northmoor_client.post(URL, {"state": walker.state(), "action": "tasks"})
    assert response.status_code == 404


def test_the_anonymous_page_cache_keeps_no_page_of_the_tool(walker):
    caches["volatile"].clear()
    with override_settings(PAGE_CACHE_SECONDS=300):
        # The cache is on: the list of tools (no form, nothing personal) is kept...
        assert walker.client.get("/decision-aids/").get("X-Page-Cache") == "miss"
        assert walker.client.get("/decision-aids/").get("X-Page-Cache") == "hit"
        # ...and no page of the flow is kept or served from it, the start page included.
        for _ in range(2):
            assert "X-Page-Cache" not in walker.open()
        walk_to_outcome(walker, (NC, NC, NC), (NC, NC, NC))
        walker.press("Download a summary (PDF)")
        walker._record(walker.client.get(PDF_URL))
    assert len(walker.responses) == 10
    assert not [response for response in walker.responses if "X-Page-Cache" in response]
    caches["volatile"].clear()


# -- query budgets ---------------------------------------------------------------------------


# Each budget is the number of queries counted when it was set. The layout's own (site,
# partnership, contact routes, navigation, footer) cost none once warm (hub/ops/fragments.py).
BUDGETS = {
    # The tool's latest version, with its tool.
    "start": 1,
    "domain-1": 1,
    "check": 1,
    # ...and the guide's live level, for what to do next.
    "outcome": 2,
    "pdf": 2,
}


def _counted(client, method, url, data=None):
    """Queries made by a request, after a first one warms the per-process caches."""
    send = getattr(client, method)
    assert send(url, data).status_code == 200
    with CaptureQueriesContext(connection) as counted:
        response = send(url, data)
    assert response.status_code == 200
    return len(counted)


def _budgets_hold(client, version):
    answers = {
        indicator["key"]: version.content["scale"][0]["key"]
        for domain in version.content["domains"]
        for indicator in domain["indicators"]
    }
    state = flow.Journey(version, answers).signed()
    assert _counted(client, "get", URL) <= BUDGETS["start"]
    for action in ("domain-1", "check", "outcome"):
        data = {"state": state, "action": action}
        assert _counted(client, "post", URL, data) <= BUDGETS[action], action
    assert _counted(client, "post", PDF_URL, {"state": state}) <= BUDGETS["pdf"]


def test_the_flow_keeps_its_query_budgets(test_tool, client):
    _budgets_hold(client, ToolVersion.objects.get(tool=test_tool))


def test_the_flow_keeps_its_query_budgets_with_ten_times_the_indicators(test_tool, client):
    test_tool.domains = [
        (
            "domain",
            {
                "title": f"Area {area}",
                "guidance": "",
                "indicators": [
                    {"text": f"Indicator {area}.{row}", "hint": "", "who_could_tell": "A nurse"}
                    for row in range(12)
                ],
            },
        )
        for area in range(5)
    ]
    test_tool.save()
    version = tool_publish(tool=test_tool, by=None)
    assert sum(len(domain["indicators"]) for domain in version.content["domains"]) == 60
    _budgets_hold(client, version)


def test_a_signed_in_practitioner_walks_the_same_flow_with_no_store(test_tool, staff):
    client = Client()
    client.force_login(staff())
    walker = Walker(client)
    walk_to_outcome(walker, (VC, NC, NK), (NC, NC, NC))
    assert walker.heading() == "Indicative level of need: Test targeted"
    _assert_no_store(walker.response)
