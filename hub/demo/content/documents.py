"""The demo document library: fictional protocols, procedures, guidance, toolkits, templates
and briefings of the South West (demo) consortium and its partnerships.

Everything here is written afresh for the demo; no real partnership's text is copied. National
documents are short local summaries, in the partnerships' own words, of national guidance.

Each entry names its owner agency exactly as `partnerships.AGENCIES` does, and its partnership
by slug (None for a document the whole consortium shares). `review_due` is a fixed date, or
`review_due_in_days` counts from the day the demo is loaded, so that a fresh demo always has
documents overdue and due soon. `file_only_word` appears in every version's file but never in
any title or summary, so search tests can show that file text is found.

A version is `Version(label, published, approved_by, approved_on, what_changed, kind,
content)`; `content` is what `hub.demo.library_files.build` takes for that kind. Where an entry
has `dated_in_last_year` ({version label: how far through the year}), those versions are
approved that far through the last complete reporting year instead (a negative share: before
it starts), and published as long after as written here: the demo's yearly report counts the
review they make (hub/demo/years.py).
"""

from datetime import date
from typing import NamedTuple


class Version(NamedTuple):
    label: str
    published: date
    approved_by: str
    approved_on: date
    what_changed: str
    kind: str
    content: object


TOPICS = [
    ("Allegations against staff and volunteers", "allegations"),
    ("Babies and infants", "babies"),
    ("Child exploitation", "child-exploitation"),
    ("Children missing education", "children-missing-education"),
    ("Children missing from home or care", "missing-children"),
    ("Domestic abuse", "domestic-abuse"),
    ("Early help", "early-help"),
    ("Escalation", "escalation"),
    ("Information sharing", "information-sharing"),
    ("Learning from reviews", "learning-from-reviews"),
    ("Neglect", "neglect"),
    ("Online safety", "online-safety"),
    ("Private fostering", "private-fostering"),
    ("Section 11", "section-11"),
    ("Thresholds and levels of need", "thresholds"),
    ("Training", "training"),
    ("Working with families who speak other languages", "interpreters"),
]

WESTSHIRE_EXECUTIVE = "Westshire Safeguarding Children Partnership executive group"
WESTSHIRE_QUALITY = "Westshire Practice and Quality subgroup"
NORTHMOOR_BOARD = "Northmoor Safeguarding Children Partnership board"
NORTHMOOR_OPERATIONS = "Northmoor Safeguarding Children Partnership operations group"
REGIONAL_GROUP = "South West (demo) regional procedures group"

PROFESSIONALS = ("professionals",)


# Resolving Professional Differences (Escalation) Protocol


def _rpd_sections(days, *, panel_detail, online_log):
    first, second, third, panel = days
    record = (
        "When a disagreement reaches stage 2 or beyond, the practitioner who raised it also "
        "logs it with the partnership business unit using the online escalation log. The log "
        "asks for a reference number, the agencies involved, the stage reached and the "
        "outcome. It never asks for a child's name, date of birth, address or any other "
        "detail that could identify a child or family."
        if online_log
        else "When a disagreement reaches stage 2 or beyond, the practitioner who raised it "
        "also completes the professional differences record sheet and emails it to the "
        "partnership business unit. Use a reference number only: never include a child's name, "
        "date of birth or address."
    )
    panel_text = [
        "If senior managers cannot agree, either of them asks the partnership business "
        "manager to convene a multi-agency panel. The panel gives its decision in writing "
        f"within {panel} working days of being asked.",
    ]
    if panel_detail:
        panel_text.append(
            "The panel has three senior leaders drawn from the safeguarding partners and "
            "relevant agencies, none of whom works in an agency involved in the disagreement. "
            "It usually meets in the Kingfisher Room at the partnership office, or online "
            "when that is quicker. The practitioners and managers involved each send a short "
            "written account; the panel may invite them to speak."
        )
    else:
        panel_text.append(
            "Panel members are senior leaders from the safeguarding partners. The panel "
            "usually meets in the Kingfisher Room at the partnership office."
        )
    panel_text.append(
        "The panel's decision is final for the purpose of this protocol. It does not take "
        "away any agency's own statutory duties, and any professional may still make a "
        "referral to children's social care at any time."
    )
    return [
        (
            "Why this protocol exists",
            [
                "Good safeguarding depends on professionals who are willing to question each "
                "other. Disagreements about a child are normal and often useful: they stop a "
                "group of professionals settling too early on one view of a family. But a "
                "disagreement that drifts can leave a child without the help or protection "
                "they need.",
                "This protocol sets out how any practitioner or volunteer in Westshire can "
                "raise and settle a professional difference quickly, respectfully and with "
                "the child's welfare at the centre. It applies to every agency that works "
                "with children in Westshire, including schools, health services, the police, "
                "children's social care, early help and voluntary and community groups.",
            ],
        ),
        (
            "When to use it",
            [
                "Use this protocol when you disagree with another professional about a child's "
                "safety or welfare and talking it through has not settled it. Examples include:",
                (
                    "list",
                    [
                        "a referral you made to children's social care has been closed or "
                        "stepped down and you believe the child is still at risk",
                        "you think the level of need has been judged too low, or too high",
                        "actions agreed in a child protection, child in need or early help "
                        "plan are not being carried out",
                        "information you need to keep a child safe is not being shared",
                        "you disagree with a decision to end a plan or close a case",
                    ],
                ),
            ],
        ),
        (
            "Keep the child safe first",
            [
                "If a child is at risk of immediate harm, do not use this protocol. Call 999, "
                "or contact Westshire Children's Front Door or the out of hours service "
                "straight away. The protocol is for settling disagreements, not for "
                "reporting urgent concerns.",
            ],
        ),
        (
            "The four stages",
            [
                "Move to the next stage only when the one before has not settled the matter "
                "within its timescale. Timescales are in working days, counted from the day "
                "the disagreement is raised at that stage.",
                (
                    "table",
                    ["Stage", "Who is involved", "Timescale"],
                    [
                        [
                            "1",
                            "Practitioners: the two (or more) professionals who disagree",
                            f"{first} working days",
                        ],
                        [
                            "2",
                            "Line managers or supervisors of each practitioner",
                            f"{second} working days",
                        ],
                        [
                            "3",
                            "Senior managers or designated safeguarding leads in each agency",
                            f"{third} working days",
                        ],
                        [
                            "4",
                            "Multi-agency panel convened by the partnership business unit",
                            f"{panel} working days",
                        ],
                    ],
                ),
            ],
        ),
        (
            "Stage 1: practitioners",
            [
                "Speak directly to the professional you disagree with, by phone or in person "
                "rather than by email. Explain your concern, listen to their reasons and look "
                "for what you agree on. Most differences are settled here. Aim to agree a way "
                f"forward within {first} working days, and confirm what was agreed in writing.",
            ],
        ),
        (
            "Stage 2: line managers",
            [
                "If you cannot agree, tell your line manager or supervisor, who contacts the "
                "other practitioner's manager. The managers review the information, speak to "
                f"each other and aim to agree within {second} working days. They tell both "
                "practitioners the outcome.",
            ],
        ),
        (
            "Stage 3: senior managers",
            [
                "If the line managers cannot agree, the matter goes to a senior manager in "
                "each agency; in a school this is usually the headteacher or designated "
                "safeguarding lead. They speak or meet and aim to agree within "
                f"{third} working days.",
            ],
        ),
        ("Stage 4: multi-agency panel", panel_text),
        (
            "Keeping a record",
            [
                "Record each stage in your own agency's file for the child: what the "
                "disagreement was about, who was involved, what was decided and why.",
                record,
                "The business unit reports patterns in escalations to the partnership every "
                "six months, in anonymised form, so that the partners can learn from them.",
            ],
        ),
    ]


RPD = {
    "slug": "resolving-professional-differences-protocol",
    "title": "Resolving Professional Differences (Escalation) Protocol",
    "summary": "How to raise and settle a disagreement with another professional about a "
    "child's safety, in four stages from practitioners to a multi-agency panel, with the "
    "timescale for each stage.",
    "type": "protocol",
    "reach": "local",
    "topics": ["escalation"],
    "audiences": PROFESSIONALS,
    "owner_agency": "Westshire County Council (demo)",
    "contact_role": "Partnership business manager",
    "owner_email": "lscp.business@westshire.example",
    "partnership": "westshire",
    "review_due": date(2028, 5, 18),
    "file_only_word": "kingfisher",
    "file_stem": "rpd-protocol",
    "related": ["professional-differences-record-sheet"],
    "versions": [
        Version(
            "1.0",
            date(2024, 9, 2),
            WESTSHIRE_EXECUTIVE,
            date(2024, 7, 15),
            "First version of the protocol, replacing the partnership's earlier escalation "
            "guidance.",
            "pdf",
            _rpd_sections((5, 10, 5, 10), panel_detail=False, online_log=False),
        ),
        Version(
            "1.1",
            date(2025, 10, 6),
            WESTSHIRE_QUALITY,
            date(2025, 9, 22),
            "Sets out who sits on the multi-agency panel (senior leaders from agencies not "
            "involved in the disagreement) and how practitioners give their account to it.",
            "pdf",
            _rpd_sections((5, 10, 5, 10), panel_detail=True, online_log=False),
        ),
        Version(
            "2.0",
            date(2026, 5, 18),
            WESTSHIRE_EXECUTIVE,
            date(2026, 4, 27),
            "Shorter timescales at the first two stages (stage 1 from 5 to 3 working days, "
            "stage 2 from 10 to 5). Disagreements reaching stage 2 are now logged in the online "
            "escalation log instead of the emailed record sheet.",
            "pdf",
            _rpd_sections((3, 5, 5, 10), panel_detail=True, online_log=True),
        ),
    ],
}


# Neglect Toolkit

_NEGLECT_DOMAINS = [
    (
        "Food and nutrition",
        "Regular, enough and suitable food; the child is a healthy weight.",
        "Food is usually available but meals are irregular or of poor quality at times.",
        "The child is often hungry, asks others for food or takes it; weight is a concern.",
        "There is rarely food in the home; the child is underweight or unwell as a result.",
    ),
    (
        "Home conditions and safety",
        "The home is warm, reasonably clean and safe for the child's age.",
        "Some hazards or disorder, put right when pointed out.",
        "The home is often cold, dirty or unsafe; hazards are not put right.",
        "Conditions are dangerous or unfit to live in; the child has no safe place to sleep.",
    ),
    (
        "Health and development",
        "Health needs are met and appointments kept; carers seek help when needed.",
        "Some appointments missed or minor needs left until they get worse.",
        "Health or dental needs are often unmet; development is delayed and not followed up.",
        "Serious or urgent health needs are ignored; the child's health is at risk.",
    ),
    (
        "Hygiene and clothing",
        "The child is clean and dressed for the weather.",
        "Sometimes unwashed or wrongly dressed for the weather.",
        "Persistently dirty, smelly or inadequately clothed; other children notice.",
        "Hygiene is so poor that the child is unwell, in pain or isolated because of it.",
    ),
    (
        "Supervision and keeping safe",
        "The child is supervised in a way that suits their age and understanding.",
        "Supervision is inconsistent; the child is sometimes left with unsuitable people.",
        "The child is often left alone, out late or with adults who pose a risk.",
        "The child is left for long periods or exposed to serious danger.",
    ),
    (
        "Emotional warmth and care",
        "Carers are warm, praise the child and respond to their feelings.",
        "Warmth is inconsistent; carers are sometimes distracted or dismissive.",
        "The child is often ignored, criticised or rejected.",
        "The child is persistently rejected, frightened or blamed.",
    ),
    (
        "Education and stimulation",
        "The child attends school or nursery and has things to play with and learn from.",
        "Attendance or lateness is sometimes a concern; little play or reading at home.",
        "Attendance is poor and carers do not engage with the school.",
        "The child is kept from education or has almost no stimulation at home.",
    ),
]

