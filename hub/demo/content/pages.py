"""The demo sites' pages, written afresh for this project. Fictional throughout.

`site_pages(c)` returns one partnership's page tree. Text may use these placeholders, filled
from `c`: {name} (the partnership's full name), {short} (e.g. Westshire), {front_door},
{front_door_phone}, {out_of_hours_phone}, {email}, {phone} (business unit), {town}.
No other curly braces may appear in the text.

Block kinds in "body": ("text", html), ("inset_text", html), ("warning_text", text),
("details", (summary, html)), ("link_list", {"heading": ..., "links": [{"page": slug} or
{"url": ..., "title": ...}, each with an optional "description"]}), ("contact_card", {"name",
"description", "phone", "email", "hours", "address"}).
"""


def _fill(value, c):
    if isinstance(value, str):
        return value.format_map(c)
    if isinstance(value, list):
        return [_fill(item, c) for item in value]
    if isinstance(value, tuple):
        return tuple(_fill(item, c) for item in value)
    if isinstance(value, dict):
        return {key: _fill(item, c) for key, item in value.items()}
    return value


def site_pages(c):
    return _fill(TREE, c)


# National bodies' home pages, used in several places below.
NSPCC = "https://www.nspcc.org.uk/"
CHILDLINE = "https://www.childline.org.uk/"
THINKUKNOW = "https://www.thinkuknow.co.uk/"
CEOP = "https://www.ceop.police.uk/"
WORKING_TOGETHER = (
    "https://www.gov.uk/government/publications/working-together-to-safeguard-children--2"
)
EASS = "https://www.equalityadvisoryservice.com/"
ICO = "https://ico.org.uk/"


def _content(slug, title, summary, body, show_in_menus=True):
    return {
        "kind": "content",
        "slug": slug,
        "title": title,
        "summary": summary,
        "show_in_menus": show_in_menus,
        "body": body,
    }


def _news(slug, date, title, summary, body):
    return {
        "kind": "news",
        "slug": slug,
        "date": date,
        "title": title,
        "summary": summary,
        "body": body,
    }


# --- Professionals and volunteers -------------------------------------------------------------

ABOUT_THIS_SECTION = _content(
    "about-this-section",
    "About this section",
    "Who this part of the website is for and how to find what you need in it.",
    [
        (
            "text",
            "<p>This part of the website is for anyone whose work brings them into contact "
            "with children and young people in {short}. That includes people who are paid and "
            "people who give their time for free: teachers and teaching assistants, nursery "
            "staff, GPs, nurses and health visitors, police officers, social workers, youth "
            "workers, sports coaches, faith leaders and the volunteers who run clubs and "
            "groups.</p>"
            "<p>Whatever your role, you share the same duty: to notice when a child may be at "
            "risk, and to act on it. The pages here are written to help you do that quickly, "
            "even on a busy day.</p>"
            "<h2>What you will find here</h2>"
            "<ul>"
            "<li>the multi-agency policies, protocols and toolkits agreed by the "
            "partnership</li>"
            "<li>the child protection procedures shared across the South West (demo) "
            "region</li>"
            "<li>how to make a referral and what to have ready</li>"
            "<li>the inter-agency training programme and how to book</li>"
            "<li>learning from reviews, and guidance on sharing information</li>"
            "</ul>",
        ),
        (
            "inset_text",
            "<p>If you are worried about a child right now, do not stop to read guidance "
            "first. Contact <b>{front_door}</b> on {front_door_phone}, or call 999 if the "
            "child is in immediate danger.</p>",
        ),
        (
            "details",
            (
                "I volunteer for a small group. Does this apply to me?",
                "<p>Yes. Volunteers often build close, trusting relationships with children, "
                "and children may tell them things they tell no one else. You do not need to "
                "be an expert. You need to know whom to tell, and to tell them without delay. "
                "If your group has a safeguarding lead, speak to them. If it does not, you "
                "can contact {front_door} directly.</p>",
            ),
        ),
        (
            "link_list",
            {
                "heading": "Where to start",
                "links": [
                    {
                        "page": "making-a-referral",
                        "description": "What to do when you are worried about a child.",
                    },
                    {
                        "page": "local-protocols-and-guidance",
                        "description": "The documents agreed by the partnership.",
                    },
                    {"page": "training", "description": "Courses for people from every agency."},
                ],
            },
        ),
    ],
)

LOCAL_PROTOCOLS = _content(
    "local-protocols-and-guidance",
    "Local protocols and guidance",
    "The library of multi-agency policies, procedures, protocols and toolkits, with the "
    "current version of each.",
    [
        (
            "text",
            "<p>The library holds the documents that people working with children in {short} "
            "are expected to follow. It brings together three kinds of material:</p>"
            "<ul>"
            "<li><b>national</b> guidance that applies across England</li>"
            "<li><b>regional</b> documents agreed across the South West (demo) consortium</li>"
            "<li><b>local</b> policies, protocols and toolkits agreed by the {short} "
            "safeguarding partners</li>"
            "</ul>"
            "<p>Among the local documents you will find the Resolving Professional "
            "Differences protocol, for when agencies disagree about a child's safety, and the "
            "Neglect Toolkit, which helps you assess whether a child's needs are being met. "
            "You can search the library or browse it by topic, document type or audience.</p>"
            "<h2>How we keep documents up to date</h2>"
            "<p>Every document has an owner: the agency responsible for its content. Each "
            "one shows the date it was approved and the date it is due for review. The "
            "business unit reminds owners when a review is coming up, so nothing is left to "
            "drift out of date.</p>",
        ),
        (
            "inset_text",
            "<p>Always use the version in the library. If you printed or saved a copy some "
            "time ago, check it is still current before you rely on it.</p>",
        ),
        (
            "details",
            (
                'What does "superseded" mean?',
                "<p>When a document is replaced, we keep the old version rather than delete "
                "it, and mark it clearly as superseded. This means you can always see which "
                "version was in force on a given date, for example when a case is being "
                "reviewed. Only the current version should be used in practice.</p>",
            ),
        ),
        (
            "details",
            (
                "Can I suggest a change to a document?",
                "<p>Yes. Email the business unit at {email} and say which document and "
                "section you mean. We will pass your comments to the owner, who will "
                "consider them at the next review, or sooner if the change is urgent.</p>",
            ),
        ),
        (
            "link_list",
            {
                "heading": "Related pages",
                "links": [
                    {"page": "resolving-professional-differences"},
                    {"page": "neglect"},
                    {"page": "regional-child-protection-procedures"},
                ],
            },
        ),
    ],
)

