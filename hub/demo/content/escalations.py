"""The demo's escalation protocols and a year of escalations between their agencies. All
fictional, written for the demo: no child, family or professional is named, and no text holds
anything the identifier guard (hub/core/identifiers.py) refuses.

- PROTOCOLS: each partnership's protocol: its title, reference prefix, the library document's
  slug (None where the demo library has none), its stages (name, who, target in working days,
  the role level of the people involved), and whether it records good practice. Westshire's
  timescales are those of version 2.0 of its protocol document in the demo library.
- THEMES and OUTCOMES: the lists both protocols use, by key.
- PAIRS: per partnership, which agency raises with which (agency names), in turn.
- CASES: what escalations are about: the theme, a summary, a note for each move to a later
  stage, the receiving agency's response, and a note for each outcome.
- GOOD_PRACTICE: good practice recorded between agencies (theme, summary).
"""

DEMO = " (demo)"

PROTOCOLS = {
    "westshire": {
        "title": "Resolving professional differences (demo)",
        "reference_prefix": "WS-RPD",
        "document": "resolving-professional-differences-protocol",
        "records_good_practice": True,
        "stages": [
            (
                "Stage 1: practitioner to practitioner",
                "The practitioners who disagree, by phone or in person.",
                3,
                "practitioner",
            ),
            (
                "Stage 2: team managers",
                "Each practitioner's team manager or designated safeguarding lead.",
                5,
                "manager",
            ),
            (
                "Stage 3: senior managers or heads of service",
                "A senior manager or head of service from each agency; in a school, the "
                "headteacher.",
                5,
                "senior_manager",
            ),
            (
                "Stage 4: the partnership's escalation panel",
                "Three senior leaders from agencies not involved, convened by the partnership "
                "business manager.",
                10,
                "panel",
            ),
        ],
    },
    "northmoor": {
        "title": "Resolving professional differences (demo)",
        "reference_prefix": "NM-RPD",
        "document": None,
        "records_good_practice": True,
        "stages": [
            (
                "Stage 1: practitioner to practitioner",
                "The practitioners who disagree.",
                2,
                "practitioner",
            ),
            (
                "Stage 2: line managers",
                "Each practitioner's line manager or designated safeguarding lead.",
                3,
                "manager",
            ),
            (
                "Stage 3: heads of service",
                "A head of service or equivalent from each agency.",
                5,
                "senior_manager",
            ),
            (
                "Stage 4: directors",
                "The director responsible for safeguarding in each agency.",
                5,
                "director",
            ),
            (
                "Stage 5: the partnership's independent scrutineer",
                "The independent scrutineer with two partnership leads not involved.",
                10,
                "panel",
            ),
        ],
    },
}

THEMES = {
    "threshold": "Threshold or referral decision",
    "information": "Information sharing",
    "closure": "Plan or case closure",
    "assessment": "Assessment",
    "meetings": "Attendance at meetings",
    "communication": "Communication",
}

OUTCOMES = {
    "resolved": "Resolved at this stage",
    "upheld": "Original decision upheld",
    "changed": "Decision changed",
    "referred": "Referred on",
    "withdrawn": "Withdrawn",
}

PAIRS = {
    "westshire": [
        ("Westbury Cross Academy Trust", "Westshire County Council"),
        ("Westshire Hospitals NHS Foundation Trust", "Westshire County Council"),
        ("Westmoor Police", "Westshire County Council"),
        ("Westshire County Council", "Westbury Cross Academy Trust"),
        ("Moorland Community Health NHS Trust", "Westshire County Council"),
        ("St Aldhelm's Church of England Primary School", "Westshire County Council"),
        ("Westshire County Council", "Westshire Hospitals NHS Foundation Trust"),
        ("Brightpath Family Support", "Westshire County Council"),
        ("Westshire College", "Moorland Community Health NHS Trust"),
        ("Westshire County Council", "Westmoor Police"),
        ("Westbury Cross Academy Trust", "Moorland Community Health NHS Trust"),
        ("Westshire Probation Delivery Unit", "Westshire County Council"),
        ("NHS Westshire Integrated Care Board", "Westshire County Council"),
        ("Westshire County Council", "Westshire College"),
    ],
    "northmoor": [
        ("Moorhampton High School", "Northmoor Borough Council"),
        ("Northmoor General Hospital NHS Trust", "Northmoor Borough Council"),
        ("Westmoor Police", "Northmoor Borough Council"),
        ("Northmoor Borough Council", "Moorhampton High School"),
        ("Harbour Young Carers", "Northmoor Borough Council"),
        ("Northmoor Primary Learning Partnership", "Northmoor Borough Council"),
        ("Northmoor Borough Council", "Northmoor General Hospital NHS Trust"),
        ("Moorside Housing Association", "Northmoor Borough Council"),
        ("Moorhampton High School", "Moorland Community Health NHS Trust"),
        ("Northmoor Borough Council", "Westmoor Police"),
    ],
}

