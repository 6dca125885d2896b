"""The demo's levels of need and neglect screening tool.

All of it is fictional demo content, written afresh in plain English for this project. No
text is taken from any real threshold document or assessment tool (in particular none from
the NSPCC's Graded Care Profile 2, which is licensed). The services named "(demo)" are
invented; phone numbers are in Ofcom's range reserved for drama (01632 960xxx).

The content is written once and loaded twice (hub/demo/decision_aids.py): for Westshire, as
its own guide and tool, and for the consortium, as the regional versions that Northmoor uses.
Strings are filled with str.format_map from the owner's words (`WORDS`, plus the front door's
name and numbers from the partnership's "Worried about a child?" settings), so they hold no
other curly braces. No sentence starts with a placeholder, so the same sentence reads right
with a service's name ("Westshire Family Hubs (demo)") or a description ("the family hub for
the child's area"). Links are plain addresses: the regional text links only to addresses that
mean the same on every partnership's site (the procedures, the library's topic lists, the
regional documents, the screening tool).

The data:

- GUIDE: the guide's title and introduction.
- LEVELS: the four levels, lowest first: slug, name, summary (plain text), what to do next.
- DOMAINS: the areas of a child's life, each with its topics; each topic describes the need
  at every level as (text, local services), with the procedure chapter for the topic (used
  at every level but universal) or, without one, the level's own (LEVEL_CHAPTERS).
- TOOL: the neglect screening tool: its words, rating scale, domains of indicators (text,
  hint, who could tell you) and ordered outcome rules ending in "otherwise".
"""

DEMO_NOTE = (
    "<p><i>This is demonstration content. The partnerships, services and phone numbers on "
    "these pages are fictional.</i></p>"
)

# The owner's own words: Westshire's services by name, or the regional descriptions that fit
# every partnership of the consortium. The loader adds front_door, call_front_door and
# out_of_hours from the partnership's contact details (or the regional wording below).
WORDS = {
    "westshire": {
        "area": "Westshire",
        "threshold_document": (
            '<a href="/library/effective-support-threshold-guidance/">Effective Support for '
            "Children and Families in Westshire</a>"
        ),
        "early_help_advice": (
            "the early help advice line at Westshire Family Hubs (demo) on 01632 960 110"
        ),
        "early_help_form": (
            'the <a href="/library/early-help-assessment-template/">Early Help Assessment and '
            "Plan</a>"
        ),
        "escalation": (
            'the <a href="/library/resolving-professional-differences-protocol/">Resolving '
            "Professional Differences (Escalation) Protocol</a>"
        ),
        "online_safety_guide": (
            'the <a href="/library/online-safety-guide-for-parents/">online safety guide for '
            "parents</a>"
        ),
        "family_hub": "Westshire Family Hubs (demo)",
        "health_visiting": "Westshire Health Visiting Service (demo)",
        "school_nursing": "Westshire School Nursing Service (demo)",
        "mental_health": "Healthy Minds Westshire (demo), the children's mental health service",
        "send": "Westshire SEND Information, Advice and Support Service (demo)",
        "attendance": "the Westshire Attendance and Inclusion Team (demo)",
        "parenting": "the Parenting Together courses at Westshire Family Hubs (demo)",
        "domestic_abuse_service": "Safer Homes Westshire (demo)",
        "housing": "Westshire Housing Options (demo)",
        "money": "the Westshire Money Advice Network (demo)",
        "substance": "the Westshire Recovery Partnership (demo)",
        "young_carers": "Westshire Young Carers (demo)",
        "youth": "the Westshire Youth Service (demo)",
        "exploitation": "the Westshire Exploitation Team (demo)",
        "missing": "Brightpath Family Support (demo)",
    },
    None: {
        "area": "the partnerships of the South West (demo) consortium",
        "threshold_document": "each partnership's threshold document",
        "early_help_advice": "the family hub or early help service for the child's area",
        "early_help_form": (
            'your partnership\'s <a href="/library/?topic=early-help">early help assessment '
            "form, in the local protocols and guidance</a>"
        ),
        "escalation": (
            'the <a href="/procedures/resolving-professional-differences/">resolving '
            "professional differences procedure</a>"
        ),
        "online_safety_guide": (
            'the <a href="/library/?topic=online-safety">online safety guidance in the local '
            "protocols and guidance</a>"
        ),
        "family_hub": "the family hub for the child's area",
        "health_visiting": "the health visiting service",
        "school_nursing": "the school nursing service",
        "mental_health": "the children and young people's mental health service",
        "send": "the SEND information, advice and support service",
        "attendance": "the local authority's attendance team",
        "parenting": "the parenting courses run by family hubs",
        "domestic_abuse_service": "the local domestic abuse service",
        "housing": "the council's housing options team",
        "money": "a local money advice service",
        "substance": "the adult drug and alcohol service",
        "young_carers": "the young carers service",
        "youth": "the youth service",
        "exploitation": "the exploitation team for the child's area",
        "missing": "the return home interview service",
        "front_door": "the children's social care front door for the child's area",
        "call_front_door": (
            "the children's social care front door for the child's area (its number is "
            "under “Worried about a child?” on every page of this site)"
        ),
        "out_of_hours": (
            "the emergency duty team (its number is under “Worried about a child?” on every "
            "page of this site)"
        ),
    },
}