_BABIES_DOMAIN = (
    "Babies who are not yet mobile",
    "The baby is fed, changed, held and talked to; safe sleep advice is followed.",
    "Routines are erratic; the baby is sometimes left in a car seat or cot for long spells.",
    "The baby is often left unattended, unchanged or hungry; safe sleep advice is ignored.",
    "The baby's basic care is seriously lacking; any unexplained mark or injury needs an "
    "urgent referral under the regional bruising protocol.",
)


def _neglect_sections(*, with_babies, on_screen):
    domains = _NEGLECT_DOMAINS + ([_BABIES_DOMAIN] if with_babies else [])
    how_to = [
        "Complete the toolkit with the family wherever you can. Talk through each domain, "
        "note what you see and hear, and agree the grade that best describes the child's "
        "experience over time, not on a single good or bad day.",
        (
            "numbered",
            [
                "Read the descriptors for a domain and choose the grade from 1 to 4 that fits "
                "best. If you are torn between two grades, choose the higher one and say why.",
                "Write down the evidence for each grade: what you saw, what the child said, "
                "what others have told you.",
                "Look at the pattern across all domains, not only the total. One grade 4 "
                "matters more than several grade 2s.",
                "Record the parents' or carers' view and whether they can and want to change.",
                "Agree what will happen next and when you will use the toolkit again.",
            ],
        ),
    ]
    if on_screen:
        how_to.append(
            "You can complete the toolkit on screen in the Hub or print it. The on-screen "
            "version keeps nothing about the child unless you choose to save it, and then "
            "only a reference you set, never a name."
        )
    return [
        (
            "About this toolkit",
            [
                "Neglect is the most common reason for a child protection plan in Westshire. "
                "It is also the easiest form of harm to miss, because it builds slowly and each "
                "single concern can look small. This toolkit helps practitioners in any agency "
                "look at the whole of a child's daily life, grade how well each of their needs "
                "is being met, and share a clear picture with colleagues and with the family.",
                "Practitioners call it the lighthouse tool because it is meant to show the way "
                "through a confusing picture, not to replace your judgement. Use it when you "
                "have a worry about neglect, to measure change over time, and to support a "
                "referral or a request for early help.",
            ],
        ),
        ("How to use it", how_to),
        (
            "The grading scale",
            [
                "Each domain is graded on the same four-point scale:",
                (
                    "table",
                    ["Grade", "What it means"],
                    [
                        ["1", "Needs met well: care is good enough and consistent."],
                        ["2", "Needs mostly met: some gaps, which carers put right."],
                        ["3", "Needs often not met: the child's wellbeing is affected."],
                        [
                            "4",
                            "Needs seldom met: the child is suffering or likely to suffer "
                            "significant harm.",
                        ],
                    ],
                ),
            ],
        ),
        (
            "The domains and their descriptors",
            [
                f"There are {len(domains)} domains. For each one, the descriptors below "
                "give an example of what each grade can look like.",
                (
                    "table",
                    ["Domain", "Grade 1", "Grade 2", "Grade 3", "Grade 4"],
                    [list(domain) for domain in domains],
                ),
            ],
        ),
        (
            "What the grades mean for next steps",
            [
                (
                    "list",
                    [
                        "Mostly 1s: universal services continue; no extra action needed.",
                        "Several 2s: talk with the family about early help and agree a plan.",
                        "Any 3s: discuss with your designated safeguarding lead; consider a "
                        "request for targeted early help or a referral to the Front Door.",
                        "Any 4: refer to Westshire Children's Front Door the same day. If the "
                        "child is in immediate danger, call 999.",
                    ],
                ),
                "If you disagree with another agency about the grades or the response, use "
                "the Resolving Professional Differences protocol.",
            ],
        ),
    ]


NEGLECT_TOOLKIT = {
    "slug": "neglect-toolkit",
    "title": "Neglect Toolkit",
    "summary": "A graded assessment that helps practitioners look at each area of a child's "
    "daily care, grade it from 1 to 4, and agree what should happen next.",
    "type": "toolkit",
    "reach": "local",
    "topics": ["neglect", "thresholds"],
    "audiences": PROFESSIONALS,
    "owner_agency": "NHS Westshire Integrated Care Board (demo)",
    "contact_role": "Designated nurse for safeguarding children",
    "owner_email": "safeguarding.nurse@westshire-icb.example",
    "partnership": "westshire",
    "review_due": date(2028, 1, 31),
    "file_only_word": "lighthouse",
    "file_stem": "neglect-toolkit",
    "related": ["effective-support-threshold-guidance", "babies-bruising-protocol"],
    "versions": [
        Version(
            "1.0",
            date(2024, 9, 2),
            WESTSHIRE_EXECUTIVE,
            date(2024, 7, 15),
            "First version of the toolkit, with seven domains graded 1 to 4.",
            "docx",
            _neglect_sections(with_babies=False, on_screen=False),
        ),
        Version(
            "2.0",
            date(2026, 1, 12),
            WESTSHIRE_QUALITY,
            date(2025, 12, 8),
            "Shorter, clearer descriptors after feedback from practitioners; a new domain "
            "for babies who are not yet mobile; the toolkit can now be completed on screen.",
            "docx",
            _neglect_sections(with_babies=True, on_screen=True),
        ),
    ],
}


# Threshold guidance


def _threshold_sections(*, contact_line, online=False):
    return [
        (
            "Levels of need",
            [
                "This guidance helps everyone who works with children in Westshire agree how "
                "much help a family needs, and from whom. It describes four levels. A child "
                "can move between levels as their circumstances change, and most children "
                "need nothing beyond universal services.",
                *(
                    [
                        "The levels are also online on the partnership's website, at "
                        "/levels-of-need/, with what each need looks like at every level, the "
                        "local services and what to do next."
                    ]
                    if online
                    else []
                ),
                (
                    "table",
                    ["Level", "Description", "Who helps"],
                    [
                        [
                            "1 Universal",
                            "Needs met by ordinary services",
                            "Schools, GPs, health visitors",
                        ],
                        [
                            "2 Early help",
                            "Additional needs that one agency can meet",
                            "The agency that knows the family best",
                        ],
                        [
                            "3 Targeted early help",
                            "Several needs needing a coordinated plan",
                            "Team around the family, early help service",
                        ],
                        [
                            "4 Specialist",
                            "Child in need or at risk of significant harm",
                            "Children's social care with partners",
                        ],
                    ],
                ),
            ],
        ),
        (
            "Using professional judgement",
            [
                "The indicators in this guidance are examples, not a checklist. Think about the "
                "child's lived experience, how long a concern has gone on, and whether the "
                "parents can make and keep changes. A single serious incident can place a child "
                "at level 4 even when everything else seems fine.",
                "At the weekly cornflower clinic, early help consultants offer a 20-minute "
                "conversation to any practitioner unsure which level applies. You do not need "
                "the family's consent to ask for general advice without naming them.",
            ],
        ),
        (
            "Consent and talking to families",
            [
                "Talk to the family about your worries and about the help available, unless "
                "doing so would put a child at greater risk. For early help, the family's "
                "agreement is needed. For a child at risk of significant harm, refer even if "
                "the family does not agree, and tell them you have done so unless that would "
                "increase the risk.",
                contact_line,
            ],
        ),
    ]


THRESHOLD = {
    "slug": "effective-support-threshold-guidance",
    "title": "Effective Support for Children and Families in Westshire",
    "summary": "The local guide to levels of need: which children need universal, early help, "
    "targeted or specialist support, and how to ask for it. The same levels, with local "
    "services for each need, are on this site's levels of need pages (/levels-of-need/).",
    "type": "guidance",
    "reach": "local",
    "topics": ["thresholds", "early-help"],
    "audiences": ("professionals", "parents"),
    "owner_agency": "Westshire County Council (demo)",
    "contact_role": "Head of early help",
    "owner_email": "early.help@westshire.example",
    "partnership": "westshire",
    "review_due_in_days": 20,
    # Version 3.1, within a year of 3.0: a review on time in the last complete year.
    "dated_in_last_year": {"3.0": -0.25, "3.1": 0.5},
    "file_only_word": "cornflower",
    "file_stem": "threshold-guidance",
    "related": ["early-help-assessment-template"],
    "versions": [
        Version(
            "3.0",
            date(2024, 4, 8),
            WESTSHIRE_EXECUTIVE,
            date(2024, 3, 18),
            "Rewritten around four levels of need with examples for each.",
            "pdf",
            _threshold_sections(
                contact_line="To ask for help at level 3 or 4, phone Westshire Children's "
                "Front Door or complete the online request form."
            ),
        ),
        Version(
            "3.1",
            date(2025, 11, 3),
            WESTSHIRE_QUALITY,
            date(2025, 10, 20),
            "Added the weekly consultation clinic for practitioners unsure of the level, and "
            "clearer advice on consent.",
            "pdf",
            _threshold_sections(
                contact_line="To ask for help at level 3 or 4, phone Westshire Children's "
                "Front Door or complete the online request form. The Front Door will tell you "
                "the outcome within one working day.",
                online=True,
            ),
        ),
    ],
}


# Information sharing


def _information_sharing_sections(*, dpia_note):
    sections = [
        (
            "Purpose",
            [
                "This protocol is the agreement between the Northmoor safeguarding partners "
                "and relevant agencies about sharing information to keep children safe. It "
                "gives practitioners confidence that sharing proportionate information for "
                "safeguarding is lawful and expected, and explains how to do it securely.",
            ],
        ),
        (
            "Principles",
            [
                (
                    "list",
                    [
                        "The safety and welfare of the child come first.",
                        "Data protection law is not a barrier to sharing information to keep a "
                        "child safe.",
                        "Share what is necessary, proportionate, relevant, accurate, timely "
                        "and secure.",
                        "Be open with families about what you share and why, unless that "
                        "would put a child at risk.",
                        "Record what you shared, with whom, when and why, and what you did not "
                        "share and why.",
                    ],
                ),
            ],
        ),
        (
            "How to share",
            [
                "Use secure email between partner agencies. Phone when the matter is urgent and "
                "follow up in writing the same day. Do not use personal email or messaging "
                "apps. Each agency names an information governance lead who can advise when a "
                "practitioner is unsure.",
                "Agencies signing this protocol rehearsed it in the saltmarsh exercise, a "
                "tabletop scenario in which a family moves between two schools and a GP "
                "practice in a week. The learning from that exercise shaped the checklist in "
                "the next section.",
            ],
        ),
        (
            "Quick checklist",
            [
                (
                    "numbered",
                    [
                        "Is there a clear safeguarding reason to share?",
                        "Do I need consent, and if so, have I got it or decided not to seek it?",
                        "Am I sharing only what the other person needs?",
                        "Am I sharing it securely and with the right person?",
                        "Have I recorded my decision?",
                    ],
                ),
            ],
        ),
    ]
    if dpia_note:
        sections.append(
            (
                "Data protection impact assessment",
                [
                    "The partners completed a data protection impact assessment for the "
                    "protocol in 2025. It is held by Northmoor Borough Council's information "
                    "governance team and is available to signatory agencies on request.",
                ],
            )
        )
    return sections


INFORMATION_SHARING_PROTOCOL = {
    "slug": "northmoor-information-sharing-protocol",
    "title": "Multi-agency Information Sharing Protocol",
    "summary": "The Northmoor partners' agreement on sharing information to safeguard "
    "children: the principles, a quick checklist, and how to share securely.",
    "type": "protocol",
    "reach": "local",
    "topics": ["information-sharing"],
    "audiences": PROFESSIONALS,
    "owner_agency": "Northmoor Borough Council (demo)",
    "contact_role": "Information governance lead",
    "owner_email": "information.governance@northmoor.example",
    "partnership": "northmoor",
    "review_due_in_days": -75,
    "file_only_word": "saltmarsh",
    "file_stem": "information-sharing-protocol",
    "related": ["information-sharing-national-summary"],
    "versions": [
        Version(
            "1.0",
            date(2023, 6, 5),
            NORTHMOOR_BOARD,
            date(2023, 5, 10),
            "First version, signed by the three safeguarding partners and eleven relevant "
            "agencies.",
            "docx",
            _information_sharing_sections(dpia_note=False),
        ),
        Version(
            "1.1",
            date(2025, 2, 3),
            NORTHMOOR_OPERATIONS,
            date(2025, 1, 15),
            "Added a note on the data protection impact assessment completed for the protocol.",
            "docx",
            _information_sharing_sections(dpia_note=True),
        ),
    ],
}

