"""The domain registry (hub/core/domains.py): a domain declared once takes part in the
personal-data download, retention, the scheduler, navigation, the staff "what needs doing",
report figures, site search, roles and actions, cache purging and the audit log, with no
other file changed; and
`manage.py check` fails when a domain or a model holding a person is forgotten.

The example domain (tests/example_domain) is installed for the tests only (tests/settings.py).
"""

import datetime
import re
from pathlib import Path

import pytest
from django.core.cache import caches
from django.test import Client
from django.utils import timezone

from hub.accounts.services import account_delete, account_export
from hub.core import audit, scheduler
from hub.core.checks import check_domains
from hub.core.domain import apply_retention
from hub.core.domains import (
    domains,
    every,
    jobs_markdown,
    retention_markdown,
)
from hub.core.models import Agency, JobRun
from hub.procedures.models import Subscription
from hub.procedures.services import subscribe
from tests.conftest import make_person
from tests.example_domain.domain import DOMAIN as EXAMPLE
from tests.example_domain.domain import RUNS, registered
from tests.example_domain.models import Kudos

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def person(westshire):
    agency = Agency.objects.get(name="Westbury Cross Academy Trust (demo)")
    return make_person("kudos@westbury.example", partnership=westshire, agency=agency)


def test_the_example_domain_takes_part_everywhere(
    person, settings, django_capture_on_commit_callbacks
):
    now = timezone.now()
    # Saved, it is indexed for site search once the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        fresh = Kudos.objects.create(person=person, note="Thanks for the referral", given_at=now)
    old = Kudos.objects.create(
        person=person, note="Long ago", given_at=now - datetime.timedelta(days=31)
    )

    # The personal-data download.
    assert {"note": "Thanks for the referral"} in account_export(user=person)["kudos"]
    # Retention, through the core's nightly job.
    assert apply_retention(now)["Kudos"] == 1
    assert set(Kudos.objects.values_list("pk", flat=True)) == {fresh.pk}
    assert old.note not in str(account_export(user=person)["kudos"])
    # The scheduler: due at once, then not again until an hour has passed.
    RUNS.clear()
    assert "example_tally" in scheduler.run_due(now)
    assert "example_tally" not in scheduler.run_due(now + datetime.timedelta(minutes=59))
    assert "example_tally" in scheduler.run_due(now + datetime.timedelta(minutes=61))
    assert len(RUNS) == 2
    # Navigation and "what needs doing", when the domain says they are shown.
    settings.EXAMPLE_DOMAIN_SHOWN = True
    page = Client().get("/").content.decode()
    assert re.search(r'href="/search/\?q=kudos"[^>]*>\s*Kudos\s*</a>', page)
    client = Client()
    client.force_login(person)
    home = client.get("/accounts/").content.decode()
    assert "What needs doing" in home and "Kudos to read" in home
    # Site search, with a filter of its own.
    found = Client().get("/search/", {"q": "referral", "kind": "kudos"}).content.decode()
    assert "Thanks for the referral" in found and "Kudos: Thanks for the" in found
    assert 'value="kudos"' in found
    # The figures reports may use.
    figure = next(f for f in every("figures") if f.name == "Kudos given")
    assert figure.counts_people
    today = timezone.localdate()
    assert figure.compute(person.partnership, today, today) == 1
    # The page cache: a saved row moves the content generation on.
    volatile = caches["volatile"]
    volatile.set("pagecache:generation:content", 5, timeout=None)
    with django_capture_on_commit_callbacks(execute=True):
        Kudos.objects.create(person=person, note="More", given_at=now)
    assert volatile.get("pagecache:generation:content") == 6
    # The audit log knows its actions.
    entry = audit.record(actor=person, action="hub.example.kudos_given", instance=fresh)
    assert audit.actions()[entry.action] == "Gave kudos"


def test_check_fails_for_a_domain_app_without_a_declaration():
    assert check_domains() == []
    with registered(None, instead_of=EXAMPLE):
        errors = check_domains()
    # The app is undeclared, so its model holding a person is covered by nothing either.
    assert [(e.id, e.obj) for e in errors] == [("hub.E001", None), ("hub.E002", Kudos)]
    assert "tests.example_domain declares no domain" in errors[0].msg


def test_check_fails_for_a_model_holding_a_person_that_no_domain_exports_or_prunes():
    import dataclasses

    forgetful = dataclasses.replace(EXAMPLE, personal_data=(), retention=())
    with registered(forgetful, instead_of=EXAMPLE):
        errors = check_domains()
    assert [(e.id, e.obj) for e in errors] == [("hub.E002", Kudos)]
    assert "personal-data export or retention rule" in errors[0].msg


def test_every_hub_app_is_a_declared_domain():
    labels = {domain.label for domain in domains()}
    assert {"core", "accounts", "site", "library", "procedures", "training", "assurance"} <= labels
    assert {"ops", "hubsearch", "demo"} <= labels