GUIDE = {
    "title": "Levels of need",
    "introduction": (
        "<p>These pages describe the four levels of need that agencies across {area} use to "
        "agree what help a child and family need, and who should give it. For each area of a "
        "child's life they show what needs look like at every level, with the local services "
        "that can help and the procedure to follow.</p><p>They are the online version of "
        "{threshold_document}. Use them to support your professional judgement, never to "
        "replace it: talk with the family, look at the whole picture over time, and ask for "
        "advice when you are unsure.</p>" + DEMO_NOTE
    ),
}

_REFERRAL = '<a href="/procedures/making-a-referral/">referral route</a>'

LEVELS = [
    {
        "slug": "universal",
        "name": "Universal",
        "summary": (
            "Children whose needs are met by the services every family uses: early years "
            "settings, schools and colleges, GPs, health visitors and school nurses. Most "
            "children are at this level most of the time."
        ),
        "what_to_do": (
            "<p>Keep meeting the child's needs through your own service, and talk with the "
            "family about anything that worries you.</p><ul><li>Tell the family about "
            "universal services that could help, such as family hubs, health visiting and "
            "school nursing.</li><li>If needs are growing, talk with the family about early "
            "help and, with their agreement, start {early_help_form}.</li><li>For advice on "
            "which level fits, call {early_help_advice}.</li></ul><p>If you disagree with "
            "another agency about a child's needs, follow {escalation}.</p>"
        ),
    },
    {
        "slug": "early-help",
        "name": "Early help",
        "summary": (
            "Children with additional needs that one agency cannot meet alone, best met by "
            "agencies working together with the family, with a lead practitioner and an early "
            "help plan. Early help needs the family's agreement."
        ),
        "what_to_do": (
            "<h3>Who to contact</h3><p>For advice about early help, call "
            "{early_help_advice}.</p><h3>The early help form</h3><p>With the family's "
            "agreement, complete {early_help_form} together. Agree who will be the lead "
            "practitioner, and review the plan with the family at least every eight "
            "weeks.</p><h3>If things get worse</h3><p>If the plan is not making a "
            "difference, ask for targeted support. If you think the child is suffering or "
            "likely to suffer harm, use the " + _REFERRAL + " and call "
            "{call_front_door}.</p><h3>If you disagree</h3><p>If you disagree with another "
            "agency about the plan or the level, follow {escalation}.</p>"
        ),
    },
    {
        "slug": "targeted",
        "name": "Targeted",
        "summary": (
            "Children with complex or several needs that early help has not met, who need a "
            "coordinated plan from targeted family support, and may need an assessment by "
            "children's social care."
        ),
        "what_to_do": (
            "<h3>Who to contact</h3><p>Talk to your designated safeguarding lead. For advice "
            "before you decide, call {call_front_door} and ask for a consultation.</p><h3>The "
            "referral route</h3><p>Ask for targeted family support, or a child and family "
            "assessment by children's social care, through the " + _REFERRAL + ". Say which "
            "level you think applies and why, and tell the family you are asking unless that "
            "would put the child at risk.</p><h3>The early help form</h3><p>If the family "
            "has an early help plan, send {early_help_form} with your request.</p><h3>If you "
            "disagree with the decision</h3><p>Ask the duty manager to explain it. If you "
            "still disagree, follow {escalation}.</p>"
        ),
    },
    {
        "slug": "specialist",
        "name": "Specialist",
        "summary": (
            "Children who need statutory services: a child in need whose needs can only be met "
            "by children's social care, a child who is suffering or likely to suffer "
            "significant harm (child protection), or a child who may need to be looked after."
        ),
        "what_to_do": (
            "<h3>If a child is in immediate danger</h3><p>Call 999.</p><h3>Who to "
            "call</h3><p>Call {call_front_door} the same day. Outside office hours, call "
            "{out_of_hours}.</p><h3>The referral route</h3><p>Follow the call with the "
            "written referral within one working day, as the " + _REFERRAL + " sets out. Do "
            "not wait to gather more information, and do not investigate yourself.</p><h3>If "
            "you disagree with the decision</h3><p>If you think the response does not keep "
            "the child safe, ask for the decision to be looked at again by a manager, and "
            "follow {escalation}.</p>"
        ),
    },
]

