"""The outcome rules and the check, on content written here (the shape a published version
freezes): how ratings are counted, which outcome applies, and every way the check finds a
tool's rules wanting. Nothing here touches the database."""

import pytest

from hub.decision_aids import rules

SCALE = [
    {"key": "r1", "label": "Not concerned", "hint": "", "kind": "strength"},
    {"key": "r2", "label": "Some concern", "hint": "", "kind": "some"},
    {"key": "r3", "label": "Very concerned", "hint": "", "kind": "serious"},
    {"key": "r4", "label": "Not known", "hint": "", "kind": "unknown"},
]
LABEL_KEYS = {option["label"]: option["key"] for option in SCALE}


def level(slug):
    return {"id": hash(slug) % 1000, "slug": slug, "name": slug.replace("-", " ").title()}


def rule(counted, at_least, in_domains, slug):
    return {
        "counted": counted,
        "at_least": at_least,
        "in_domains": in_domains,
        "level": level(slug),
    }


def content(rules_, *, sizes=(3, 3), scale=SCALE, otherwise="universal"):
    """A tool with domains of `sizes` indicators each."""
    return {
        "scale": scale,
        "domains": [
            {
                "key": f"d{d}",
                "title": f"Domain {d}",
                "guidance": "",
                "indicators": [
                    {
                        "key": f"d{d}i{i}",
                        "text": f"Indicator {d}.{i}",
                        "hint": "",
                        "who_could_tell": "",
                    }
                    for i in range(size)
                ],
            }
            for d, size in enumerate(sizes)
        ],
        "rules": rules_,
        "otherwise": level(otherwise) if otherwise else None,
    }


def answers(tool, ratings):
    """{indicator key: rating key} from [[label, ...] per domain] (None: not answered)."""
    return {
        indicator["key"]: LABEL_KEYS[label]
        for domain, labels in zip(tool["domains"], ratings, strict=True)
        for indicator, label in zip(domain["indicators"], labels, strict=True)
        if label is not None
    }


# --- outcome ---------------------------------------------------------------------------------


def test_concern_counts_some_and_serious_ratings_together():
    tool = content([rule("concern", 2, 1, "early-help")])
    some_and_serious = answers(
        tool, [["Some concern", "Very concerned", "Not concerned"], ["Not concerned"] * 3]
    )
    assert rules.outcome(tool, some_and_serious).level["slug"] == "early-help"
    one_of_each_domain = answers(
        tool,
        [
            ["Some concern", "Not concerned", "Not known"],
            ["Very concerned", "Not concerned", "Not known"],
        ],
    )
    assert rules.outcome(tool, one_of_each_domain).level["slug"] == "universal"


def test_the_first_rule_that_applies_wins_and_otherwise_catches_the_rest():
    tool = content(
        [rule("serious", 1, 2, "statutory"), rule("serious", 1, 1, "targeted")],
        otherwise="universal",
    )
    both = answers(tool, [["Very concerned", None, None], ["Very concerned", None, None]])
    found = rules.outcome(tool, both)
    assert (found.level["slug"], found.rule) == ("statutory", 0)
    one = answers(tool, [["Very concerned", None, None], [None] * 3])
    assert rules.outcome(tool, one).rule == 1
    none = rules.outcome(tool, {})
    assert (none.level["slug"], none.rule) == ("universal", None)


def test_a_rating_outside_the_scale_counts_for_nothing():
    tool = content([rule("serious", 1, 1, "targeted")])
    forged = {"d0i0": "r999", "d0i1": "serious", "unknown-indicator": "r3"}
    found = rules.outcome(tool, forged)
    assert found.level["slug"] == "universal"
    assert found.counts == [dict.fromkeys(rules.KINDS, 0)] * 2


def test_the_outcome_lists_concerns_strengths_and_what_is_not_known():
    tool = content([rule("serious", 1, 1, "targeted")])
    found = rules.outcome(
        tool,
        answers(
            tool,
            [
                ["Some concern", "Not concerned", "Not known"],
                ["Very concerned", "Some concern", "Not concerned"],
            ],
        ),
    )
    assert [row["domain"]["title"] for row in found.most_concern] == ["Domain 1", "Domain 0"]
    assert found.most_concern[0] == {"domain": tool["domains"][1], "serious": 1, "some": 1}
    assert [indicator["key"] for _, indicator in found.strengths] == ["d0i1", "d1i2"]
    assert [indicator["key"] for _, indicator in found.not_known] == ["d0i2"]


def test_rules_read_as_sentences():
    assert (
        rules.rule_words(rule("serious", 3, 1, "statutory"))
        == "If 3 or more indicators rated serious concern in 1 or more domain"
    )
    assert (
        rules.rule_words(rule("concern", 1, 2, "early-help"))
        == "If 1 or more indicator rated some or serious concern in 2 or more domains"
    )


# --- the check -------------------------------------------------------------------------------


def test_every_outcome_reachable_comes_with_an_example_that_reaches_it():
    tool = content(
        [
            rule("serious", 2, 1, "statutory"),
            rule("serious", 1, 1, "targeted"),
            rule("concern", 2, 2, "early-help"),
        ]
    )
    found = rules.check(tool)
    assert found.ok, found.problems
    assert set(found.examples) == {0, 1, 2, None}
    for index, counts in found.examples.items():
        assert rules.first_rule(tool, counts) == index


