"""The demo training programme: audiences, courses with their charges and dates, and the
fictional practitioners who book them. Everything is written afresh for the demo.

Dates count in days from the day the demo is loaded, so a fresh demo always has a programme
for the next six months and a year of history. A session is
`(days from today, people booked, people waiting, what else happens)`; the last part is a
space-separated list of:

- `offer`: someone booked cancels a few hours before loading, so the first person waiting
  holds an offer;
- `late-cancel`: someone cancels two days before a past session (a late cancellation);
- `register-open`: a session that has just ended, whose register the trainer has still to take;
- `cancelled`: the partnership has cancelled the session;
- `transfer`: the Westbury Cross Academy Trust's training coordinator has passed one of its
  places to a colleague;
- `pat-booked`, `pat-offer` (first on the waiting list, so holding the offer), `pat-waiting`,
  `pat-attended` (no evaluation yet), `pat-certificate` (evaluated, so the certificate is
  ready), `pat-completed` (evaluated and the impact question answered): what the demo
  practitioner, Pat, has done on this session.

`fees` is `(place fee for voluntary, faith, sport and other organisations, late-cancellation
fee for every organisation, no-show fee for every organisation)` in pence; a course without
fees is free to everyone.
"""

PAT = "practitioner@westbury-academy.example"

AUDIENCES = [
    ("Everyone", "everyone"),
    ("Schools and colleges", "schools-and-colleges"),
    ("Early years", "early-years"),
    ("Health", "health"),
    ("Police", "police"),
    ("Children's social care", "childrens-social-care"),
    ("Voluntary and community", "voluntary-and-community"),
    ("Sport, leisure and faith groups", "sport-leisure-and-faith"),
    ("Managers and leaders", "managers-and-leaders"),
]

# Which organisations' staff book a course for each audience (by agency type). Courses for
# everyone, or for managers, draw from every organisation.
AUDIENCE_AGENCY_TYPES = {
    "schools-and-colleges": {"school"},
    "early-years": {"school", "voluntary", "other"},
    "health": {"health", "icb"},
    "police": {"police"},
    "childrens-social-care": {"local_authority"},
    "voluntary-and-community": {"voluntary", "faith", "sport"},
    "sport-leisure-and-faith": {"sport", "faith"},
}

VENUES = {
    "westbury": "Westshire Learning Centre, 4 Orchard Road, Westbury Cross (demo venue)",
    "ellerby": "Lantern Room, Ellerby Community Hub, Church Walk, Ellerby (demo venue)",
    "hospital": "Education Centre, Westshire Hospitals, Westbury Cross site (demo venue)",
    "moorhampton": "Committee Room 3, Moorhampton Civic Centre, Moorhampton (demo venue)",
}

JOINING = {
    "face_to_face": (
        "Please arrive from {arrive} for a {start} start. Tea and coffee are provided; "
        "bring your own lunch on full-day courses. The room has step-free access and a "
        "hearing loop. Tell the training team about anything that would help you take part."
    ),
    "live_online": (
        "Join from {arrive} so that we can start on time at {start}. Please find a quiet, "
        "private space and have your camera on if you can: we talk about practice, never "
        "about children or families who could be identified."
    ),
    "e_learning": (
        "The module opens at {start} on the day and stays open until 5pm. It takes about "
        "{hours} hours and can be paused; your progress is saved as you go."
    ),
}