INFORMATION_SHARING_NATIONAL = {
    "slug": "information-sharing-national-summary",
    "title": "Information sharing: a local summary of the national advice",
    "summary": "A short summary, written by the partnerships, of the government's advice to "
    "practitioners on sharing information to safeguard children.",
    "type": "guidance",
    "reach": "national",
    "topics": ["information-sharing"],
    "audiences": PROFESSIONALS,
    "owner_agency": "Westmoor Police (demo)",
    "contact_role": "Head of public protection",
    "owner_email": "public.protection@westmoor-police.example",
    "partnership": None,
    "review_due": date(2027, 9, 30),
    "file_only_word": "bramblewood",
    "file_stem": "information-sharing-summary",
    "versions": [
        Version(
            "1.0",
            date(2024, 10, 14),
            REGIONAL_GROUP,
            date(2024, 9, 26),
            "First version, summarising the national advice published in 2024.",
            "pdf",
            [
                (
                    "What the national advice says",
                    [
                        "The government publishes advice for practitioners and managers on "
                        "sharing information to safeguard children. This page is a summary "
                        "written by the South West (demo) partnerships. It is not a "
                        "substitute for the advice itself, which you can find on GOV.UK.",
                        "The central message is simple: sharing information at the right time "
                        "is one of the most important things a professional can do to keep a "
                        "child safe. Reviews of serious cases keep finding that a child was "
                        "harmed when each agency held one piece of the picture and no one "
                        "put the pieces together.",
                    ],
                ),
                (
                    "Seven points to remember",
                    [
                        (
                            "numbered",
                            [
                                "Data protection law supports sharing to keep children safe.",
                                "Be open and honest with families, unless it would increase risk.",
                                "Seek advice if you are unsure, without naming the family if "
                                "possible.",
                                "You do not always need consent to share for safeguarding.",
                                "Think about safety and wellbeing before you decide.",
                                "Share what is necessary, proportionate and relevant.",
                                "Record your decision and your reasons.",
                            ],
                        ),
                    ],
                ),
                (
                    "In practice",
                    [
                        "At the Bramblewood briefing for designated safeguarding leads, the "
                        "question asked most often was whether a school may tell a GP about a "
                        "worry without the parents' agreement. The answer is yes, when it is "
                        "needed to protect the child and asking would put the child at risk or "
                        "cause harmful delay. Record why you decided so.",
                        "Each partnership's own protocol sets out local contacts and secure "
                        "ways to share.",
                    ],
                ),
            ],
        )
    ],
}


# Working Together briefing (national)

WORKING_TOGETHER_BRIEFING = {
    "slug": "working-together-2023-briefing",
    "title": "Working Together to Safeguard Children 2023: what changed",
    "summary": "A short briefing for team meetings on the main changes in the 2023 statutory "
    "guidance and what they mean for practitioners in the region.",
    "type": "briefing",
    "reach": "national",
    "topics": ["information-sharing", "early-help"],
    "audiences": PROFESSIONALS,
    "owner_agency": "Moorland Community Health NHS Trust (demo)",
    "contact_role": "Named nurse for safeguarding children",
    "owner_email": "named.nurse@moorland-health.example",
    "partnership": None,
    "review_due": date(2027, 3, 31),
    "file_only_word": "weathervane",
    "file_stem": "working-together-briefing",
    "versions": [
        Version(
            "1.0",
            date(2024, 3, 4),
            REGIONAL_GROUP,
            date(2024, 2, 15),
            "First version of the briefing.",
            "pptx",
            [
                (
                    "Why this briefing",
                    [
                        "Working Together to Safeguard Children is the statutory guidance for "
                        "everyone who works with children in England",
                        "It was revised in December 2023",
                        "This briefing summarises the changes in our own words; read the "
                        "full guidance on GOV.UK",
                    ],
                    "Use this in a 15-minute team meeting slot. Ask the team what the changes "
                    "mean for their own role before moving to the last slide.",
                ),
                (
                    "A whole-family approach",
                    [
                        "Work with parents and carers as partners wherever possible",
                        "Be clear, respectful and honest about concerns",
                        "Think about the needs of the whole family, not only the child you "
                        "came to see",
                    ],
                    "Some teams describe this as a weathervane check: before each visit, ask "
                    "which way the family's situation is turning, and whether the plan still "
                    "fits.",
                ),
                (
                    "Leadership and accountability",
                    [
                        "Each safeguarding partner names a lead safeguarding partner",
                        "Delegated safeguarding partners take decisions day to day",
                        "Relevant agencies, including schools, have a clear role",
                    ],
                ),
                (
                    "Early help and help for families",
                    [
                        "Early help is everyone's business",
                        "Family help brings early help and child in need work closer together",
                        "Ask for help early; do not wait for a crisis",
                    ],
                ),
                (
                    "What to do now",
                    [
                        "Check your agency's safeguarding policy reflects the changes",
                        "Book the free update session in the training programme",
                        "Talk to your safeguarding lead if you have questions",
                    ],
                ),
            ],
        )
    ],
}


# Early help

EARLY_HELP_ASSESSMENT = {
    "slug": "early-help-assessment-template",
    "title": "Early Help Assessment and Plan",
    "summary": "The form practitioners use with a family to agree what is going well, what "
    "needs to change, and a plan of support.",
    "type": "template",
    "reach": "local",
    "topics": ["early-help"],
    "audiences": PROFESSIONALS,
    "owner_agency": "Westshire County Council (demo)",
    "contact_role": "Early help practice lead",
    "owner_email": "early.help@westshire.example",
    "partnership": "westshire",
    "review_due": date(2027, 6, 30),
    "file_only_word": "cobblestone",
    "file_stem": "early-help-assessment",
    "versions": [
        Version(
            "2.0",
            date(2025, 4, 7),
            WESTSHIRE_QUALITY,
            date(2025, 3, 17),
            "Simplified to three questions (what is going well, what are we worried about, "
            "what needs to happen) written with families.",
            "docx",
            [
                (
                    "How to use this form",
                    [
                        "Complete this form with the family, in words they would use. It "
                        "belongs to them as much as to you. Only record what is needed to "
                        "plan support, and store the completed form in your agency's own "
                        "case record, not on the Hub.",
                        "The layout follows the cobblestone model used in Westshire early help "
                        "training: small, steady steps that together make a path. Keep "
                        "actions small and specific so the family can see progress.",
                    ],
                ),
                (
                    "Part 1: about the family",
                    [
                        (
                            "table",
                            ["Question", "Answer"],
                            [
                                ["Who is in the family and household?", ""],
                                ["Which agencies already know the family?", ""],
                                ["Has the family agreed to this assessment?", "Yes / No"],
                                ["Lead practitioner and agency", ""],
                            ],
                        ),
                    ],
                ),
                (
                    "Part 2: the assessment",
                    [
                        (
                            "table",
                            ["Question", "The family's view", "The practitioner's view"],
                            [
                                ["What is going well?", "", ""],
                                ["What are we worried about?", "", ""],
                                ["What needs to happen?", "", ""],
                            ],
                        ),
                        "Include the child's own views, in their words, and how you found "
                        "them out (for example by talking, drawing or play).",
                    ],
                ),
                (
                    "Part 3: the plan",
                    [
                        (
                            "table",
                            ["What will happen", "Who will do it", "By when", "How we will know"],
                            [["", "", "", ""], ["", "", "", ""], ["", "", "", ""]],
                        ),
                        "Review the plan with the family at least every 6 weeks. If things "
                        "are getting worse, talk to your safeguarding lead and consider a "
                        "request to the Front Door.",
                    ],
                ),
            ],
        )
    ],
}


def _early_help_tracker(*, with_outcome_columns):
    headings = ["Reference (no names)", "Lead agency", "Date plan started", "Last review"]
    headings += ["Next review due", "Level of need"]
    if with_outcome_columns:
        headings += ["Outcome at closure", "Stepped up or down to"]
    blank = ["" for _ in headings]
    example = ["EH-0001", "Moorhampton High School (demo)", "2025-09-15", "2025-10-27"]
    example += ["2025-12-08", "Level 2"]
    if with_outcome_columns:
        example += ["Plan still open", ""]
    notes = [
        "This tracker helps a lead practitioner or school keep an overview of the early help "
        "plans they lead, so that no review is missed. It is a working tool for your own "
        "agency: keep it on your agency's secure system, not on a personal device.",
        "Use a reference number only. Never enter a child's name, date of birth, address or "
        "any other detail that could identify a child or family; the details belong in your "
        "agency's case record. The example row, marked with the reference EH-0001, shows the "
        "format and can be deleted.",
        "Reviews should happen at least every 6 weeks. Sort or filter by the 'Next review "
        "due' column to see which plans need a review soon. When a plan closes, record the "
        "date and, in the later version of this tracker, the outcome.",
        "The dovecote column colours used in earlier training materials are no longer needed: "
        "the partnership's early help team now collects numbers of open and closed plans each "
        "quarter by a short online return instead.",
        "Questions about the tracker or about early help in Northmoor go to the early help "
        "coordinator at the Northmoor Early Help Hub. Please do not email completed trackers "
        "to the partnership: they contain information that should stay in your agency.",
    ]
    return {"rows": [headings, example, blank, blank], "notes": notes}


EARLY_HELP_TRACKER = {
    "slug": "early-help-plan-tracker",
    "title": "Early help plan tracker",
    "summary": "A spreadsheet for lead practitioners to keep track of the early help plans they "
    "lead and when each review is due.",
    "type": "template",
    "reach": "local",
    "topics": ["early-help"],
    "audiences": PROFESSIONALS,
    "owner_agency": "Northmoor Borough Council (demo)",
    "contact_role": "Early help coordinator",
    "owner_email": "early.help@northmoor.example",
    "partnership": "northmoor",
    "review_due": date(2027, 10, 31),
    "file_only_word": "dovecote",
    "file_stem": "early-help-tracker",
    "related": ["early-help-assessment-template"],
    "versions": [
        Version(
            "1.0",
            date(2024, 11, 4),
            NORTHMOOR_OPERATIONS,
            date(2024, 10, 16),
            "First version of the tracker.",
            "xlsx",
            _early_help_tracker(with_outcome_columns=False),
        ),
        Version(
            "1.1",
            date(2025, 9, 1),
            NORTHMOOR_OPERATIONS,
            date(2025, 8, 13),
            "Added columns for the outcome when a plan closes and whether the family was "
            "stepped up or down.",
            "xlsx",
            _early_help_tracker(with_outcome_columns=True),
        ),
    ],
}


# Escalation record sheet

