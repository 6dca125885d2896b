"""Outcome rules: from a practitioner's ratings to an indicative level of need, and the check
that every rule of a tool can be reached.

Everything here reads a version's frozen content (see `services.tool_content` for its shape)
and the answers ({indicator key: rating key}); nothing is stored.

A rule reads per-domain summaries only: "at least `in_domains` domains each have at least
`at_least` indicators rated <counted>". So whether a rule applies depends only on how many
domains answer yes to each of the rules' questions ("at least 2 rated serious concern?"),
never on which indicators or which domains. The check enumerates each domain's possible
counts of each kind of rating (a few hundred at most), keeps the distinct answers they give to
the questions (a handful per domain), and adds the domains one at a time, keeping only the
distinct tallies of "how many domains said yes to each question" (capped at the most any rule
asks for): a few dozen cases where every combination of ratings would be 4 ^ 30.
"""

from dataclasses import dataclass, field

KINDS = ("strength", "some", "serious", "unknown")
_COUNTED = {"concern": frozenset({"some", "serious"})}
# Beyond this many distinct cases the check refuses rather than run long (only rule sets asking
# many different counts of many domains at once come near it).
MOST_CASES = 200_000


def counted_kinds(counted):
    return _COUNTED.get(counted, frozenset({counted}))


def domain_counts(content, answers):
    """[{kind: count}] per domain, in order, of the answered indicators."""
    kind_of = {option["key"]: option["kind"] for option in content["scale"]}
    counts = []
    for domain in content["domains"]:
        tally = dict.fromkeys(KINDS, 0)
        for indicator in domain["indicators"]:
            rating = answers.get(indicator["key"])
            if rating in kind_of:
                tally[kind_of[rating]] += 1
        counts.append(tally)
    return counts


def _meets(counts, kinds, at_least):
    return sum(counts[kind] for kind in kinds) >= at_least


def rule_applies(rule, counts_per_domain):
    kinds = counted_kinds(rule["counted"])
    meeting = sum(1 for counts in counts_per_domain if _meets(counts, kinds, rule["at_least"]))
    return meeting >= rule["in_domains"]


def first_rule(content, counts_per_domain):
    """The index of the first rule that applies, or None (the "otherwise" level)."""
    for index, rule in enumerate(content["rules"]):
        if rule_applies(rule, counts_per_domain):
            return index
    return None


@dataclass
class Outcome:
    level: dict  # {"id", "slug", "name"}
    rule: int | None  # index of the rule that applied; None for "otherwise"
    counts: list[dict]
    most_concern: list[dict] = field(default_factory=list)  # domains, most concerning first
    strengths: list[tuple[dict, dict]] = field(default_factory=list)  # (domain, indicator)
    not_known: list[tuple[dict, dict]] = field(default_factory=list)


def outcome(content, answers):
    """The indicative level for these answers, with what the outcome page shows beside it."""
    counts = domain_counts(content, answers)
    index = first_rule(content, counts)
    level = content["otherwise"] if index is None else content["rules"][index]["level"]
    kind_of = {option["key"]: option["kind"] for option in content["scale"]}
    result = Outcome(level=level, rule=index, counts=counts)
    concerning = [
        (tally["serious"], tally["some"], -position, domain)
        for position, (domain, tally) in enumerate(zip(content["domains"], counts, strict=True))
        if tally["serious"] or tally["some"]
    ]
    concerning.sort(key=lambda row: row[:3], reverse=True)
    result.most_concern = [
        {"domain": domain, "serious": serious, "some": some}
        for serious, some, _, domain in concerning
    ]
    for domain in content["domains"]:
        for indicator in domain["indicators"]:
            kind = kind_of.get(answers.get(indicator["key"]))
            if kind == "strength":
                result.strengths.append((domain, indicator))
            elif kind == "unknown":
                result.not_known.append((domain, indicator))
    return result


# -- the check -------------------------------------------------------------------------------


@dataclass
class Check:
    """What the check found: `problems` (each a sentence for the editor; empty when every
    rule and the "otherwise" level can be reached) and, for each reachable outcome, an
    example of per-domain counts that reaches it (rule index, or None for "otherwise")."""

    problems: list[str] = field(default_factory=list)
    examples: dict = field(default_factory=dict)
    combinations: int = 0

    @property
    def ok(self):
        return not self.problems


