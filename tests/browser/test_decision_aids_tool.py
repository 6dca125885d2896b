"""A practitioner works through a screening tool on a phone with the keyboard alone, with
axe on every page: start page, task list, every area (one sent half-rated first), check your
answers, a change, the outcome, its printed form and its PDF. The same journey again with
JavaScript off. The address bar never shows more than the tool's own address, and going back
in history after the outcome brings no answers back (every page is no-store)."""

import json
import re
import subprocess
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from tests.browser.conftest import check_accessibility
from tests.browser.keyboard import heading, in_site, tab_to

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 740}
SMALL_PHONE = {"width": 320, "height": 640}

# A published Westshire tool in the live site: the demo's neglect screening tool when the
# demo has one, otherwise one made here (two areas of three indicators, four ratings).
SETUP = """
import json
from hub.core.models import Partnership
from hub.decision_aids.models import Level, LevelsGuide, OutcomeRule, RatingOption, Tool
from hub.decision_aids.services import tool_publish

westshire = Partnership.objects.get(slug="westshire")
tool = Tool.objects.filter(
    partnership=westshire, slug="neglect-screening", versions__isnull=False
).first() or Tool.objects.filter(partnership=westshire, slug="browser-screening").first()
if tool is None:
    guide, _ = LevelsGuide.objects.get_or_create(
        partnership=westshire, defaults={"consortium_id": westshire.consortium_id}
    )
    levels = {}
    for order, name in enumerate(("Universal", "Early help", "Targeted", "Statutory"), 100):
        slug = "browser-" + name.lower().replace(" ", "-")
        levels[name], _ = Level.objects.get_or_create(
            guide=guide, slug=slug,
            defaults={"name": "Browser " + name.lower(), "sort_order": order,
                      "summary": "A level for the browser test.",
                      "what_to_do": "<p>Talk it through with your safeguarding lead.</p>"},
        )
    def indicator(text, who=""):
        return {"text": text, "hint": "Think about the last month.", "who_could_tell": who}
    tool = Tool(
        consortium_id=westshire.consortium_id, partnership=westshire,
        title="Browser screening tool", slug="browser-screening",
        summary="A screening tool for the browser test.",
        introduction="<p>Think through a worry about a child's care.</p>",
        guidance="<p>The outcome supports your judgement.</p>",
        guide=guide, otherwise_level=levels["Universal"],
        domains=[
            ("domain", {"title": "Daily care", "guidance": "Food, warmth and rest.",
                        "indicators": [indicator("Meals come at regular times", "the school"),
                                       indicator("Clothes suit the weather"),
                                       indicator("Sleep is settled")]}),
            ("domain", {"title": "Keeping safe", "guidance": "",
                        "indicators": [indicator("An adult knows where the child is"),
                                       indicator("The home is free of obvious dangers",
                                                 "the health visitor"),
                                       indicator("Care is arranged when parents are away")]}),
        ],
    )
    tool.save()
    for order, (label, kind, hint) in enumerate((
        ("Not concerned", "strength", "This is going well."),
        ("Some concern", "some", ""),
        ("Very concerned", "serious", ""),
        ("Not known", "unknown", "You cannot say from what you know."),
    )):
        RatingOption.objects.create(tool=tool, label=label, kind=kind, hint=hint,
                                    sort_order=order)
    for order, (counted, at_least, in_domains, name) in enumerate((
        ("serious", 2, 1, "Statutory"), ("serious", 1, 1, "Targeted"),
        ("concern", 2, 2, "Early help"),
    )):
        OutcomeRule.objects.create(tool=tool, counted=counted, at_least=at_least,
                                   in_domains=in_domains, level=levels[name], sort_order=order)
    tool_publish(tool=tool, by=None)
print(json.dumps({"slug": tool.slug}))
"""


@pytest.fixture(scope="module")
def tool_url(live_site):
    slug = json.loads(in_site(live_site, SETUP).strip().splitlines()[-1])["slug"]
    return f"{live_site['url']}/decision-aids/{slug}/"


def follow(page, locator):
    """Tab to a button or link and press Enter, waiting for the page it sends to: every
    step has the same address, so only the navigation itself says the next page is in."""
    tab_to(page, locator)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def _fits_a_phone(page):
    width = page.evaluate("() => document.documentElement.scrollWidth")
    phone = page.viewport_size["width"]
    assert width <= phone, f"{page.url} is {width}px wide on a {phone}px phone"


def _check(page, tool_url, javascript):
    """On every page: only the tool's address in the address bar; and, with JavaScript (axe
    is a script), axe clean and nothing wider than the phone."""
    assert page.url == tool_url
    _fits_a_phone(page)
    if javascript:
        check_accessibility(page)


def _choose(page, radios, choice):
    """Rate by keyboard: Tab to the set of radios, then Space for the first rating or the
    arrow keys (which move and select) for a later one."""
    tab_to(page, radios.first)
    if choice == 0:
        page.keyboard.press("Space")
    for _ in range(choice):
        page.keyboard.press("ArrowDown")
    expect(radios.nth(choice)).to_be_checked()


def _rate_the_page(page, first_area):
    """The first area: its first indicator very concerned, its second not known; every other
    indicator not concerned (the scale is in the order Not concerned, Some concern, Very
    concerned, Not known)."""
    fieldsets = page.locator("main fieldset")
    for position in range(fieldsets.count()):
        choice = 0
        if first_area and position < 2:
            choice = (2, 3)[position]
        _choose(page, fieldsets.nth(position).locator("input[type=radio]"), choice)


