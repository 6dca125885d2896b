"""The procedure releases Atom feed (/feeds/procedure-releases/, hub/opendata): every release
this partnership's readers have been given, the consortium's regional ones and its own, once
published, newest first, each with what it changed. Named in the head of the procedures'
pages."""

from django.urls import reverse
from django.utils.feedgenerator import get_tag_uri
from wagtail.models import Site

from hub.core.domains import Feed, FeedEntry

LATEST = 20


def _what_changed(release, partnership):
    """The release's summary, then one line per chapter changed and a line naming the
    chapters whose local information changed: what the updates page says, as plain text."""
    lines = [release.summary.strip()] if release.summary.strip() else []
    for change in release.chapter_versions.all():
        lines.append(
            f"{change.title} ({change.get_change_type_display().lower()}): {change.change_summary}"
        )
    local = [
        change.chapter.slug.replace("-", " ")
        for change in release.local_versions.all()
        if change.partnership_id == partnership.pk
    ]
    if local:
        lines.append(f"Local information changed on: {', '.join(local)}.")
    return "\n".join(lines)


def _releases(partnership, request):
    from hub.procedures.queries import releases_for

    site = Site.find_for_request(request)
    updates = request.build_absolute_uri(reverse("procedures:updates"))
    return [
        FeedEntry(
            # A release is published once, at one moment; its id never changes after.
            id=get_tag_uri(
                f"http://{site.hostname}/procedures/releases/{release.pk}", release.published_at
            ),
            title=release.title,
            url=f"{updates}#release-{release.pk}",
            updated=release.published_at,
            published=release.published_at,
            summary=_what_changed(release, partnership),
            categories=("Regional" if release.partnership_id is None else partnership.short_name,),
        )
        for release in releases_for(partnership)[:LATEST]
    ]


def _on_procedures_pages(request):
    match = getattr(request, "resolver_match", None)
    return match is not None and match.view_name.startswith("procedures:")


FEEDS = (
    Feed(
        key="procedure-releases",
        title="Updates to the procedures",
        subtitle="Each release of the child protection procedures, with what it changed.",
        entries=_releases,
        linked_from=_on_procedures_pages,
        order=30,
    ),
)