# The procedure a need at each level points to when its topic has no chapter of its own.
LEVEL_CHAPTERS = {
    "universal": None,
    "early-help": "early-help",
    "targeted": "child-in-need-assessment",
    "specialist": "section-47-enquiries",
}


def _topic(name, levels, chapter=None):
    """`levels`: (text, services) for universal, early help, targeted and specialist."""
    slugs = [level["slug"] for level in LEVELS]
    return {"topic": name, "chapter": chapter, "levels": dict(zip(slugs, levels, strict=True))}


DOMAINS = [
    {
        "slug": "childs-development",
        "name": "The child's development",
        "description": "Health, learning, emotional wellbeing and behaviour.",
        "topics": [
            _topic(
                "Health",
                [
                    (
                        "Healthy and growing as expected. Immunisations, health reviews and "
                        "dental visits are up to date, and carers ask for advice when the "
                        "child is unwell.",
                        "<p>GP practices, {health_visiting} for children under five and "
                        "{school_nursing} for children at school.</p>",
                    ),
                    (
                        "Some health needs are not being met: missed appointments, a weight or "
                        "dental problem that is getting worse, or a long-term condition not "
                        "well managed at home.",
                        "<p>Drop-in sessions in every secondary school are run by "
                        "{school_nursing}, which can also join an early help plan. For a child "
                        "under five, ask {health_visiting} for a review.</p>",
                    ),
                    (
                        "Health needs are regularly unmet and it is affecting the child: "
                        "repeated missed appointments for a serious condition, untreated "
                        "tooth decay causing pain, or poor growth with no clear reason.",
                        "<p>Ask the child's GP or paediatrician what they know. A team around "
                        "the family meeting can be arranged through {family_hub}.</p>",
                    ),
                    (
                        "The child's health is at serious risk because care is not given: an "
                        "urgent need ignored, treatment withheld, or an injury with no "
                        "explanation, or one that does not fit.",
                        "<p>Refer to {front_door}. Children's social care can arrange a child "
                        "protection medical with the paediatric team.</p>",
                    ),
                ],
                chapter="child-protection-medical-examinations",
            ),
            _topic(
                "Learning and school",
                [
                    (
                        "Goes to school, college or an early years setting regularly, is "
                        "making progress, and has chances to play and learn at home.",
                        "<p>The school's or setting's own support, including its special "
                        "educational needs coordinator (SENCO).</p>",
                    ),
                    (
                        "Attendance is falling or the child is often late; learning, speech "
                        "or language needs are emerging and carers need help to support them.",
                        "<p>Schools can ask {attendance} for advice when attendance falls "
                        "below 90 per cent. Parents of children with additional needs can get "
                        "advice from {send}.</p>",
                    ),
                    (
                        "Persistent absence, repeated suspensions or a risk of permanent "
                        "exclusion; or significant learning needs not being met, with the "
                        "family finding it hard to engage.",
                        "<p>A formal attendance plan can be started with {attendance}. Ask "
                        "{family_hub} whether a targeted family support worker can lead the "
                        "plan.</p>",
                    ),
                    (
                        "The child is missing from education and cannot be found, is kept at "
                        "home in a way that hides harm, or the lack of education is part of "
                        "a wider picture of serious neglect.",
                        "<p>Tell {attendance} the same day that a child is missing from "
                        "education, and refer to {front_door} if you think the child is being "
                        "harmed.</p>",
                    ),
                ],
                chapter="children-missing-education",
            ),
            _topic(
                "Emotional wellbeing and behaviour",
                [
                    (
                        "Generally content and able to manage feelings for their age; has "
                        "friends and trusted adults, and behaves much as expected for their "
                        "age.",
                        "<p>Pastoral support in schools and colleges, and youth clubs run by "
                        "{youth}.</p>",
                    ),
                    (
                        "Low mood, worry, withdrawal or challenging behaviour that is "
                        "affecting school, friendships or family life; early signs of "
                        "self-harm.",
                        "<p>Any professional can ask for advice from {mental_health}. Schools "
                        "can ask their mental health support team for a short course of "
                        "help.</p>",
                    ),
                    (
                        "Emotional or behavioural difficulties that are severe or lasting and "
                        "have not improved with early help: repeated self-harm, aggression at "
                        "home, or getting drawn into antisocial behaviour.",
                        "<p>Ask for an assessment by {mental_health}. Targeted youth support "
                        "for young people at risk of offending is run by {youth}.</p>",
                    ),
                    (
                        "The child is at immediate risk because of their mental health or "
                        "behaviour and carers cannot keep them safe, or the behaviour points "
                        "to abuse, such as sexualised behaviour not expected at their age.",
                        "<p>For an immediate risk to life, call 999. Refer to {front_door} "
                        "when carers cannot keep the child safe or you think the behaviour "
                        "comes from abuse.</p>",
                    ),
                ],
            ),
        ],
    },
    {
        "slug": "parenting-capacity",
        "name": "Parenting capacity",
        "description": (
            "How well the people caring for the child meet their needs, day to day and over time."
        ),
        "topics": [
            _topic(
                "Basic care",
                [
                    (
                        "The child is fed, clean, dressed for the weather and has somewhere "
                        "warm and safe to sleep. Carers cope, and ask for help when they need "
                        "it.",
                        "<p>Advice on routines, sleep and healthy eating from schools and "
                        "{health_visiting}.</p>",
                    ),
                    (
                        "Basic care is sometimes not good enough: irregular meals, poor "
                        "hygiene or unsuitable clothing, which carers put right with some "
                        "help.",
                        "<p>Help with routines and budgeting is offered by {family_hub}, which "
                        "can lead an early help plan with the family.</p>",
                    ),
                    (
                        "Basic care is often poor and changes do not last: the child is "
                        "frequently hungry, unwashed or tired, and earlier help has not made "
                        "enough difference.",
                        '<p>Use the <a href="/decision-aids/neglect-screening/">neglect '
                        "screening tool</a> to look at the whole picture, and discuss with "
                        "your designated safeguarding lead whether to ask for a child and "
                        "family assessment.</p>",
                    ),
                    (
                        "Basic care is so poor that the child is suffering or likely to "
                        "suffer significant harm: persistently hungry, living in dangerous "
                        "conditions, or a baby whose basic needs are left unmet.",
                        "<p>Refer to {front_door} the same day. If a child is in immediate "
                        "danger, call 999.</p>",
                    ),
                ],
                chapter="neglect",
            ),
            _topic(
                "Supervision and safety",
                [
                    (
                        "Carers know where the child is and who they are with, keep the home "
                        "safe for the child's age, and choose safe people to look after them.",
                        "<p>Home safety advice from {health_visiting}, and the fire "
                        "service's free home safety visits.</p>",
                    ),
                    (
                        "Supervision is inconsistent: a young child is sometimes left with "
                        "unsuitable people, or an older child stays out late without carers "
                        "knowing where.",
                        "<p>Carers who want help with boundaries and supervision can join "
                        "{parenting}.</p>",
                    ),
                    (
                        "The child is often left without suitable supervision or exposed to "
                        "hazards in the home, and carers do not act on advice.",
                        "<p>Ask {family_hub} for targeted family support, and talk to your "
                        "designated safeguarding lead about a referral.</p>",
                    ),
                    (
                        "The child is left alone for long periods, at an age or in a place "
                        "where that is dangerous, or has been hurt because nobody was "
                        "watching.",
                        "<p>Refer to {front_door}. Outside office hours, call {out_of_hours}.</p>",
                    ),
                ],
                chapter="neglect",
            ),
            _topic(
                "Warmth, guidance and boundaries",
                [
                    (
                        "Carers are warm and encouraging, set clear and fair boundaries, and "
                        "the child has stable relationships with the adults who care for "
                        "them.",
                        "<p>Parenting information from family hubs, schools and "
                        "{health_visiting}.</p>",
                    ),
                    (
                        "Carers are struggling with the child's behaviour, boundaries are "
                        "inconsistent, or the relationship between carer and child is under "
                        "strain.",
                        "<p>Parenting courses: {parenting}. For an early help plan, contact "
                        "{family_hub}.</p>",
                    ),
                    (
                        "The child is often criticised, ignored or blamed, or is given "
                        "responsibilities far beyond their age, such as caring for a parent "
                        "or for younger children.",
                        "<p>Children who care for someone at home can be assessed and "
                        "supported by {young_carers}. Consider asking for a child and family "
                        "assessment.</p>",
                    ),
                    (
                        "The child is persistently rejected, frightened or humiliated by "
                        "carers, or is harmed by the way they are punished.",
                        "<p>Refer to {front_door}. A mark left by physical punishment, or any "
                        "injury to a baby who is not yet mobile, needs a referral the same "
                        "day.</p>",
                    ),
                ],
            ),
        ],
    },
    {
        "slug": "family-and-environment",
        "name": "Family and environment",
        "description": (
            "The family's relationships, the adults' own needs, the home, money and community."
        ),
        "topics": [
            _topic(
                "Relationships and domestic abuse",
                [
                    (
                        "Family relationships are generally stable and supportive, and any "
                        "conflict between adults is settled without violence or fear.",
                        "<p>Relationship support through family hubs.</p>",
                    ),
                    (
                        "Arguments between adults are frequent and the child sees or hears "
                        "them, or parents have separated and conflict over the child is "
                        "affecting them.",
                        "<p>Courses for parents in conflict are run by {family_hub}. "
                        "Professionals unsure whether it is domestic abuse can ask "
                        "{domestic_abuse_service} for advice.</p>",
                    ),
                    (
                        "There is domestic abuse at home assessed as medium risk, or repeated "
                        "incidents affecting the child, and the adult being harmed wants "
                        "help.",
                        "<p>Support for adults and children is offered by "
                        "{domestic_abuse_service}. Plan for the child's safety as well as the "
                        "adult's.</p>",
                    ),
                    (
                        "There is domestic abuse assessed as high risk, the child has been "
                        "hurt or threatened, or the child is being used to control the adult "
                        "being harmed.",
                        "<p>Refer to {front_door} and check that a MARAC referral has been "
                        "made. If anyone is in immediate danger, call 999.</p>",
                    ),
                ],
                chapter="domestic-abuse",
            ),
            _topic(
                "Adults' own needs",
                [
                    (
                        "Carers' own health, including their mental health, and any use of "
                        "alcohol do not get in the way of caring for the child.",
                        "<p>GP practices and adult services.</p>",
                    ),
                    (
                        "A carer's mental health, drug or alcohol use or learning disability "
                        "is starting to affect the child's routines or care, and the carer "
                        "accepts help.",
                        "<p>Adult mental health services and {substance} can agree a shared "
                        "plan with {family_hub}.</p>",
                    ),
                    (
                        "A carer's mental health or substance use regularly affects their "
                        "care of the child, or the child is looking after the carer, and the "
                        "carer does not engage consistently.",
                        "<p>Help for the adult from {substance}, and for the child from "
                        "{young_carers}. Consider asking for a child and family "
                        "assessment.</p>",
                    ),
                    (
                        "A carer's mental health or substance use leaves the child unsafe: "
                        "the carer is often unable to look after them, the child is exposed "
                        "to drugs, or a carer has threatened to harm the child.",
                        "<p>Refer to {front_door}. Outside office hours, call {out_of_hours}.</p>",
                    ),
                ],
            ),
            _topic(
                "Home, money and community",
                [
                    (
                        "The family has a stable home and enough money for essentials, and "
                        "takes part in community life.",
                        "<p>Family hubs, libraries and community groups.</p>",
                    ),
                    (
                        "The family is in debt, in poor or overcrowded housing, at risk of "
                        "losing its home, or cut off from friends and community.",
                        "<p>Debt and benefits advice from {money}. If the family may lose its "
                        "home, contact {housing}.</p>",
                    ),
                    (
                        "The family is homeless or moving often, living in housing that harms "
                        "the child's health, or in serious hardship that earlier help has not "
                        "eased.",
                        "<p>Tell {housing} about a family who are homeless or at risk of it. "
                        "Help across agencies can be coordinated by {family_hub}.</p>",
                    ),
                    (
                        "The family's circumstances leave the child without a safe place to "
                        "live, or the home is dangerous and carers cannot or will not make it "
                        "safe.",
                        "<p>Refer to {front_door}.</p>",
                    ),
                ],
            ),
        ],
    },
    {
        "slug": "safety-outside-the-home",
        "name": "Safety outside the home",
        "description": (
            "Risks to the child from people and places outside the family, online and offline."
        ),
        "topics": [
            _topic(
                "Going missing",
                [
                    (
                        "The child comes home when expected, and carers know how to reach them.",
                        "<p>Advice for parents on keeping in touch, from schools and family "
                        "hubs.</p>",
                    ),
                    (
                        "The child has stayed out late or away overnight once or twice, and "
                        "carers are worried about where they were.",
                        "<p>Youth workers from {youth} can meet the young person. Carers "
                        "should report a missing child to the police on 101, or 999 if they "
                        "fear for the child's safety.</p>",
                    ),
                    (
                        "The child goes missing repeatedly, or comes back with things or money "
                        "that carers cannot explain.",
                        "<p>After every missing episode the child is offered a return home "
                        "interview by {missing}. Share what you know with the police.</p>",
                    ),
                    (
                        "The child goes missing often or for long periods, or there is "
                        "evidence that they are being harmed while missing.",
                        "<p>Refer to {front_door}; a strategy discussion will consider whether "
                        "the child is at risk of significant harm.</p>",
                    ),
                ],
                chapter="children-missing-from-home-or-care",
            ),
            _topic(
                "Exploitation",
                [
                    (
                        "The child has safe friendships, knows how to keep safe and whom to "
                        "tell if something worries them.",
                        "<p>Relationships and sex education in schools, and activities run "
                        "by {youth}.</p>",
                    ),
                    (
                        "The child has new older friends, unexplained gifts or a change in "
                        "behaviour that worries carers or staff, but no clear sign of "
                        "exploitation.",
                        "<p>Write down what you notice and talk to your designated "
                        "safeguarding lead. Mentoring for young people at risk is offered by "
                        "{youth}.</p>",
                    ),
                    (
                        "There are signs the child may be being groomed or exploited: links "
                        "to adults who pose a risk, carrying or selling drugs, or sexual "
                        "relationships with older people.",
                        '<p>Complete the <a href="/library/child-exploitation-screening-tool/">'
                        "child exploitation screening tool</a> and share it with "
                        "{exploitation}.</p>",
                    ),
                    (
                        "The child is being sexually or criminally exploited, or is at high "
                        "risk of it, including being moved to other areas to sell drugs.",
                        "<p>Refer to {front_door} and tell the police. Every child at high "
                        "risk is reviewed by {exploitation}.</p>",
                    ),
                ],
                chapter="child-sexual-exploitation",
            ),
            _topic(
                "Online safety",
                [
                    (
                        "The child uses the internet safely for their age, and carers know "
                        "what they use and have set sensible controls.",
                        "<p>For carers: {online_safety_guide}.</p>",
                    ),
                    (
                        "The child spends a lot of time online in ways carers cannot "
                        "supervise, has had upsetting contact online, or has shared images "
                        "that worry them.",
                        "<p>Schools can help carers set controls and talk with the child. If "
                        "a nude image has been shared, talk to your designated safeguarding "
                        "lead before doing anything else.</p>",
                    ),
                    (
                        "The child is being bullied, pressured or contacted by adults online "
                        "and it is affecting their wellbeing, or has shared sexual images "
                        "with people they do not know.",
                        "<p>Report contact by adults to the police. A child who is "
                        "distressed can be helped by {mental_health}.</p>",
                    ),
                    (
                        "The child is being sexually abused or exploited online, is being "
                        "blackmailed with images, or is being drawn into extreme views that "
                        "put them or others at risk.",
                        "<p>Refer to {front_door} and tell the police the same day.</p>",
                    ),
                ],
            ),
        ],
    },
]


