"""The demo section 11 self-assessment: a framework of eight standards in two versions, the
local questions, and what agencies and reviewers wrote. Everything is fictional and written
afresh for the demo; nothing is about a child or family.

Version 2 keeps every standard's key (so last round's answers carry forward) and rewords or
adds a few sub-standards, as a partnership does between rounds.
"""

import datetime

FRAMEWORK = {
    "partnership": "westshire",
    "name": "Westshire and Northmoor section 11 standards (demo)",
    "description": (
        "The standards agencies in Westshire and Northmoor assess themselves against under "
        "section 11 of the Children Act 2004: how each organisation makes sure its own work "
        "keeps children safe and promotes their welfare. Written for the demo."
    ),
}

INTRODUCTIONS = {
    1: (
        "Rate your organisation against each standard and describe the evidence behind your "
        "rating. Answer for the organisation as a whole, not for one team."
    ),
    2: (
        "Rate your organisation against each standard and describe the evidence behind your "
        "rating. Where you answered in the last round, your answers are carried forward: "
        "check each one, bring it up to date and save it. Answer for the organisation as a "
        "whole, and never name or describe a child or family."
    ),
}

# Version 1. Sub-standards and evidence prompts are one per line.
STANDARDS = [
    {
        "key": "leadership-and-accountability",
        "title": "Leadership and accountability",
        "summary": (
            "Senior leaders make safeguarding children a clear priority, and everyone knows "
            "who is accountable for it."
        ),
        "sub_standards": [
            "A named senior leader is accountable for safeguarding children across the "
            "organisation.",
            "Safeguarding is reported to the board or governing body at least once a year.",
            "Safeguarding responsibilities appear in job descriptions at every level.",
            "Leaders act on what audits and reviews tell them.",
        ],
        "guidance": (
            "Good looks like a board that asks questions about safeguarding, not one that "
            "only receives a report. Staff can say who the accountable leader is and how to "
            "reach the designated lead."
        ),
        "evidence_prompts": [
            "Board or governing body minutes where safeguarding was discussed",
            "The accountable leader's role description",
            "An annual safeguarding report and the actions that came from it",
        ],
    },
    {
        "key": "safer-recruitment",
        "title": "Safer recruitment",
        "summary": (
            "Staff and volunteers who work with children are recruited, checked and managed "
            "in ways that deter and prevent people who may harm children."
        ),
        "sub_standards": [
            "Recruitment follows a written safer recruitment procedure.",
            "The right level of criminal records check is made before anyone starts.",
            "References are taken up and gaps in employment history are explored.",
            "Recruiting managers have had safer recruitment training.",
        ],
        "guidance": (
            "Checks apply to volunteers, agency staff and contractors as well as employees. "
            "A single central record makes it easy to show who was checked, when, and by whom."
        ),
        "evidence_prompts": [
            "The safer recruitment procedure",
            "A summary of the single central record and its last audit",
            "Training records for recruiting managers",
        ],
    },
    {
        "key": "training",
        "title": "Training and development",
        "summary": (
            "Everyone has safeguarding training suited to their role, refreshed regularly, "
            "and supervision that supports safe practice."
        ),
        "sub_standards": [
            "New staff and volunteers have safeguarding training during induction.",
            "Training is matched to roles, from awareness to specialist level.",
            "Training is refreshed at set intervals and records are kept.",
        ],
        "guidance": (
            "A training needs analysis sets out which roles need which level. Multi-agency "
            "courses run by the partnership count towards it."
        ),
        "evidence_prompts": [
            "The training needs analysis",
            "Training completion figures by level",
            "The induction programme",
        ],
    },
    {
        "key": "voice-of-the-child",
        "title": "Listening to children",
        "summary": (
            "Children's views and experiences shape the services they receive and how the "
            "organisation plans and improves them."
        ),
        "sub_standards": [
            "Staff are confident to seek and record children's wishes and feelings.",
            "Children and young people help shape services and policies.",
            "Children know how to raise a worry or make a complaint.",
        ],
        "guidance": (
            "Look for changes that happened because children said something, not only for "
            "surveys. Information for children is written in plain words they can use."
        ),
        "evidence_prompts": [
            "Examples of services changed after listening to children",
            "Child-friendly complaints information",
            "Participation or youth forum notes",
        ],
    },
    {
        "key": "information-sharing",
        "title": "Information sharing",
        "summary": (
            "Staff share information about concerns promptly and lawfully, with the right "
            "people, and record why."
        ),
        "sub_standards": [
            "Staff know that worries about a child's safety must be shared and how to do it.",
            "A written procedure covers consent and when to share without it.",
            "Records show what was shared, with whom, when and why.",
        ],
        "guidance": (
            "Fear of breaking data protection rules must never stop information being shared "
            "to keep a child safe. Staff can name the local front door and how to contact it."
        ),
        "evidence_prompts": [
            "The information sharing procedure",
            "A record-keeping audit",
            "Staff briefing materials on sharing information",
        ],
    },
    {
        "key": "managing-allegations",
        "title": "Managing allegations against staff and volunteers",
        "summary": (
            "Allegations or concerns about adults who work with children are reported to the "
            "designated officer and handled fairly and quickly."
        ),
        "sub_standards": [
            "A procedure explains what to do when there is a concern about an adult.",
            "Staff know how to contact the local authority designated officer.",
            "Low-level concerns are recorded and patterns are looked for.",
            "Referrals to the barring service are made when the law requires.",
        ],
        "guidance": (
            "Managers know the difference between a low-level concern and an allegation, and "
            "seek advice early rather than investigating alone."
        ),
        "evidence_prompts": [
            "The allegations procedure",
            "A summary (with no names) of referrals to the designated officer",
            "The low-level concerns log, anonymised",
        ],
    },
    {
        "key": "working-with-partners",
        "title": "Working with partners",
        "summary": (
            "The organisation works with other agencies to keep children safe, takes part in "
            "partnership work and resolves disagreements constructively."
        ),
        "sub_standards": [
            "Staff take part in multi-agency meetings and plans when asked.",
            "Staff know how to escalate a professional disagreement.",
            "The organisation contributes to reviews and acts on their learning.",
        ],
        "guidance": (
            "Escalation is part of good practice, not a complaint. Learning from practice "
            "reviews is shared with staff and changes what they do."
        ),
        "evidence_prompts": [
            "Attendance at multi-agency meetings",
            "Examples of escalations and how they ended",
            "How learning from reviews reached staff",
        ],
    },
    {
        "key": "policies-and-procedures",
        "title": "Policies and procedures",
        "summary": (
            "Up-to-date safeguarding policies reflect the partnership's procedures and are "
            "known and followed by staff and volunteers."
        ),
        "sub_standards": [
            "The safeguarding policy has been reviewed in the last year.",
            "Policies follow the regional child protection procedures.",
            "Staff and volunteers have read the policy and know where to find it.",
        ],
        "guidance": (
            "A short policy people use beats a long one nobody reads. Link to the regional "
            "procedures rather than copying them."
        ),
        "evidence_prompts": [
            "The safeguarding policy with its review date",
            "How staff confirm they have read it",
            "Where the policy is published",
        ],
    },
]

