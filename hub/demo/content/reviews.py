"""The demo's practice reviews and learning for Westshire: two rapid reviews (one on the clock,
one complete), a published local child safeguarding practice review with recommendations and
agencies' actions in every status, and four 7-minute briefings.

Every review, child and family here is invented for the demo and written afresh; no real
review's text is copied. Case records name no child: an age band and a made-up letter in the
published review's title, as published reviews do.

Dates are counted back from the day the demo is loaded (in working days for the rapid review
clock, in months for the rest), so the demo always has a rapid review part-way through its 15
working days and actions both overdue and due soon.
"""

from datetime import date

THEMES = [
    ("Neglect", "neglect"),
    ("Safer sleep for babies", "safer-sleep"),
    ("Adolescents at risk outside the home", "adolescents"),
    ("Domestic abuse", "domestic-abuse"),
    ("Information sharing", "information-sharing"),
    ("Professional curiosity", "professional-curiosity"),
]

COUNCIL = "Westshire County Council (demo)"
HOSPITALS = "Westshire Hospitals NHS Foundation Trust (demo)"
ICB = "NHS Westshire Integrated Care Board (demo)"
POLICE = "Westmoor Police (demo)"
COMMUNITY_HEALTH = "Moorland Community Health NHS Trust (demo)"
WESTBURY = "Westbury Cross Academy Trust (demo)"
COLLEGE = "Westshire College (demo)"
BRIGHTPATH = "Brightpath Family Support (demo)"

# A rapid review on the clock: notified `notified_working_days_ago` working days before the
# demo was loaded; the timeline's steps up to today are done, and two agencies have returned
# their information.
RAPID_IN_PROGRESS = {
    "kind": "rapid",
    "age_band": "under_1",
    "themes": ["safer-sleep", "information-sharing"],
    "summary": "A baby was taken to hospital with an unexplained head injury. The family had "
    "moved house twice in the last year and was known to health visiting. Fictional: "
    "written for the demo.",
    "notified_working_days_ago": 7,
    "incident_days_before_notification": 4,
    "requests": [
        (HOSPITALS, True),
        (COMMUNITY_HEALTH, True),
        (COUNCIL, False),
        (POLICE, False),
    ],
    "returned_summary": "Our staff saw the family four times. Safe sleep advice was given at "
    "birth and not repeated after the house moves; we are checking our records of advice "
    "given to every carer. Chronology sent through secure email.",
}

# A rapid review sent on time, whose decision was a local child safeguarding practice review:
# notified `notified_at` of the way through the last complete reporting year (hub/demo/
# years.py), so the demo's yearly report counts it.
RAPID_COMPLETE = {
    "kind": "rapid",
    "age_band": "11_15",
    "themes": ["adolescents", "information-sharing", "professional-curiosity"],
    "summary": "A young person was seriously hurt after going missing several times. Schools, "
    "youth services and police each held part of the picture. Fictional: written for the "
    "demo.",
    "notified_at": 0.72,
    "incident_days_before_notification": 3,
    "sent_working_days_after_notification": 14,
    "decision": "lcspr",
    "requests": [(COUNCIL, True), (POLICE, True), (WESTBURY, True), (COLLEGE, True)],
    "returned_summary": "We had three contacts in the year. Attendance fell sharply in the "
    "spring and was recorded but not shared. Chronology sent through secure email.",
}

# The local review commissioned from an earlier rapid review, now published. Its dates are
# fixed, like its report's in the demo library.
LOCAL_REVIEW = {
    "kind": "lcspr",
    "age_band": "5_10",
    "themes": ["neglect", "professional-curiosity", "domestic-abuse"],
    "summary": "A child lived with long-standing neglect that several agencies saw in part. "
    "Fictional: written for the demo.",
    "incident_on": date(2024, 11, 18),
    "notified_on": date(2024, 11, 22),
    "rapid_review_sent_on": date(2024, 12, 12),
    "decision_on": date(2024, 12, 19),
    "reviewer_commissioned_on": date(2025, 2, 10),
    "draft_on": date(2025, 9, 15),
    "final_on": date(2025, 11, 20),
    "published_on": date(2026, 1, 12),
    "removal_on": date(2029, 1, 12),
    "practice_until": date(2024, 11, 18),
}

