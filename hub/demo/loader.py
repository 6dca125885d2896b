"""Loads the fictional demo consortium into an empty database.

Every object is found by its natural key before it is created, so loading twice changes
nothing. Pages are built in two passes: the tree first, then the bodies, because a body may
link to any page of its own site.
"""

import datetime
import io
import itertools
import secrets
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.db import transaction
from django.test.utils import override_settings
from django_tasks.backends.dummy import DummyBackend
from django_tasks.signals import task_enqueued
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images.models import Image
from wagtail.models import Page, Site
from wagtail.signal_handlers import disable_reference_index_auto_update

from hub.core.collections import collection_for
from hub.core.domains import domains
from hub.core.models import (
    Agency,
    AgencyEmailDomain,
    Consortium,
    FooterLinks,
    Partnership,
    Role,
    RoleAssignment,
    WorriedAboutAChild,
)
from hub.core.permissions import assignment_scope
from hub.demo.content import pages as page_content
from hub.demo.content.assurance import MORE_DOMAINS
from hub.demo.content.partnerships import AGENCIES, CONSORTIUM, PARTNERSHIPS
from hub.demo.content.training import AGENCY_DOMAINS
from hub.demo.people import confirmed_by_domain
from hub.site import models as site_models

PAGE_KINDS = {
    "home": site_models.HomePage,
    "section": site_models.SectionPage,
    "content": site_models.ContentPage,
    "news_index": site_models.NewsIndexPage,
    "news": site_models.NewsArticlePage,
    "working_together": site_models.WorkingTogetherPage,
    "useful_links": site_models.UsefulLinksPage,
}
CREDENTIALS_FILE = "demo-credentials.txt"

# Tasks are recorded, never run nor queued (each domain's demo sends no email either).
QUIET = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}

# The background tasks that saving the demo asks for, and why none of them is queued. Any
# other task asked for while loading is queued for the worker once loading ends; today a
# fresh demo queues none (tests/demo/test_demo_tasks.py).
DONE_WHILE_LOADING = {
    "modelsearch.tasks.insert_or_update_object_task": (
        "one per saved page, document or image for Wagtail's own search index (the editors' "
        "search boxes); the loader updates that index once, at the end"
    ),
    "hub.library.tasks.extract_version_text": (
        "the library demo reads each version's text as it uploads it (hub/demo/library.py)"
    ),
    "hub.training.tasks.send_training_email": "the demo's people are fictional: no email",
    "hub.assurance.tasks.send_assurance_email": "the demo's people are fictional: no email",
}


def load_demo():
    """The demo, ready at once, with nothing left for the worker to redo.

    Saving a few thousand rows asks for background work one row at a time: the Hub's search
    index (hub/search/indexing.py), Wagtail's search and reference indexes, reading each
    document's text, emails. While loading, none of it is queued: the Hub's search and
    Wagtail's reference index are not even asked, and the tasks that are asked for
    (DONE_WHILE_LOADING) go to a backend that only records them. Then each index is built
    once, from what was loaded."""
    from hub.search import indexing

    with _tasks_held() as held, indexing.paused(), disable_reference_index_auto_update():
        credentials = _load_demo()
    for command in ("update_index", "rebuild_references_index", "rebuild_search_index"):
        call_command(command, verbosity=0, stdout=io.StringIO())
    for result in held:
        result.task.enqueue(*result.args, **result.kwargs)
    return credentials


@contextmanager
def _tasks_held():
    """Tasks asked for inside are recorded, not queued (nor run, where tasks run at once).
    Yields the list of those the loader does not do itself, to be queued afterwards."""
    held = []

    def record(sender, task_result, **kwargs):
        if task_result.task.module_path not in DONE_WHILE_LOADING:
            held.append(task_result)

    task_enqueued.connect(record, sender=DummyBackend, weak=False)
    try:
        with override_settings(TASKS=QUIET):
            yield held
    finally:
        task_enqueued.disconnect(record, sender=DummyBackend)


def _load_demo():
    """Create the demo consortium if it is not there; return the sign-in details."""
    with transaction.atomic():
        consortium, _ = Consortium.objects.get_or_create(
            slug=CONSORTIUM["slug"],
            defaults={
                "name": CONSORTIUM["name"],
                "description": CONSORTIUM["description"],
                "is_demo": True,
            },
        )
        _remove_wagtail_welcome_page()
        partnerships = {}
        for spec in PARTNERSHIPS:
            partnerships[spec["slug"]] = _load_partnership(spec, consortium)
        _load_agencies(partnerships)
        _load_useful_links(partnerships)
        credentials = _load_accounts()
        _load_people_asking_to_join()
    # Then each domain's demo (`demo` in hub/core/domains.py). Each loader makes its own
    # transaction: one that queues emails drops them by committing with a task backend that
    # only records, which an outer transaction here would defeat.
    context = SimpleNamespace(consortium=consortium, partnerships=partnerships)
    for domain in sorted(domains(), key=lambda domain: domain.demo_order):
        if domain.demo is not None:
            domain.demo(context)
    return credentials