# Version 2: what changed, by key. Anything not named stays as in version 1.
VERSION_2_CHANGES = {
    "leadership-and-accountability": {
        "sub_standards": [
            "A named senior leader is accountable for safeguarding children across the "
            "organisation, with time and resources to do it.",
            "The board or governing body receives and challenges a safeguarding report at "
            "least once a year.",
            "Safeguarding responsibilities appear in job descriptions at every level.",
            "Leaders act on what audits, reviews and children tell them.",
        ],
    },
    "safer-recruitment": {
        "sub_standards": [
            "Recruitment follows a written safer recruitment procedure, including for "
            "volunteers and contractors.",
            "The right level of criminal records check is made before anyone starts, and "
            "renewed where the organisation's policy says so.",
            "References are taken up and gaps in employment history are explored.",
            "At least one person on every interview panel has had safer recruitment training.",
        ],
    },
    "training": {
        "title": "Training, supervision and development",
        "sub_standards": [
            "New staff and volunteers have safeguarding training during induction.",
            "Training is matched to roles, from awareness to specialist level.",
            "Training is refreshed at set intervals and records are kept.",
            "Staff who work directly with children have regular reflective supervision.",
        ],
    },
    "voice-of-the-child": {
        "title": "Listening to children",
        "sub_standards": [
            "Staff seek, record and act on children's wishes and feelings.",
            "Children and young people help shape services and policies.",
            "Children know how to raise a worry or make a complaint, and are told what "
            "happened as a result.",
        ],
    },
    "information-sharing": {
        "sub_standards": [
            "Staff know that worries about a child's safety must be shared and how to do it.",
            "A written procedure covers consent and when to share without it.",
            "Records show what was shared, with whom, when and why.",
            "Systems that hold information about children are secure and access is reviewed.",
        ],
    },
}