REGIONAL_PROCEDURES = _content(
    "regional-child-protection-procedures",
    "Regional child protection procedures",
    "The procedures shared by the twelve partnerships of the South West (demo) consortium, "
    "with local information for {short}.",
    [
        (
            "text",
            "<p>{short} is one of twelve safeguarding children partnerships that make up the "
            "South West (demo) consortium. Rather than each writing its own, the partnerships "
            "share one set of child protection procedures. They set out what every agency "
            "should do at each stage, from first concern to child protection conference and "
            "beyond.</p>"
            "<p>Sharing one manual means that a child who moves across a county line is "
            "protected in the same way, and professionals who work in more than one area do "
            "not have to learn different rules.</p>"
            "<h2>Local information</h2>"
            "<p>Each partnership adds its own local information to the regional chapters: "
            "contact details, how its front door works, and links to its own protocols. On "
            "this site, the local information for {short} is shown alongside the regional "
            "text and clearly labelled.</p>"
            "<h2>Updates</h2>"
            "<p>The procedures are updated in dated releases, usually twice a year. Each "
            "release comes with an update log that lists what has changed and why. You can "
            "also view the manual as it stood on any past date, which helps when looking "
            "back at decisions made at the time.</p>",
        ),
        (
            "inset_text",
            "<p>The procedures support your professional judgement; they do not replace it. "
            "Use them together with your own agency's safeguarding policy.</p>",
        ),
        (
            "details",
            (
                "How are these different from local protocols?",
                "<p>The regional procedures cover the core child protection process and are "
                "the same across the region. Local protocols cover matters the {short} "
                "partners have agreed for their own area, such as how to escalate a "
                "disagreement. Where the two meet, the procedures link to the local "
                "document.</p>",
            ),
        ),
        (
            "link_list",
            {
                "heading": "See also",
                "links": [
                    {"page": "local-protocols-and-guidance"},
                    {
                        "url": WORKING_TOGETHER,
                        "title": "Working Together to Safeguard Children (GOV.UK)",
                        "description": "The national statutory guidance that the regional "
                        "procedures are built on.",
                    },
                ],
            },
        ),
    ],
)

RESOLVING_DIFFERENCES = _content(
    "resolving-professional-differences",
    "Resolving professional differences",
    "What to do when you disagree with another professional about a child's safety, and how "
    "to escalate it.",
    [
        (
            "text",
            "<p>Professionals will sometimes disagree about a child, and that is healthy. "
            "Challenge helps avoid fixed thinking. But a disagreement that is left unresolved "
            "can leave a child at risk. The Resolving Professional Differences protocol gives "
            "everyone a clear, fair way to settle it.</p>"
            "<p>You might use it if you think a referral has been wrongly turned down, a case "
            "has been closed too soon, or agreed actions in a plan are not happening.</p>",
        ),
        (
            "warning_text",
            "The child's safety comes first. If a child is at risk of immediate harm, do not "
            "wait for this process: call 999 or contact {front_door} straight away.",
        ),
        (
            "text",
            "<h2>The stages</h2>"
            "<p>Move to the next stage only if the one before has not settled the matter.</p>"
            "<ol>"
            "<li><b>Practitioners.</b> Talk directly to the person you disagree with. Aim to "
            "agree within 3 working days.</li>"
            "<li><b>Line managers.</b> Each practitioner raises it with their own manager or "
            "supervisor, who speak to each other. Aim to agree within 5 working days.</li>"
            "<li><b>Senior managers.</b> Senior managers or designated safeguarding leads in "
            "each agency meet or speak. Aim to agree within 5 working days.</li>"
            "<li><b>Multi-agency panel.</b> The business unit brings together a panel of "
            "senior leaders from agencies not involved. It gives its decision within 10 "
            "working days.</li>"
            "</ol>"
            "<h2>Keeping a record</h2>"
            "<p>Record each stage in the child's file in your own agency. When a disagreement "
            "reaches stage 2 or above, also log it with the business unit. The log uses a "
            "reference number only: never enter a child's name, date of birth or address. "
            "The partners use it to spot patterns, and report on them only in anonymised "
            "form.</p>",
        ),
        (
            "details",
            (
                "Can I skip a stage?",
                "<p>Yes, if the risk to the child means you cannot wait. Tell your manager "
                "and move straight to the stage that matches the urgency.</p>",
            ),
        ),
    ],
)

NEGLECT = _content(
    "neglect",
    "Neglect",
    "How to recognise neglect, and how the Neglect Toolkit helps you assess it.",
    [
        (
            "text",
            "<p>Neglect is when a child's basic needs are not met over time, in a way that "
            "is likely to harm their health or development. Those needs include food, "
            "warmth, clean clothes and a safe home, but also love, attention, supervision, "
            "medical care and the chance to learn.</p>"
            "<p>It is the most common reason for a child protection plan in England, and it "
            "is easy to miss. Neglect usually builds up slowly, and each worry on its own may "
            "seem small. Professionals can also get used to a family's circumstances and stop "
            "seeing them clearly.</p>"
            "<h2>Signs to look out for</h2>"
            "<ul>"
            "<li>a child who is often hungry, tired, unwashed or dressed wrongly for the "
            "weather</li>"
            "<li>missed health, dental or development appointments</li>"
            "<li>poor school attendance or frequent lateness</li>"
            "<li>a young child often left alone or with unsuitable carers</li>"
            "<li>a home that is unsafe or in very poor condition</li>"
            "</ul>"
            "<h2>The Neglect Toolkit</h2>"
            "<p>The toolkit is a graded assessment. It looks at several areas of a child's "
            "life, such as physical care, safety and supervision, health, emotional warmth "
            "and learning. For each area you choose the description that best fits, on a "
            "scale from needs fully met to needs severely unmet.</p>"
            "<p>Use it to turn a general unease into a clear picture you can share, to "
            "support a referral, and to measure change over time. Where it is safe, complete "
            "it with the family.</p>",
        ),
        (
            "inset_text",
            "<p>The toolkit can be filled in on screen or printed. Nothing about the child "
            "is stored unless you choose to save it.</p>",
        ),
        (
            "link_list",
            {
                "heading": "Next steps",
                "links": [
                    {"page": "making-a-referral"},
                    {
                        "page": "local-protocols-and-guidance",
                        "description": "Find the Neglect Toolkit and its guidance notes.",
                    },
                ],
            },
        ),
    ],
)

MAKING_A_REFERRAL = _content(
    "making-a-referral",
    "Making a referral",
    "How to refer a concern about a child to {front_door}, and what to have ready.",
    [
        ("warning_text", "If a child is in immediate danger, call 999 now."),
        (
            "text",
            "<p>Make a referral to {front_door} if you think a child is being harmed or is "
            "at risk of harm, or if a family needs more help than your service and early "
            "help can give. Anyone can make a referral, whatever their job.</p>"
            "<p>If your organisation has a designated safeguarding lead, talk to them first. "
            "But if they are not available, do not let that delay you.</p>"
            "<h2>What to have ready</h2>"
            "<ul>"
            "<li>the child's name, age or date of birth, address and school or nursery</li>"
            "<li>the names of the parents or carers, and who else lives in the home</li>"
            "<li>what you have seen or heard, using the child's own words where you can</li>"
            "<li>what you have already done, and which other services are involved</li>"
            "<li>whether the parents know you are referring and, if not, why not</li>"
            "<li>your own name, role and how to reach you</li>"
            "</ul>"
            "<p>Do not worry if you do not have every detail. Give what you know.</p>",
        ),
        (
            "contact_card",
            {
                "name": "{front_door}",
                "description": "For professionals and members of the public with a concern "
                "about a child in {short}.",
                "phone": "{front_door_phone}",
                "hours": "Office hours, Monday to Friday",
            },
        ),
        (
            "contact_card",
            {
                "name": "Emergency duty service (out of hours)",
                "description": "For urgent concerns that cannot wait until the next working day.",
                "phone": "{out_of_hours_phone}",
                "hours": "Evenings, weekends and bank holidays",
            },
        ),
        (
            "details",
            (
                "Should I tell the parents first?",
                "<p>Usually, yes: be open with the family about your worries and what you "
                "plan to do. Do not tell them if doing so could put the child or anyone else "
                "at risk, or could get in the way of a police investigation. If you are "
                "unsure, ask {front_door} for advice.</p>",
            ),
        ),
        (
            "inset_text",
            "<p>If you referred by phone and your agency uses a written referral form, send "
            "it within one working day. Write down what you reported, to whom and when.</p>",
        ),
        (
            "link_list",
            {
                "heading": "Related pages",
                "links": [{"page": "information-sharing"}, {"page": "neglect"}],
            },
        ),
    ],
)