def _remove_wagtail_welcome_page():
    # Wagtail's first migration makes a placeholder page and a localhost site; a demo
    # install replaces both with the partnerships' own.
    for page in Page.objects.filter(depth=2, content_type__model="page", slug="home"):
        Site.objects.filter(root_page=page).delete()
        page.delete()


def _load_partnership(spec, consortium):
    partnership = Partnership.objects.filter(slug=spec["slug"]).first()
    if partnership is None:
        partnership = Partnership.objects.create(
            slug=spec["slug"],
            name=spec["name"],
            short_name=spec["short_name"],
            consortium=consortium,
            brand_colour=spec["brand_colour"],
            accent_colour=spec["accent_colour"],
            logo=_make_logo(spec),
            logo_alt_text="",
            is_demo=True,
        )
        # The logo lives in the partnership's own collection, as an editor's upload would.
        Image.objects.filter(pk=partnership.logo_id).update(collection=collection_for(partnership))
    if partnership.site is None:
        home = _build_site_pages(spec)
        site = Site.objects.create(
            hostname=spec["hostname"],
            port=80,
            root_page=home,
            is_default_site=spec["is_default_site"],
            site_name=spec["name"],
        )
        partnership.site = site
        partnership.save(update_fields=["site"])
        _load_site_settings(site, home, spec)
    return partnership


def _make_logo(spec):
    """A plain shield in the partnership's colour, drawn afresh so no real logo is copied."""
    picture = PILImage.new("RGBA", (96, 96), (255, 255, 255, 0))
    draw = ImageDraw.Draw(picture)
    draw.polygon(
        [(48, 6), (88, 22), (84, 60), (48, 90), (12, 60), (8, 22)], fill=spec["logo_colour"]
    )
    draw.polygon([(48, 24), (70, 34), (66, 58), (48, 74), (30, 58), (26, 34)], fill="#ffffff")
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    return Image.objects.create(
        title=f"{spec['short_name']} logo (demo)",
        file=ImageFile(buffer, name=f"{spec['slug']}-logo.png"),
    )


def _context(spec):
    contacts = spec["contacts"]
    return {
        "name": spec["name"],
        "short": spec["short_name"],
        "front_door": contacts["front_door_name"],
        "front_door_phone": contacts["front_door_phone"],
        "out_of_hours_phone": contacts["out_of_hours_phone"],
        "email": spec["email"],
        "phone": spec["business_unit_phone"],
        "town": spec["town"],
    }


def _build_site_pages(spec):
    context = _context(spec)
    root = Page.get_first_root_node()
    tree = page_content.site_pages(context)
    # Home pages are siblings under Wagtail's root, so each needs its own slug.
    tree["slug"] = spec["slug"]
    created = {}
    home = _create_page(root, tree, created)
    for page, page_spec in created.values():
        _fill_page(page, page_spec, created)
    return home


def _create_page(parent, page_spec, created):
    model = PAGE_KINDS[page_spec["kind"]]
    fields = {
        "title": page_spec["title"],
        "slug": page_spec["slug"],
        "summary": page_spec.get("summary", ""),
        "is_demo_content": True,
        "show_in_menus": page_spec.get("show_in_menus", False),
        "live": False,
    }
    if page_spec["kind"] == "section":
        fields["audience"] = page_spec["audience"]
    if page_spec["kind"] == "news":
        fields["date"] = datetime.date.fromisoformat(page_spec["date"])
    if page_spec["kind"] == "home":
        fields["intro"] = page_spec.get("intro", "")
    if page_spec["kind"] in ("content", "news"):
        # A body is required; the real one is set in the second pass.
        fields["body"] = [("text", "<p>Demo content is being loaded.</p>")]
    page = model(**fields)
    parent.add_child(instance=page)
    created[page_spec["slug"]] = (page, page_spec)
    for child_spec in page_spec.get("children", []):
        _create_page(page, child_spec, created)
    return page