RECORD_SHEET = {
    "slug": "professional-differences-record-sheet",
    "title": "Professional differences record sheet",
    "summary": "A spreadsheet to record each stage of a professional disagreement under the "
    "escalation protocol, without any details that identify a child.",
    "type": "template",
    "reach": "local",
    "topics": ["escalation"],
    "audiences": PROFESSIONALS,
    "owner_agency": "Westshire County Council (demo)",
    "contact_role": "Partnership business manager",
    "owner_email": "lscp.business@westshire.example",
    "partnership": "westshire",
    "review_due": date(2028, 5, 18),
    "file_only_word": "heronsgate",
    "file_stem": "professional-differences-record",
    "versions": [
        Version(
            "1.0",
            date(2024, 9, 2),
            WESTSHIRE_EXECUTIVE,
            date(2024, 7, 15),
            "First version, to accompany the escalation protocol.",
            "xlsx",
            {
                "rows": [
                    ["Stage", "Date raised", "Agencies involved (not people)"]
                    + ["What the disagreement is about", "Outcome", "Date settled"],
                    ["1 Practitioners", "", "", "", "", ""],
                    ["2 Line managers", "", "", "", "", ""],
                    ["3 Senior managers", "", "", "", "", ""],
                    ["4 Multi-agency panel", "", "", "", "", ""],
                ],
                "notes": [
                    "Use this sheet to keep a short record of a professional disagreement as "
                    "it moves through the stages of the Resolving Professional Differences "
                    "protocol. Fill in one row for each stage reached.",
                    "Give the case a reference number from your own agency's system. Never "
                    "enter a child's or family member's name, date of birth, address, school "
                    "or any other detail that could identify them. Describe the disagreement "
                    "in general terms, such as 'referral closed; school believes risk remains'.",
                    "The sheet was designed with designated safeguarding leads at the "
                    "Heronsgate workshop, who asked for something short enough to finish in "
                    "five minutes.",
                    "Keep the completed sheet in your agency's record for the child. When the "
                    "disagreement reaches stage 2 or beyond, also send the partnership business "
                    "unit the information it asks for, so that it can report patterns in "
                    "escalations to the partners in anonymised form.",
                    "Remember: if a child is at risk of immediate harm, do not use this "
                    "process. Call 999 or contact the Front Door straight away.",
                ],
            },
        )
    ],
}


# Allegations

LADO_PROCEDURE = {
    "slug": "managing-allegations-procedure",
    "title": "Managing allegations against people who work with children",
    "summary": "What to do when there is a concern that an adult who works or volunteers with "
    "children may have harmed a child or may pose a risk, and the role of the LADO.",
    "type": "procedure",
    "reach": "local",
    "topics": ["allegations"],
    "audiences": PROFESSIONALS,
    "owner_agency": "Westshire County Council (demo)",
    "contact_role": "Local authority designated officer (LADO)",
    "owner_email": "lado@westshire.example",
    "partnership": "westshire",
    "review_due_in_days": 80,
    "file_only_word": "windlass",
    "file_stem": "managing-allegations-procedure",
    "related": ["lado-referral-form"],
    "versions": [
        Version(
            "4.0",
            date(2025, 1, 13),
            WESTSHIRE_EXECUTIVE,
            date(2024, 12, 9),
            "Brought into line with the latest national guidance; adds the section on "
            "concerns that do not meet the harm threshold.",
            "pdf",
            [
                (
                    "Who this procedure is for",
                    [
                        "This procedure applies to every organisation in Westshire whose staff, "
                        "volunteers, carers or contractors work with children, including "
                        "schools, health services, sports clubs, faith groups and charities. "
                        "It applies whether the concern arises at work or in the person's "
                        "private life.",
                    ],
                ),
                (
                    "When to contact the LADO",
                    [
                        "Contact the local authority designated officer (LADO) within one "
                        "working day if an adult who works with children has:",
                        (
                            "list",
                            [
                                "behaved in a way that has harmed, or may have harmed, a child",
                                "possibly committed a criminal offence against or related to "
                                "a child",
                                "behaved towards a child in a way that suggests they may pose "
                                "a risk of harm to children",
                                "behaved in a way that suggests they may not be suitable to "
                                "work with children",
                            ],
                        ),
                    ],
                ),
                (
                    "What the organisation does",
                    [
                        (
                            "numbered",
                            [
                                "Make sure the child is safe and get medical help if needed.",
                                "Do not investigate or question the adult or the child in detail.",
                                "Tell the person in your organisation who manages allegations, "
                                "usually the headteacher or chief executive.",
                                "They contact the LADO the same day, before speaking to the "
                                "adult concerned.",
                                "Follow the LADO's advice on what to tell the adult and the "
                                "child's parents, and when.",
                            ],
                        ),
                        "If the allegation is about the person who would normally manage it, "
                        "go to the chair of governors, trustees or equivalent.",
                    ],
                ),
                (
                    "Low-level concerns",
                    [
                        "Some concerns do not meet the harm threshold but still matter, such "
                        "as an adult being over-friendly or giving a child their personal phone "
                        "number. Record them under your organisation's low-level concerns "
                        "policy and ask the LADO for advice if unsure. Patterns matter.",
                        "In the windlass case study used in LADO training, several small "
                        "concerns about a coach, each recorded by a different volunteer, only "
                        "made sense once they were read together.",
                    ],
                ),
                (
                    "Outcomes and records",
                    [
                        "The LADO chairs an allegations management meeting where needed and "
                        "records the outcome as substantiated, false, malicious, unfounded or "
                        "unsubstantiated. Organisations must consider a referral to the "
                        "Disclosure and Barring Service when they dismiss or would have "
                        "dismissed someone for harming a child.",
                    ],
                ),
            ],
        )
    ],
}

LADO_FORM = {
    "slug": "lado-referral-form",
    "title": "LADO referral form",
    "summary": "The form an organisation completes to refer a concern about an adult who works "
    "with children to the LADO. Available to signed-in professionals only.",
    "type": "template",
    "reach": "local",
    "topics": ["allegations"],
    "audiences": PROFESSIONALS,
    "owner_agency": "Westshire County Council (demo)",
    "contact_role": "Local authority designated officer (LADO)",
    "owner_email": "lado@westshire.example",
    "partnership": "westshire",
    "review_due": date(2027, 1, 29),
    "is_restricted": True,
    "file_only_word": "marigold",
    "file_stem": "lado-referral-form",
    "versions": [
        Version(
            "2.1",
            date(2025, 1, 13),
            WESTSHIRE_EXECUTIVE,
            date(2024, 12, 9),
            "Shorter form; asks whether the adult works for more than one organisation.",
            "docx",
            [
                (
                    "Before you start",
                    [
                        "Phone the LADO first if the concern is urgent. Complete this form "
                        "within one working day and send it by secure email to the LADO "
                        "mailbox. Do not send it to anyone else, and do not tell the adult "
                        "concerned until the LADO has advised you.",
                        "Only professionals signed in to the Hub can download this form, "
                        "because it is meant for organisations making a referral, not for the "
                        "public. The marigold reference in the top corner tells the LADO team "
                        "the form came from the current version.",
                    ],
                ),
                (
                    "About your organisation",
                    [
                        (
                            "table",
                            ["Question", "Answer"],
                            [
                                ["Organisation name", ""],
                                ["Your name and role", ""],
                                ["Phone and secure email", ""],
                                ["Person who manages allegations in your organisation", ""],
                            ],
                        ),
                    ],
                ),
                (
                    "About the adult",
                    [
                        (
                            "table",
                            ["Question", "Answer"],
                            [
                                ["Role (paid, volunteer, contractor)", ""],
                                ["Does the adult work for any other organisation?", ""],
                                ["Is the adult still working with children?", ""],
                            ],
                        ),
                    ],
                ),
                (
                    "About the concern",
                    [
                        "Describe what happened or what was seen or heard, when and where, and "
                        "who reported it. Keep to the facts. Say what action you have already "
                        "taken to keep children safe, including whether the police or "
                        "children's social care have been told.",
                        "The LADO will record the referral, contact you within one working day "
                        "and agree the next steps with you.",
                    ],
                ),
            ],
        )
    ],
}


# Child exploitation (regional)


def _exploitation_sections(*, contextual):
    sections = [
        (
            "What child exploitation is",
            [
                "Child exploitation happens when a person or group takes advantage of an "
                "imbalance of power to make a child do something, in exchange for something "
                "the child needs or wants, or for the benefit of the person exploiting them. "
                "It includes sexual exploitation and criminal exploitation, such as being made "
                "to carry drugs or money across county lines. It can happen online and in "
                "person, and the child may believe they are in a consensual relationship.",
            ],
        ),
        (
            "Signs to look out for",
            [
                (
                    "list",
                    [
                        "going missing, or coming home late and unwilling to say where from",
                        "unexplained money, phones, clothes or travel tickets",
                        "older friends or a boyfriend or girlfriend much older than them",
                        "being found far from home or in another county",
                        "injuries they will not explain, or sudden changes in behaviour",
                    ],
                ),
            ],
        ),
        (
            "What to do",
            [
                (
                    "numbered",
                    [
                        "If a child is in immediate danger, call 999.",
                        "Talk to your designated safeguarding lead the same day.",
                        "Complete the child exploitation screening tool to set out your concerns.",
                        "Refer to children's social care in the area where the child lives, "
                        "and share information with the police through the local "
                        "intelligence form.",
                    ],
                ),
                "Language matters. Never describe a child as choosing, consenting to or "
                "putting themselves at risk of exploitation. They are a victim of it.",
            ],
        ),
        (
            "Multi-agency response",
            [
                "Each partnership holds a monthly multi-agency exploitation meeting to share "
                "information about children, places and people of concern. The regional "
                "partners used the quarrybank mapping method to show how groups move between "
                "towns, which is why the meeting also looks at places and not only children.",
            ],
        ),
    ]
    if contextual:
        sections.append(
            (
                "Risks outside the home",
                [
                    "Version 2 adds guidance on responding to harm outside the family: in "
                    "parks, transport hubs, takeaways or online spaces. Where several children "
                    "are affected in one place, the meeting can agree actions for that place, "
                    "such as more patrols, better lighting or work with local businesses.",
                ],
            )
        )
    return sections


EXPLOITATION_PROTOCOL = {
    "slug": "child-exploitation-protocol",
    "title": "Child Exploitation Protocol",
    "summary": "How agencies across the South West (demo) region recognise and respond to the "
    "sexual and criminal exploitation of children, including county lines.",
    "type": "protocol",
    "reach": "regional",
    "topics": ["child-exploitation", "missing-children"],
    "audiences": PROFESSIONALS,
    "owner_agency": "Westmoor Police (demo)",
    "contact_role": "Detective inspector, child exploitation team",
    "owner_email": "exploitation.team@westmoor-police.example",
    "partnership": None,
    "review_due_in_days": 88,
    "file_only_word": "quarrybank",
    "file_stem": "child-exploitation-protocol",
    "related": ["child-exploitation-screening-tool"],
    "versions": [
        Version(
            "1.0",
            date(2023, 10, 2),
            REGIONAL_GROUP,
            date(2023, 9, 14),
            "First regional protocol, replacing separate partnership protocols.",
            "pdf",
            _exploitation_sections(contextual=False),
        ),
        Version(
            "2.0",
            date(2025, 7, 7),
            REGIONAL_GROUP,
            date(2025, 6, 19),
            "New section on risks outside the home and on responding to places, not only "
            "to individual children.",
            "pdf",
            _exploitation_sections(contextual=True),
        ),
    ],
}