COURSES = [
    # --- Westshire: level 1 ------------------------------------------------------------
    {
        "partnership": "westshire",
        "slug": "safeguarding-essentials",
        "title": "Safeguarding children: the essentials",
        "summary": "A self-paced introduction for anyone new to working or volunteering with "
        "children: what abuse and neglect look like, and what to do when you are worried.",
        "level": 1,
        "format": "e_learning",
        "audiences": ["everyone"],
        "outcomes": [
            "Describe the four categories of abuse and some signs of each",
            "Explain why a small worry can matter when it is added to others",
            "Know how to contact the Westshire Children's Front Door, and when to call 999",
            "Record a concern factually, in the child's own words where you can",
        ],
        "prerequisites": "",
        "who_for": "Staff and volunteers in any organisation who meet children, even briefly: "
        "receptionists, drivers, caretakers, coaches and new starters.",
        "hours": "2",
        "refresher_months": 36,
        "capacity": 60,
        "venue": "",
        "trainers": ["training@westshire.example"],
        "sessions": [
            (-200, 18, 0, ""),
            (-95, 22, 0, ""),
            (-30, 15, 0, ""),
            (14, 9, 0, ""),
            (45, 6, 0, ""),
            (76, 3, 0, ""),
            (107, 2, 0, ""),
            (138, 0, 0, ""),
            (168, 0, 0, ""),
        ],
    },
    {
        "partnership": "westshire",
        "slug": "safeguarding-update-for-school-staff",
        "title": "Annual safeguarding update for school and college staff",
        "summary": "A short live session each year on what has changed in national guidance "
        "and local procedures, and what recent local reviews have taught us.",
        "level": 1,
        "format": "live_online",
        "audiences": ["schools-and-colleges"],
        "outcomes": [
            "Summarise this year's changes to national guidance for schools",
            "Find the local procedures and the Neglect Toolkit on the partnership website",
            "Apply one lesson from a recent local learning review to your own setting",
        ],
        "prerequisites": "Level 1 safeguarding training within the last three years.",
        "who_for": "Teachers, teaching assistants, support staff and governors.",
        "hours": "1.5",
        "refresher_months": 12,
        "fees": (0, 0, 2000),
        "capacity": 30,
        "start": "15:30",
        "trainers": ["trainer@westshire.example"],
        "sessions": [
            (-310, 12, 0, "pat-completed"),
            (-150, 10, 0, ""),
            (-40, 11, 0, ""),
            (9, 8, 0, ""),
            (37, 5, 0, "transfer"),
            (100, 2, 0, ""),
            (160, 0, 0, ""),
        ],
    },
    {
        "partnership": "westshire",
        "slug": "safeguarding-in-community-groups",
        "title": "Safeguarding in clubs, faith and community groups",
        "summary": "Practical safeguarding for volunteers who run clubs, classes, youth "
        "groups and places of worship.",
        "level": 1,
        "format": "face_to_face",
        "audiences": ["voluntary-and-community", "sport-leisure-and-faith"],
        "outcomes": [
            "Explain what a designated safeguarding person in a group does",
            "Use a simple code of conduct for adults and older young people who help",
            "Respond calmly when a child tells you something worrying",
        ],
        "prerequisites": "",
        "who_for": "Volunteers and paid staff in sports clubs, faith groups, uniformed groups "
        "and community organisations.",
        "hours": "3",
        "refresher_months": 36,
        "capacity": 20,
        "venue": "ellerby",
        "start": "13:30",
        "trainers": ["trainer@westshire.example"],
        "sessions": [
            (-120, 9, 0, ""),
            (-12, 8, 0, ""),
            (23, 6, 0, ""),
            (86, 3, 0, ""),
            (150, 0, 0, ""),
        ],
    },
    # --- Westshire: level 2 ------------------------------------------------------------
    {
        "partnership": "westshire",
        "slug": "recognising-and-responding-to-neglect",
        "title": "Recognising and responding to neglect",
        "summary": "A day on the signs of neglect at each age, how it builds up over time, "
        "and how to act before it becomes harm.",
        "level": 2,
        "format": "face_to_face",
        "audiences": ["everyone"],
        "outcomes": [
            "Recognise signs of neglect in babies, children and teenagers",
            "Explain how drift and 'start again' thinking let neglect continue",
            "Talk with parents about your worries honestly and respectfully",
            "Decide when to seek early help and when to contact the Front Door",
        ],
        "prerequisites": "Level 1 safeguarding training.",
        "who_for": "Practitioners who work directly with children or parents.",
        "hours": "6",
        "refresher_months": 36,
        "fees": (4500, 3000, 6000),
        "capacity": 16,
        "venue": "westbury",
        "trainers": ["trainer@westshire.example", "admin@westshire.example"],
        "sessions": [
            (-230, 14, 0, "late-cancel"),
            (-75, 15, 0, "pat-certificate"),
            (12, 16, 3, "offer pat-offer"),
            (47, 16, 2, ""),
            (103, 7, 0, ""),
            (166, 0, 0, ""),
        ],
    },
    {
        "partnership": "westshire",
        "slug": "domestic-abuse-and-children",
        "title": "Domestic abuse and its impact on children",
        "summary": "How living with domestic abuse affects children, and how agencies work "
        "together to keep children and the adult victim safe.",
        "level": 2,
        "format": "live_online",
        "audiences": ["everyone"],
        "outcomes": [
            "Describe how coercive control shapes family life",
            "Recognise children as victims of domestic abuse in their own right",
            "Ask about domestic abuse safely, and never in front of the person harming",
            "Know the local routes to specialist support and multi-agency risk meetings",
        ],
        "prerequisites": "Level 1 safeguarding training.",
        "who_for": "Anyone who works with children, parents or carers.",
        "hours": "3",
        "refresher_months": 36,
        "fees": (2500, 2000, 4000),
        "capacity": 24,
        "trainers": ["trainer@westshire.example"],
        "sessions": [
            (-180, 20, 0, ""),
            (-20, 18, 0, "pat-attended"),
            (19, 24, 4, "offer"),
            (58, 12, 0, ""),
            (121, 3, 0, ""),
        ],
    },
    {
        "partnership": "westshire",
        "slug": "understanding-child-exploitation",
        "title": "Understanding child exploitation",
        "summary": "A self-paced module on criminal and sexual exploitation: how young "
        "people are groomed, and why they may not see themselves as victims.",
        "level": 2,
        "format": "e_learning",
        "audiences": ["everyone"],
        "outcomes": [
            "Describe common patterns of criminal and sexual exploitation",
            "Recognise early signs such as going missing and unexplained money",
            "Use language that does not blame young people for their exploitation",
        ],
        "prerequisites": "Level 1 safeguarding training.",
        "who_for": "Anyone who works with young people aged 10 and over.",
        "hours": "2.5",
        "refresher_months": 36,
        "capacity": 50,
        "trainers": ["training@westshire.example"],
        "sessions": [
            (-60, 16, 0, ""),
            (28, 7, 0, ""),
            (91, 2, 0, ""),
            (154, 0, 0, ""),
        ],
    },
    {
        "partnership": "westshire",
        "slug": "information-sharing",
        "title": "Information sharing: when, what and how",
        "summary": "Confidence to share information to keep children safe, within the law "
        "and with a clear record of why.",
        "level": 2,
        "format": "live_online",
        "audiences": ["everyone"],
        "outcomes": [
            "Explain why data protection law is not a barrier to sharing to protect a child",
            "Decide whether to seek consent, and when not to",
            "Record what you shared, with whom and why",
        ],
        "prerequisites": "",
        "who_for": "Practitioners and managers in any organisation.",
        "hours": "2",
        "refresher_months": 36,
        "fees": (0, 1500, 2500),
        "capacity": 30,
        "start": "13:30",
        "trainers": ["trainer@westshire.example"],
        "sessions": [
            (-140, 19, 0, "late-cancel"),
            (-1, 12, 0, "register-open"),
            (26, 10, 0, ""),
            (84, 4, 0, ""),
            (140, 0, 0, ""),
        ],
    },
    # --- Westshire: level 3 ------------------------------------------------------------
    {
        "partnership": "westshire",
        "slug": "child-protection-conferences",
        "title": "Child protection conferences and core groups",
        "summary": "What happens at an initial conference and afterwards, and how to write "
        "a report and take part so that the plan makes a difference for the child.",
        "level": 3,
        "format": "face_to_face",
        "audiences": ["childrens-social-care", "health", "police", "schools-and-colleges"],
        "outcomes": [
            "Write a conference report that separates facts, analysis and worries",
            "Share your report with parents before the conference",
            "Contribute to a plan with outcomes that can be measured",
            "Use the Resolving Professional Differences protocol when you disagree",
        ],
        "prerequisites": "Level 2 training, and a role that takes you to conferences.",
        "who_for": "Practitioners invited to child protection conferences and core groups.",
        "hours": "6",
        "refresher_months": 36,
        "fees": (6000, 4000, 7500),
        "capacity": 18,
        "venue": "westbury",
        "trainers": ["trainer@westshire.example"],
        "sessions": [
            (-165, 16, 0, ""),
            (-45, 17, 0, "late-cancel"),
            (21, 18, 2, ""),
            (72, 9, 0, ""),
            (135, 1, 0, ""),
        ],
    },
    {
        "partnership": "westshire",
        "slug": "using-the-neglect-toolkit",
        "title": "Using the Westshire Neglect Toolkit",
        "summary": "Hands-on practice with the partnership's graded Neglect Toolkit: scoring, "
        "sharing it with families and using it to show change.",
        "level": 3,
        "format": "face_to_face",
        "audiences": ["everyone"],
        "outcomes": [
            "Complete the toolkit with a family, not about them",
            "Use scores to agree what needs to change and by when",
            "Repeat the toolkit to show progress, or the lack of it, to a meeting",
        ],
        "prerequisites": "Recognising and responding to neglect, or equivalent.",
        "who_for": "Practitioners who lead work with families where neglect is a worry.",
        "hours": "4",
        "refresher_months": 36,
        "fees": (3000, 2500, 5000),
        "capacity": 16,
        "venue": "hospital",
        "trainers": ["training@westshire.example"],
        "sessions": [
            (-100, 14, 0, ""),
            (16, 11, 0, ""),
            (65, 6, 0, ""),
            (128, 0, 0, ""),
        ],
    },
    {
        "partnership": "westshire",
        "slug": "harmful-sexual-behaviour",
        "title": "Harmful sexual behaviour: responding to concerns",
        "summary": "Telling healthy and harmful sexual behaviour apart, and responding "
        "proportionately when a child's behaviour harms others.",
        "level": 3,
        "format": "live_online",
        "audiences": ["schools-and-colleges", "voluntary-and-community", "childrens-social-care"],
        "outcomes": [
            "Place behaviour on a continuum from developmentally expected to violent",
            "Plan to keep every child safe, including the child whose behaviour harms",
            "Know when to seek specialist assessment",
        ],
        "prerequisites": "Level 2 training.",
        "who_for": "Designated leads, pastoral staff and family support workers.",
        "hours": "3",
        "refresher_months": 36,
        "fees": (0, 2500, 4000),
        "capacity": 20,
        "trainers": ["trainer@westshire.example"],
        "sessions": [
            (-130, 18, 0, ""),
            (30, 20, 5, "offer"),
            (93, 8, 0, ""),
            (157, 0, 0, ""),
        ],
    },
    {
        "partnership": "westshire",
        "slug": "contextual-safeguarding",
        "title": "Contextual safeguarding: harm outside the home",
        "summary": "Looking beyond the family to the places, peer groups and online spaces "
        "where young people meet harm, and what agencies can change there.",
        "level": 3,
        "format": "face_to_face",
        "audiences": ["everyone"],
        "outcomes": [
            "Map the places and groups that matter in a young person's life",
            "Work with those who manage a place (shops, parks, transport) to make it safer",
            "Bring concerns about a place or group to a multi-agency meeting",
        ],
        "prerequisites": "Understanding child exploitation, or equivalent.",
        "who_for": "Practitioners working with adolescents in any agency.",
        "hours": "5",
        "refresher_months": 36,
        "fees": (4000, 3000, 6000),
        "capacity": 20,
        "venue": "ellerby",
        "trainers": ["trainer@westshire.example"],
        "sessions": [
            (-55, 17, 0, ""),
            (33, 12, 0, "pat-booked"),
            (97, 4, 0, ""),
            (175, 0, 0, ""),
        ],
    },
    {
        "partnership": "westshire",
        "slug": "trauma-informed-practice",
        "title": "Trauma-informed practice with children and families",
        "summary": "How adversity and trauma shape behaviour and trust, and small changes "
        "that make services feel safer to use.",
        "level": 3,
        "format": "live_online",
        "audiences": ["everyone"],
        "outcomes": [
            "Explain how stress affects a developing brain, in plain words",
            "See behaviour as communication, and respond to the need behind it",
            "Look after yourself and colleagues when the work is hard",
        ],
        "prerequisites": "",
        "who_for": "Anyone who works with children or parents.",
        "hours": "3",
        "refresher_months": 36,
        "capacity": 24,
        "trainers": ["training@westshire.example"],
        "sessions": [
            (-85, 22, 0, ""),
            (8, 24, 6, "pat-waiting"),
            (63, 14, 0, ""),
            (118, 5, 0, ""),
        ],
    },
    # --- Westshire: level 4 ------------------------------------------------------------
    {
        "partnership": "westshire",
        "slug": "designated-safeguarding-lead-refresher",
        "title": "Designated safeguarding lead: two-year refresher",
        "summary": "The refresher every designated safeguarding lead and deputy needs every "
        "two years: the role, the law, and leading a safeguarding culture.",
        "level": 4,
        "format": "face_to_face",
        "audiences": ["schools-and-colleges", "early-years"],
        "outcomes": [
            "Lead your setting's response to a concern from first worry to referral",
            "Keep safeguarding records that another lead could pick up and follow",
            "Support and supervise staff who deal with distressing disclosures",
            "Check your setting against the partnership's section 11 standards",
        ],
        "prerequisites": "You are, or are about to become, a designated lead or deputy.",
        "who_for": "Designated safeguarding leads and deputies in schools, colleges and early "
        "years settings.",
        "hours": "6",
        "refresher_months": 24,
        "fees": (7500, 5000, 7500),
        "capacity": 14,
        "venue": "westbury",
        "trainers": ["training@westshire.example", "trainer@westshire.example"],
        "sessions": [
            (-210, 13, 0, ""),
            (-35, 14, 0, "late-cancel"),
            (15, 14, 3, ""),
            (54, 14, 1, ""),
            (112, 6, 0, ""),
            (170, 0, 0, ""),
        ],
    },
    {
        "partnership": "westshire",
        "slug": "safer-recruitment",
        "title": "Safer recruitment and managing allegations",
        "summary": "For anyone who recruits staff or volunteers, and for managers who must "
        "act when an allegation is made against someone who works with children.",
        "level": 4,
        "format": "face_to_face",
        "audiences": ["managers-and-leaders"],
        "outcomes": [
            "Build safeguarding into every stage of recruitment, from advert to induction",
            "Use references and interview questions that test attitudes to children",
            "Know when to contact the Local Authority Designated Officer",
        ],
        "prerequisites": "You recruit, or manage people who work with children.",
        "who_for": "Managers, governors, trustees and HR staff.",
        "hours": "6",
        "refresher_months": 36,
        "fees": (6000, 4000, 6000),
        "capacity": 16,
        "venue": "westbury",
        "trainers": ["training@westshire.example"],
        "sessions": [
            (-150, 12, 0, ""),
            (40, 10, 0, ""),
            (70, 6, 0, "cancelled"),
            (125, 2, 0, ""),
        ],
    },
    {
        "partnership": "westshire",
        "slug": "leading-safeguarding-supervision",
        "title": "Leading safeguarding supervision",
        "summary": "Reflective supervision that keeps the child in view, challenges drift "
        "and supports the practitioner.",
        "level": 4,
        "format": "live_online",
        "audiences": ["managers-and-leaders"],
        "outcomes": [
            "Structure a supervision discussion around the child's daily experience",
            "Notice and challenge over-optimism and drift",
            "Record supervision decisions so that they can be followed up",
        ],
        "prerequisites": "You supervise staff who work with children.",
        "who_for": "Team leaders, practice supervisors and safeguarding leads.",
        "hours": "3",
        "refresher_months": 36,
        "fees": (0, 0, 3000),
        "capacity": 12,
        "trainers": ["trainer@westshire.example"],
        "sessions": [
            (-90, 10, 0, ""),
            (24, 12, 2, "offer"),
            (88, 5, 0, ""),
            (147, 0, 0, ""),
        ],
    },
    # --- Northmoor -----------------------------------------------------------------------
    {
        "partnership": "northmoor",
        "slug": "safeguarding-for-volunteers",
        "title": "Safeguarding for volunteers",
        "summary": "A self-paced module for Northmoor's volunteers: spotting worries, "
        "keeping to safe boundaries and passing concerns on.",
        "level": 1,
        "format": "e_learning",
        "audiences": ["voluntary-and-community", "sport-leisure-and-faith"],
        "outcomes": [
            "Know who your group's safeguarding lead is and how to reach them",
            "Keep safe boundaries online and in person",
            "Pass on a worry the same day",
        ],
        "prerequisites": "",
        "who_for": "Volunteers of any age over 16 in Northmoor's groups and clubs.",
        "hours": "1.5",
        "refresher_months": 36,
        "capacity": 40,
        "trainers": ["trainer@northmoor.example"],
        "sessions": [
            (-70, 9, 0, ""),
            (20, 5, 0, ""),
            (80, 1, 0, ""),
            (140, 0, 0, ""),
        ],
    },
    {
        "partnership": "northmoor",
        "slug": "early-help-in-northmoor",
        "title": "Early help in Northmoor: the family support pathway",
        "summary": "How to offer help early, lead a family support plan and know when "
        "the worry has grown beyond early help.",
        "level": 2,
        "format": "face_to_face",
        "audiences": ["everyone"],
        "outcomes": [
            "Start an early help conversation with a family",
            "Lead a team around the family meeting",
            "Step a plan up, or down, using Northmoor's levels of need",
        ],
        "prerequisites": "Level 1 safeguarding training.",
        "who_for": "Practitioners in schools, health, housing and the voluntary sector.",
        "hours": "4",
        "refresher_months": 36,
        "fees": (2000, 2000, 4000),
        "capacity": 12,
        "venue": "moorhampton",
        "trainers": ["trainer@northmoor.example"],
        "sessions": [
            (-110, 11, 0, "late-cancel"),
            (-1, 8, 0, "register-open"),
            (27, 12, 2, ""),
            (95, 4, 0, ""),
        ],
    },
    {
        "partnership": "northmoor",
        "slug": "online-safety",
        "title": "Online safety: risks to children in a connected world",
        "summary": "Current online risks, from sharing images to online grooming, and how "
        "to talk about them with children and parents.",
        "level": 3,
        "format": "live_online",
        "audiences": ["everyone"],
        "outcomes": [
            "Describe the main online risks for each age group",
            "Respond when a child shares that an image of them has been passed on",
            "Help parents set up their home in a way that suits their child's age",
        ],
        "prerequisites": "Level 2 training.",
        "who_for": "Practitioners working with children aged 8 and over, and with parents.",
        "hours": "2.5",
        "refresher_months": 36,
        "capacity": 20,
        "trainers": ["trainer@northmoor.example"],
        "sessions": [
            (-40, 11, 0, ""),
            (35, 6, 0, ""),
            (120, 0, 0, ""),
        ],
    },
]