TRAINING = _content(
    "training",
    "Training",
    "The inter-agency training programme: courses by level, booking and cancellations.",
    [
        (
            "text",
            "<p>The partnership runs an inter-agency training programme for everyone who "
            "works or volunteers with children in {short}. It adds to, rather than replaces, "
            "the training your own organisation gives you.</p>"
            "<p>On our courses you learn alongside people from other agencies: a teacher "
            "next to a police officer, a health visitor next to a football coach. You find "
            "out how other services work, what they need from you, and how to work together "
            "when a child needs protecting.</p>"
            "<h2>Courses by level</h2>"
            "<ul>"
            "<li><b>Level 1, awareness:</b> for everyone in contact with children. Refresh "
            "every 3 years.</li>"
            "<li><b>Level 2, core:</b> for people who work regularly with children or "
            "families. Refresh every 3 years.</li>"
            "<li><b>Level 3, advanced:</b> for designated safeguarding leads and those who "
            "take part in assessments, conferences and plans. Refresh every 2 years.</li>"
            "<li><b>Level 4, specialist:</b> for safeguarding leads and managers who advise "
            "others. Refresh every 2 years.</li>"
            "</ul>"
            "<h2>Booking a place</h2>"
            "<p>Sign in, choose a session and book. If a session is full, join the waiting "
            "list and we will offer you a place if one comes free. Your training record "
            "shows every course you have booked and attended.</p>"
            "<h2>Cancelling</h2>"
            "<p>Places are limited, so please cancel at least 5 working days before the "
            "session. You can also send a colleague in your place if you tell us first. If "
            "you cancel later than that, or do not attend, your organisation may be charged: "
            "£40 for a late cancellation and £75 for a place not used.</p>",
        ),
        (
            "details",
            (
                "Will I get a certificate?",
                "<p>Yes. Once the trainer has marked you as attended and you have filled in "
                "the short evaluation, your certificate appears in your training record.</p>",
            ),
        ),
        (
            "inset_text",
            "<p>Questions about a booking? Email the training team at {email}.</p>",
        ),
    ],
)

WORKING_TOGETHER_PAGE = {
    "kind": "working_together",
    "slug": "working-together",
    "title": "Working Together",
    "summary": "How the safeguarding partners in {short} work together, and the agencies "
    "that take part.",
    "show_in_menus": True,
    "body": [
        (
            "text",
            "<p>Keeping children safe is not the job of any one organisation. The law makes "
            "three organisations jointly responsible for making sure local services work "
            "together to safeguard children and promote their welfare. They are known as "
            "the safeguarding partners, and each has an equal say.</p>"
            "<h2>Who the safeguarding partners are</h2>"
            "<p>The Children Act 2004, as changed by the Children and Social Work Act 2017, "
            "names the safeguarding partners for each local authority area in England. They "
            "are:</p>"
            "<ul>"
            "<li>the local authority itself</li>"
            "<li>the integrated care board for any area that covers part of the local "
            "authority's area (this role used to belong to the clinical commissioning "
            "group)</li>"
            "<li>the chief officer of police for any police area that covers part of the "
            "local authority's area</li>"
            "</ul>"
            "<h2>Our local arrangements</h2>"
            "<p>The {short} partners have agreed and published how they will work together. "
            "Between them they decide the partnership's priorities, pay for the business "
            "unit, check how well local services are protecting children, and commission "
            "reviews when things go wrong. They publish a yearly report on what has been "
            "done and what difference it made.</p>"
            "<p>The partners also name other organisations as relevant agencies, such as "
            "schools, hospitals, charities and sports clubs. These agencies must take part "
            "in the arrangements and follow what the partners agree.</p>",
        ),
        (
            "link_list",
            {
                "heading": "National guidance",
                "links": [
                    {
                        "url": WORKING_TOGETHER,
                        "title": "Working Together to Safeguard Children (GOV.UK)",
                        "description": "The statutory guidance on how organisations should "
                        "work together to protect children.",
                    }
                ],
            },
        ),
    ],
    "section_11_explanation": "<p>Section 11 of the Children Act 2004 places a duty on many "
    "organisations, including councils, NHS bodies, the police, probation services and youth "
    "justice services, to make sure that everything they do takes account of the need to "
    "safeguard children and promote their welfare.</p>"
    "<p>To check that this duty is being met, the partnership asks each agency to complete a "
    "<b>section 11 self-assessment</b>, usually every two years. The agency rates itself "
    "against a set of standards, such as:</p>"
    "<ul>"
    "<li>senior leadership and clear responsibility for safeguarding</li>"
    "<li>safer recruitment and managing allegations against staff</li>"
    "<li>safeguarding training and supervision</li>"
    "<li>listening to children and acting on what they say</li>"
    "<li>sharing information with other agencies</li>"
    "</ul>"
    "<p>For each standard the agency gives evidence and, where it falls short, an action "
    "plan. The partnership reviews every submission, asks questions where needed, and "
    "reports the overall picture to the safeguarding partners. One agency cannot see another "
    "agency's submission.</p>",
}

LEARNING_FROM_REVIEWS = _content(
    "learning-from-reviews",
    "Learning from reviews",
    "Child Safeguarding Practice Reviews, rapid reviews and 7-minute briefings.",
    [
        (
            "text",
            "<p>When a child dies or is seriously harmed and abuse or neglect is known or "
            "suspected, the safeguarding partners must look at whether there are lessons "
            "for local services.</p>"
            "<h2>Rapid reviews</h2>"
            "<p>The first step is a rapid review. The agencies involved with the child share "
            "what they knew and did, and the partners decide whether there is learning that "
            "needs a fuller review. The rapid review is shared with the national Child "
            "Safeguarding Practice Review Panel.</p>"
            "<h2>Child Safeguarding Practice Reviews</h2>"
            "<p>Where the case could shed light on how agencies work together, the partners "
            "commission a Child Safeguarding Practice Review. An independent reviewer talks "
            "to the professionals involved and, where possible, to the family. The final "
            "report sets out what happened, why, and what should change. Most reports are "
            "published.</p>"
            "<h2>7-minute briefings</h2>"
            "<p>Reports can be long, so for each review we write a 7-minute briefing: a "
            "one-page summary of the key findings and what you should do differently. Use "
            "them in team meetings or supervision. Each ends with a few questions to talk "
            "through together.</p>",
        ),
        (
            "inset_text",
            "<p>Reviews are about learning, not blame. Their purpose is to improve the way "
            "we all work, so that other children are better protected.</p>",
        ),
        (
            "details",
            (
                "Are published reviews anonymised?",
                "<p>Yes. Children and family members are not named, and details that could "
                "identify them are removed or changed before a report is published.</p>",
            ),
        ),
        (
            "link_list",
            {
                "heading": "Related pages",
                "links": [
                    {
                        "page": "training",
                        "description": "Some courses are built around recent review findings.",
                    },
                    {"page": "information-sharing"},
                ],
            },
        ),
    ],
)