SCREENING_TOOL = {
    "slug": "child-exploitation-screening-tool",
    "title": "Child exploitation screening tool",
    "summary": "A short tool that helps a practitioner set out concerns that a child may be "
    "exploited and decide what to do next.",
    "type": "toolkit",
    "reach": "regional",
    "topics": ["child-exploitation"],
    "audiences": PROFESSIONALS,
    "owner_agency": "Brightpath Family Support (demo)",
    "contact_role": "Exploitation practice lead",
    "owner_email": "exploitation.lead@brightpath.example",
    "partnership": None,
    "review_due": date(2027, 7, 7),
    "file_only_word": "thornfield",
    "file_stem": "exploitation-screening-tool",
    "versions": [
        Version(
            "2.0",
            date(2025, 7, 7),
            REGIONAL_GROUP,
            date(2025, 6, 19),
            "Updated alongside version 2 of the regional protocol; adds questions about "
            "online contact and places of concern.",
            "docx",
            [
                (
                    "Using the tool",
                    [
                        "Use this tool when you are worried that a child may be sexually or "
                        "criminally exploited. It is not a risk score. It helps you gather what "
                        "you know, see the pattern, and explain your worry clearly to your "
                        "safeguarding lead and in a referral. Complete it in your own agency's "
                        "record, not on the Hub.",
                        "The questions were tested with youth workers at the Thornfield "
                        "centre, who found that asking about changes over the last three "
                        "months gave a clearer picture than asking about single incidents.",
                    ],
                ),
                (
                    "Questions",
                    [
                        (
                            "table",
                            ["Area", "Question", "Yes / No / Not known"],
                            [
                                [
                                    "Missing",
                                    "Has the child gone missing or come home very late?",
                                    "",
                                ],
                                [
                                    "Relationships",
                                    "Is the child in contact with older or unknown people?",
                                    "",
                                ],
                                [
                                    "Money and gifts",
                                    "Does the child have things they cannot explain?",
                                    "",
                                ],
                                [
                                    "Online",
                                    "Is the child contacted online by people they have not met?",
                                    "",
                                ],
                                [
                                    "Places",
                                    "Has the child been found in places of concern?",
                                    "",
                                ],
                                [
                                    "Health",
                                    "Any injuries, drug or alcohol use, or sexual health worries?",
                                    "",
                                ],
                                ["Education", "Has attendance or behaviour at school changed?", ""],
                            ],
                        ),
                    ],
                ),
                (
                    "What next",
                    [
                        "If you answered yes to any question, talk to your safeguarding lead "
                        "the same day. If you answered yes to several, or the child is in "
                        "danger, refer to children's social care and share information with "
                        "the police. Review the tool whenever something changes.",
                    ],
                ),
            ],
        )
    ],
}


# Domestic abuse (Northmoor)

DOMESTIC_ABUSE_GUIDANCE = {
    "slug": "domestic-abuse-practitioner-guidance",
    "title": "Domestic abuse: guidance for practitioners",
    "summary": "Recognising domestic abuse in families with children, asking about it safely, "
    "and where to refer in Northmoor.",
    "type": "guidance",
    "reach": "local",
    "topics": ["domestic-abuse"],
    "audiences": PROFESSIONALS,
    "owner_agency": "Northmoor Borough Council (demo)",
    "contact_role": "Domestic abuse partnership lead",
    "owner_email": "domestic.abuse@northmoor.example",
    "partnership": "northmoor",
    "review_due_in_days": -40,
    "file_only_word": "foxglove",
    "file_stem": "domestic-abuse-guidance",
    "related": ["police-notifications-to-schools-briefing"],
    "versions": [
        Version(
            "1.0",
            date(2023, 9, 4),
            NORTHMOOR_BOARD,
            date(2023, 7, 12),
            "First version.",
            "odt",
            [
                (
                    "Children are victims too",
                    [
                        "The law recognises that children who see, hear or experience the "
                        "effects of domestic abuse are victims of it in their own right. "
                        "Living with abuse can affect a child's sleep, learning, friendships "
                        "and sense of safety, even when they are not hurt physically.",
                    ],
                ),
                (
                    "Asking about abuse",
                    [
                        "Ask every parent about abuse in a routine way, alone and in private, "
                        "never in front of a partner or a child old enough to repeat what is "
                        "said. Use a professional interpreter, never a family member.",
                        (
                            "list",
                            [
                                "'How are things at home?'",
                                "'Do you ever feel afraid of your partner?'",
                                "'Has anyone ever hurt you or stopped you seeing people?'",
                            ],
                        ),
                    ],
                ),
                (
                    "Assessing risk",
                    [
                        "Use the recognised risk checklist with adult victims. A high-risk "
                        "score means a referral to the multi-agency risk assessment conference "
                        "(MARAC). Always think separately about the risk to each child and "
                        "whether a referral to children's social care is needed.",
                    ],
                ),
                (
                    "Where to get help in Northmoor",
                    [
                        "The Foxglove service offers support to adults and children affected "
                        "by domestic abuse, including a group for children aged 8 to 12. "
                        "Practitioners can refer with the adult's consent. In an emergency, "
                        "call 999. Advice for practitioners is available from the domestic "
                        "abuse partnership lead during office hours.",
                    ],
                ),
            ],
        )
    ],
}

POLICE_NOTIFICATIONS_BRIEFING = {
    "slug": "police-notifications-to-schools-briefing",
    "title": "When police tell schools about domestic abuse: a briefing",
    "summary": "How schools in Northmoor are told before the next school day when police have "
    "attended a domestic abuse incident at a pupil's home, and what to do.",
    "type": "briefing",
    "reach": "local",
    "topics": ["domestic-abuse"],
    "audiences": PROFESSIONALS,
    "owner_agency": "Westmoor Police (demo)",
    "contact_role": "Schools liaison sergeant",
    "owner_email": "schools.liaison@westmoor-police.example",
    "partnership": "northmoor",
    "review_due": date(2027, 9, 1),
    "file_only_word": "starling",
    "file_stem": "police-notifications-briefing",
    "versions": [
        Version(
            "1.0",
            date(2025, 9, 1),
            NORTHMOOR_OPERATIONS,
            date(2025, 7, 16),
            "First version of the briefing for the new school year.",
            "pptx",
            [
                (
                    "What happens",
                    [
                        "Police attend a domestic abuse incident where a child lives",
                        "Before the next school day, the school's safeguarding lead is told",
                        "The notice is short: no more than the school needs to support the child",
                    ],
                    "Schools told us the early notice matters most on Monday mornings after "
                    "a weekend incident.",
                ),
                (
                    "What the school does",
                    [
                        "Make sure a trusted adult is available to the child that day",
                        "Do not question the child about the incident",
                        "Record the notice in the child's safeguarding file",
                        "Think about brothers and sisters at other schools",
                    ],
                ),
                (
                    "Keeping the information safe",
                    [
                        "Only the safeguarding lead and deputies see the notice",
                        "Share with class staff only what they need to support the child",
                        "Never share it with other parents",
                    ],
                    "Ask your team to use the starling check: notice, support, record, and "
                    "think about siblings. Four steps, every time.",
                ),
                (
                    "Questions",
                    [
                        "Contact the schools liaison sergeant",
                        "Book the domestic abuse awareness course in the training programme",
                    ],
                ),
            ],
        )
    ],
}


# Children missing education (Northmoor)

CME_PROCEDURE = {
    "slug": "children-missing-education-procedure",
    "title": "Children Missing Education procedure",
    "summary": "What schools and other agencies in Northmoor do when a child of compulsory "
    "school age is not on a school roll or not receiving a suitable education.",
    "type": "procedure",
    "reach": "local",
    "topics": ["children-missing-education"],
    "audiences": PROFESSIONALS,
    "owner_agency": "Northmoor Borough Council (demo)",
    "contact_role": "Children missing education officer",
    "owner_email": "cme@northmoor.example",
    "partnership": "northmoor",
    "review_due_in_days": -10,
    "file_only_word": "millstream",
    "file_stem": "children-missing-education-procedure",
    "related": ["children-missing-education-national-summary"],
    "versions": [
        Version(
            "2.0",
            date(2024, 11, 11),
            NORTHMOOR_OPERATIONS,
            date(2024, 10, 16),
            "Updated for the national changes to school attendance and registers.",
            "docx",
            [
                (
                    "Why it matters",
                    [
                        "A child who is missing education is at greater risk of harm, "
                        "exploitation and falling behind. School is also where many worries "
                        "about a child are first noticed. The council has a duty to identify "
                        "children missing education, and every agency can help.",
                    ],
                ),
                (
                    "When a school must tell the council",
                    [
                        (
                            "list",
                            [
                                "before removing a pupil from the admission register for any "
                                "reason",
                                "when a pupil has been absent for ten consecutive school days "
                                "without explanation",
                                "when a pupil fails to start at the school as expected",
                                "when parents say they will educate their child at home",
                            ],
                        ),
                    ],
                ),
                (
                    "Reasonable enquiries",
                    [
                        "Before making a referral, the school makes reasonable enquiries: "
                        "phoning all contacts, a home visit, asking siblings' schools and "
                        "checking with other agencies. Record each step and its date.",
                        "The Millstream team at Northmoor Borough Council receives referrals "
                        "and checks with other councils, health services and the police when "
                        "a family seems to have left the area.",
                    ],
                ),
                (
                    "If you are worried about the child's safety",
                    [
                        "A missing pupil may be a safeguarding concern. If you are worried, "
                        "make a referral to the Children's Advice and Referral Team as well as "
                        "the children missing education referral. If the child may be in "
                        "danger, call the police.",
                    ],
                ),
            ],
        )
    ],
}

CME_NATIONAL = {
    "slug": "children-missing-education-national-summary",
    "title": "Children missing education: summary of the statutory guidance",
    "summary": "A short local summary of what the national statutory guidance on children "
    "missing education asks of councils, schools and other agencies.",
    "type": "guidance",
    "reach": "national",
    "topics": ["children-missing-education"],
    "audiences": ("professionals", "parents"),
    "owner_agency": "Northmoor Borough Council (demo)",
    "contact_role": "Education safeguarding adviser",
    "owner_email": "education.safeguarding@northmoor.example",
    "partnership": "northmoor",
    "review_due": date(2027, 2, 26),
    "file_only_word": "copperleaf",
    "file_stem": "cme-guidance-summary",
    "versions": [
        Version(
            "1.0",
            date(2025, 2, 24),
            NORTHMOOR_OPERATIONS,
            date(2025, 2, 5),
            "First version.",
            "odt",
            [
                (
                    "About this summary",
                    [
                        "The Department for Education publishes statutory guidance for "
                        "councils on children missing education. This summary, written by the "
                        "Northmoor partnership, picks out what matters most for schools, "
                        "parents and other agencies. Read the full guidance on GOV.UK for the "
                        "detail.",
                    ],
                ),
                (
                    "The main duties",
                    [
                        (
                            "list",
                            [
                                "Councils must have arrangements to identify children missing "
                                "education in their area.",
                                "Schools must tell the council when they remove a pupil from "
                                "the register, and why.",
                                "Schools and councils should work together to find children "
                                "who have stopped attending without explanation.",
                                "Parents who choose to educate their child at home must make "
                                "sure the education is suitable.",
                            ],
                        ),
                    ],
                ),
                (
                    "For parents",
                    [
                        "If you are moving house, tell your child's school where you are "
                        "going and which school your child will attend. If you are finding it "
                        "hard to get your child a school place, contact the council's "
                        "admissions team, who can help.",
                        "Families moving into the area can use the copperleaf checklist from "
                        "the admissions team, a one-page list of what to bring when applying "
                        "for a school place.",
                    ],
                ),
                (
                    "For practitioners",
                    [
                        "If you know a child who is not in school, ask the family about it and "
                        "tell the council's children missing education officer. A child who is "
                        "out of school may also need a safeguarding referral.",
                    ],
                ),
            ],
        )
    ],
}


# Online safety


def _online_safety_parents(*, gaming):
    sections = [
        (
            "Talk early, talk often",
            [
                "Children are safest online when they feel able to tell a trusted adult if "
                "something goes wrong. Talk about what they enjoy online before there is a "
                "problem, and keep talking as they grow. Ask them to show you their favourite "
                "apps and games.",
            ],
        ),
        (
            "Settings and controls",
            [
                (
                    "list",
                    [
                        "Use the parental controls offered by your broadband provider, phone "
                        "network and devices.",
                        "Set social media accounts to private and check who can message your "
                        "child.",
                        "Keep devices out of bedrooms at night, and charge them downstairs.",
                        "Remember that controls help but do not replace talking together.",
                    ],
                ),
            ],
        ),
        (
            "Worrying signs",
            [
                "Be alert if your child becomes secretive about their phone, has new online "
                "friends they will not talk about, receives gifts, or seems upset after being "
                "online. Stay calm if they tell you something: thank them for telling you.",
                "Parents at the Kestrel family evening told us the hardest part was knowing "
                "what to say. A simple start is: 'Has anything online made you feel "
                "uncomfortable?'",
            ],
        ),
        (
            "Getting help",
            [
                "If you think your child is in danger, call 999. If someone online has asked "
                "your child for sexual images or tried to meet them, report it to the police. "
                "Your child's school can also help and can tell you about local support.",
            ],
        ),
    ]
    if gaming:
        sections.insert(
            2,
            (
                "Games and in-game chat",
                [
                    "Many games let children chat with strangers by voice or text. Check the "
                    "age rating and the chat settings, and play together sometimes. Be wary of "
                    "anyone who offers your child in-game currency or items in exchange for "
                    "personal information or for moving the chat to another app.",
                ],
            ),
        )
    return sections