# Each organisation's email domain (all .example, reserved for documentation and tests).
AGENCY_DOMAINS = {
    "Westshire County Council (demo)": "westshire.example",
    "NHS Westshire Integrated Care Board (demo)": "westshire-icb.example",
    "Westmoor Police (demo)": "westmoor-police.example",
    "Westshire Hospitals NHS Foundation Trust (demo)": "westshire-hospitals.example",
    "Moorland Community Health NHS Trust (demo)": "moorland-health.example",
    "South Western Ambulance Service (demo)": "sw-ambulance.example",
    "Westbury Cross Academy Trust (demo)": "westbury-academy.example",
    "St Aldhelm's Church of England Primary School (demo)": "st-aldhelms.example",
    "Westshire College (demo)": "westshire-college.example",
    "Brightpath Family Support (demo)": "brightpath.example",
    "Westshire Youth Football League (demo)": "westshire-youth-football.example",
    "Westshire Faith Forum (demo)": "westshire-faith-forum.example",
    "Westshire Probation Delivery Unit (demo)": "westshire-probation.example",
    "Northmoor Borough Council (demo)": "northmoor.example",
    "Moorhampton High School (demo)": "moorhampton-high.example",
    "Northmoor Primary Learning Partnership (demo)": "northmoor-primary.example",
    "Northmoor General Hospital NHS Trust (demo)": "northmoor-hospital.example",
    "Moorside Housing Association (demo)": "moorside-housing.example",
    "Northmoor Swimming and Leisure Trust (demo)": "northmoor-leisure.example",
    "Northmoor Mosque and Community Centre (demo)": "northmoor-mosque.example",
    "Harbour Young Carers (demo)": "harbour-young-carers.example",
}