INFORMATION_SHARING = _content(
    "information-sharing",
    "Information sharing",
    "Sharing information to keep children safe: common myths, and when you can share without "
    "consent.",
    [
        (
            "text",
            "<p>Reviews into the deaths and serious harm of children keep finding the same "
            "thing: different people each held a piece of the picture, but no one put the "
            "pieces together. Sharing the right information, at the right time, with the "
            "right people, saves lives.</p>"
            "<p>Data protection law is not a barrier to sharing information to keep a child "
            "safe. It exists to make sure information is shared properly.</p>"
            "<h2>Common myths</h2>",
        ),
        (
            "details",
            (
                "Myth: data protection law stops me sharing",
                "<p>It does not. UK GDPR and the Data Protection Act 2018 allow you to share "
                "information to protect a child, including sensitive information.</p>",
            ),
        ),
        (
            "details",
            (
                "Myth: I always need the family's consent",
                "<p>You do not. Being open with families is good practice, but consent is "
                "not the only lawful reason to share, and is often not the right one.</p>",
            ),
        ),
        (
            "details",
            (
                "Myth: I should wait until I am certain",
                "<p>No. Share your concern early. Others may hold information that makes "
                "sense of yours.</p>",
            ),
        ),
        (
            "text",
            "<h2>When you do not need consent</h2>"
            "<p>You can share without consent, and without telling the family first, if "
            "asking them would:</p>"
            "<ul>"
            "<li>put the child or someone else at greater risk</li>"
            "<li>get in the way of preventing or investigating a crime</li>"
            "<li>cause a delay that could harm the child</li>"
            "</ul>"
            "<p>Share only what is needed, with the people who need it, and do it "
            "securely.</p>",
        ),
        (
            "inset_text",
            "<p>Always record what you shared, with whom, when and why. If you decide not "
            "to share, record that decision and your reasons too.</p>",
        ),
        (
            "link_list",
            {
                "heading": "Related pages",
                "links": [{"page": "making-a-referral"}, {"page": "learning-from-reviews"}],
            },
        ),
    ],
)

USEFUL_LINKS_PAGE = {
    "kind": "useful_links",
    "slug": "useful-links",
    "title": "Useful links",
    "summary": "Websites of national organisations that support children, families and the "
    "people who work with them.",
    "show_in_menus": True,
}

ALLEGATIONS = _content(
    "allegations-against-staff",
    "Allegations against people who work with children",
    "What to do if you are worried about the behaviour of someone who works or volunteers "
    "with children, and the role of the designated officer.",
    [
        (
            "text",
            "<p>Most people who work with children do so safely. But sometimes a member of "
            "staff, a volunteer or a carer behaves in a way that raises concern. This page "
            "explains what to do.</p>"
            "<h2>When this applies</h2>"
            "<p>Follow this process if someone who works with children, paid or unpaid, "
            "may have:</p>"
            "<ul>"
            "<li>harmed a child, or may have harmed a child</li>"
            "<li>committed a criminal offence against or involving a child</li>"
            "<li>behaved towards a child in a way that suggests they could pose a risk</li>"
            "<li>behaved in a way, perhaps outside work, that suggests they may not be "
            "suitable to work with children</li>"
            "</ul>"
            "<h2>The designated officer</h2>"
            "<p>The local authority has a designated officer (sometimes called the LADO) who "
            "advises employers and oversees how allegations are handled. They make sure "
            "the child is protected and the person the allegation is about is treated "
            "fairly.</p>"
            "<p>Tell your organisation's senior manager or safeguarding lead on the same "
            "day. They should contact the designated officer within one working day. If "
            "the concern is about the most senior person, tell the chair of governors or "
            "trustees instead.</p>",
        ),
        (
            "warning_text",
            "Do not investigate yourself, and do not tell the person concerned until the "
            "designated officer has agreed. If a child is in immediate danger, call 999.",
        ),
        (
            "details",
            (
                "What if my concern seems minor?",
                "<p>Share it anyway. Small concerns, recorded and looked at together, can "
                "reveal a pattern. Your organisation should have a way to record low-level "
                "concerns, and can ask the designated officer for advice.</p>",
            ),
        ),
        (
            "contact_card",
            {
                "name": "Designated officer",
                "description": "Contact through {front_door}. Ask for the designated officer "
                "for allegations.",
                "phone": "{front_door_phone}",
                "hours": "Office hours, Monday to Friday",
            },
        ),
    ],
)

PROFESSIONALS_PAGES = [
    ABOUT_THIS_SECTION,
    LOCAL_PROTOCOLS,
    REGIONAL_PROCEDURES,
    RESOLVING_DIFFERENCES,
    NEGLECT,
    MAKING_A_REFERRAL,
    TRAINING,
    WORKING_TOGETHER_PAGE,
    LEARNING_FROM_REVIEWS,
    INFORMATION_SHARING,
    USEFUL_LINKS_PAGE,
    ALLEGATIONS,
]

# --- Parents and carers -----------------------------------------------------------------------