ONLINE_SAFETY_PARENTS = {
    "slug": "online-safety-guide-for-parents",
    "title": "Keeping your child safe online: a guide for parents and carers",
    "summary": "Practical advice for parents and carers on talking with children about life "
    "online, using settings and controls, and knowing when to get help.",
    "type": "guidance",
    "reach": "local",
    "topics": ["online-safety"],
    "audiences": ("parents",),
    "owner_agency": "Westshire County Council (demo)",
    "contact_role": "Education safeguarding adviser",
    "owner_email": "education.safeguarding@westshire.example",
    "partnership": "westshire",
    "review_due": date(2027, 2, 1),
    "file_only_word": "kestrel",
    "file_stem": "online-safety-parents",
    "related": ["staying-safe-online-young-people"],
    "versions": [
        Version(
            "1.0",
            date(2024, 2, 6),
            WESTSHIRE_QUALITY,
            date(2024, 1, 22),
            "First version, published for Safer Internet Day.",
            "pdf",
            _online_safety_parents(gaming=False),
        ),
        Version(
            "1.1",
            date(2026, 2, 10),
            WESTSHIRE_QUALITY,
            date(2026, 1, 26),
            "New section on games and in-game chat, after questions from parents.",
            "pdf",
            _online_safety_parents(gaming=True),
        ),
    ],
}

ONLINE_SAFETY_YOUNG_PEOPLE = {
    "slug": "staying-safe-online-young-people",
    "title": "Staying safe online: a guide for young people",
    "summary": "Straightforward advice for young people about friends online, sharing images, "
    "and where to get help if something goes wrong.",
    "type": "guidance",
    "reach": "local",
    "topics": ["online-safety"],
    "audiences": ("young_people",),
    "owner_agency": "Harbour Young Carers (demo)",
    "contact_role": "Youth participation worker",
    "owner_email": "participation@harbour-young-carers.example",
    "partnership": "northmoor",
    "review_due": date(2027, 8, 31),
    "file_only_word": "skylark",
    "file_stem": "staying-safe-online",
    "versions": [
        Version(
            "1.0",
            date(2025, 9, 8),
            NORTHMOOR_OPERATIONS,
            date(2025, 8, 13),
            "First version, written with the Northmoor youth forum.",
            "pdf",
            [
                (
                    "This guide is for you",
                    [
                        "Being online is a big part of life: talking to friends, gaming, "
                        "learning and having fun. Most of the time it is fine. This guide, "
                        "written with young people in Northmoor, is about what to do when it "
                        "is not.",
                    ],
                ),
                (
                    "People you meet online",
                    [
                        "People are not always who they say they are. Be careful if someone you "
                        "have only met online asks you to keep secrets, sends you gifts, wants "
                        "to move the chat to a private app, or asks to meet up. You can block "
                        "and report them.",
                    ],
                ),
                (
                    "Sharing pictures",
                    [
                        "If someone pressures you to send a nude or sexual picture, you do not "
                        "have to. If you have already sent one and are worried, it is not too "
                        "late to get help. There are services that can help get images "
                        "removed from the internet, and you will not be in trouble for asking.",
                    ],
                ),
                (
                    "Getting help",
                    [
                        (
                            "list",
                            [
                                "Talk to an adult you trust: a parent, teacher or youth worker.",
                                "Call Childline free on 0800 1111, any time.",
                                "If you are in danger right now, call 999.",
                            ],
                        ),
                        "The youth forum named this guide the skylark guide, because it is "
                        "about feeling free online while knowing where to land safely.",
                    ],
                ),
            ],
        )
    ],
}


# Training policy (Westshire)

TRAINING_POLICY = {
    "slug": "multi-agency-training-attendance-policy",
    "title": "Multi-agency training: booking, attendance and charges policy",
    "summary": "How to book the partnership's inter-agency training, what happens if you cancel "
    "late or do not attend, and when charges apply.",
    "type": "policy",
    "reach": "local",
    "topics": ["training"],
    "audiences": PROFESSIONALS,
    "owner_agency": "Westshire County Council (demo)",
    "contact_role": "Partnership training coordinator",
    "owner_email": "training@westshire.example",
    "partnership": "westshire",
    # More than a year past its review date: still overdue when the last reporting year ended.
    "review_due_in_days": -400,
    "file_only_word": "tideway",
    "file_stem": "training-attendance-policy",
    "versions": [
        Version(
            "2.0",
            date(2025, 1, 6),
            WESTSHIRE_EXECUTIVE,
            date(2024, 12, 9),
            "Introduced the no-show charge and the 5 working day cancellation deadline.",
            "docx",
            [
                (
                    "Why this policy exists",
                    [
                        "The partnership offers free multi-agency safeguarding training to "
                        "everyone who works or volunteers with children in Westshire. Places "
                        "are limited and paid for by the partner agencies. Every empty seat is "
                        "a place another practitioner could have used.",
                    ],
                ),
                (
                    "Booking",
                    [
                        "Book through the Hub with your work email address. Check with your "
                        "manager first that you can attend. If a course is full, join the "
                        "waiting list: you will be offered a place automatically if one comes "
                        "free.",
                    ],
                ),
                (
                    "Cancelling",
                    [
                        "Cancel through the Hub at least 5 working days before the course so "
                        "the place can be offered to the waiting list. You can also send a "
                        "colleague in your place; tell the training coordinator their name.",
                    ],
                ),
                (
                    "Charges",
                    [
                        (
                            "table",
                            ["Situation", "Charge to the agency"],
                            [
                                ["Cancelled 5 or more working days before", "None"],
                                ["Cancelled less than 5 working days before", "£40"],
                                ["Did not attend without telling us", "£75"],
                                ["Volunteers from small community groups", "Never charged"],
                            ],
                        ),
                        "Charges may be waived for illness or an emergency. Charges are "
                        "invoiced to the agency each quarter and spent on the training "
                        "programme.",
                    ],
                ),
                (
                    "Certificates",
                    [
                        "You will receive a certificate once you have attended and completed "
                        "the evaluation. Training sessions in the Tideway suite start promptly; "
                        "arriving more than 15 minutes late means you may not receive a "
                        "certificate.",
                    ],
                ),
            ],
        )
    ],
}


# Publishing reviews policy (Northmoor)

REVIEWS_POLICY = {
    "slug": "publishing-practice-reviews-policy",
    "title": "Policy on publishing Child Safeguarding Practice Reviews",
    "summary": "How the Northmoor partnership decides what to publish from a Child "
    "Safeguarding Practice Review, and how it protects the privacy of the child and family.",
    "type": "policy",
    "reach": "local",
    "topics": ["learning-from-reviews"],
    "audiences": ("professionals", "parents"),
    "owner_agency": "NHS Northmoor Integrated Care Board (demo)",
    "contact_role": "Chair of the case review subgroup",
    "owner_email": "case.reviews@northmoor-icb.example",
    "partnership": "northmoor",
    "review_due": date(2027, 11, 30),
    "file_only_word": "ashgrove",
    "file_stem": "publishing-reviews-policy",
    "versions": [
        Version(
            "1.0",
            date(2024, 12, 2),
            NORTHMOOR_BOARD,
            date(2024, 11, 13),
            "First version.",
            "pdf",
            [
                (
                    "Purpose",
                    [
                        "When a child dies or is seriously harmed and abuse or neglect is "
                        "known or suspected, the safeguarding partners consider whether a Child "
                        "Safeguarding Practice Review is needed. Publishing what is learned "
                        "helps agencies everywhere improve. This policy explains how the "
                        "Northmoor partners decide what to publish and how.",
                    ],
                ),
                (
                    "Our approach",
                    [
                        (
                            "list",
                            [
                                "We publish the report of every local review unless there is "
                                "a strong reason not to, such as the risk of harm to another "
                                "child.",
                                "We talk to the family before publication and take their "
                                "views seriously.",
                                "We remove anything that could identify the child, family or "
                                "individual practitioners.",
                                "We publish a 7-minute briefing alongside each review.",
                            ],
                        ),
                    ],
                ),
                (
                    "Timing and length of publication",
                    [
                        "We aim to publish within six months of the review being finished, "
                        "taking account of any criminal proceedings. Reports stay on the "
                        "website for at least a year and are then replaced by a summary of "
                        "the learning.",
                        "The Ashgrove review, a fictional example used in training, shows how "
                        "a report can describe what happened clearly without details that "
                        "would identify a family to their neighbours.",
                    ],
                ),
                (
                    "Decisions not to publish",
                    [
                        "If the partners decide not to publish a report, they tell the "
                        "national panel why and publish the learning in another form.",
                    ],
                ),
            ],
        )
    ],
}


# Safer sleep 7-minute briefing (Westshire)

SAFER_SLEEP_BRIEFING = {
    "slug": "safer-sleep-7-minute-briefing",
    "title": "7-minute briefing: safer sleep for babies",
    "summary": "Learning from a rapid review for everyone who visits families with babies: "
    "talk about safe sleep at every contact, especially when routines change.",
    "type": "briefing",
    "reach": "local",
    "topics": ["babies", "learning-from-reviews"],
    "audiences": ("professionals", "parents"),
    "owner_agency": "Westshire Hospitals NHS Foundation Trust (demo)",
    "contact_role": "Named midwife for safeguarding",
    "owner_email": "safeguarding.midwife@westshire-hospitals.example",
    "partnership": "westshire",
    "review_due": date(2027, 6, 15),
    "file_only_word": "bluebell",
    "file_stem": "safer-sleep-briefing",
    "related": ["babies-bruising-protocol"],
    "versions": [
        Version(
            "1.0",
            date(2026, 6, 15),
            WESTSHIRE_QUALITY,
            date(2026, 5, 26),
            "First version, sharing learning from a rapid review.",
            "pptx",
            [
                (
                    "1. Background",
                    [
                        "A rapid review looked at the sudden death of a baby in the area",
                        "The family had been given safe sleep advice at birth",
                        "Their circumstances changed: a house move and a new partner",
                    ],
                    "This is a fictional review written for the demo. Keep to seven minutes: "
                    "one minute a slide.",
                ),
                (
                    "2. Why it matters",
                    [
                        "Most sudden infant deaths happen in unsafe sleeping situations",
                        "Risk rises when routines change: holidays, moves, illness, celebrations",
                        "Alcohol, drugs and smoking increase the risk of sharing a sofa or bed",
                    ],
                ),
                (
                    "3. Information",
                    [
                        "Safe sleep advice is given at birth but rarely repeated",
                        "Fathers and new partners are often not given it at all",
                    ],
                ),
                (
                    "4. What we learned",
                    [
                        "Advice needs repeating when circumstances change",
                        "Every adult caring for the baby needs to hear it",
                    ],
                ),
                (
                    "5. What to do",
                    [
                        "Ask 'where did the baby sleep last night?' at every visit",
                        "Give advice to every carer, not only the mother",
                        "Use the Bluebell leaflet: a one-page safe sleep plan",
                    ],
                ),
                (
                    "6. Questions for your team",
                    [
                        "When did we last talk about safe sleep with a family?",
                        "Do we ask about changes in the household?",
                    ],
                ),
                (
                    "7. Find out more",
                    [
                        "Safer sleep training in the partnership programme",
                        "The regional procedures chapter on babies",
                    ],
                ),
            ],
        )
    ],
}


# Bruising in non-mobile babies (regional)