def _fill_page(page, page_spec, created):
    if "body" in page_spec:
        page.body = [_block(block, created) for block in page_spec["body"]]
    if "featured_links" in page_spec:
        page.featured_links = [
            ("link", _link(link, created)) for link in page_spec["featured_links"]
        ]
    if "section_11_explanation" in page_spec:
        page.section_11_explanation = page_spec["section_11_explanation"]
    revision = page.save_revision()
    revision.publish()
    if page_spec.get("date"):
        # News keeps the date it was written, so "latest news" orders as a reader expects.
        published = datetime.datetime.fromisoformat(page_spec["date"] + "T09:00:00+00:00")
        type(page).objects.filter(pk=page.pk).update(
            first_published_at=published, last_published_at=published
        )


def _link(link, created):
    value = {"page": None, "document": None, "url": "", "title": "", "description": ""}
    if "page" in link:
        value["page"] = created[link["page"]][0]
    else:
        value["url"] = link["url"]
    value["title"] = link.get("title", "")
    value["description"] = link.get("description", "")
    return value


def _block(block, created):
    kind, value = block
    if kind == "text":
        return ("text", value)
    if kind == "inset_text":
        return ("inset_text", {"text": value})
    if kind == "warning_text":
        return ("warning_text", {"text": value})
    if kind == "details":
        summary, content = value
        return ("details", {"summary": summary, "content": content})
    if kind == "link_list":
        return (
            "link_list",
            {
                "heading": value.get("heading", ""),
                "links": [_link(link, created) for link in value["links"]],
            },
        )
    if kind == "contact_card":
        card = {"description": "", "phone": "", "email": "", "hours": "", "address": ""}
        card.update(value)
        return ("contact_card", card)
    raise ValueError(f"Unknown demo block kind: {kind}")


def _load_site_settings(site, home, spec):
    safety = WorriedAboutAChild.for_site(site)
    for field, value in spec["contacts"].items():
        setattr(safety, field, value)
    safety.save()
    footer = FooterLinks.for_site(site)
    for field, slug in (
        ("accessibility_statement", "accessibility-statement"),
        ("privacy_notice", "privacy-notice"),
        ("cookies", "cookies"),
        ("contact", "contact-us"),
    ):
        setattr(footer, field, home.get_children().filter(slug=slug).first())
    footer.save()


def _load_agencies(partnerships):
    for name, agency_type, is_partner, members, description in AGENCIES:
        agency, created = Agency.objects.get_or_create(
            name=name,
            defaults={
                "agency_type": agency_type,
                "is_safeguarding_partner": is_partner,
                "description": description,
                "is_demo": True,
            },
        )
        if created:
            agency.partnerships.set([partnerships[slug] for slug in members])
    # Each demo organisation's own email domain, so its demo staff are confirmed by it.
    for name, domain in {**AGENCY_DOMAINS, **MORE_DOMAINS}.items():
        AgencyEmailDomain.objects.get_or_create(agency=Agency.objects.get(name=name), domain=domain)


# Fictional people asking to join an agency, at a webmail-like address that proves nothing:
# the agency's lead sees them under "Asking to join" (email, first, last, partnership, agency).
ASKING_TO_JOIN = [
    (
        "sam.okafor@mailbox.example",
        "Sam",
        "Okafor",
        "westshire",
        "Westbury Cross Academy Trust (demo)",
    ),
    (
        "jo.whitlock@mailbox.example",
        "Jo",
        "Whitlock",
        "westshire",
        "Westbury Cross Academy Trust (demo)",
    ),
    (
        "remi.castell@mailbox.example",
        "Remi",
        "Castell",
        "northmoor",
        "Moorhampton High School (demo)",
    ),
]


def _load_people_asking_to_join():
    User = get_user_model()
    for email, first_name, last_name, partnership_slug, agency_name in ASKING_TO_JOIN:
        if User.objects.filter(email=email).exists():
            continue
        User.objects.create_user(
            email=email,
            password=None,
            first_name=first_name,
            last_name=last_name,
            partnership=Partnership.objects.get(slug=partnership_slug),
            requested_agency=Agency.objects.get(name=agency_name),
            job_role="Teaching assistant (demo)",
        )


def _load_useful_links(partnerships):
    # Each partnership's own copy, which its editors may change (Content › Useful links);
    # earlier demos shared one copy, which only a superuser could change.
    titles = [link["title"] for link in page_content.USEFUL_LINKS]
    site_models.UsefulLink.objects.filter(partnership=None, is_demo=True, title__in=titles).delete()
    for partnership, link in itertools.product(partnerships.values(), page_content.USEFUL_LINKS):
        site_models.UsefulLink.objects.get_or_create(
            title=link["title"],
            partnership=partnership,
            defaults={
                "url": link["url"],
                "description": link["description"],
                "topic": link["topic"],
                "last_checked": datetime.date.fromisoformat(link["last_checked"]),
                "is_demo": True,
            },
        )