PARENTS_PAGES = [
    _content(
        "worried-about-a-child-parents",
        "Worried about a child?",
        "What to do if you think a child you know is being hurt or neglected.",
        [
            ("warning_text", "If a child is in immediate danger, call 999."),
            (
                "text",
                "<p>You may be worried about your own child, a grandchild, a neighbour's "
                "child or a child you see at school or a club. Perhaps something they said, "
                "or a change in how they behave, does not feel right.</p>"
                "<p>You do not need proof, and you do not need to be sure. If you are "
                "worried, tell someone who can help. It is better to share a worry that "
                "turns out to be nothing than to stay silent about one that matters.</p>"
                "<h2>Who to contact</h2>"
                "<p>In {short}, you can call {front_door}. Trained staff will listen, ask "
                "some questions and decide what should happen next. You can ask not to be "
                "named to the family.</p>",
            ),
            (
                "contact_card",
                {
                    "name": "{front_door}",
                    "description": "For anyone worried about a child in {short}.",
                    "phone": "{front_door_phone}",
                    "hours": "Office hours, Monday to Friday",
                },
            ),
            (
                "inset_text",
                "<p>Evenings, weekends and bank holidays: call the emergency duty service on "
                "{out_of_hours_phone}. To talk it through first, call the NSPCC helpline on "
                "0808 800 5000. For a concern that is not an emergency, you can also call "
                "the police on 101.</p>",
            ),
            (
                "details",
                (
                    "What happens after I call?",
                    "<p>Someone will look at what you have said alongside any other "
                    "information already held. They may give advice, offer the family "
                    "support, or, if a child is at risk, begin enquiries with the police "
                    "and other services. You may not be told the outcome, to protect the "
                    "family's privacy, but your call will be taken seriously.</p>",
                ),
            ),
        ],
    ),
    _content(
        "keeping-children-safe-online",
        "Keeping children safe online",
        "Practical steps to help your child enjoy the internet safely.",
        [
            (
                "text",
                "<p>Children go online to learn, play and keep in touch with friends. Most "
                "of the time that is a good thing. But the internet also brings risks: "
                "contact from strangers, bullying, harmful content and pressure to share "
                "images.</p>"
                "<p>You do not need to be an expert to help. The most useful thing you can "
                "do is talk with your child, often and calmly, about what they do online.</p>"
                "<h2>Simple things that help</h2>"
                "<ul>"
                "<li>Set up parental controls on your broadband, devices and app stores.</li>"
                "<li>Check the age limits and privacy settings of the apps your child "
                "uses.</li>"
                "<li>Keep devices out of bedrooms at night, especially for younger "
                "children.</li>"
                "<li>Agree family rules together, and follow them yourself.</li>"
                "<li>Make sure your child knows they will not be in trouble for telling you "
                "about something that went wrong.</li>"
                "</ul>",
            ),
            (
                "details",
                (
                    "What if someone has asked my child for images?",
                    "<p>Stay calm and reassure your child that they have done the right "
                    "thing by telling you. Do not delete messages, and do not share or copy "
                    "the images. Report it to CEOP or the police.</p>",
                ),
            ),
            (
                "link_list",
                {
                    "heading": "Help and advice",
                    "links": [
                        {
                            "url": THINKUKNOW,
                            "title": "Thinkuknow",
                            "description": "Advice for parents and carers, with activities "
                            "for children of different ages.",
                        },
                        {
                            "url": CEOP,
                            "title": "CEOP",
                            "description": "Report online sexual abuse or grooming to "
                            "specialist police officers.",
                        },
                        {
                            "url": NSPCC,
                            "title": "NSPCC",
                            "description": "Guidance on online safety for families.",
                        },
                    ],
                },
            ),
        ],
    ),
    _content(
        "early-help-for-families",
        "Early help for families",
        "Support for families who are finding things hard, before problems grow.",
        [
            (
                "text",
                "<p>Every family goes through difficult times. Early help means getting the "
                "right support as soon as a problem starts, rather than waiting until it "
                "becomes a crisis.</p>"
                "<p>Early help can support families with many things, for example:</p>"
                "<ul>"
                "<li>children's behaviour, sleep or routines</li>"
                "<li>worries about school attendance</li>"
                "<li>money, housing or debt</li>"
                "<li>a parent's mental health or drinking</li>"
                "<li>arguments or conflict at home</li>"
                "</ul>"
                "<h2>How to ask for help</h2>"
                "<p>Speak to someone you already know and trust, such as your child's "
                "school, nursery, health visitor or GP. They can talk with you about what "
                "would help and, with your agreement, bring in other services. One worker "
                "will usually coordinate the support so you do not have to tell your story "
                "again and again.</p>"
                "<p>You can also contact {front_door} on {front_door_phone} for advice.</p>",
            ),
            (
                "inset_text",
                "<p>Early help is voluntary. It is offered <b>with</b> you, not done to you, "
                "and you decide whether to take part.</p>",
            ),
            (
                "details",
                (
                    "Will asking for help mean social workers get involved?",
                    "<p>Not usually. Most early help is given by people like teachers, "
                    "family support workers and health visitors. Social care only becomes "
                    "involved if a child is thought to be at risk of harm.</p>",
                ),
            ),
        ],
    ),
]

# --- Children and young people ----------------------------------------------------------------

YOUNG_PEOPLE_PAGES = [
    _content(
        "someone-to-talk-to",
        "Someone to talk to",
        "If something is worrying you, there are people who want to help. Here is who you can "
        "talk to.",
        [
            (
                "text",
                "<p>Sometimes things happen that make you feel scared, sad or confused. It "
                "might be something at home, at school, online or with friends. Whatever it "
                "is, it is not your fault, and you do not have to deal with it on your "
                "own.</p>"
                "<h2>Talk to someone you trust</h2>"
                "<p>This could be a teacher, a school nurse, a youth worker, a sports coach, "
                "a relative or a friend's parent. Tell them what is going on. If the first "
                "person does not listen, keep telling people until someone does.</p>"
                "<h2>Talk to Childline</h2>"
                "<p>Childline is free and open all day and all night. You can call them on "
                "<b>0800 1111</b>, or chat to a counsellor online. The number will not show "
                "up on your phone bill. You do not have to give your name.</p>",
            ),
            (
                "contact_card",
                {
                    "name": "Childline",
                    "description": "Free, private help for anyone under 19, about anything "
                    "that is worrying you.",
                    "phone": "0800 1111",
                    "hours": "Any time, day or night",
                },
            ),
            ("warning_text", "If you are in danger right now, call 999."),
            (
                "details",
                (
                    "Will I get in trouble for telling?",
                    "<p>No. Telling someone is a brave thing to do. The adult you tell might "
                    "need to pass it on to people whose job is to keep you safe, but they "
                    "should tell you what they are going to do first.</p>",
                ),
            ),
            (
                "link_list",
                {
                    "links": [
                        {
                            "url": CHILDLINE,
                            "title": "Childline",
                            "description": "Call, chat online or read advice from other "
                            "young people.",
                        }
                    ],
                },
            ),
        ],
    ),
    _content(
        "staying-safe-online-young-people",
        "Staying safe online",
        "Tips for keeping yourself safe online, and what to do if something goes wrong.",
        [
            (
                "text",
                "<p>Being online is a big part of life: games, group chats, videos, "
                "friends. Most of it is fun. But sometimes people online are not who they "
                "say they are, or things go further than you wanted.</p>"
                "<h2>Quick tips</h2>"
                "<ul>"
                "<li>Keep your accounts private and only add people you know in real "
                "life.</li>"
                "<li>Never share your address, school or passwords.</li>"
                "<li>If someone asks for photos or videos of you, or asks you to keep a "
                "secret, that is a warning sign.</li>"
                "<li>Take a screenshot of anything that worries you, then block and "
                "report.</li>"
                "</ul>"
                "<h2>If something has gone wrong</h2>"
                "<p>If an image of you has been shared, or someone is pressuring or "
                "threatening you, it is not your fault. Tell an adult you trust, or call "
                "Childline on <b>0800 1111</b>. Childline can also help get nude images of "
                "you removed from the internet.</p>",
            ),
            (
                "inset_text",
                "<p>If an adult is talking to you online in a sexual way, you can report it "
                "straight to specialist police officers at CEOP.</p>",
            ),
            (
                "link_list",
                {
                    "heading": "Get help",
                    "links": [
                        {
                            "url": CEOP,
                            "title": "CEOP",
                            "description": "Report an adult who is making you feel unsafe online.",
                        },
                        {
                            "url": CHILDLINE,
                            "title": "Childline",
                            "description": "Talk to a counsellor, any time.",
                        },
                        {
                            "url": THINKUKNOW,
                            "title": "Thinkuknow",
                            "description": "Advice about apps, games and relationships online.",
                        },
                    ],
                },
            ),
        ],
    ),
]

