"""Each release email carries the subscriber's own unsubscribe link: opening it changes
nothing, the button removes the subscription, and an altered link is refused."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.test import Client

from hub.core import audit
from hub.procedures import services
from hub.procedures.models import Subscription

pytestmark = pytest.mark.django_db


@pytest.fixture
def publish_a_release(manual, test_chapter, consortium_editor):
    def publish(title):
        release = services.release_start(by=consortium_editor, manual=manual, title=title)
        services.chapter_draft(
            by=consortium_editor,
            release=release,
            chapter=test_chapter,
            title="Test strategy discussions",
            body="<p>New.</p>",
            change_summary="Clarified who attends",
        )
        services.release_publish(by=consortium_editor, release=release)
        services.send_release_notifications()
        return release

    return publish


def unsubscribe_link(email, subject_contains):
    [message] = [m for m in mail.outbox if email in m.to and subject_contains in m.subject]
    return re.search(r"^(http\S+/unsubscribe/\S+/)$", message.body, re.M).group(1)


def visit(link):
    """A browser on the partnership's own site, where the link points."""
    parts = urlsplit(link)
    return Client(HTTP_HOST=parts.hostname), parts.path


def test_the_link_in_the_email_unsubscribes_after_a_confirmation(westshire, publish_a_release):
    subscription = services.subscribe(partnership=westshire, email="reader@example.org")
    publish_a_release("Test notify")
    link = unsubscribe_link("reader@example.org", "Test notify")
    assert link.startswith(f"{westshire.site.root_url}/procedures/updates/unsubscribe/")

    browser, path = visit(link)
    page = browser.get(path)
    # Opening the link (as a mail scanner would) changes nothing.
    assert page.status_code == 200
    assert "reader@example.org" in page.content.decode()
    assert Subscription.objects.filter(pk=subscription.pk).exists()

    response = browser.post(path, follow=True)
    assert response.redirect_chain[-1][0] == "/procedures/updates/"
    assert "You have unsubscribed" in response.content.decode()
    assert not Subscription.objects.filter(pk=subscription.pk).exists()
    entry = audit.entries().get(action="hub.procedures.unsubscribed")
    assert entry.object_id == str(subscription.pk)
    assert "reader@example.org" not in entry.label + str(entry.data)

    # No more emails, and the old link says so rather than failing.
    publish_a_release("Test after leaving")
    assert not [m for m in mail.outbox if "Test after leaving" in m.subject]
    assert "You are not subscribed" in browser.get(path).content.decode()


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),
        lambda token: str(int(token.split(":")[0]) + 1) + ":" + token.split(":", 1)[1],
        lambda token: token.split(":")[0],
        lambda token: "not-a-token",
    ],
    ids=["altered-signature", "another-subscription", "no-signature", "garbage"],
)
def test_an_altered_link_is_refused_and_changes_nothing(westshire, publish_a_release, tamper):
    mine = services.subscribe(partnership=westshire, email="reader@example.org")
    neighbour = services.subscribe(partnership=westshire, email="neighbour@example.org")
    publish_a_release("Test notify")
    browser, path = visit(unsubscribe_link("reader@example.org", "Test notify"))
    token = path.rstrip("/").split("/")[-1]
    forged = path.replace(token, tamper(token))

    for response in (browser.get(forged), browser.post(forged)):
        assert response.status_code == 404
        assert "This link is not valid" in response.content.decode()
    assert Subscription.objects.filter(pk__in=[mine.pk, neighbour.pk]).count() == 2
    assert not audit.entries().filter(action="hub.procedures.unsubscribed").exists()


def test_the_email_is_plain_text_without_html_escapes(westshire, publish_a_release):
    services.subscribe(partnership=westshire, email="reader@example.org")
    publish_a_release("Children's December update")
    [message] = [m for m in mail.outbox if "December update" in m.subject]
    assert "Children's December update of the child protection procedures" in message.body
    assert "&#39;" not in message.body