# (email, first name, last name, partnership, agency, roles); all fictional.
DEMO_PEOPLE = [
    (
        "admin@westshire.example",
        "Alex",
        "Admin",
        "westshire",
        "Westshire County Council (demo)",
        [Role.PARTNERSHIP_ADMIN],
    ),
    (
        "editor@westshire.example",
        "Eden",
        "Editor",
        "westshire",
        "Westshire County Council (demo)",
        [Role.EDITOR],
    ),
    (
        "lead@westbury-academy.example",
        "Lee",
        "Lead",
        "westshire",
        "Westbury Cross Academy Trust (demo)",
        [Role.AGENCY_LEAD],
    ),
    (
        "practitioner@westbury-academy.example",
        "Pat",
        "Practitioner",
        "westshire",
        "Westbury Cross Academy Trust (demo)",
        [],
    ),
    (
        "trainer@westshire.example",
        "Tomi",
        "Trainer",
        "westshire",
        "Westshire County Council (demo)",
        [Role.TRAINER],
    ),
    (
        "training@westshire.example",
        "Cass",
        "Coordinator",
        "westshire",
        "Westshire County Council (demo)",
        [Role.TRAINING_COORDINATOR],
    ),
    (
        "training@westbury-academy.example",
        "Kit",
        "Bookings",
        "westshire",
        "Westbury Cross Academy Trust (demo)",
        [Role.AGENCY_TRAINING_COORDINATOR],
    ),
    (
        "admin@northmoor.example",
        "Nia",
        "Admin",
        "northmoor",
        "Northmoor Borough Council (demo)",
        [Role.PARTNERSHIP_ADMIN],
    ),
    (
        "lead@moorhampton-high.example",
        "Morgan",
        "Lead",
        "northmoor",
        "Moorhampton High School (demo)",
        [Role.AGENCY_LEAD],
    ),
    (
        "trainer@northmoor.example",
        "Noor",
        "Trainer",
        "northmoor",
        "Northmoor Borough Council (demo)",
        [Role.TRAINER],
    ),
    (
        "s11@westshire.example",
        "Rowan",
        "Reviewer",
        "westshire",
        "Westshire County Council (demo)",
        [Role.SECTION_11_REVIEWER],
    ),
    (
        "s11@northmoor.example",
        "Remi",
        "Reviewer",
        "northmoor",
        "Northmoor Borough Council (demo)",
        [Role.SECTION_11_REVIEWER],
    ),
    (
        # A role the practice reviews domain declares (hub/reviews/domain.py).
        "panel@westshire.example",
        "Parisa",
        "Panel",
        "westshire",
        "Westshire County Council (demo)",
        ["review_panel"],
    ),
]


def _load_accounts():
    """Demo sign-ins, with passwords generated once and kept in var/ (never committed)."""
    from allauth.account.models import EmailAddress

    from hub.accounts.services import sync_admin_access

    path = Path(settings.VAR_DIR) / CREDENTIALS_FILE
    User = get_user_model()
    saved = {}
    if path.exists():
        for line in path.read_text().splitlines():
            email, _, password = line.partition(" ")
            saved[email] = password
    credentials = []
    for email, first_name, last_name, partnership_slug, agency_name, roles in DEMO_PEOPLE:
        partnership = Partnership.objects.get(slug=partnership_slug)
        password = saved.get(email)
        user = User.objects.filter(email=email).first()
        if user is None:
            password = password or secrets.token_urlsafe(12)
            user = User.objects.create_user(
                email=email,
                password=password,
                first_name=first_name,
                last_name=last_name,
                partnership=partnership,
                agency=Agency.objects.get(name=agency_name),
                job_role="Demo account",
                **confirmed_by_domain(),
            )
            EmailAddress.objects.create(user=user, email=email, primary=True, verified=True)
            for role in roles:
                RoleAssignment.objects.create(
                    user=user,
                    role=role,
                    **assignment_scope(role, partnership=partnership, agency=user.agency),
                )
            sync_admin_access(user)
        credentials.append((email, password, roles))
    path.write_text(
        "".join(f"{email} {password}\n" for email, password, _ in credentials if password)
    )
    path.chmod(0o600)
    return credentials