# Procedures subscriptions: an email address only, forgotten by the download and by retention
# before the registry (this test failed on commit f7b3633).


def test_procedures_subscriptions_are_downloaded_erased_and_time_limited(person, westshire):
    subscribe(partnership=westshire, email="KUDOS@westbury.example")
    stranger = subscribe(partnership=westshire, email="someone.else@example.org")
    exported = account_export(user=person)["procedures_subscriptions"]
    assert [s["email"] for s in exported] == ["kudos@westbury.example"]

    # Time-limited: an old subscription ends unless it was renewed by subscribing again.
    long_ago = timezone.now() - datetime.timedelta(days=3 * 365 + 1)
    Subscription.objects.filter(pk=stranger.pk).update(created_at=long_ago, renewed_at=long_ago)
    mine = Subscription.objects.get(email="kudos@westbury.example")
    Subscription.objects.filter(pk=mine.pk).update(created_at=long_ago, renewed_at=long_ago)
    renewed = subscribe(partnership=westshire, email="kudos@westbury.example")
    assert renewed.renewed_at > long_ago
    assert renewed.created_at == long_ago  # which releases it is sent stays as it was
    apply_retention(timezone.now())
    assert not Subscription.objects.filter(pk=stranger.pk).exists()
    assert Subscription.objects.filter(pk=mine.pk).exists()

    # Erased with the account.
    account_delete(user=person)
    assert not Subscription.objects.filter(email="kudos@westbury.example").exists()


def test_two_schedulers_at_once_run_a_due_job_once():
    job = scheduler.jobs()["requeue_stalled_tasks"]
    now = timezone.now()
    JobRun.objects.filter(name=job.name).delete()
    assert scheduler.claim(job, now) is True
    assert scheduler.claim(job, now) is False  # the other machine finds it taken
    JobRun.objects.filter(name=job.name).update(locked_until=None)
    assert scheduler.claim(job, now) is False  # and not due again until 5 minutes have passed


def test_a_daily_job_runs_once_a_day_after_its_time_even_if_late():
    job = scheduler.jobs()["retention"]  # daily at 02:30
    day = timezone.make_aware(datetime.datetime(2026, 12, 2, 1, 0))
    yesterday_run = day - datetime.timedelta(hours=23)
    assert not scheduler.is_due(job, yesterday_run, day)  # 01:00: not yet
    assert scheduler.is_due(job, yesterday_run, day + datetime.timedelta(hours=9))  # late
    ran = day + datetime.timedelta(hours=2)
    assert not scheduler.is_due(job, ran, day + datetime.timedelta(hours=20))


def test_a_failing_job_is_recorded_and_the_others_still_run(monkeypatch):
    import dataclasses

    def broken(now):
        raise RuntimeError("mailbox full")

    failing = dataclasses.replace(EXAMPLE, jobs=(dataclasses.replace(EXAMPLE.jobs[0], run=broken),))
    JobRun.objects.all().delete()
    with registered(failing, instead_of=EXAMPLE):
        done = scheduler.run_due(timezone.now())
    assert done["example_tally"][0] is False
    assert all(ok for name, (ok, _) in done.items() if name != "example_tally")
    row = JobRun.objects.get(name="example_tally")
    assert row.last_failed and "mailbox full" in row.last_result and row.locked_until is None


def test_the_readme_and_the_cron_file_show_the_registry():
    readme = (ROOT / "README.md").read_text()
    with registered(None, instead_of=EXAMPLE):
        assert jobs_markdown() in readme
        assert retention_markdown() in readme
    cron = [
        line
        for line in (ROOT / "deploy/hub.cron").read_text().splitlines()
        if line.strip() and not line.startswith(("#", "SHELL"))
    ]
    assert len(cron) == 1 and cron[0].split()[-2:] == ["run_jobs", ">/dev/null"]


def test_an_address_not_proved_reaches_no_one_elses_subscription(person, westshire):
    from allauth.account.models import EmailAddress

    subscribe(partnership=westshire, email="someone.else@example.org")
    EmailAddress.objects.create(user=person, email="someone.else@example.org", verified=False)
    assert account_export(user=person)["procedures_subscriptions"] == []
    account_delete(user=person)
    assert Subscription.objects.filter(email="someone.else@example.org").exists()


def test_every_declared_figure_computes_on_the_demo(westshire):
    today = timezone.localdate()
    start, end = today - datetime.timedelta(days=730), today + datetime.timedelta(days=730)
    values = {figure.name: figure.compute(westshire, start, end) for figure in every("figures")}
    assert all(isinstance(value, int | float) and value >= 0 for value in values.values()), values
    assert values["Training places taken"] > 0  # the demo books people on Westshire courses


# Roles: a domain adds a role and its actions with no migration in core.


