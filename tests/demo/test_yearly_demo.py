"""The demo's yearly reports (hub/reports/demo.py): every domain's demo puts activity in the
last complete reporting year, so each figure a report may use has something to show for
Westshire; Westshire's report for that year is published with figures from every domain, and
the year in progress has a draft."""

import pytest
from django.apps import apps
from wagtail.models import Page

from hub.core.domains import domains, every, figures
from hub.demo.loader import load_demo
from hub.demo.years import current_year, last_complete_year
from hub.reports.models import FigureSnapshot, YearlyReportIndexPage, YearlyReportPage

pytestmark = pytest.mark.django_db


def test_every_figure_has_something_to_show_for_westshires_last_complete_year(westshire):
    start, end = last_complete_year()
    empty = {}
    for key, (domain, figure) in figures().items():
        if not apps.get_app_config(domain.label).name.startswith("hub."):
            continue  # the tests' own example domain has no demo
        value = figure.compute(westshire, start, end)
        if not value:
            empty[key] = value
        elif figure.breakdown is not None:
            assert figure.breakdown(westshire, start, end), key
    assert empty == {}


def test_the_search_insight_offers_topics_for_that_year(westshire):
    start, end = last_complete_year()
    for source in every("topic_sources"):
        assert source.topics(westshire, start, end), source.key


def _reports(westshire):
    home = westshire.site.root_page
    index = YearlyReportIndexPage.objects.descendant_of(home).get()
    return index, YearlyReportPage.objects.child_of(index)


def test_westshire_has_a_published_report_for_the_last_complete_year(westshire):
    start, end = last_complete_year()
    index, reports = _reports(westshire)
    assert index.live and index.is_demo_content and index.title == "Yearly reports"
    report = reports.get(starts_on=start, ends_on=end)
    assert report.live and not report.has_unpublished_changes
    assert report.is_demo_content
    assert report.signed_off_on is not None and end < report.signed_off_on
    # Published through Wagtail, which froze its figures.
    snapshot = report.snapshots.get(kind=FigureSnapshot.Kind.PUBLISHED)
    assert snapshot.revision_id == report.live_revision_id


def test_the_published_report_follows_the_skeleton_with_figures_from_every_domain(westshire):
    from hub.reports.blocks import SKELETON

    start, end = last_complete_year()
    _index, reports = _reports(westshire)
    report = reports.get(starts_on=start)
    body = list(report.body)
    headings = [block.value for block in body if block.block_type == "heading"]
    assert headings == [heading for heading, _prompt in SKELETON]
    used = set()
    charts = set()
    for block in body:
        if block.block_type == "figure":
            used.add(block.value["figure"])
            charts.add(block.value["chart"])
        elif block.block_type == "headline_figures":
            used.update(block.value["figures"])
    assert used <= set(figures())
    offering = {domain.label for domain in domains() if domain.figures}
    assert {key.split(".")[0] for key in used} == offering
    assert {"bar", "stacked", "line"} <= charts
    (quote,) = [block.value for block in body if block.block_type == "quote"]
    assert quote["attribution"] and "young person" in quote["attribution"].lower()
    (topics,) = [block.value for block in body if block.block_type == "search_topics"]
    source = next(source for source in every("topic_sources") if source.key == topics["source"])
    offered = {topic for topic, _count in source.topics(westshire, start, end)}
    assert topics["topics"] and set(topics["topics"]) <= offered


def test_the_year_in_progress_has_a_draft_never_published(westshire):
    start, end = current_year()
    _index, reports = _reports(westshire)
    draft = reports.get(starts_on=start, ends_on=end)
    assert not draft.live and draft.live_revision_id is None
    assert draft.latest_revision is not None
    assert draft.is_demo_content


def test_only_westshire_has_demo_yearly_reports(northmoor):
    assert not YearlyReportIndexPage.objects.descendant_of(northmoor.site.root_page).exists()


def test_loading_the_demo_again_adds_no_report(django_capture_on_commit_callbacks):
    before = (Page.objects.count(), FigureSnapshot.objects.count())
    with django_capture_on_commit_callbacks(execute=True):
        load_demo()
    assert (Page.objects.count(), FigureSnapshot.objects.count()) == before