PUBLISHED = {
    "slug": "child-w-neglect-review",
    "title": "Child W (demo): a local child safeguarding practice review about neglect",
    "summary": "Child W, aged 7, lived with neglect for several years. Teachers, the school "
    "nurse, the GP and the family's housing officer each noticed something: a child often "
    "hungry, a home without heating, missed appointments, a parent who seemed low. Each "
    "concern on its own seemed small, and no one put them together until Child W was found "
    "unwell at home during a cold spell.\n\nThe review found that practitioners knew the family "
    "well and wanted to help, but relied on the parent's account, closed early help when the "
    "family stopped engaging, and did not use the partnership's neglect screening tool. It "
    "makes four recommendations to the partnership. Child W and the family are fictional: "
    "this review was written for the demo.",
    "themes": ["neglect", "professional-curiosity", "domestic-abuse"],
    "chapters": ["neglect", "early-help", "information-sharing"],
    "report_slug": "child-w-review-report",
}

# (number, text, theme, [(agency, owner role, action, due in months from today (negative:
# past), status, evidence file name or None, progress note)])
RECOMMENDATIONS = [
    (
        1,
        "The partnership makes sure every agency uses the neglect screening tool when a child's "
        "needs are met inconsistently over time, not only after a single incident.",
        "neglect",
        [
            (
                COUNCIL,
                "Head of early help",
                "Add the screening tool to the early help assessment and closing checklist.",
                -5,
                "evidence_accepted",
                "early-help-closing-checklist.pdf",
                "Checklist updated and in use since the spring.",
            ),
            (
                WESTBURY,
                "Designated safeguarding lead",
                "Train every pastoral lead in the screening tool and audit its use each term.",
                -1,
                "completed",
                "westbury-screening-audit.pdf",
                "All pastoral leads trained; the first termly audit is attached.",
            ),
        ],
    ),
    (
        2,
        "Agencies do not close a family's early help or health support because the family has "
        "stopped engaging without first sharing the concern with the lead professional.",
        "professional-curiosity",
        [
            (
                COMMUNITY_HEALTH,
                "Named nurse for safeguarding",
                "Change the school nursing 'was not brought' procedure to include a call to the "
                "lead professional.",
                -2,
                "in_progress",
                None,
                "Draft procedure with the clinical governance group.",
            ),
            (
                COUNCIL,
                "Early help service manager",
                "Report families closed for non-engagement to the quality subgroup each quarter.",
                -3,
                "not_started",
                None,
                "",
            ),
        ],
    ),
    (
        3,
        "The partnership's training programme includes professional curiosity about a "
        "parent's wellbeing and its effect on the care of their children.",
        "professional-curiosity",
        [
            (
                COUNCIL,
                "Partnership training coordinator",
                "Add a module on parental wellbeing and neglect to the multi-agency programme.",
                2,
                "in_progress",
                None,
                "Module written; first session booked.",
            ),
        ],
    ),
    (
        4,
        "Housing providers are invited to the partnership's neglect training and know how to "
        "share a concern about a child's living conditions.",
        "neglect",
        [
            (
                BRIGHTPATH,
                "Safeguarding lead",
                "Brief every family support worker on sharing concerns about living conditions.",
                4,
                "not_started",
                None,
                "",
            ),
        ],
    ),
]