# Fictional practitioners who book places: (first name, last name, partnership, agency,
# job). They cannot sign in (no password); the demo sign-ins are in loader.DEMO_PEOPLE.
PRACTITIONERS = [
    ("Amira", "Haddad", "westshire", "Westshire County Council (demo)", "Social worker"),
    ("Joel", "Fenwick", "westshire", "Westshire County Council (demo)", "Early help worker"),
    ("Priya", "Raman", "westshire", "Westshire County Council (demo)", "Team manager"),
    ("Callum", "Reid", "westshire", "Westshire County Council (demo)", "Youth worker"),
    ("Grace", "Adeyemi", "westshire", "Westshire County Council (demo)", "Social worker"),
    ("Hannah", "Lister", "westshire", "Westshire County Council (demo)", "Family practitioner"),
    ("Owen", "Pryce", "westshire", "NHS Westshire Integrated Care Board (demo)", "Named nurse"),
    ("Leah", "Marsh", "westshire", "NHS Westshire Integrated Care Board (demo)", "GP lead"),
    ("Dan", "Whitlock", "westshire", "Westmoor Police (demo)", "Detective constable"),
    ("Sophie", "Carver", "westshire", "Westmoor Police (demo)", "Police constable"),
    ("Marcus", "Bell", "westshire", "Westmoor Police (demo)", "Sergeant"),
    ("Nadia", "Kowalski", "westshire", "Westmoor Police (demo)", "PCSO"),
    (
        "Ruth",
        "Ellison",
        "westshire",
        "Westshire Hospitals NHS Foundation Trust (demo)",
        "Paediatric nurse",
    ),
    (
        "Tomasz",
        "Nowak",
        "westshire",
        "Westshire Hospitals NHS Foundation Trust (demo)",
        "Emergency department nurse",
    ),
    ("Isla", "Morgan", "westshire", "Westshire Hospitals NHS Foundation Trust (demo)", "Midwife"),
    (
        "Femi",
        "Okafor",
        "westshire",
        "Westshire Hospitals NHS Foundation Trust (demo)",
        "Registrar",
    ),
    ("Beth", "Haines", "westshire", "Moorland Community Health NHS Trust (demo)", "Health visitor"),
    ("Karim", "Aziz", "westshire", "Moorland Community Health NHS Trust (demo)", "School nurse"),
    ("Elaine", "Tully", "westshire", "Moorland Community Health NHS Trust (demo)", "Therapist"),
    ("Ben", "Sutton", "westshire", "South Western Ambulance Service (demo)", "Paramedic"),
    ("Chloe", "Danvers", "westshire", "Westbury Cross Academy Trust (demo)", "Class teacher"),
    ("Rhys", "Pembridge", "westshire", "Westbury Cross Academy Trust (demo)", "Head of year"),
    ("Mei", "Lin", "westshire", "Westbury Cross Academy Trust (demo)", "Teaching assistant"),
    ("Oliver", "Grant", "westshire", "Westbury Cross Academy Trust (demo)", "Deputy head"),
    ("Zara", "Qureshi", "westshire", "Westbury Cross Academy Trust (demo)", "Pastoral lead"),
    ("Lucy", "Abbott", "westshire", "Westbury Cross Academy Trust (demo)", "SENCo"),
    ("Idris", "Vaughan", "westshire", "Westbury Cross Academy Trust (demo)", "Class teacher"),
    (
        "Fiona",
        "Blake",
        "westshire",
        "St Aldhelm's Church of England Primary School (demo)",
        "Headteacher",
    ),
    (
        "George",
        "Hartley",
        "westshire",
        "St Aldhelm's Church of England Primary School (demo)",
        "Class teacher",
    ),
    (
        "Anya",
        "Petrova",
        "westshire",
        "St Aldhelm's Church of England Primary School (demo)",
        "Nursery practitioner",
    ),
    (
        "Will",
        "Danby",
        "westshire",
        "St Aldhelm's Church of England Primary School (demo)",
        "Family support worker",
    ),
    ("Sian", "Roberts", "westshire", "Westshire College (demo)", "Student support adviser"),
    ("Ade", "Balogun", "westshire", "Westshire College (demo)", "Lecturer"),
    ("Holly", "Fraser", "westshire", "Westshire College (demo)", "Designated lead"),
    ("Jamie", "Cole", "westshire", "Westshire College (demo)", "Learning mentor"),
    ("Esther", "Nyambura", "westshire", "Brightpath Family Support (demo)", "Family worker"),
    ("Luke", "Ashworth", "westshire", "Brightpath Family Support (demo)", "Volunteer coordinator"),
    ("Rosa", "Delgado", "westshire", "Brightpath Family Support (demo)", "Service manager"),
    ("Kieran", "Doyle", "westshire", "Brightpath Family Support (demo)", "Family worker"),
    ("Tyler", "Brooks", "westshire", "Westshire Youth Football League (demo)", "Coach"),
    ("Megan", "Price", "westshire", "Westshire Youth Football League (demo)", "Welfare officer"),
    ("Sam", "Lowe", "westshire", "Westshire Youth Football League (demo)", "Coach"),
    ("Yusuf", "Rahman", "westshire", "Westshire Faith Forum (demo)", "Youth leader"),
    ("Ann", "Whitfield", "westshire", "Westshire Faith Forum (demo)", "Children's worker"),
    (
        "Craig",
        "Munro",
        "westshire",
        "Westshire Probation Delivery Unit (demo)",
        "Probation officer",
    ),
    ("Layla", "Hussain", "westshire", "Westshire Probation Delivery Unit (demo)", "Case manager"),
    ("Ellie", "Barton", "northmoor", "Northmoor Borough Council (demo)", "Social worker"),
    ("Ravi", "Mehta", "northmoor", "Northmoor Borough Council (demo)", "Early help coordinator"),
    ("Jo", "Kerr", "northmoor", "Northmoor Borough Council (demo)", "Youth worker"),
    ("Harriet", "Cole", "northmoor", "Moorhampton High School (demo)", "Head of year"),
    ("Nathan", "Forde", "northmoor", "Moorhampton High School (demo)", "Class teacher"),
    ("Alisha", "Begum", "northmoor", "Moorhampton High School (demo)", "Pastoral support"),
    (
        "Tom",
        "Harker",
        "northmoor",
        "Northmoor Primary Learning Partnership (demo)",
        "Class teacher",
    ),
    (
        "Freya",
        "Lund",
        "northmoor",
        "Northmoor Primary Learning Partnership (demo)",
        "Teaching assistant",
    ),
    ("Victor", "Osei", "northmoor", "Northmoor General Hospital NHS Trust (demo)", "Nurse"),
    ("Molly", "Quinn", "northmoor", "Northmoor General Hospital NHS Trust (demo)", "Midwife"),
    ("Dev", "Patel", "northmoor", "Moorside Housing Association (demo)", "Housing officer"),
    ("Carys", "Evans", "northmoor", "Moorside Housing Association (demo)", "Tenancy support"),
    ("Finn", "Gallagher", "northmoor", "Northmoor Swimming and Leisure Trust (demo)", "Coach"),
    ("Ayesha", "Malik", "northmoor", "Northmoor Mosque and Community Centre (demo)", "Teacher"),
    ("Robyn", "Shaw", "northmoor", "Harbour Young Carers (demo)", "Young carers worker"),
    ("Kofi", "Mensah", "northmoor", "Harbour Young Carers (demo)", "Volunteer"),
]