def test_a_rule_no_answers_can_meet_is_impossible():
    # Four indicators of a domain of three; three domains of a tool of two.
    for impossible in (rule("some", 4, 1, "targeted"), rule("serious", 1, 3, "statutory")):
        found = rules.check(content([rule("serious", 2, 1, "statutory"), impossible]))
        assert found.problems == [
            f"Rule 2 can never apply: no answers give {rules.rule_words(impossible)[3:]}."
        ]
        assert 1 not in found.examples


def test_a_rating_kind_missing_from_the_scale_makes_rules_counting_it_impossible():
    no_unknown = [option for option in SCALE if option["kind"] != "unknown"]
    found = rules.check(content([rule("unknown", 1, 1, "early-help")], scale=no_unknown))
    assert found.problems == [
        "Rule 1 can never apply: no answers give 1 or more indicator rated not known in 1 or "
        "more domain."
    ]


def test_a_rule_an_earlier_one_always_catches_first_is_shadowed():
    found = rules.check(
        content([rule("serious", 1, 1, "targeted"), rule("serious", 2, 1, "statutory")])
    )
    assert found.problems == [
        "Rule 2 can never be reached: every answer that meets it is caught by an earlier rule "
        "first."
    ]


def test_otherwise_is_unreachable_when_some_rule_catches_every_answer():
    # Every indicator is rated as a strength or a concern, so one rule or the other applies.
    no_unknown = [option for option in SCALE if option["kind"] != "unknown"]
    found = rules.check(
        content(
            [rule("concern", 1, 1, "early-help"), rule("strength", 1, 1, "universal")],
            sizes=(1,),
            scale=no_unknown,
        )
    )
    assert found.problems == [
        "'Otherwise' can never be reached: every possible answer is caught by a rule."
    ]


def test_a_missing_otherwise_level_empty_scale_or_empty_domain_is_named():
    assert (
        "Choose the level for 'Otherwise'" in rules.check(content([], otherwise=None)).problems[0]
    )
    assert rules.check(content([], scale=[])).problems == [
        "The rating scale needs at least one rating."
    ]
    for sizes in ((3, 0), ()):
        assert rules.check(content([], sizes=sizes)).problems == [
            "Every domain needs at least one indicator."
        ]


def test_no_rules_at_all_is_fine_everything_reaches_otherwise():
    found = rules.check(content([]))
    assert found.ok
    assert set(found.examples) == {None}


def test_many_counts_asked_of_one_domain_each_stay_a_handful_of_cases():
    # Ten different counts asked of eight domains of ten indicators: 11 ** 8 combinations of
    # domain summaries, but a rule asks only whether one domain meets its count.
    many = [rule("serious", count, 1, f"level-{count}") for count in range(10, 0, -1)]
    found = rules.check(content(many, sizes=(10,) * 8))
    assert found.ok, found.problems
    assert found.combinations == 11


def test_rules_giving_too_many_cases_are_refused_rather_than_checked_for_long():
    # Every count of every kind asked of all eight domains at once: each domain's counts of
    # four kinds all matter, and so does how many domains have each.
    many = [
        rule(counted, count, 8, f"level-{counted}-{count}")
        for counted in ("serious", "some", "unknown", "strength")
        for count in range(10, 0, -1)
    ]
    found = rules.check(content(many, sizes=(10,) * 8))
    assert len(found.problems) == 1
    assert "more than 200,000 different cases to check" in found.problems[0]
    assert found.examples == {}


@pytest.mark.parametrize("at_least", [1, 2, 3])
def test_a_domains_count_is_reachable_up_to_its_size(at_least):
    found = rules.check(content([rule("unknown", at_least, 2, "targeted")]))
    assert found.ok
    example = found.examples[0]
    assert all(counts["unknown"] >= at_least for counts in example)


def _every_outcome_by_brute_force(tool):
    """Which rules (None: otherwise) some set of ratings reaches, trying every one."""
    import itertools

    keys = [i["key"] for domain in tool["domains"] for i in domain["indicators"]]
    ratings = [option["key"] for option in tool["scale"]]
    return {
        rules.outcome(tool, dict(zip(keys, chosen, strict=True))).rule
        for chosen in itertools.product(ratings, repeat=len(keys))
    }


def test_the_check_finds_exactly_the_outcomes_trying_every_set_of_ratings_finds():
    import random

    chooser = random.Random(23)
    for _ in range(60):
        sizes = tuple(chooser.randint(1, 3) for _ in range(chooser.randint(1, 3)))
        many = [
            rule(
                chooser.choice(("serious", "some", "concern", "unknown", "strength")),
                chooser.randint(1, 3),
                chooser.randint(1, 3),
                f"level-{n}",
            )
            for n in range(chooser.randint(1, 5))
        ]
        tool = content(many, sizes=sizes)
        assert set(rules.check(tool).examples) == _every_outcome_by_brute_force(tool), many