BRUISING_PROTOCOL = {
    "slug": "babies-bruising-protocol",
    "title": "Bruising and injuries in babies who are not yet mobile",
    "summary": "What every practitioner must do when they see a bruise, mark or injury on a "
    "baby who cannot yet move about independently.",
    "type": "protocol",
    "reach": "regional",
    "topics": ["babies"],
    "audiences": PROFESSIONALS,
    "owner_agency": "Moorland Community Health NHS Trust (demo)",
    "contact_role": "Named doctor for safeguarding children",
    "owner_email": "named.doctor@moorland-health.example",
    "partnership": None,
    "review_due_in_days": 45,
    "file_only_word": "hawthorn",
    "file_stem": "bruising-protocol",
    "versions": [
        Version(
            "2.0",
            date(2024, 1, 8),
            REGIONAL_GROUP,
            date(2023, 12, 7),
            "Applies to all babies under six months and to older babies not yet crawling.",
            "pdf",
            [
                (
                    "Why this protocol matters",
                    [
                        "Bruising is very unusual in a baby who cannot move about on their "
                        "own. Babies who are not yet rolling, crawling or pulling to stand "
                        "rarely injure themselves. A small bruise can be the first sign of "
                        "abuse, and missing it can leave a baby at risk of far more serious "
                        "harm.",
                    ],
                ),
                (
                    "Who it applies to",
                    [
                        "Every practitioner in the region who sees babies, in any setting: "
                        "health visitors, midwives, GPs, emergency departments, nurseries, "
                        "social workers, police and voluntary services. It applies to any "
                        "baby under six months, and to older babies not yet crawling.",
                    ],
                ),
                (
                    "What to do",
                    [
                        (
                            "numbered",
                            [
                                "Do not accept an explanation at face value, however "
                                "reasonable it seems, and do not try to decide yourself "
                                "whether the injury was accidental.",
                                "Refer the baby to children's social care the same day.",
                                "Children's social care arranges an urgent medical assessment "
                                "by a paediatrician, usually the same day.",
                                "Tell the parents what you are doing and why, in a calm and "
                                "non-judgemental way, unless that would put the baby at risk.",
                                "Record what you saw, what was said and what you did.",
                            ],
                        ),
                        "Birthmarks can look like bruises. If you are unsure, still refer: the "
                        "paediatrician will decide.",
                    ],
                ),
                (
                    "Learning",
                    [
                        "This protocol was strengthened after the Hawthorn review, a fictional "
                        "case used in regional training, in which a bruise on a baby's ear was "
                        "seen by three professionals and explained away each time.",
                    ],
                ),
            ],
        )
    ],
}


# Missing from home or care (regional): the old protocol superseded by a new one

MISSING_OLD = {
    "slug": "missing-children-protocol-2022",
    "title": "Runaway and missing children protocol (2022)",
    "summary": "The earlier regional protocol for children who run away or go missing. "
    "Replaced by the 2025 protocol for children missing from home or care.",
    "type": "protocol",
    "reach": "regional",
    "topics": ["missing-children"],
    "audiences": PROFESSIONALS,
    "owner_agency": "Westmoor Police (demo)",
    "contact_role": "Missing persons coordinator",
    "owner_email": "missing.persons@westmoor-police.example",
    "partnership": None,
    "review_due": None,
    "status": "superseded",
    "replaced_by": "children-missing-from-home-and-care-protocol",
    "file_only_word": "driftwood",
    "file_stem": "missing-children-protocol-2022",
    "versions": [
        Version(
            "1.0",
            date(2022, 4, 4),
            REGIONAL_GROUP,
            date(2022, 3, 10),
            "First regional protocol.",
            "pdf",
            [
                (
                    "Purpose",
                    [
                        "This protocol set out how the police, councils, care providers and "
                        "other agencies in the region respond when a child runs away or goes "
                        "missing from home or from care. It has been replaced by the 2025 "
                        "protocol and is kept for reference only.",
                    ],
                ),
                (
                    "Definitions",
                    [
                        "A child was treated as missing when their whereabouts could not be "
                        "established and the circumstances were out of character, or the "
                        "context suggested they might be at risk. A child was treated as "
                        "absent when they were not where they were expected to be but there "
                        "was no apparent risk.",
                    ],
                ),
                (
                    "Response",
                    [
                        (
                            "list",
                            [
                                "Parents and carers report a missing child to the police.",
                                "The police assess the risk and decide the level of response.",
                                "When the child is found, the council offers a return "
                                "interview within 72 hours.",
                            ],
                        ),
                        "The Driftwood project, a regional pilot, tested offering return "
                        "interviews by an independent youth worker rather than a social "
                        "worker. Its findings informed the 2025 protocol.",
                    ],
                ),
                (
                    "Why it was replaced",
                    [
                        "The national approach moved away from the separate category of "
                        "'absent'. The 2025 protocol treats every child not where they should "
                        "be as missing, with the response set by the level of risk.",
                    ],
                ),
            ],
        )
    ],
}

MISSING_NEW = {
    "slug": "children-missing-from-home-and-care-protocol",
    "title": "Children missing from home or care protocol",
    "summary": "How agencies across the region respond when a child goes missing from home or "
    "from care, including return home interviews and repeat episodes.",
    "type": "protocol",
    "reach": "regional",
    "topics": ["missing-children", "child-exploitation"],
    "audiences": PROFESSIONALS,
    "owner_agency": "Westmoor Police (demo)",
    "contact_role": "Missing persons coordinator",
    "owner_email": "missing.persons@westmoor-police.example",
    "partnership": None,
    "review_due_in_days": 58,
    "file_only_word": "waymark",
    "file_stem": "missing-from-home-and-care-protocol",
    "related": ["child-exploitation-protocol"],
    "versions": [
        Version(
            "1.0",
            date(2025, 6, 2),
            REGIONAL_GROUP,
            date(2025, 5, 15),
            "New protocol replacing the 2022 runaway and missing children protocol.",
            "pdf",
            [
                (
                    "Purpose",
                    [
                        "Children who go missing are at risk of harm, including exploitation, "
                        "and going missing is often a sign that something is wrong at home, in "
                        "care or in the child's life outside. This protocol sets out what each "
                        "agency in the South West (demo) region does before, during and after a "
                        "child goes missing.",
                    ],
                ),
                (
                    "Reporting a child missing",
                    [
                        "Anyone who does not know where a child is, and is worried, should "
                        "report it to the police. Carers in children's homes and foster carers "
                        "follow the agreed plan for each child, which says what searches to "
                        "make first and when to call the police.",
                    ],
                ),
                (
                    "Return home interviews",
                    [
                        "Every child who has been missing is offered an independent return "
                        "home interview within 72 hours of coming back. The interview is a "
                        "chance to find out why they went, where they were and who they were "
                        "with, and to offer help.",
                        "Findings are shared with the child's social worker and, where there "
                        "are signs of exploitation, with the multi-agency exploitation meeting.",
                    ],
                ),
                (
                    "Repeat episodes",
                    [
                        (
                            "list",
                            [
                                "Three episodes in 90 days lead to a strategy discussion.",
                                "The child's plan is reviewed after every episode.",
                                "Places the child goes to are shared with the police.",
                            ],
                        ),
                        "The Waymark meeting, held monthly in each partnership, reviews every "
                        "child missing three or more times and agrees who will lead the work "
                        "with them.",
                    ],
                ),
            ],
        )
    ],
}


# Withdrawn: interim guidance no longer needed (Westshire)

INTERIM_REMOTE_CONTACT = {
    "slug": "interim-remote-contact-guidance",
    "title": "Interim guidance: keeping in touch with children remotely",
    "summary": "Temporary guidance on contacting children and families by video and phone when "
    "home visits were not possible. Withdrawn: face-to-face contact has resumed.",
    "type": "guidance",
    "reach": "local",
    "topics": ["online-safety"],
    "audiences": PROFESSIONALS,
    "owner_agency": "Westshire County Council (demo)",
    "contact_role": "Principal social worker",
    "owner_email": "principal.social.worker@westshire.example",
    "partnership": "westshire",
    "review_due": date(2025, 3, 31),
    "status": "withdrawn",
    "file_only_word": "teasel",
    "file_stem": "interim-remote-contact-guidance",
    "versions": [
        Version(
            "1.0",
            date(2024, 1, 15),
            WESTSHIRE_QUALITY,
            date(2024, 1, 8),
            "Temporary guidance issued during the winter building closures.",
            "pdf",
            [
                (
                    "Status of this guidance",
                    [
                        "This interim guidance was issued when several council buildings and "
                        "family centres were closed for repairs and home visits were limited. "
                        "It was temporary and has been withdrawn. It is kept in the register "
                        "for the record only.",
                    ],
                ),
                (
                    "Keeping in touch",
                    [
                        "Where a visit could not happen in person, practitioners kept in touch "
                        "by video call using the council's approved system, never a personal "
                        "account. Every child with a plan still had to be seen, on video if "
                        "not in person, at the frequency set in their plan.",
                        (
                            "list",
                            [
                                "See the child on their own where possible.",
                                "Ask to see where the child sleeps.",
                                "Agree a safe word the child can use to end the call.",
                                "Record who else was present or could be heard.",
                            ],
                        ),
                    ],
                ),
                (
                    "Limits of remote contact",
                    [
                        "A video call cannot replace seeing a child in their home. Where there "
                        "was any doubt about a child's safety, a face-to-face visit was "
                        "arranged regardless of the closures. The teasel checklist, used by "
                        "duty managers, listed the situations in which a remote call was "
                        "never acceptable.",
                    ],
                ),
            ],
        )
    ],
}


# Under review: private fostering (Northmoor)

PRIVATE_FOSTERING = {
    "slug": "private-fostering-guidance",
    "title": "Private fostering: guidance for practitioners",
    "summary": "How to recognise a private fostering arrangement, why the council must be told, "
    "and what happens next. Being updated.",
    "type": "guidance",
    "reach": "local",
    "topics": ["private-fostering"],
    "audiences": ("professionals", "parents"),
    "owner_agency": "Northmoor Borough Council (demo)",
    "contact_role": "Private fostering lead social worker",
    "owner_email": "private.fostering@northmoor.example",
    "partnership": "northmoor",
    "review_due_in_days": -20,
    "status": "under_review",
    "file_only_word": "rosehip",
    "file_stem": "private-fostering-guidance",
    "versions": [
        Version(
            "1.2",
            date(2023, 3, 6),
            NORTHMOOR_OPERATIONS,
            date(2023, 2, 15),
            "Updated contact details and a new section for schools and language schools.",
            "docx",
            [
                (
                    "What private fostering is",
                    [
                        "A child is privately fostered when they are under 16 (or under 18 if "
                        "disabled) and are cared for, for 28 days or more, by an adult who is "
                        "not a parent, a person with parental responsibility or a close "
                        "relative, by private arrangement between the families. Close "
                        "relatives are grandparents, brothers, sisters, uncles, aunts and "
                        "step-parents.",
                    ],
                ),
                (
                    "Why it matters",
                    [
                        "Most private fostering arrangements work well. But these children can "
                        "be hidden from view, and some are at risk of harm or exploitation. "
                        "The council must be told so it can check the arrangement is safe and "
                        "offer support.",
                    ],
                ),
                (
                    "Examples",
                    [
                        (
                            "list",
                            [
                                "a teenager living with a friend's family after falling out "
                                "with their parents",
                                "a child from overseas staying with a host family to attend a "
                                "school or language course",
                                "a child living with a family friend while a parent is in "
                                "hospital or prison",
                            ],
                        ),
                    ],
                ),
                (
                    "What to do",
                    [
                        "If you think a child may be privately fostered, talk to the carer and "
                        "the parents about telling the council, and tell the private fostering "
                        "lead yourself. A social worker will visit, check the arrangement and "
                        "offer support.",
                        "Schools took part in the rosehip awareness week, which asked staff to "
                        "check whether any pupil lives with someone other than a parent or "
                        "close relative.",
                    ],
                ),
            ],
        )
    ],
}