# Actions dated in the last complete reporting year instead (hub/demo/years.py), for the
# demo's yearly report: (recommendation number, agency, owner role, action, how far through
# that year it was due, status, evidence file name or None, progress note). The one accepted
# was signed off on its due date; the other is still under way, past its date.
LAST_YEAR_ACTIONS = [
    (
        1,
        HOSPITALS,
        "Named nurse for safeguarding",
        "Add the neglect screening tool to the emergency department's safeguarding checklist.",
        0.8,
        "evidence_accepted",
        "ed-safeguarding-checklist.pdf",
        "Checklist changed and audited in the department's monthly safeguarding audit.",
    ),
    (
        2,
        POLICE,
        "Public protection inspector",
        "Share a concern with the lead professional before closing a family's referral for "
        "non-engagement.",
        0.9,
        "in_progress",
        None,
        "Guidance drafted; waiting for the force's policy board.",
    ),
]

# The four briefings. Each part is plain text: blank lines between paragraphs, "- " for a
# bullet. `review` names the published review a briefing draws on, if any;
# `published_months_ago` dates it.
BRIEFINGS = [
    {
        "slug": "child-w-neglect",
        "title": "7-minute briefing: Child W and seeing neglect over time",
        "summary": "What the Child W review teaches about neglect that builds up slowly, "
        "seen by many agencies in small parts.",
        "themes": ["neglect", "professional-curiosity"],
        "review": True,
        "published_months_ago": 11,
        "background": "Child W (not the child's real initial; the family is fictional and "
        "written for the demo) lived with neglect for several years. Five agencies knew the "
        "family. Each saw a part of the picture: hunger, a cold home, missed appointments, a "
        "parent who seemed low.",
        "why_it_matters": "Neglect is the most common reason for a child protection plan. It "
        "rarely arrives as one incident: it builds over time, and each concern on its own can "
        "look too small to act on.",
        "key_findings": "- Practitioners relied on the parent's account and did not see the "
        "child's room or the kitchen.\n- Early help closed when the family stopped engaging, "
        "without telling the lead professional.\n- No one used the neglect screening tool, "
        "which would have shown the pattern.",
        "what_to_remember": "Neglect is about the pattern, not the incident. One missed "
        "appointment is a missed appointment; five over a year, with a child often hungry, "
        "is a picture.",
        "what_to_do": "- Use the neglect screening tool when needs are met inconsistently.\n- "
        "Ask to see where the child sleeps and eats.\n- Before closing because a family "
        "has stopped engaging, talk to the lead professional.",
        "questions": "- When did we last use the screening tool?\n- Who in our team would "
        "notice the pattern if each of us saw one part?\n- What do we do when a family stops "
        "answering?",
        "further_reading": "- The neglect chapter of the procedures.\n- The partnership's "
        "neglect screening tool.",
    },
    {
        "slug": "safer-sleep-after-a-move",
        "title": "7-minute briefing: safer sleep when a family's life changes",
        "summary": "Learning from a rapid review: repeat safe sleep advice when routines "
        "change, and give it to every adult caring for the baby.",
        "themes": ["safer-sleep", "information-sharing"],
        "review": False,
        "published_months_ago": 4,
        "background": "A rapid review looked at a baby's serious injury in a family that had "
        "moved house twice in a year. The family is fictional and written for the demo.",
        "why_it_matters": "Most sudden infant deaths happen in unsafe sleeping situations, and "
        "the risk rises when routines change: a move, a new partner, illness, a celebration.",
        "key_findings": "- Safe sleep advice was given at birth and not repeated.\n- The "
        "mother's new partner had never been given it.\n- Each move meant a new GP and a new "
        "health visitor, and the history did not travel quickly.",
        "what_to_remember": "Advice given once is not advice given. Every carer needs to hear "
        "it, and hear it again when life changes.",
        "what_to_do": "- Ask where the baby slept last night, at every contact.\n- Give "
        "the advice to every adult caring for the baby.\n- When a family moves, send the "
        "health visiting record the same week.",
        "questions": "- Do we know who else cares for the babies we see?\n- How do we hear "
        "that a family has moved?",
        "further_reading": "- The partnership's safer sleep briefing in the library.",
    },
    {
        "slug": "missing-from-school-and-home",
        "title": "7-minute briefing: when a young person goes missing from school and home",
        "summary": "A rapid review about a young person at risk outside the home: share "
        "falling attendance and missing episodes early.",
        "themes": ["adolescents", "information-sharing"],
        "review": False,
        "published_months_ago": 6,
        "background": "A rapid review looked at a young person who was seriously hurt after "
        "going missing several times. School, college, youth services and police each held "
        "part of the picture. Fictional: written for the demo.",
        "why_it_matters": "Young people exploited outside the home are often seen first as a "
        "problem of attendance or behaviour. The chance to help comes early, and is easily "
        "missed.",
        "key_findings": "- Attendance fell sharply in the spring; the school recorded it but "
        "did not share it.\n- Three missing episodes were reported, each treated on its own.\n"
        "- The young person said they were 'just with friends', and this was accepted.",
        "what_to_remember": "A sudden change in attendance, new friends who are older, and "
        "going missing together are a warning, not a behaviour problem.",
        "what_to_do": "- Share a sudden fall in attendance with the young person's lead "
        "professional.\n- Ask for a return interview after every missing episode.\n- Use the "
        "exploitation screening questions.",
        "questions": "- How quickly would we notice a change in attendance?\n- Who do we tell "
        "when a young person goes missing?",
        "further_reading": "- The child criminal exploitation chapter of the procedures.",
    },
    {
        "slug": "hearing-the-child-at-home",
        "title": "7-minute briefing: hearing the child when there is domestic abuse",
        "summary": "What the partnership took from a national review: see and speak to the "
        "child on their own when there is domestic abuse at home.",
        "themes": ["domestic-abuse", "professional-curiosity"],
        "review": False,
        "published_months_ago": 2,
        "background": "The partnership looked at a national review's findings on children "
        "living with domestic abuse and checked its own practice against them. This briefing "
        "is written for the demo.",
        "why_it_matters": "Children living with domestic abuse are victims in their own right. "
        "When adults' needs fill every visit, the child can be seen but not heard.",
        "key_findings": "- Children were often seen with the parent present.\n- Records said "
        "'child seen' without saying what the child said.\n- Fathers and partners were rarely "
        "spoken to.",
        "what_to_remember": "Seen is not heard. Write down what the child said, in their own "
        "words.",
        "what_to_do": "- Speak to the child on their own where it is safe.\n- Record what "
        "the child said and how they seemed.\n- Include every adult in the household in the "
        "assessment.",
        "questions": "- When did we last speak to a child on their own?\n- Do our records say "
        "what the child told us?",
        "further_reading": "- The domestic abuse chapter of the procedures.",
    },
]