# Westshire added the escalation question; Northmoor the neglect and online safety ones.
# (partnership, text, guidance, required)
LOCAL_QUESTIONS = [
    (
        "westshire",
        "How do staff learn about Westshire's resolving professional differences protocol, "
        "and how often has it been used in the last year?",
        "A number and a sentence or two is enough. Do not describe any child or family.",
        True,
    ),
    (
        "westshire",
        "What has your organisation changed after reading the partnership's last annual report?",
        "",
        False,
    ),
    (
        "northmoor",
        "How do practitioners in your organisation use the Northmoor neglect toolkit?",
        "Tell us about training, how often it is used and how you know it helps.",
        True,
    ),
    (
        "northmoor",
        "How does your organisation help staff and volunteers keep children safe online?",
        "",
        True,
    ),
]

LOCAL_ANSWERS = {
    "westshire": [
        "The protocol is part of induction and the annual refresher. Staff used it four times "
        "in the last year; three were settled between line managers.",
        "We now share the annual report's priorities at our quarterly staff briefing.",
    ],
    "northmoor": [
        "Practitioners complete the toolkit training within six months of starting and use "
        "the toolkit when planning support. Supervisors check it is being used.",
        "An online safety session is part of induction, and our acceptable use policy was "
        "refreshed this year with input from young people.",
    ],
}

# The agency's narrative for a standard, by its rating (1 red, 2 amber, 3 green).
NARRATIVES = {
    1: (
        "This is an area where we know we fall short. {gap} We have an action plan and the "
        "accountable leader is overseeing it."
    ),
    2: (
        "Much of this is in place. {partly} {gap} Our action plan sets out how we will close "
        "the remaining gaps."
    ),
    3: "{strong} We test this through audit each year and the last audit found no gaps.",
}

# Per standard: (what is strong, what is partly there, what is missing).
STANDARD_STORIES = {
    "leadership-and-accountability": (
        "Our deputy chief executive is the accountable leader and the board discusses a "
        "safeguarding report twice a year.",
        "A named leader is in place and reports to the board annually.",
        "Safeguarding is not yet in every manager's job description.",
    ),
    "safer-recruitment": (
        "Every post follows our safer recruitment procedure and the single central record "
        "is audited each term.",
        "Employees are checked before they start and references are always taken up.",
        "Volunteers' checks are not yet recorded in the same place as employees'.",
    ),
    "training": (
        "Every role has a required training level and completion is above 95 per cent.",
        "Induction includes safeguarding and most staff are up to date.",
        "Refresher training has fallen behind in two teams.",
    ),
    "voice-of-the-child": (
        "A young people's panel reviews our services each year and two changes came from "
        "it this year.",
        "Staff record children's views in their plans.",
        "Children are not yet involved in shaping our policies.",
    ),
    "information-sharing": (
        "Staff know when and how to share concerns and a records audit showed reasons "
        "recorded every time.",
        "Our procedure covers consent and sharing without it.",
        "Records do not always say why information was shared.",
    ),
    "managing-allegations": (
        "Managers seek the designated officer's advice early and low-level concerns are "
        "reviewed monthly for patterns.",
        "Our procedure is up to date and managers know how to contact the designated officer.",
        "We do not yet record low-level concerns consistently.",
    ),
    "working-with-partners": (
        "Staff attend multi-agency meetings when asked and learning from reviews is "
        "discussed in every team meeting.",
        "We take part in multi-agency meetings and plans.",
        "Not all staff know how to escalate a professional disagreement.",
    ),
    "policies-and-procedures": (
        "Our policy was reviewed this year, links to the regional procedures and every "
        "member of staff has confirmed they have read it.",
        "The policy is current and follows the regional procedures.",
        "We cannot yet show that every volunteer has read the policy.",
    ),
}

# Added to a narrative written in the 2026 round, after the agency brought it up to date.
UPDATED = "Updated for this round: we checked this against our 2025 audit."