def test_a_domain_adds_a_role_that_admins_give_and_the_table_enforces(person, westshire, staff):
    from django.core.management import call_command

    from hub.core.models import RoleAssignment, User
    from hub.core.permissions import can, permissions_matrix_markdown

    admin = staff("partnership_admin", agency=person.agency)
    client = Client()
    client.force_login(admin)
    form = client.get(f"/people/{person.pk}/").content.decode()
    assert '<option value="kudos_moderator">Kudos moderator</option>' in form
    response = client.post(f"/people/{person.pk}/roles/", {"role": "kudos_moderator"})
    assert response.status_code == 302
    assignment = RoleAssignment.objects.get(user=person, role="kudos_moderator")
    # Held for the holder's own agency, as the declaration says.
    assert (assignment.agency, assignment.partnership) == (person.agency, westshire)
    person = User.objects.get(pk=person.pk)
    colleague = make_person(
        "colleague@westbury.example", partnership=westshire, agency=person.agency
    )
    elsewhere = make_person(
        "college@westshire.example",
        partnership=westshire,
        agency=Agency.objects.get(name="Westshire College (demo)"),
    )
    assert can(person, "kudos.moderate", colleague)
    assert not can(person, "kudos.moderate", elsewhere)
    # A grant to a core role, and the practitioner's own.
    assert can(admin, "kudos.moderate", elsewhere)
    assert can(elsewhere, "kudos.give") and not can(elsewhere, "kudos.moderate")
    assert "| Hide kudos that should not have been given |" in permissions_matrix_markdown()
    # No migration anywhere: the role is a plain value, the scope a shape of the row.
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_a_role_no_declaration_offers_is_refused_and_changes_nothing(person, westshire, staff):
    from django.core.exceptions import ValidationError

    from hub.accounts.services import role_grant
    from hub.core.models import RoleAssignment

    admin = staff("partnership_admin", agency=person.agency)
    client = Client()
    client.force_login(admin)
    for forged in ("kudos_emperor", "consortium_editor", "practitioner", "x" * 300):
        response = client.post(f"/people/{person.pk}/roles/", {"role": forged}, follow=True)
        assert "Choose a role to give." in response.content.decode()
        # The service refuses it too, whoever calls it.
        with pytest.raises(ValidationError):
            role_grant(by=admin, user=person, role=forged, partnership=westshire)
    assert not RoleAssignment.objects.filter(user=person).exists()


def test_check_fails_when_domains_clash_over_roles_and_actions():
    import dataclasses

    from hub.core.domains import RoleDef

    clashing = dataclasses.replace(
        EXAMPLE,
        actions={"people.manage": "Again", "kudos.give": "Give kudos"},
        roles=(RoleDef("editor", "Editor again", frozenset()),),
        grants={"nobody": ("kudos.give",), "trainer": ("kudos.fly",)},
    )
    with registered(clashing, instead_of=EXAMPLE):
        problems = [e.msg for e in check_domains() if e.id == "hub.E003"]
    assert len(problems) == 4, problems
    assert any("'people.manage' is already declared" in p for p in problems)
    assert any("role 'editor' is already declared" in p for p in problems)
    assert any("unknown role 'nobody'" in p for p in problems)
    assert any("undeclared action 'kudos.fly'" in p for p in problems)
    assert not [e for e in check_domains() if e.id == "hub.E003"]


def test_check_fails_when_two_domains_name_a_job_alike():
    """A job of the same name as another domain's would replace it in the schedule, silently
    (it happened once: two "send_review_reminders")."""
    import dataclasses

    from hub.core.domains import Job, jobs

    taken = next(iter(jobs()))
    clashing = dataclasses.replace(
        EXAMPLE, jobs=(Job(taken, lambda now: None, every=datetime.timedelta(minutes=5)),)
    )
    with registered(clashing, instead_of=EXAMPLE):
        problems = [e.msg for e in check_domains() if e.id == "hub.E005"]
    assert problems == [f"More than one domain declares the job {taken!r}."]
    assert not [e for e in check_domains() if e.id == "hub.E005"]


def test_the_admin_dashboard_says_what_needs_doing_from_every_domain(staff, settings):
    # A consortium editor: nothing of the library's or the people screens' is theirs to do.
    client = Client()
    client.force_login(staff("consortium_editor"))
    dashboard = client.get("/admin/").content.decode()
    assert "What needs doing" in dashboard and "Nothing is waiting for you." in dashboard
    settings.EXAMPLE_DOMAIN_SHOWN = True
    dashboard = client.get("/admin/").content.decode()
    assert re.search(r'<a href="/search/\?q=kudos">Kudos to read</a>: 3', dashboard)


def test_help_in_the_admin_opens_the_hubs_own_editor_guide(staff):
    client = Client()
    client.force_login(staff("editor"))
    dashboard = client.get("/admin/").content.decode()
    assert "/admin/guide/" in dashboard
    # Wagtail's own help items (its release notes, its guide on another site) are gone.
    assert "whats-new-in-wagtail" not in dashboard and "Editor Guide" not in dashboard
    guide = client.get("/admin/guide/")
    assert guide.status_code == 200
    assert "Upload a new version" in guide.content.decode()