def _count_vectors(size, kinds):
    """Every way `size` indicators can be spread over `kinds` ({kind: count})."""

    def spread(left, remaining):
        if len(remaining) == 1:
            yield {remaining[0]: left}
            return
        for count in range(left + 1):
            for rest in spread(left - count, remaining[1:]):
                yield {remaining[0]: count, **rest}

    for counts in spread(size, list(kinds)):
        yield {kind: counts.get(kind, 0) for kind in KINDS}


def check(content):
    """Can every rule, and the "otherwise" level, be reached by some answers? Every set of
    answers has an outcome by construction (the first rule that applies, else "otherwise")."""
    result = Check()
    rules = content["rules"]
    domains = content["domains"]
    kinds = sorted({option["kind"] for option in content["scale"]}, key=KINDS.index)
    if not content.get("otherwise"):
        result.problems.append("Choose the level for 'Otherwise', when no rule applies.")
    if not domains or any(not domain["indicators"] for domain in domains):
        result.problems.append("Every domain needs at least one indicator.")
        return result
    if not kinds:
        result.problems.append("The rating scale needs at least one rating.")
        return result
    questions = sorted(
        {(counted_kinds(rule["counted"]), rule["at_least"]) for rule in rules},
        key=lambda q: (sorted(q[0]), q[1]),
    )

    def signature(counts):
        return tuple(_meets(counts, q_kinds, at_least) for q_kinds, at_least in questions)

    position = {question: number for number, question in enumerate(questions)}
    asked = [
        (position[(counted_kinds(r["counted"]), r["at_least"])], r["in_domains"]) for r in rules
    ]
    most = [
        max((n for q, n in asked if q == number), default=0) for number in range(len(questions))
    ]

    # {tally of domains answering yes to each question: an example, the counts per domain}
    cases = {tuple(0 for _ in questions): []}
    for domain in domains:
        seen = {}
        for counts in _count_vectors(len(domain["indicators"]), kinds):
            seen.setdefault(signature(counts), counts)
        added = {}
        for tally, example in cases.items():
            for answers, counts in seen.items():
                key = tuple(
                    min(so_far + yes, cap)
                    for so_far, yes, cap in zip(tally, answers, most, strict=True)
                )
                if key not in added:
                    added[key] = [*example, counts]
                    if len(added) > MOST_CASES:
                        result.problems.append(
                            f"These rules give more than {MOST_CASES:,} different cases to "
                            "check: ask for fewer different counts in the rules."
                        )
                        return result
        cases = added
    result.combinations = len(cases)
    possible = [False] * len(rules)
    for tally, example in cases.items():
        reached = None
        for index, (question, in_domains) in enumerate(asked):
            if tally[question] >= in_domains:
                possible[index] = True
                if reached is None:
                    reached = index
        result.examples.setdefault(reached, example)
    for index, rule in enumerate(rules):
        if index in result.examples:
            continue
        number = index + 1
        if not possible[index]:
            result.problems.append(
                f"Rule {number} can never apply: no answers give {_rule_words(rule)}."
            )
        else:
            result.problems.append(
                f"Rule {number} can never be reached: every answer that meets it is caught "
                "by an earlier rule first."
            )
    if None not in result.examples and content.get("otherwise"):
        result.problems.append(
            "'Otherwise' can never be reached: every possible answer is caught by a rule."
        )
    return result


_COUNTED_WORDS = {
    "serious": "serious concern",
    "some": "some concern",
    "concern": "some or serious concern",
    "unknown": "not known",
    "strength": "no concern",
}


def _rule_words(rule):
    indicators = "indicator" if rule["at_least"] == 1 else "indicators"
    domains = "domain" if rule["in_domains"] == 1 else "domains"
    return (
        f"{rule['at_least']} or more {indicators} rated {_COUNTED_WORDS[rule['counted']]} "
        f"in {rule['in_domains']} or more {domains}"
    )


def rule_words(rule):
    """The rule as a sentence: 'If 3 or more indicators rated serious concern in 1 or more
    domain'."""
    return "If " + _rule_words(rule)