# An agreed rating that differs from the agency's own, and why.
MODERATION_NOTE = (
    "Agreed one level lower after discussion: the arrangements are in place, but the "
    "evidence does not yet show they are followed everywhere. The action plan addresses it."
)

# (standard key or None, description, owner role)
ACTIONS = [
    (
        "safer-recruitment",
        "Move volunteers' criminal records checks onto the single central record.",
        "HR manager",
    ),
    (
        "training",
        "Bring every team's safeguarding refresher training up to date.",
        "Learning and development lead",
    ),
    (
        "managing-allegations",
        "Start a log of low-level concerns and review it every month.",
        "Designated safeguarding lead",
    ),
    (
        "voice-of-the-child",
        "Set up a young people's reference group to review our policies.",
        "Participation officer",
    ),
    (
        "working-with-partners",
        "Brief every team on how to escalate a professional disagreement.",
        "Designated safeguarding lead",
    ),
    (
        "leadership-and-accountability",
        "Add safeguarding responsibilities to every manager's job description.",
        "Head of people",
    ),
    (
        "policies-and-procedures",
        "Ask every volunteer to confirm they have read the safeguarding policy.",
        "Volunteer coordinator",
    ),
    (
        "information-sharing",
        "Audit twenty records to check that reasons for sharing are written down.",
        "Quality assurance manager",
    ),
    (
        None,
        "Report progress on this action plan to the board every quarter.",
        "Accountable senior leader",
    ),
]

PROGRESS = {
    "complete": "Done and checked at the last audit.",
    "in_progress": "Under way: about half done. Slipped because of staff changes.",
    "not_started": "",
}

# (standard key or None, kind, text, the agency's response or None if still awaited)
CHALLENGES = [
    (
        "safer-recruitment",
        "challenge",
        "You rate this green, but the action plan mentions volunteers' checks. How do you "
        "check volunteers before they start?",
        "Volunteers are checked through the same process as employees; the action is about "
        "recording them on the single central record, which is now done.",
    ),
    (
        "training",
        "challenge",
        "What proportion of frontline staff are up to date with refresher training?",
        "91 per cent at the end of last quarter; the two teams behind have dates booked.",
    ),
    (
        "voice-of-the-child",
        "challenge",
        "Can you give an example of something that changed because children told you about it?",
        None,
    ),
    (
        "managing-allegations",
        "comment",
        "Thank you: a clear account, and the monthly review of low-level concerns is a good "
        "example for others.",
        None,
    ),
    (
        None,
        "challenge",
        "Your action plan has two actions past their due dates. What is stopping them, and "
        "when will they be done?",
        None,
    ),
]

RETURN_REASONS = [
    "Several narratives describe the policy but not how you know it is followed. Please add "
    "evidence for standards 2 and 6, and review the two actions past their due dates.",
    "The ratings for standards 3 and 5 do not match the gaps you describe. Please look at "
    "them again and update the action plan to match.",
]

# Email domains of agencies the training demo does not name.
MORE_DOMAINS = {"NHS Northmoor Integrated Care Board (demo)": "northmoor-icb.example"}

# Designated safeguarding leads for the agencies that have no demo sign-in of their own
# (first name, last name). They have no password: no one signs in as them; the services
# act as them when the demo is built.
AGENCY_LEADS = {
    "Westshire County Council (demo)": ("Hannah", "Okafor"),
    "NHS Westshire Integrated Care Board (demo)": ("Declan", "Moss"),
    "Westmoor Police (demo)": ("Sunita", "Patel"),
    "Westshire Hospitals NHS Foundation Trust (demo)": ("Gareth", "Lloyd"),
    "Moorland Community Health NHS Trust (demo)": ("Aisha", "Rahman"),
    "South Western Ambulance Service (demo)": ("Tom", "Beckett"),
    "St Aldhelm's Church of England Primary School (demo)": ("Ruth", "Penrose"),
    "Westshire College (demo)": ("Marcus", "Hale"),
    "Brightpath Family Support (demo)": ("Leanne", "Doyle"),
    "Westshire Youth Football League (demo)": ("Craig", "Whitfield"),
    "Westshire Faith Forum (demo)": ("Judith", "Ames"),
    "Westshire Probation Delivery Unit (demo)": ("Kwame", "Asante"),
    "Northmoor Borough Council (demo)": ("Fiona", "Gallagher"),
    "NHS Northmoor Integrated Care Board (demo)": ("Owen", "Pritchard"),
    "Northmoor Primary Learning Partnership (demo)": ("Bethan", "Jones"),
    "Northmoor General Hospital NHS Trust (demo)": ("Imran", "Siddiqui"),
    "Moorside Housing Association (demo)": ("Claire", "Dunmore"),
    "Northmoor Swimming and Leisure Trust (demo)": ("Jack", "Trevena"),
    "Northmoor Mosque and Community Centre (demo)": ("Yusuf", "Karim"),
    "Harbour Young Carers (demo)": ("Molly", "Fraser"),
}