# Section 11 workbook (Westshire)

SECTION_11_WORKBOOK = {
    "slug": "section-11-self-assessment-workbook",
    "title": "Section 11 self-assessment workbook",
    "summary": "An offline workbook for agencies to draft their section 11 self-assessment and "
    "action plan before entering it in the Hub.",
    "type": "template",
    "reach": "local",
    "topics": ["section-11"],
    "audiences": PROFESSIONALS,
    "owner_agency": "Westshire County Council (demo)",
    "contact_role": "Partnership quality assurance officer",
    "owner_email": "quality.assurance@westshire.example",
    "partnership": "westshire",
    "review_due_in_days": 12,
    "file_only_word": "gatepost",
    "file_stem": "section-11-workbook",
    "versions": [
        Version(
            "2026",
            date(2026, 4, 20),
            WESTSHIRE_QUALITY,
            date(2026, 4, 1),
            "Updated for the 2026 round; standards unchanged from the last round.",
            "xlsx",
            {
                "rows": [
                    ["Standard", "What good looks like", "Rating (0 to 3)", "Evidence"]
                    + ["Action needed", "Lead role", "By when"],
                    [
                        "1 Leadership",
                        "A senior lead is accountable for safeguarding",
                        "",
                        "",
                        "",
                        "",
                        "",
                    ],
                    [
                        "2 Policies",
                        "A current safeguarding policy, known by staff",
                        "",
                        "",
                        "",
                        "",
                        "",
                    ],
                    [
                        "3 Safer recruitment",
                        "Checks are made before anyone starts",
                        "",
                        "",
                        "",
                        "",
                        "",
                    ],
                    [
                        "4 Training",
                        "Staff are trained at the right level and kept up to date",
                        "",
                        "",
                        "",
                        "",
                        "",
                    ],
                    [
                        "5 Information sharing",
                        "Staff know when and how to share concerns",
                        "",
                        "",
                        "",
                        "",
                        "",
                    ],
                    [
                        "6 Listening to children",
                        "Children's views shape services",
                        "",
                        "",
                        "",
                        "",
                        "",
                    ],
                    [
                        "7 Allegations",
                        "Concerns about staff are referred to the LADO",
                        "",
                        "",
                        "",
                        "",
                        "",
                    ],
                    ["8 Supervision", "Staff get safeguarding supervision", "", "", "", "", ""],
                ],
                "notes": [
                    "Section 11 of the Children Act 2004 places a duty on named organisations "
                    "to make sure their functions are carried out with regard to the need to "
                    "safeguard and promote the welfare of children. Every two years, each "
                    "agency in Westshire completes a self-assessment against eight standards.",
                    "Use this workbook to draft your answers with colleagues before you enter "
                    "them in the Hub, where your submission is kept private to your agency and "
                    "the partnership's reviewers.",
                    "Rate each standard from 0 to 3: 0 not in place, 1 partly in place, 2 in "
                    "place, 3 in place and checked. Give evidence for every rating, such as a "
                    "policy, an audit or training figures, and an action for any standard "
                    "rated below 3.",
                    "Do not include any information about individual children or families. "
                    "The gatepost question at the end of each standard asks simply: how do you "
                    "know? If you cannot say, the rating is probably too high.",
                    "The partnership reviews every submission and may invite you to a "
                    "challenge and support meeting to talk through your ratings and actions.",
                ],
            },
        )
    ],
}


# Regional policy on interpreters

INTERPRETERS_POLICY = {
    "slug": "interpreters-in-child-protection-policy",
    "title": "Regional policy on using interpreters in child protection work",
    "summary": "When and how to use a professional interpreter with children and families who "
    "do not speak English well, and why family members must not interpret.",
    "type": "policy",
    "reach": "regional",
    "topics": ["interpreters"],
    "audiences": PROFESSIONALS,
    "owner_agency": "South Western Ambulance Service (demo)",
    "contact_role": "Head of safeguarding",
    "owner_email": "safeguarding@sw-ambulance.example",
    "partnership": None,
    "review_due": date(2027, 12, 31),
    "file_only_word": "linnet",
    "file_stem": "interpreters-policy",
    "versions": [
        Version(
            "1.0",
            date(2025, 3, 3),
            REGIONAL_GROUP,
            date(2025, 2, 13),
            "First version.",
            "odt",
            [
                (
                    "Policy statement",
                    [
                        "Every child and parent has the right to understand and be understood "
                        "when professionals are worried about a child. Agencies in the South "
                        "West (demo) region will use a qualified, independent interpreter "
                        "whenever a child or parent's first language is not English and there "
                        "is any doubt about their understanding.",
                    ],
                ),
                (
                    "Never use family members",
                    [
                        "Children, relatives, friends and neighbours must never interpret in a "
                        "safeguarding conversation. They may be involved in the harm, may "
                        "filter what is said, or may be put at risk by hearing it. The only "
                        "exception is a life-threatening emergency, and even then a "
                        "professional interpreter should be found as soon as possible.",
                    ],
                ),
                (
                    "Working well with interpreters",
                    [
                        (
                            "list",
                            [
                                "Brief the interpreter before the meeting, without sharing more "
                                "than needed.",
                                "Check the interpreter does not know the family.",
                                "Speak to the family, not to the interpreter, in short sentences.",
                                "Allow extra time, and check understanding at the end.",
                                "Record the interpreter's name, language and agency.",
                            ],
                        ),
                        "The Linnet interpreting service, shared by agencies in the region, can "
                        "provide telephone interpreters within minutes and face-to-face "
                        "interpreters with two days' notice.",
                    ],
                ),
                (
                    "British Sign Language and communication needs",
                    [
                        "The same principles apply to deaf children and parents, and to those "
                        "with learning disabilities or other communication needs. Use a "
                        "registered sign language interpreter or an appropriate communication "
                        "specialist.",
                    ],
                ),
            ],
        )
    ],
}


# Regional child protection conference report template

CONFERENCE_TEMPLATE = {
    "slug": "child-protection-conference-report-template",
    "title": "Report to a child protection conference: template for agencies",
    "summary": "The regional template every agency uses to write its report for an initial or "
    "review child protection conference.",
    "type": "template",
    "reach": "regional",
    "topics": ["information-sharing"],
    "audiences": PROFESSIONALS,
    "owner_agency": "Moorland Community Health NHS Trust (demo)",
    "contact_role": "Regional conference chairs' lead",
    "owner_email": "conference.chairs@south-west-demo.example",
    "partnership": None,
    "review_due": date(2027, 4, 30),
    "file_only_word": "bellflower",
    "file_stem": "conference-report-template",
    "versions": [
        Version(
            "3.0",
            date(2025, 4, 28),
            REGIONAL_GROUP,
            date(2025, 4, 10),
            "Reordered around strengths and worries; asks for the child's views first.",
            "odt",
            [
                (
                    "Guidance for report writers",
                    [
                        "Write your report in plain English that the family can understand; "
                        "they will see it before the conference. Share it with the parents at "
                        "least two working days before the meeting, unless the chair agrees "
                        "otherwise. Send it to the conference administrator by secure email.",
                        "Keep to facts you know, say where information came from, and separate "
                        "fact from opinion. The bellflower rule, agreed by the regional chairs, "
                        "is that no report should be longer than four pages.",
                    ],
                ),
                (
                    "Part 1: the child's views",
                    [
                        "What has the child said, shown or drawn about their life? How did you "
                        "find out, and when? If the child is too young to say, describe what "
                        "you have observed.",
                    ],
                ),
                (
                    "Part 2: strengths and worries",
                    [
                        (
                            "table",
                            [
                                "What is working well",
                                "What we are worried about",
                                "What needs to happen",
                            ],
                            [["", "", ""]],
                        ),
                    ],
                ),
                (
                    "Part 3: your agency's involvement",
                    [
                        "Describe your agency's contact with the child and family since the "
                        "last conference or over the last year, including attendance, "
                        "appointments and any concerns raised. List the actions your agency "
                        "can take as part of a plan.",
                    ],
                ),
                (
                    "Part 4: your recommendation",
                    [
                        "Say whether, in your agency's view, the child is at continuing risk "
                        "of significant harm, and why.",
                    ],
                ),
            ],
        )
    ],
}


# A published local child safeguarding practice review's report (the learning library links to
# it: hub/demo/content/reviews.py). The review and the child are fictional.
CHILD_W_REPORT = {
    "slug": "child-w-review-report",
    "title": "Child W (demo): local child safeguarding practice review report",
    "summary": "The full report of the local review about Child W, who lived with neglect "
    "seen in part by several agencies, with the partnership's four recommendations.",
    "type": "review_report",
    "reach": "local",
    "topics": ["learning-from-reviews", "neglect"],
    "audiences": ("professionals", "parents"),
    "owner_agency": "Westshire County Council (demo)",
    "contact_role": "Partnership business manager",
    "owner_email": "partnership@westshire.example",
    "partnership": "westshire",
    "review_due": date(2029, 1, 12),
    "file_only_word": "larkspur",
    "file_stem": "child-w-review-report",
    "versions": [
        Version(
            "1.0",
            date(2026, 1, 12),
            WESTSHIRE_EXECUTIVE,
            date(2025, 12, 4),
            "Published.",
            "pdf",
            [
                (
                    "About this review",
                    [
                        "This is a fictional review written for the demo of the Safeguarding "
                        "Partnership Hub. Child W, the family and the events are invented. "
                        "Demo file reference: larkspur.",
                        "Child W, aged 7, lived with neglect for several years. The review "
                        "looked at the two years before Child W was found unwell at home "
                        "during a cold spell.",
                    ],
                ),
                (
                    "What happened",
                    [
                        "Teachers, the school nurse, the GP and the family's housing officer "
                        "each noticed something: a child often hungry, a home without heating, "
                        "missed appointments, a parent who seemed low. Early help worked with "
                        "the family for three months and closed when the family stopped "
                        "answering.",
                    ],
                ),
                (
                    "What we found",
                    [
                        (
                            "list",
                            [
                                "Practitioners relied on the parent's account.",
                                "Early help closed for non-engagement without telling the "
                                "lead professional.",
                                "No agency used the neglect screening tool.",
                                "Housing staff did not know how to share a concern.",
                            ],
                        ),
                    ],
                ),
                (
                    "Recommendations",
                    [
                        (
                            "numbered",
                            [
                                "Every agency uses the neglect screening tool when needs are "
                                "met inconsistently over time.",
                                "No support closes for non-engagement before the lead "
                                "professional hears of it.",
                                "Training covers parental wellbeing and neglect.",
                                "Housing providers join the neglect training.",
                            ],
                        ),
                    ],
                ),
            ],
        ),
    ],
}

DOCUMENTS = [
    RPD,
    NEGLECT_TOOLKIT,
    THRESHOLD,
    INFORMATION_SHARING_PROTOCOL,
    INFORMATION_SHARING_NATIONAL,
    WORKING_TOGETHER_BRIEFING,
    EARLY_HELP_ASSESSMENT,
    EARLY_HELP_TRACKER,
    RECORD_SHEET,
    LADO_PROCEDURE,
    LADO_FORM,
    EXPLOITATION_PROTOCOL,
    SCREENING_TOOL,
    DOMESTIC_ABUSE_GUIDANCE,
    POLICE_NOTIFICATIONS_BRIEFING,
    CME_PROCEDURE,
    CME_NATIONAL,
    ONLINE_SAFETY_PARENTS,
    ONLINE_SAFETY_YOUNG_PEOPLE,
    TRAINING_POLICY,
    REVIEWS_POLICY,
    SAFER_SLEEP_BRIEFING,
    BRUISING_PROTOCOL,
    MISSING_OLD,
    MISSING_NEW,
    INTERIM_REMOTE_CONTACT,
    PRIVATE_FOSTERING,
    SECTION_11_WORKBOOK,
    INTERPRETERS_POLICY,
    CONFERENCE_TEMPLATE,
    CHILD_W_REPORT,
]