# --- Footer pages, directly under home --------------------------------------------------------

FOOTER_PAGES = [
    _content(
        "accessibility-statement",
        "Accessibility statement",
        "How accessible this website is, what we know does not work well yet, and how to tell "
        "us about a problem.",
        [
            (
                "text",
                "<p>This website is run by {name}. We want as many people as possible to be "
                "able to use it. You should be able to change colours and text size, zoom "
                "in up to 400% without text spilling off the screen, get around the site "
                "using only a keyboard or speech recognition software, and listen to it "
                "with a screen reader. The site works without JavaScript for reading.</p>"
                "<h2>How accessible this website is</h2>"
                "<p>We aim to meet the Web Content Accessibility Guidelines (WCAG) version "
                "2.2 at level AA. We test pages as we build them, but we have not yet had "
                "the whole site independently audited, so there may be problems we do not "
                "know about. We know that:</p>"
                "<ul>"
                "<li>some older PDF documents in the library are not fully accessible; we "
                "replace them with accessible versions when they are next reviewed</li>"
                "<li>some documents from national bodies are outside our control</li>"
                "</ul>"
                "<h2>Reporting a problem</h2>"
                "<p>If you find a problem, or need information in a different format, email "
                "{email} or call {phone}. Tell us the web address of the page and what went "
                "wrong. We aim to reply within 10 working days.</p>"
                "<h2>Enforcement</h2>"
                "<p>The Equality and Human Rights Commission enforces the Public Sector "
                "Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations "
                "2018. If you are not happy with how we respond to your complaint, contact "
                "the Equality Advisory and Support Service.</p>",
            ),
            (
                "inset_text",
                "<p>This statement was prepared on 1 October 2026 and will be reviewed at "
                "least once a year.</p>",
            ),
            (
                "link_list",
                {
                    "links": [
                        {
                            "url": EASS,
                            "title": "Equality Advisory and Support Service (EASS)",
                            "description": "Free advice if you think a public body has not "
                            "met its duties under equality law.",
                        }
                    ],
                },
            ),
        ],
        show_in_menus=False,
    ),
    _content(
        "privacy-notice",
        "Privacy notice",
        "What information this website keeps about you, why, for how long, and your rights.",
        [
            (
                "text",
                "<p>This notice explains how {name} uses personal information on this "
                "website.</p>"
                "<h2>What we keep</h2>"
                "<p>You can read the website without giving us any personal information. "
                "We never ask you for information about a child or family in order to use "
                "the site. If you create an account, we keep:</p>"
                "<ul>"
                "<li>your name, work email address, job role, organisation and partnership, "
                "and your line manager's email address if you give it</li>"
                "<li>your password, stored only in a scrambled form that cannot be read "
                "back, and the settings of your second factor if you set one up</li>"
                "<li>the roles the partnership has given you</li>"
                "<li>a record of changes to your account and of sensitive records you "
                "open: who did what, when, and from which internet address, but never the "
                "content of the record</li>"
                "</ul>"
                "<h2>Why we keep it</h2>"
                "<p>We use this information to let you sign in, to keep the partnership's "
                "records secure, and to run the partnership's statutory work. Our lawful "
                "basis is that this is a task carried out in the public interest.</p>"
                "<h2>How long we keep it</h2>"
                "<ul>"
                "<li>your account is kept until you delete it; if you do not sign in for 12 "
                "months it is deactivated, and we email you a month before</li>"
                "<li>the record of who did what is deleted after 2 years</li>"
                "<li>server logs are deleted after 30 days</li>"
                "</ul>"
                "<p>You can download everything we hold about you, or delete your account, "
                "at any time from the Your account page.</p>"
                "<h2>Your rights</h2>"
                "<p>Under UK GDPR you can ask to see the information we hold about you, ask "
                "us to correct it, and in some cases ask us to delete it or stop using it. "
                "Email {email} to make a request. If you are unhappy with how we have used "
                "your information, you can complain to the Information Commissioner's "
                "Office.</p>",
            ),
            (
                "inset_text",
                "<p>We do not sell or share your information for marketing, and we do not "
                "use advertising or tracking on this site.</p>",
            ),
            (
                "link_list",
                {
                    "links": [
                        {
                            "url": ICO,
                            "title": "Information Commissioner's Office",
                            "description": "The UK regulator for data protection.",
                        }
                    ],
                },
            ),
        ],
        show_in_menus=False,
    ),
    _content(
        "cookies",
        "Cookies",
        "This website uses only the cookies it needs to work. There are no analytics or "
        "advertising cookies.",
        [
            (
                "text",
                "<p>Cookies are small files saved on your phone, tablet or computer when you "
                "visit a website. This website uses only essential cookies: the ones it "
                "needs to work and to keep your information secure. Because they are "
                "essential, we do not ask for your consent to set them.</p>"
                "<p>We do not use analytics cookies, advertising cookies or any cookies "
                "from other companies. We do not track you across other websites.</p>"
                "<h2>The cookies we use</h2>"
                "<ul>"
                "<li><b>sessionid</b> keeps you signed in as you move between pages. It is "
                "only set when you sign in, and expires after 8 hours or when you sign "
                "out.</li>"
                "<li><b>csrftoken</b> protects forms, such as booking forms, from being "
                "misused by other websites. It expires after 1 year.</li>"
                "</ul>"
                "<p>If you only read the website and never sign in or fill in a form, you "
                "may not get any cookies at all.</p>",
            ),
            (
                "inset_text",
                '<p>The "Exit this page" button does not use cookies. If you need to hide '
                "your visit, you may also want to clear your browsing history.</p>",
            ),
            (
                "details",
                (
                    "Can I block these cookies?",
                    "<p>Yes, using your browser settings. You will still be able to read the "
                    "website, but you will not be able to sign in or book training.</p>",
                ),
            ),
        ],
        show_in_menus=False,
    ),
    _content(
        "contact-us",
        "Contact us",
        "How to contact the partnership's business unit. This is not the way to report a "
        "concern about a child.",
        [
            (
                "warning_text",
                "We cannot take referrals. If you are worried about a child, contact "
                "{front_door} on {front_door_phone}. If a child is in immediate danger, "
                "call 999.",
            ),
            (
                "text",
                "<p>The business unit is the small team that supports the work of {name}. "
                "Contact us about:</p>"
                "<ul>"
                "<li>booking, changing or cancelling a place on a training course</li>"
                "<li>documents in the library, and the regional procedures</li>"
                "<li>section 11 self-assessments and logging a professional "
                "disagreement</li>"
                "<li>this website, including problems with accessibility</li>"
                "<li>the work of the partnership and its annual report</li>"
                "</ul>"
                "<p>We aim to reply to emails within 5 working days. The office is not "
                "staffed at weekends or on bank holidays, and we cannot give advice about "
                "individual children.</p>",
            ),
            (
                "contact_card",
                {
                    "name": "Safeguarding Partnership Business Unit",
                    "description": "General enquiries, training bookings and website feedback.",
                    "phone": "{phone}",
                    "email": "{email}",
                    "hours": "Monday to Friday, 9am to 5pm",
                    "address": "Partnership Business Unit (demo)\nCivic Offices\n{town}",
                },
            ),
            (
                "details",
                (
                    "I want to make a complaint about a service",
                    "<p>The partnership does not run front-line services. Please complain "
                    "directly to the organisation concerned, using its own complaints "
                    "process. If you are not sure who to contact, email us and we will point "
                    "you in the right direction.</p>",
                ),
            ),
        ],
        show_in_menus=False,
    ),
]

