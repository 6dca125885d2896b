"""The glossary feeds search's synonyms: each term that is an acronym with its expansion, as the
demo glossary writes them, gives [acronym, expansion] in lower case for the partnerships of
the manual's consortium; any other term gives nothing."""

import pytest

from hub.core.models import Consortium, Partnership
from hub.procedures.glossary_search import acronym_and_expansion, glossary_synonyms
from hub.procedures.models import GlossaryTerm, Manual

pytestmark = pytest.mark.django_db


def add_terms(manual, *entries):
    for position, (term, definition) in enumerate(entries):
        GlossaryTerm.objects.create(
            manual=manual, term=term, definition=definition, slug=f"test-term-{position}"
        )


def test_the_demo_glossarys_acronym_is_paired_with_its_words_and_nothing_else(westshire):
    # The demo glossary writes one acronym with its expansion ("MARAC", "Multi-agency risk
    # assessment conference: ..."); its other terms are words with definitions.
    assert glossary_synonyms(westshire) == [["marac", "multi-agency risk assessment conference"]]


def test_acronyms_written_either_way_are_found_for_every_partnership_of_the_consortium(
    westshire, northmoor
):
    manual = Manual.objects.get(consortium=westshire.consortium)
    add_terms(
        manual,
        ("ICPC", "Initial child protection conference: the first meeting after an enquiry."),
        ("Review child protection conference (RCPC)", "A conference that reviews a plan."),
        ("CAMHS", "Child and adolescent mental health services, for children who struggle."),
        ("EHA", "An early help assessment, agreed with the family."),
        ("s47", "Section 47 enquiry: what the local authority must make when ..."),
        # Not acronyms with their expansions:
        ("LADO", "The person in each local authority who oversees allegations."),
        ("Prevent", "Part of the national counter-terrorism strategy."),
        ("Working Together (2023)", "The statutory guidance."),
        ("NRM", "National guidance on referral mechanisms."),
    )
    found = glossary_synonyms(westshire)
    assert ["icpc", "initial child protection conference"] in found
    assert ["rcpc", "review child protection conference"] in found
    assert ["camhs", "child and adolescent mental health services"] in found
    assert ["eha", "early help assessment"] in found
    assert ["s47", "section 47"] in found
    words = {word for pair in found for word in pair}
    assert not words & {"lado", "prevent", "nrm", "2023", "working together"}
    # Every pair is in lower case and the same for the consortium's other partnership.
    assert all(pair == [word.lower() for word in pair] for pair in found)
    assert glossary_synonyms(northmoor) == found


def test_another_consortiums_glossary_is_not_used(westshire, django_assert_num_queries):
    elsewhere = Consortium.objects.create(name="Test other consortium", slug="test-other")
    add_terms(
        Manual.objects.create(consortium=elsewhere, title="Other manual", slug="test-other"),
        ("DSL", "Designated safeguarding lead: the person in a school who leads."),
    )
    with django_assert_num_queries(1):
        found = glossary_synonyms(westshire)
    assert ["dsl", "designated safeguarding lead"] not in found
    lone = Partnership.objects.create(name="Test partnership", short_name="Test", slug="test-p")
    assert glossary_synonyms(lone) == []
    lone.consortium = elsewhere
    assert glossary_synonyms(lone) == [["dsl", "designated safeguarding lead"]]
    assert glossary_synonyms(None) == []


@pytest.mark.parametrize(
    ("term", "definition", "expected"),
    [
        (
            "MASH",
            "Multi-agency safeguarding hub — the front door.",
            ["mash", "multi-agency safeguarding hub"],
        ),
        ("TAF", "The team around the family: practitioners ...", ["taf", "team around the family"]),
        (
            "ICPC (initial child protection conference)",
            "...",
            ["icpc", "initial child protection conference"],
        ),
        ("Section 47 enquiry (s47)", "...", ["s47", "section 47 enquiry"]),
        ("CSE", "A form of child sexual abuse.", None),
        ("Core group", "The small group of professionals.", None),
        ("Child in need (England)", "...", None),
        ("", "", None),
    ],
)
def test_only_an_acronym_spelt_by_its_words_counts(term, definition, expected):
    assert acronym_and_expansion(term, definition) == expected