def _journey(page, tool_url, *, javascript):
    page.goto(tool_url)
    expect(page.get_by_role("button", name="Start now")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Nothing you enter is stored.")
    _check(page, tool_url, javascript)

    follow(page, page.get_by_role("button", name="Start now"))
    heading(page, "Areas to rate")
    _check(page, tool_url, javascript)
    areas = [text.strip() for text in page.locator(".govuk-task-list__link").all_inner_texts()]
    assert len(areas) >= 2

    follow(page, page.get_by_role("button", name=areas[0], exact=True))
    heading(page, areas[0])
    _check(page, tool_url, javascript)
    # Sent with nothing rated: the error summary names every indicator.
    follow(page, page.get_by_role("button", name="Save and continue"))
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(summary.get_by_role("link")).to_have_count(page.locator("main fieldset").count())
    _check(page, tool_url, javascript)

    first_area = True
    while page.get_by_role("heading", level=1).inner_text() != "Check your answers":
        _rate_the_page(page, first_area)
        first_area = False
        follow(page, page.get_by_role("button", name="Save and continue"))
        _check(page, tool_url, javascript)
    expect(page.locator(".govuk-summary-card")).to_have_count(len(areas))

    # Change the first area, then come back without changing it.
    follow(page, page.get_by_role("button", name=f"Change your answers for {areas[0]}"))
    heading(page, areas[0])
    first = page.locator("main fieldset").first.locator("input[type=radio]")
    expect(first.nth(2)).to_be_checked()
    _check(page, tool_url, javascript)
    follow(page, page.get_by_role("button", name="Back"))
    heading(page, "Check your answers")

    follow(page, page.get_by_role("button", name="See the outcome"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Indicative level of need: ")
    expect(page.get_by_role("heading", name="What to do next")).to_be_visible()
    expect(page.locator("main")).to_contain_text("it is not a decision")
    expect(page.get_by_role("heading", name="Not known")).to_be_visible()
    _check(page, tool_url, javascript)
    outcome = page.get_by_role("heading", level=1).inner_text()

    # Printed: the outcome, with no buttons, navigation or Back.
    page.emulate_media(media="print")
    try:
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        expect(page.get_by_role("heading", name="Your answers")).to_be_visible()
        expect(page.locator(".hub-print-only")).to_be_visible()
        for hidden in (
            page.get_by_role("button", name="Download a summary (PDF)"),
            page.get_by_role("button", name="Back"),
            page.get_by_role("link", name="Start again"),
            page.locator(".govuk-service-navigation"),
        ):
            expect(hidden).to_be_hidden()
        printed = _text_of_pdf(page.pdf())
        assert outcome in printed
        assert "What to do next" in printed
        assert "Download a summary" not in printed and "Start again" not in printed
    finally:
        page.emulate_media(media="screen")

    # The summary as a PDF, by keyboard.
    tab_to(page, page.get_by_role("button", name="Download a summary (PDF)"))
    with page.expect_download() as download_info:
        page.keyboard.press("Enter")
    download = download_info.value
    assert download.suggested_filename.endswith("-summary.pdf")
    summary_pdf = download.path().read_bytes()
    assert summary_pdf.startswith(b"%PDF-")
    assert outcome in _text_of_pdf(summary_pdf)
    assert page.url == tool_url

    # Back in history after the outcome: the browser may not show the answers again.
    try:
        page.go_back()
    except PlaywrightError as error:
        # Chromium will not resend a POST the server said not to keep: it shows its own
        # "Confirm form resubmission" page instead.
        assert "ERR_CACHE_MISS" in str(error), error
    expect(page.locator("input[name=state]")).to_have_count(0)
    expect(page.locator(".govuk-summary-list")).to_have_count(0)
    for area in areas:
        expect(page.get_by_text(area, exact=True)).to_have_count(0)


def _text_of_pdf(content):
    return " ".join(
        subprocess.run(
            ["pdftotext", "-enc", "UTF-8", "-", "-"], input=content, capture_output=True, check=True
        )
        .stdout.decode()
        .split()
    )


@pytest.mark.parametrize(
    ("javascript", "phone"),
    [(True, PHONE), (False, SMALL_PHONE)],
    ids=["javascript-375px", "no-javascript-320px"],
)
def test_a_keyboard_journey_on_a_phone_from_start_to_outcome_and_summary(
    browser, tool_url, javascript, phone
):
    context = browser.new_context(
        viewport=phone,
        bypass_csp=True,
        java_script_enabled=javascript,
        accept_downloads=True,
        has_touch=True,
        is_mobile=True,
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        _journey(page, tool_url, javascript=javascript)
    finally:
        context.close()


def test_start_again_and_exit_this_page_work_as_plain_links_without_javascript(browser, tool_url):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.route(
        "https://www.bbc.co.uk/**",
        lambda route: route.fulfill(status=200, content_type="text/html", body="<h1>Weather</h1>"),
    )
    try:
        page.goto(tool_url)
        follow(page, page.get_by_role("button", name="Start now"))
        heading(page, "Areas to rate")
        start_again = page.get_by_role("link", name="Start again")
        expect(start_again).to_have_attribute("href", urlsplit(tool_url).path)
        follow(page, start_again)
        expect(page.get_by_role("button", name="Start now")).to_be_visible()
        assert page.url == tool_url
        # Exit this page, on a page of the flow: a plain link away from the site.
        follow(page, page.get_by_role("button", name="Start now"))
        exit_link = page.get_by_role("button", name=re.compile("Exit this page"))
        expect(exit_link).to_have_attribute("href", re.compile(r"^https://"))
        follow(page, exit_link)
        assert not page.url.startswith(tool_url)
    finally:
        context.close()