# Evaluation answers: what people found most useful and what could be better. Written as a
# practitioner would, with nothing about any child or family.
MOST_USEFUL = [
    "Working through a case study in small groups with colleagues from other agencies.",
    "Hearing how the Front Door decides what happens after a call.",
    "The trainer's examples of how to word a worry to a parent.",
    "Time to practise writing a short, factual record.",
    "Knowing exactly where the local procedures and toolkits are on the website.",
    "Understanding what other agencies can and cannot do.",
    "The chance to ask questions about real situations without naming anyone.",
]
COULD_IMPROVE = [
    "",
    "A little more time for the group exercise.",
    "Slides sent out beforehand would help me take notes.",
    "",
    "More examples from early years settings.",
    "A shorter lunch and an earlier finish.",
]
IMPACT_EXAMPLES = [
    "I raise worries with parents earlier and more plainly, and note what I said.",
    "Our team now checks the local procedures before a strategy discussion.",
    "I use the Neglect Toolkit at the start of work with a family, not only when it is "
    "going badly.",
    "I asked for advice from the Front Door sooner than I would have before.",
    "I challenged a decision using the escalation protocol; it was resolved at the first stage.",
    "We changed our induction so that new volunteers meet our safeguarding lead in week one.",
    "I now record why I shared information, and with whom.",
]