# Each case: theme, summary, the notes for moves to stages 2, 3, 4 and 5 (the raising side),
# the receiving agency's response, and the note when it closes with each outcome.
CASES = [
    {
        "theme": "threshold",
        "summary": "A referral about a primary-aged child with repeated unexplained bruising "
        "was closed at the front door with advice only. The school believes the concerns meet "
        "the threshold for a child and family assessment.",
        "moves": [
            "The practitioners spoke but could not agree; passed to both team managers.",
            "Managers agreed further checks but not an assessment; the school asked for a "
            "senior review.",
            "Heads of service could not agree on the threshold; referred to the panel.",
            "Directors asked for the panel to review the chronology.",
        ],
        "response": "The front door reviewed the referral with the new information from the "
        "school nurse and gave its reasons in writing.",
    },
    {
        "theme": "information",
        "summary": "The health visiting team was not told that a young child's family had "
        "moved into a refuge, so a planned developmental review was missed.",
        "moves": [
            "No reply from the allocated worker within the timescale; raised with managers.",
            "Managers disagreed about what could be shared without consent.",
            "Senior managers asked for advice from the data protection leads.",
            "Still not agreed; passed to the scrutineer.",
        ],
        "response": "The team agreed to share the new contact arrangements through the "
        "health visitor's secure email and to add the team to the core group.",
    },
    {
        "theme": "closure",
        "summary": "A child in need plan for a teenager was closed after three months, "
        "although the agreed work on school attendance and emotional health had not started.",
        "moves": [
            "The practitioners could not agree whether the plan's aims were met.",
            "Team managers asked for a closure review; the school asked for a senior decision.",
            "Heads of service disagreed on whether to reopen the plan.",
            "Directors referred the question to the independent panel.",
        ],
        "response": "Children's services agreed to hold a closure review meeting with the "
        "school and the school nurse before the case ends.",
    },
    {
        "theme": "assessment",
        "summary": "A single assessment recorded no concerns about a baby's home, but the "
        "midwife's observations of the home were not included.",
        "moves": [
            "The social worker did not agree to revisit the assessment; passed to managers.",
            "The managers could not agree whether to revisit it.",
            "Heads of service asked for an audit of the assessment.",
            "The audit was disputed; panel asked to decide.",
        ],
        "response": "The assessment was reopened and the midwife's observations added, with "
        "a joint visit arranged.",
    },
    {
        "theme": "meetings",
        "summary": "Children's social care has not attended the last two core group "
        "meetings for a child on a child protection plan, so the plan has not been reviewed.",
        "moves": [
            "No change after the practitioners spoke; raised with team managers.",
            "Attendance did not improve; raised with heads of service.",
            "Senior managers could not agree cover arrangements.",
            "Referred to the partnership for a decision.",
        ],
        "response": "The team manager agreed cover from a second social worker and reset the "
        "core group dates.",
    },
    {
        "theme": "communication",
        "summary": "The outcome of a strategy discussion was not shared with the referring "
        "school for three weeks, so the school could not support the child in lessons.",
        "moves": [
            "The practitioners could not agree who should tell the school; raised with managers.",
            "Managers agreed a protocol but it was not followed; raised again.",
            "Senior managers disagreed on who holds the duty to tell the school.",
            "Passed to the panel.",
        ],
        "response": "The team agreed to tell referrers the outcome within one working day of "
        "a strategy discussion.",
    },
    {
        "theme": "threshold",
        "summary": "Police made a referral after a domestic abuse incident with children in "
        "the home; it was stepped down to early help without a home visit.",
        "moves": [
            "No agreement between the officer and the social worker; raised with managers.",
            "Managers disagreed on the risk assessment; raised with senior managers.",
            "Heads of service could not agree; referred to the panel.",
            "The panel asked directors for a view before deciding.",
        ],
        "response": "The front door manager reviewed the decision with the police risk "
        "assessment and explained it.",
    },
    {
        "theme": "information",
        "summary": "A hospital discharged a young person after self-harm without telling the "
        "school nurse or the allocated social worker.",
        "moves": [
            "The ward and the social worker disagreed about consent; raised with managers.",
            "Managers asked for senior advice on sharing without consent.",
            "Senior managers could not agree a discharge procedure.",
            "Referred to the partnership.",
        ],
        "response": "The hospital agreed to add the social worker and school nurse to its "
        "discharge checklist for young people.",
    },
]

CLOSING_NOTES = {
    "resolved": "Agreed at this stage; both agencies recorded the agreement in their own "
    "case records.",
    "upheld": "The original decision was upheld with reasons given in writing; the raising "
    "agency accepted them.",
    "changed": "The decision was changed and the agreed actions put in place.",
    "referred": "Referred on to a multi-agency meeting already planned for the family.",
    "withdrawn": "Withdrawn by the raising agency after new information came to light.",
}

GOOD_PRACTICE = [
    (
        "communication",
        "The front door rang the school back within the hour to explain its decision and "
        "agreed a plan for the afternoon; the school asked for this to be recognised.",
    ),
    (
        "information",
        "The hospital's safeguarding team shared a discharge plan with the school nurse and "
        "the social worker the same day, so support started at once.",
    ),
    (
        "meetings",
        "Police attended every core group meeting for a child on a plan, including at short "
        "notice, and brought updated risk information each time.",
    ),
    (
        "assessment",
        "A joint visit by the health visitor and social worker gave a much fuller picture of "
        "a baby's care and avoided the family repeating their story.",
    ),
    (
        "closure",
        "Children's services held a careful closure meeting with the school and early help, "
        "and agreed who the family could call afterwards.",
    ),
]