# -- the neglect screening tool ---------------------------------------------------------------


def _indicator(text, hint, who=""):
    return {"text": text, "hint": hint, "who_could_tell": who}


TOOL = {
    "title": "Neglect screening tool",
    "slug": "neglect-screening",
    "summary": (
        "Think through thirty questions about a child's daily care, see which level of need "
        "your worries point to and what to do next. Nothing you enter is kept."
    ),
    "introduction": (
        "<p>Use this tool when you are worried that a child's needs are being neglected and "
        "want to think through the whole picture before you decide what to do. It is for "
        "anyone who works or volunteers with children across {area}.</p><p>There are four "
        "areas, each with seven or eight questions. For each one, choose how concerned you "
        "are from what you know of the child's life over recent weeks, not from a single good "
        "or bad day. Choose “Not known” when you cannot say: the outcome lists who could tell "
        "you.</p><p>At the end you will see an indicative level of need with what to do "
        "next. It supports your professional judgement; it is not a decision. Nothing you "
        "enter is stored anywhere: print or save the summary for your own agency's record if "
        "you need one.</p><p><i>This is demonstration content written for the Safeguarding "
        "Partnership Hub. It is not a validated assessment tool.</i></p>"
    ),
    "guidance": (
        "<p>The level shown is a starting point for a conversation with your designated "
        "safeguarding lead, not a decision. One serious worry can be enough for a referral "
        "whatever the outcome says, and if a child is in immediate danger, call 999.</p><p>If "
        "you disagree with another agency about what should happen, follow {escalation}.</p>"
    ),
    "scale": [
        ("Not concerned", "What you know shows this need is met well.", "strength"),
        ("Some concern", "There are gaps that come and go, or that carers put right.", "some"),
        ("Very concerned", "This need is often, or seriously, not met.", "serious"),
        ("Not known", "You do not know enough to say.", "unknown"),
    ],
    "domains": [
        {
            "title": "Food, home and everyday care",
            "guidance": "Whether the child's physical needs are met, day to day.",
            "indicators": [
                _indicator(
                    "Meals: the child has enough to eat, at regular times.",
                    "Think about breakfast and packed lunches, and whether the child asks "
                    "others for food or hides it.",
                    "School or nursery staff who see the child at mealtimes",
                ),
                _indicator(
                    "Food suits the child's age and any health needs.",
                    "For a baby, feeds made up safely; for a child with an allergy or "
                    "diabetes, a diet that is managed.",
                    "The health visitor, school nurse or GP",
                ),
                _indicator(
                    "Clothes and shoes fit and suit the weather.",
                    "A coat in winter, shoes that fit, a change of clothes when needed.",
                    "School or nursery staff",
                ),
                _indicator(
                    "The child is kept clean.",
                    "Washing, clean clothes, nappies changed often enough, head lice treated.",
                    "School or nursery staff, or the health visitor",
                ),
                _indicator(
                    "The child has a bed and enough sleep.",
                    "Their own bed or cot with bedding, a bedtime routine, whether the child "
                    "is often tired.",
                    "A practitioner who has visited the home",
                ),
                _indicator(
                    "The home is warm, dry and reasonably clean.",
                    "Heating, damp, rubbish, animal mess: what you have seen on a visit, and "
                    "what the child says.",
                    "A practitioner who has visited the home, or the housing provider",
                ),
                _indicator(
                    "There is space and equipment for the child's age.",
                    "A safe place for a baby to sleep and play; somewhere for an older child "
                    "to do homework.",
                    "The health visitor or a family support worker",
                ),
                _indicator(
                    "Carers put problems with everyday care right when they are pointed out.",
                    "Whether changes are made, and whether they last.",
                    "Whoever last talked with the family about a worry",
                ),
            ],
        },
        {
            "title": "Health and development",
            "guidance": "Whether the child's health needs are noticed and acted on.",
            "indicators": [
                _indicator(
                    "Health appointments are kept.",
                    "Immunisations, development reviews, hospital follow-ups.",
                    "The GP practice or the health visitor",
                ),
                _indicator(
                    "The child sees a dentist and their teeth are cared for.",
                    "Visible decay, toothache, whether the child is registered with a dentist.",
                    "The school nurse or the child's dentist",
                ),
                _indicator(
                    "Illness and injury are noticed and treated in good time.",
                    "Whether carers ask for help, and how quickly.",
                    "The GP practice",
                ),
                _indicator(
                    "Long-term conditions and medicines are managed.",
                    "Asthma, epilepsy, diabetes or eczema: prescriptions collected and given.",
                    "The child's GP, specialist nurse or school nurse",
                ),
                _indicator(
                    "The child's growth and weight are as expected.",
                    "Poor growth, or a weight problem, that nobody is dealing with.",
                    "The health visitor or school nurse",
                ),
                _indicator(
                    "Talking, play and learning are encouraged at home.",
                    "Talking and reading with the child; toys and activities for their age.",
                    "Early years staff or the health visitor",
                ),
                _indicator(
                    "Additional needs are recognised, and carers take up the help offered.",
                    "Special educational needs or a disability, and whether the family works "
                    "with the support.",
                    "The special educational needs coordinator (SENCO) at the child's school",
                ),
            ],
        },
        {
            "title": "Safety and supervision",
            "guidance": "Whether the child is kept safe at home and away from it.",
            "indicators": [
                _indicator(
                    "An adult knows where the child is and who they are with.",
                    "For a young child, all the time; for an older child, in a way that "
                    "suits their age.",
                    "School staff, or other carers",
                ),
                _indicator(
                    "The child is not left alone, or in charge of others, beyond what suits "
                    "their age.",
                    "A young child left at home; an older brother or sister babysitting "
                    "for long spells.",
                    "School staff",
                ),
                _indicator(
                    "The people who look after the child are safe and suitable.",
                    "Who babysits; visitors to the home; any adult known to pose a risk.",
                    "Your designated safeguarding lead, who can ask the police or "
                    "children's social care",
                ),
                _indicator(
                    "Dangers in the home are made safe.",
                    "Medicines, cleaning products, stairs, windows, heaters; safe sleep for "
                    "a baby.",
                    "The health visitor or a practitioner who has visited",
                ),
                _indicator(
                    "The child is kept safe on roads, in the car and in public places.",
                    "Car seats, crossing roads, being collected on time.",
                    "School or nursery staff at drop-off and collection",
                ),
                _indicator(
                    "The child's phone and internet use is supervised for their age.",
                    "Controls, who the child talks to online, time online late at night.",
                    "The school's designated safeguarding lead",
                ),
                _indicator(
                    "Carers notice and act when the child is worried or at risk.",
                    "Bullying, staying out, new older friends.",
                    "The child, if it is safe to ask; school pastoral staff",
                ),
                _indicator(
                    "Carers' own circumstances do not put the child at risk.",
                    "Drug or alcohol use, domestic abuse or mental ill health while the child "
                    "is in their care.",
                    "Adult services working with the carer, with their consent",
                ),
            ],
        },
        {
            "title": "Love, care and stimulation",
            "guidance": "Whether the child feels cared for, encouraged and able to learn.",
            "indicators": [
                _indicator(
                    "Carers are warm and respond to the child's feelings.",
                    "Comforting the child when upset; how they speak to and about the child.",
                    "Anyone who sees the child with their carers",
                ),
                _indicator(
                    "The child has a stable relationship with at least one carer.",
                    "Changes of carer, or many moves between homes.",
                    "The child's school or the health visitor",
                ),
                _indicator(
                    "Praise and encouragement are part of daily life.",
                    "Whether carers notice and celebrate what the child does.",
                    "School or nursery staff",
                ),
                _indicator(
                    "Boundaries and discipline are fair and suit the child's age.",
                    "Routines and steady rules; no harsh or frightening punishment.",
                    "School or nursery staff, or the child",
                ),
                _indicator(
                    "The child goes to school or nursery regularly and on time.",
                    "Attendance, lateness, being collected.",
                    "The school's attendance officer",
                ),
                _indicator(
                    "The child has time to play, and things to play with and learn from.",
                    "Toys, books, outings, hobbies; screen time that crowds them out.",
                    "The child, or early years staff",
                ),
                _indicator(
                    "The child is not given responsibilities beyond their age.",
                    "Caring for a carer or for younger children; missing school to help at home.",
                    "The school, or the young carers service",
                ),
            ],
        },
    ],
    # In order; the first that applies gives the level: (counted, at least, in domains, level).
    "rules": [
        ("serious", 3, 1, "specialist"),
        ("serious", 1, 2, "specialist"),
        ("serious", 1, 1, "targeted"),
        ("concern", 3, 2, "targeted"),
        ("concern", 2, 1, "early-help"),
    ],
    "otherwise": "universal",
}