# Teams that used a briefing: (briefing slug, agency, team size, months ago, what will change)
TEAM_USES = [
    ("child-w-neglect", WESTBURY, "11_20", 9, "Pastoral leads will use the screening tool."),
    ("child-w-neglect", COUNCIL, "6_10", 8, "We will check with the lead professional first."),
    ("child-w-neglect", HOSPITALS, "21_plus", 7, ""),
    ("child-w-neglect", COMMUNITY_HEALTH, "6_10", 7, "School nurses will ask to see the home."),
    ("child-w-neglect", BRIGHTPATH, "1_5", 6, ""),
    ("child-w-neglect", COLLEGE, "11_20", 5, "Tutors will share attendance concerns."),
    ("missing-from-school-and-home", WESTBURY, "6_10", 5, "Attendance drops go to the DSL."),
    ("missing-from-school-and-home", COLLEGE, "6_10", 4, ""),
    ("missing-from-school-and-home", POLICE, "11_20", 4, "Return interviews requested each time."),
    ("safer-sleep-after-a-move", HOSPITALS, "21_plus", 3, "Ward staff ask about every carer."),
    ("safer-sleep-after-a-move", COMMUNITY_HEALTH, "11_20", 2, ""),
    ("hearing-the-child-at-home", COUNCIL, "6_10", 1, "Records will quote the child."),
]
