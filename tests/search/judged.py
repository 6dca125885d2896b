"""The judged query set: what a practitioner types on Westshire's demo site, and the results
that should be in the top three (any one of them counts), written from the demo content.

It holds the six failures the search issue named ("domestic abuse", "information sharing",
"core group", "CSE", "s47", the typo "neglet"), a query for each pair of the seeded synonyms,
questions typed as sentences, and many queries whose right answer does not have the query's
words in its title (tests/search/test_judged.py counts them). Used by the test, on both
databases, and by the benchmark (bench/search_index.py) against a large index.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Judged:
    query: str
    expected: tuple[str, ...]  # addresses on the site; any one in the top three is right


def judged(query, *expected):
    return Judged(query, expected)


JUDGED = [
    # The failures named in the issue.
    judged("domestic abuse", "/procedures/domestic-abuse/"),
    judged(
        "information sharing",
        "/procedures/information-sharing/",
        "/professionals/information-sharing/",
    ),
    judged("core group", "/procedures/core-groups/"),
    judged(
        "CSE", "/procedures/child-sexual-exploitation/", "/library/child-exploitation-protocol/"
    ),
    judged("s47", "/procedures/section-47-enquiries/"),
    judged("neglet", "/procedures/neglect/", "/library/neglect-toolkit/"),
    # The seeded synonyms, one way or the other.
    judged(
        "LADO",
        "/procedures/allegations-against-people-who-work-with-children/",
        "/library/managing-allegations-procedure/",
        "/library/lado-referral-form/",
    ),
    judged(
        "local authority designated officer",
        "/procedures/allegations-against-people-who-work-with-children/",
        "/library/managing-allegations-procedure/",
    ),
    judged("CCE", "/procedures/child-sexual-exploitation/"),
    judged(
        "county lines",
        "/procedures/child-sexual-exploitation/",
        "/library/child-exploitation-protocol/",
    ),
    judged("FGM", "/procedures/female-genital-mutilation/"),
    judged("section 47", "/procedures/section-47-enquiries/"),
    judged("s17", "/procedures/child-in-need-assessment/"),
    judged("ICPC", "/procedures/initial-child-protection-conference/"),
    judged("RCPC", "/procedures/review-child-protection-conference/"),
    judged("CIN", "/procedures/child-in-need-assessment/"),
    judged("CP plan", "/procedures/the-child-protection-plan/"),
    judged("EHA", "/library/early-help-assessment-template/"),
    judged(
        "DSL",
        "/training/designated-safeguarding-lead-refresher/",
        "/procedures/glossary/#designated-safeguarding-lead",
    ),
    judged(
        "MASH",
        "/professionals/making-a-referral/",
        "/procedures/making-a-referral/",
        "/procedures/what-to-do-if-you-are-worried/",
        "/parents-and-carers/worried-about-a-child-parents/",
    ),
    judged("Prevent", "/procedures/children-at-risk-of-radicalisation/"),
    judged("radicalisation", "/procedures/children-at-risk-of-radicalisation/"),
    judged(
        "escalation",
        "/procedures/resolving-professional-differences/",
        "/library/resolving-professional-differences-protocol/",
    ),
    judged(
        "resolving professional differences",
        "/procedures/resolving-professional-differences/",
        "/library/resolving-professional-differences-protocol/",
    ),
    judged(
        "threshold",
        "/procedures/westshire-levels-of-need/",
        "/library/effective-support-threshold-guidance/",
    ),
    judged(
        "levels of need",
        "/procedures/westshire-levels-of-need/",
        "/library/effective-support-threshold-guidance/",
    ),
    judged("strategy meeting", "/procedures/strategy-discussions/"),
    judged("domestic violence", "/procedures/domestic-abuse/"),
    judged(
        "child criminal exploitation",
        "/procedures/child-sexual-exploitation/",
    ),
    # What people type when they have a question.
    judged("what to do about a bruise on a baby", "/library/babies-bruising-protocol/"),
    judged(
        "child tells me they are being abused", "/procedures/responding-to-a-child-who-tells-you/"
    ),
    judged(
        "disagree with a social care decision",
        "/procedures/resolving-professional-differences/",
        "/library/resolving-professional-differences-protocol/",
    ),
    judged(
        "worried about a child",
        "/procedures/what-to-do-if-you-are-worried/",
        "/parents-and-carers/worried-about-a-child-parents/",
    ),
    judged(
        "refer to children's social care",
        "/procedures/making-a-referral/",
        "/professionals/making-a-referral/",
    ),
    judged(
        "missing from school",
        "/procedures/children-missing-education/",
        "/library/children-missing-education-procedure/",
    ),
    judged(
        "ran away from home",
        "/procedures/children-missing-from-home-or-care/",
        "/library/children-missing-from-home-and-care-protocol/",
        "/library/missing-children-protocol-2022/",
    ),
    judged(
        "front door phone number",
        "/procedures/making-a-referral/",
        "/professionals/making-a-referral/",
    ),
    judged(
        "consent to share information",
        "/procedures/information-sharing/",
        "/professionals/information-sharing/",
    ),
    judged(
        "serious case review",
        "/procedures/learning-from-reviews/",
        "/procedures/glossary/#child-safeguarding-practice-review",
        "/library/publishing-practice-reviews-policy/",
    ),
    judged("section 11 audit", "/library/section-11-self-assessment-workbook/"),
    judged("interpreter", "/library/interpreters-in-child-protection-policy/"),
    judged("safer sleep", "/library/safer-sleep-7-minute-briefing/"),
    judged("private fostering", "/procedures/private-fostering/"),
    judged("pre-birth", "/procedures/pre-birth-assessment/"),
    judged("medical examination", "/procedures/child-protection-medical-examinations/"),
    judged("early help", "/procedures/early-help/"),
    judged(
        "professional curiosity",
        "/procedures/recognising-abuse-and-neglect/",
        "/procedures/glossary/#professional-curiosity",
    ),
    judged("Working Together 2023", "/library/working-together-2023-briefing/"),
    judged(
        "book a course",
        "/professionals/training/",
        "/library/multi-agency-training-attendance-policy/",
    ),
    judged(
        "online safety for parents",
        "/parents-and-carers/keeping-children-safe-online/",
        "/library/online-safety-guide-for-parents/",
    ),
]


@dataclass(frozen=True)
class Scores:
    top3: float  # the share of queries with an expected result in the top three
    mrr: float  # mean reciprocal rank of the first expected result (0 when absent)
    misses: tuple[str, ...]


def score(search):
    """`search(query)` returns the result addresses, best first."""
    hits, reciprocal, misses = 0, 0.0, []
    for entry in JUDGED:
        urls = list(search(entry.query))
        ranks = [urls.index(url) + 1 for url in entry.expected if url in urls]
        best = min(ranks) if ranks else None
        if best is not None and best <= 3:
            hits += 1
        else:
            misses.append(f"{entry.query!r}: best rank {best}, top three {urls[:3]}")
        reciprocal += 1 / best if best else 0.0
    return Scores(hits / len(JUDGED), reciprocal / len(JUDGED), tuple(misses))