# --- News -------------------------------------------------------------------------------------

NEWS_ARTICLES = [
    _news(
        "annual-report-2024-to-2025-published",
        "2025-11-10",
        "Annual report for 2024 to 2025 published",
        "Our yearly report sets out what the partnership did, what we learned and where we "
        "still need to improve.",
        [
            (
                "text",
                "<p>The safeguarding partners have published the {short} annual report for "
                "April 2024 to March 2025. It looks at progress against our three "
                "priorities: neglect, children at risk outside the home, and hearing the "
                "voice of the child.</p>"
                "<p>The report is honest about where progress has been slower than we "
                "hoped, and sets out what we will do next. Thank you to everyone who "
                "contributed.</p>",
            ),
        ],
    ),
    _news(
        "winter-holidays-keeping-children-safe",
        "2025-12-08",
        "Keeping children safe over the winter holidays",
        "A reminder of how to raise a concern while schools and many services are closed.",
        [
            (
                "text",
                "<p>The winter break can be a hard time for some children: school is a "
                "safe place for many, and that routine stops. Please keep an eye out for "
                "children in your community.</p>"
                "<p>{front_door} will be closed on bank holidays. On those days, and every "
                "evening and weekend, urgent concerns should go to the emergency duty "
                "service on {out_of_hours_phone}. In an emergency, always call 999.</p>",
            ),
        ],
    ),
    _news(
        "revised-neglect-toolkit",
        "2026-01-12",
        "Revised Neglect Toolkit now available",
        "The Neglect Toolkit has been updated after feedback from practitioners, and can now "
        "be completed on screen.",
        [
            (
                "text",
                "<p>A revised version of the Neglect Toolkit is now in the library. The "
                "descriptors are shorter and clearer, and a new section looks at the needs "
                "of babies who are not yet mobile.</p>"
                "<p>The toolkit can now be completed on screen or printed. The previous "
                "version has been marked as superseded.</p>",
            ),
            (
                "link_list",
                {"links": [{"page": "neglect"}]},
            ),
        ],
    ),
    _news(
        "spring-2026-training-open-for-booking",
        "2026-01-26",
        "Spring 2026 training open for booking",
        "Courses running from February to April are now open for booking, including new "
        "evening sessions for volunteers.",
        [
            (
                "text",
                "<p>Our spring programme is now open. For the first time, we are running "
                "level 1 and level 2 sessions in the evening, so that volunteers who work "
                "during the day can attend.</p>"
                "<p>Places go quickly. If you book and then cannot attend, please cancel at "
                "least 5 working days beforehand so someone on the waiting list can take "
                "your place.</p>",
            ),
            ("link_list", {"links": [{"page": "training"}]}),
        ],
    ),
    _news(
        "safer-internet-day-2026",
        "2026-02-10",
        "Safer Internet Day: resources for schools and families",
        "Free resources to help you talk with children about staying safe online.",
        [
            (
                "text",
                "<p>To mark Safer Internet Day, we have gathered some of the best free "
                "resources for schools, clubs and families. Our new pages for parents and "
                "for young people explain the risks in plain language and show where to get "
                "help.</p>",
            ),
            (
                "link_list",
                {
                    "links": [
                        {"page": "keeping-children-safe-online"},
                        {"page": "staying-safe-online-young-people"},
                    ]
                },
            ),
        ],
    ),
    _news(
        "regional-procedures-spring-2026-release",
        "2026-03-16",
        "Regional procedures: spring 2026 release",
        "The South West (demo) child protection procedures have been updated. Here is what has "
        "changed.",
        [
            (
                "text",
                "<p>The spring release of the regional procedures is now live. Changes "
                "include an updated chapter on children missing from education, new "
                "guidance on working with families who move between areas, and clearer "
                "wording on the timescales for strategy discussions.</p>"
                "<p>The update log lists every change. Local information for {short} has "
                "been checked and updated at the same time.</p>",
            ),
            ("link_list", {"links": [{"page": "regional-child-protection-procedures"}]}),
        ],
    ),
    _news(
        "section-11-round-opens",
        "2026-04-20",
        "Section 11 self-assessment round opens",
        "Agencies are asked to complete their section 11 self-assessment by the end of July.",
        [
            (
                "text",
                "<p>This year's section 11 round is now open. Safeguarding leads in each "
                "named agency have been sent instructions for signing in and completing "
                "their self-assessment.</p>"
                "<p>The standards are the same as last time, so you can build on your "
                "previous answers. Please submit by 31 July 2026.</p>",
            ),
            (
                "inset_text",
                "<p>Questions about the round? Email the business unit at {email}.</p>",
            ),
        ],
    ),
    _news(
        "updated-resolving-professional-differences-protocol",
        "2026-05-18",
        "Updated Resolving Professional Differences protocol",
        "The escalation protocol has new timescales and a simpler way to log a disagreement.",
        [
            (
                "text",
                "<p>The partners have approved an updated Resolving Professional Differences "
                "protocol. The main changes are shorter timescales at the first two stages "
                "and a new online log for disagreements that reach stage 2. The log does not "
                "ask for any details that could identify a child.</p>",
            ),
            ("link_list", {"links": [{"page": "resolving-professional-differences"}]}),
        ],
    ),
    _news(
        "new-7-minute-briefing-babies",
        "2026-06-15",
        "New 7-minute briefing: safer sleep for babies",
        "A new one-page briefing shares learning from a recent rapid review.",
        [
            (
                "text",
                "<p>We have published a new 7-minute briefing on safer sleep. It draws on a "
                "recent rapid review and reminds everyone who visits families with babies to "
                "talk about safe sleeping, especially when routines change.</p>"
                "<p>Please use it in your next team meeting.</p>",
            ),
            ("link_list", {"links": [{"page": "learning-from-reviews"}]}),
        ],
    ),
    _news(
        "summer-safety-2026",
        "2026-07-13",
        "Summer safety: water, online and out and about",
        "Simple messages to share with families before the summer holidays.",
        [
            (
                "text",
                "<p>With the holidays coming, we are asking schools, clubs and services to "
                "share three messages with families:</p>"
                "<ul>"
                "<li>open water is colder and more dangerous than it looks</li>"
                "<li>children will spend more time online, so check settings together</li>"
                "<li>know where your children are and who they are with</li>"
                "</ul>",
            ),
        ],
    ),
    _news(
        "autumn-2026-training-and-new-level-3-course",
        "2026-09-07",
        "Autumn training dates and a new level 3 course",
        "The autumn programme is open, with a new level 3 course on children at risk outside "
        "the home.",
        [
            (
                "text",
                "<p>Autumn training is now open for booking. New this term is a level 3 "
                "course on children at risk of exploitation outside the home, designed with "
                "the police and youth services.</p>"
                "<p>Remember to check your training record to see when your next refresher "
                "is due.</p>",
            ),
            ("link_list", {"links": [{"page": "training"}]}),
        ],
    ),
    _news(
        "regional-procedures-autumn-2026-release",
        "2026-09-28",
        "Regional procedures: autumn 2026 release",
        "The autumn update to the regional procedures is now live, with a new chapter on "
        "information sharing.",
        [
            (
                "text",
                "<p>The autumn release adds a new chapter on sharing information, updates "
                "the chapter on allegations against people who work with children, and "
                "fixes a number of broken links.</p>"
                "<p>Superseded versions stay available, so you can see the procedures as "
                "they stood on any earlier date.</p>",
            ),
            ("link_list", {"links": [{"page": "regional-child-protection-procedures"}]}),
        ],
    ),
    _news(
        "what-section-11-told-us",
        "2026-10-19",
        "What the section 11 self-assessments told us",
        "A summary of this year's section 11 returns, and what happens next.",
        [
            (
                "text",
                "<p>Thank you to every agency that completed a self-assessment. Most "
                "agencies rated themselves strongly on leadership and safer recruitment. "
                "The areas most often marked for improvement were supervision for staff "
                "and showing how children's views change what services do.</p>"
                "<p>The business unit will follow up on each action plan over the coming "
                "months.</p>",
            ),
        ],
    ),
    _news(
        "information-sharing-briefings",
        "2026-11-16",
        "Information sharing: short online briefings",
        "Lunchtime briefings to help practitioners share information with confidence.",
        [
            (
                "text",
                "<p>Reviews keep showing that information is not always shared when it "
                "should be. We are running short lunchtime briefings online during December "
                "to tackle common myths and answer your questions.</p>"
                "<p>The briefings are free and open to anyone who works or volunteers with "
                "children in {short}.</p>",
            ),
            ("link_list", {"links": [{"page": "information-sharing"}]}),
        ],
    ),
]