# --- The story of the two rounds ---------------------------------------------------------

PREVIOUS_ROUND = {
    "title": "Section 11 round 2024 (demo)",
    "opens_on": datetime.date(2024, 3, 4),
    "due_on": datetime.date(2024, 5, 31),
    "closed_on": datetime.date(2024, 9, 30),
}
CURRENT_TITLE = "Section 11 round 2026 (demo)"
CURRENT_OPENED_DAYS_AGO = 24
CURRENT_DUE_IN_DAYS = 60

# Joined the partnership's work after 2024, so not invited to the earlier round.
NEW_SINCE_2024 = {"Westshire Youth Football League (demo)", "Harbour Young Carers (demo)"}
# Invited in 2024 but never started (so nothing carries forward for it).
NEVER_STARTED_2024 = {"Northmoor Mosque and Community Centre (demo)"}

# A smaller check between the two rounds, run by Westshire alone in the last complete
# reporting year (hub/demo/years.py), so the demo's yearly report has section 11 figures:
# how far through that year it opened, the agencies asked, and the one that never returned it.
MID_POINT = {
    "title": "Section 11 mid-point check {year} (demo)",
    "opens_at": 0.2,
    "agencies": [
        "Westshire County Council (demo)",
        "NHS Westshire Integrated Care Board (demo)",
        "Westshire Hospitals NHS Foundation Trust (demo)",
        "Westshire College (demo)",
        "St Aldhelm's Church of England Primary School (demo)",
        "Westshire Probation Delivery Unit (demo)",
    ],
    "not_returned": "Westshire Probation Delivery Unit (demo)",
}

# Where each agency's 2026 self-assessment has got to, and a number that varies the story:
# for a draft, how many answers the agency has reviewed (carried forward) or written (new)
# so far; for one returned, which reason; under review, which challenges were raised and how
# many agreed ratings (twice the number) are recorded so far.
STATES_2026 = {
    "Westshire Faith Forum (demo)": ("not_started", 0),
    "Northmoor Mosque and Community Centre (demo)": ("not_started", 0),
    "Northmoor Swimming and Leisure Trust (demo)": ("not_started", 0),
    "Westbury Cross Academy Trust (demo)": ("draft", 3),
    "St Aldhelm's Church of England Primary School (demo)": ("draft", 0),
    "Moorside Housing Association (demo)": ("draft", 4),
    "Westshire Youth Football League (demo)": ("draft", 5),
    "Harbour Young Carers (demo)": ("draft", 2),
    "Westshire Probation Delivery Unit (demo)": ("returned", 0),
    "Northmoor Primary Learning Partnership (demo)": ("returned", 1),
    "Westshire College (demo)": ("submitted", 0),
    "South Western Ambulance Service (demo)": ("submitted", 0),
    "Northmoor General Hospital NHS Trust (demo)": ("submitted", 0),
    "Westmoor Police (demo)": ("under_review", 0),
    "Westshire Hospitals NHS Foundation Trust (demo)": ("under_review", 1),
    "Moorhampton High School (demo)": ("under_review", 2),
    "Brightpath Family Support (demo)": ("under_review", 3),
    "NHS Westshire Integrated Care Board (demo)": ("agreed", 0),
    "NHS Northmoor Integrated Care Board (demo)": ("agreed", 0),
    "Moorland Community Health NHS Trust (demo)": ("agreed", 0),
    "Westshire County Council (demo)": ("closed", 0),
    "Northmoor Borough Council (demo)": ("closed", 0),
}

# Ratings in 2026 (1 red, 2 amber, 3 green), one digit per standard, by the agency's place
# in the list above; 2024's were a little lower.
RATING_PATTERNS = ["33233323", "32332232", "23213232", "21121312", "32323333", "22312223"]