TREE = {
    "kind": "home",
    "slug": "home",
    "title": "Home",
    "intro": "We help everyone who works with children in {short} keep them safe: the policies "
    "and procedures to follow, training, and whom to call when you are worried.",
    "featured_links": [
        {
            "page": "local-protocols-and-guidance",
            "description": "Multi-agency policies, protocols and toolkits.",
        },
        {
            "page": "regional-child-protection-procedures",
            "description": "The procedures shared across the South West (demo) consortium.",
        },
        {"page": "training", "description": "Inter-agency courses and how to book them."},
    ],
    "children": [
        {
            "kind": "section",
            "slug": "professionals",
            "title": "Professionals and volunteers",
            "audience": "professionals",
            "show_in_menus": True,
            "summary": "For everyone who works with children and young people, paid or "
            "voluntary: procedures, guidance, training and how to raise a concern.",
            "body": [
                (
                    "text",
                    "<p>This section is for people who work or volunteer with children "
                    "and young people in {short}. It brings together what you need to safeguard "
                    "them: local documents, regional procedures, training and contacts.</p>",
                ),
            ],
            "children": PROFESSIONALS_PAGES,
        },
        {
            "kind": "section",
            "slug": "parents-and-carers",
            "title": "Parents and carers",
            "audience": "parents",
            "show_in_menus": True,
            "summary": "Keeping children safe at home, online and in the community, and "
            "where to get help.",
            "body": [
                (
                    "text",
                    "<p>Being a parent or carer is rewarding, and sometimes hard. These "
                    "pages help you keep your children safe, explain where families in {short} "
                    "can get support, and tell you what to do if you are worried about a "
                    "child.</p>",
                ),
            ],
            "children": PARENTS_PAGES,
        },
        {
            "kind": "section",
            "slug": "children-and-young-people",
            "title": "Children and young people",
            "audience": "young_people",
            "show_in_menus": True,
            "summary": "If something is worrying you, you are not on your own. Find out "
            "who you can talk to.",
            "body": [
                (
                    "text",
                    "<p>Everyone has the right to feel safe. If something is happening "
                    "that you are not happy about, at home, at school or online, these pages "
                    "tell you who can help. You can call Childline free on 0800 1111, any "
                    "time.</p>",
                ),
            ],
            "children": YOUNG_PEOPLE_PAGES,
        },
        {
            "kind": "news_index",
            "slug": "news",
            "title": "News",
            "show_in_menus": True,
            "summary": "Updates from the partnership.",
            "children": NEWS_ARTICLES,
        },
        *FOOTER_PAGES,
    ],
}

USEFUL_LINKS = [
    {
        "title": "NSPCC",
        "url": NSPCC,
        "description": "The national children's charity. Its helpline gives advice to adults "
        "worried about a child: 0808 800 5000.",
        "topic": "Support for children and families",
        "last_checked": "2026-10-05",
    },
    {
        "title": "Childline",
        "url": CHILDLINE,
        "description": "Free, confidential help for children and young people, by phone on "
        "0800 1111 or online, at any time.",
        "topic": "Support for children and families",
        "last_checked": "2026-10-05",
    },
    {
        "title": "Thinkuknow",
        "url": THINKUKNOW,
        "description": "Online safety education with resources for children, parents, carers "
        "and professionals.",
        "topic": "Online safety",
        "last_checked": "2026-10-05",
    },
    {
        "title": "CEOP Safety Centre",
        "url": CEOP,
        "description": "Where children and adults can report online sexual abuse or grooming "
        "to specialist police officers.",
        "topic": "Online safety",
        "last_checked": "2026-10-05",
    },
    {
        "title": "UK Safer Internet Centre",
        "url": "https://saferinternet.org.uk/",
        "description": "Advice and resources on online safety, and the home of Safer Internet "
        "Day in the UK.",
        "topic": "Online safety",
        "last_checked": "2026-10-12",
    },
    {
        "title": "Working Together to Safeguard Children",
        "url": WORKING_TOGETHER,
        "description": "The statutory guidance on how organisations and agencies should work "
        "together to keep children safe.",
        "topic": "National guidance",
        "last_checked": "2026-10-12",
    },
    {
        "title": "Keeping Children Safe in Education",
        "url": "https://www.gov.uk/government/publications/keeping-children-safe-in-education--2",
        "description": "Statutory guidance for schools and colleges on their safeguarding duties.",
        "topic": "National guidance",
        "last_checked": "2026-10-12",
    },
    {
        "title": "Child Safeguarding Practice Review Panel",
        "url": "https://www.gov.uk/government/organisations/"
        "child-safeguarding-practice-review-panel",
        "description": "The national panel that reviews serious cases and publishes learning "
        "for everyone who works with children.",
        "topic": "National guidance",
        "last_checked": "2026-10-12",
    },
    {
        "title": "Disclosure and Barring Service",
        "url": "https://www.gov.uk/government/organisations/disclosure-and-barring-service",
        "description": "Criminal record checks and barring decisions for people who work or "
        "volunteer with children.",
        "topic": "Working safely with children",
        "last_checked": "2026-10-19",
    },
    {
        "title": "Information Commissioner's Office",
        "url": ICO,
        "description": "The UK regulator for data protection, with guidance on sharing "
        "information lawfully.",
        "topic": "Working safely with children",
        "last_checked": "2026-10-19",
    },
]
