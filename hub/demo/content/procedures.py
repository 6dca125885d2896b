"""The regional child protection procedures manual of the South West (demo) consortium.

All of it is fictional demo content, written afresh in plain English for this project: no text
is copied from any real procedures manual. The law and national guidance it describes (the
Children Act 1989 and 2004, Working Together to Safeguard Children 2023) are real and stated
as accurately as a demo allows; everything local is invented. Bodies are HTML using only
<h2>, <h3>, <p>, <ul>, <ol>, <li>, <b> and <i>, with no links (the system adds glossary and
related links itself). <b>must</b> marks a requirement of law or statutory guidance and
<b>should</b> marks good practice, as the introduction explains.

The data, all plain Python literals:

- MANUAL: the manual's title, slug and introduction (HTML).
- PARTS: five numbered parts, each with its chapters (slug, title, summary, body) as they
  stood in the first edition. Regional chapters name no partnership and use no placeholders.
- RELEASES: dated releases, oldest first. The first has changes "all": it is the first
  edition, containing every chapter in PARTS. Each later release lists its changes:
  - "amended": a chapter's full new body, a one-line summary of what changed, and optionally
    a new "title" (a rename) and a new "chapter_summary";
  - "new": a chapter added to a part, with its title, chapter_summary and body;
  - "removed": a chapter withdrawn, with the reason.
- LOCAL_INFORMATION: by partnership slug, the local boxes each partnership adds to regional
  chapters (chapter slug, HTML body, date).
- LOCAL_CHAPTERS: by partnership slug, chapters that exist only on that partnership's site.
- GLOSSARY: (term, definition) pairs; every term appears in at least one chapter body.

Local information and local chapters may use the placeholders {short}, {front_door},
{front_door_phone} and {out_of_hours_phone}, filled from the partnership's contact details
with str.format_map, so those strings hold no other curly braces.
"""

MANUAL = {
    "title": "South West Child Protection Procedures (demo)",
    "slug": "south-west-procedures",
    "introduction": (
        "<p>These procedures set out how agencies across the South West (demo) consortium work "
        "together to protect children from abuse and neglect. They are written once for the "
        "whole region and shared by every partnership in the consortium, so that a child who "
        "moves between areas is protected in the same way, and practitioners who work in more "
        "than one area follow one set of rules.</p><p>They are for anyone who works or "
        "volunteers with children, young people or their families, in any agency. They follow "
        "the Children Act 1989, the Children Act 2004 and Working Together to Safeguard "
        "Children 2023, and they support your professional judgement rather than replace it. "
        "Use them together with your own agency's safeguarding policy.</p><h2>Local "
        "information</h2><p>Each partnership adds local information to the regional chapters, "
        "such as how to contact its children's social care front door, and may add chapters of "
        "its own. Local information is always clearly labelled.</p><h2>Must and "
        "should</h2><p>Where a chapter says something <b>must</b> be done, it is a requirement "
        "of law, or of statutory guidance that agencies have to follow unless there are "
        "exceptional reasons not to. Where a chapter says something <b>should</b> be done, it "
        "is good practice that the partnerships expect. If you depart from it, you should be "
        "able to explain why, and record your reasons.</p><h2>Updates</h2><p>The procedures "
        "are updated in dated releases, usually twice a year. Each release lists what has "
        "changed, and you can view the manual as it stood on any earlier date.</p><p><i>This "
        "is demonstration content. The consortium, its partnerships, agencies and contact "
        "details are fictional.</i></p>"
    ),
}

# Five parts; every chapter here is in the first edition.
PARTS = [
    {
        "number": 1,
        "title": "Responding to concerns",
        "chapters": [
            {
                "slug": "recognising-abuse-and-neglect",
                "title": "Recognising abuse and neglect",
                "summary": (
                    "The four categories of abuse and neglect, the signs that may point to "
                    "them, and why professional curiosity matters."
                ),
                "body": (
                    "<h2>About this chapter</h2><p>This chapter helps anyone who works or "
                    "volunteers with children to recognise when a child may be suffering, or "
                    "may be likely to suffer, significant harm. It applies to every agency in "
                    "the region, to paid staff and to volunteers.</p><p>Organisations covered "
                    "by section 11 of the Children Act 2004, and schools and colleges under "
                    "education law, <b>must</b> have arrangements that help their staff "
                    "recognise and respond to abuse and neglect.</p><h2>The four "
                    "categories</h2><ul><li><b>Physical abuse</b>: hitting, shaking, throwing, "
                    "poisoning, burning, scalding, drowning, suffocating or otherwise causing "
                    "physical harm, including a carer making up or deliberately causing "
                    "illness in a child.</li><li><b>Emotional abuse</b>: persistent "
                    "ill-treatment that makes a child feel worthless, unloved or frightened, "
                    "expectations far beyond the child's age, or seeing or hearing the "
                    "ill-treatment of someone else.</li><li><b>Sexual abuse</b>: forcing or "
                    "enticing a child to take part in sexual activity, whether or not the "
                    "child knows what is happening, including non-contact abuse such as "
                    "grooming online. Abusers can be adults or other "
                    "children.</li><li><b>Neglect</b>: the persistent failure to meet a "
                    "child's basic physical or emotional needs, likely to seriously harm their "
                    "health or development. It can start before birth.</li></ul><p>A child may "
                    "experience more than one kind of abuse at once.</p><h2>Harm inside and "
                    "outside the home</h2><p>Harm can come from parents, carers or relatives, "
                    "from other adults the child knows, from strangers and from other "
                    "children. Harm that happens outside the family, such as exploitation or "
                    "serious youth violence, is called extra-familial harm.</p><h2>Signs that "
                    "may worry you</h2><ul><li>an injury with no explanation, or an "
                    "explanation that does not fit; any bruise on a baby who is not yet "
                    "mobile</li><li>a sudden change in behaviour, mood, attendance or "
                    "appetite</li><li>sexual knowledge or behaviour unusual for the child's "
                    "age</li><li>fear of going home, or of a particular person</li><li>poor "
                    "hygiene, hunger, or health appointments repeatedly "
                    "missed</li></ul><h2>Professional curiosity</h2><p>You <b>should</b> show "
                    "professional curiosity: notice what you see and hear, ask open questions "
                    "and do not accept explanations at face value. Babies, disabled children "
                    "and children who do not speak English may not be able to tell you what is "
                    "happening, so look especially carefully. You do not need proof to act on "
                    "a worry: see the chapter on what to do if you are worried.</p>"
                ),
            },
            {
                "slug": "what-to-do-if-you-are-worried",
                "title": "What to do if you are worried about a child",
                "summary": (
                    "The steps every practitioner and volunteer should take as soon as they "
                    "are worried about a child's safety or welfare."
                ),
                "body": (
                    "<h2>About this chapter</h2><p>This chapter sets out what to do as soon as "
                    "you are worried that a child is being, or may be, abused or neglected. It "
                    "applies to everyone who works or volunteers with children, and to those "
                    "who work with adults who are parents or carers.</p><h2>What to "
                    "do</h2><ol><li>If a child is in immediate danger, call the police on 999. "
                    "If you need the police but it is not an emergency, call 101.</li><li>Tell "
                    "your designated safeguarding lead, or the person named in your agency's "
                    "safeguarding policy, the same day. If they are not available, do not "
                    "wait: speak to another senior manager or contact the children's social "
                    "care front door yourself.</li><li>Agree with your designated safeguarding "
                    "lead whether to make a referral to children's social care, to offer early "
                    "help, or to keep watching and recording. Use the local threshold document "
                    "to help you decide.</li><li>Unless it would put the child or anyone else "
                    "at risk, or get in the way of a police investigation, talk to the parents "
                    "about your concerns and what you plan to do.</li><li>Write down what you "
                    "saw and heard, what you did and why, with the date and time, and sign "
                    "it.</li></ol><h2>What the local authority will do</h2><p>Within one "
                    "working day of receiving a referral, a local authority social worker "
                    "<b>must</b> acknowledge it and decide what happens next. The referrer "
                    "<b>should</b> be told what has been decided. If you have heard nothing "
                    "within three working days, you <b>should</b> contact the front door "
                    "again.</p><h2>If you are still worried</h2><p>If you think the child "
                    "remains at risk after a decision has been made, you <b>should</b> say so, "
                    "following the chapter on resolving professional differences. Any "
                    "practitioner can make a referral; you do not need anyone's "
                    "permission.</p><p>Never investigate yourself, and never confront a person "
                    "you suspect of abuse. Your role is to notice, record and pass on your "
                    "concern.</p>"
                ),
            },
            {
                "slug": "making-a-referral",
                "title": "Making a referral to children's social care",
                "summary": (
                    "How to refer a child to children's social care, what to include, when you "
                    "need consent, and what happens next."
                ),
                "body": (
                    "<h2>About this chapter</h2><p>This chapter is for any practitioner who "
                    "has decided, usually with their designated safeguarding lead, that a "
                    "child may be a child in need, or may be suffering or likely to suffer "
                    "significant harm. It explains how to refer and what to expect.</p><h2>How "
                    "to refer</h2><ol><li>Contact the children's social care front door for "
                    "the area where the child lives. If the child is in immediate danger, call "
                    "999 first.</li><li>You can refer by phone, but a phone referral "
                    "<b>should</b> be confirmed in writing, on the local referral form, within "
                    "one working day.</li><li>Give as much as you can of: the child's name, "
                    "date of birth, address, school and GP; who lives in the household and who "
                    "has parental responsibility; what you are worried about and why, in plain "
                    "facts; what the child has said, in their own words; what help has already "
                    "been tried; and any risk to staff visiting the home.</li><li>Say whether "
                    "the parents know about the referral and, if not, why "
                    "not.</li></ol><h2>Consent</h2><p>You <b>should</b> normally tell the "
                    "parents, and seek their agreement, before referring a child for help as a "
                    "child in need. You do not need consent where you believe a child may be "
                    "suffering or likely to suffer significant harm, or where asking would put "
                    "a child at risk or harm a police investigation. Record your "
                    "reasons.</p><h2>What happens next</h2><p>A social worker <b>must</b> "
                    "acknowledge the referral and decide, within one working day, what "
                    "response is needed. The outcome may be:</p><ul><li>no further action by "
                    "children's social care, with advice to the referrer</li><li>early help "
                    "from universal or targeted services</li><li>a child and family assessment "
                    "under section 17 of the Children Act 1989</li><li>a strategy discussion, "
                    "where there is reasonable cause to suspect significant "
                    "harm</li><li>immediate action to keep the child safe, such as police "
                    "protection or an emergency protection order</li></ul><p>The referrer "
                    "<b>should</b> be told the outcome. A referral does not end your "
                    "involvement: keep supporting the child and share any new information.</p>"
                ),
            },
            {
                "slug": "responding-to-a-child-who-tells-you",
                "title": "Responding to a child who tells you about abuse",
                "summary": (
                    "How to listen and respond when a child tells you they are being harmed, "
                    "and what not to do."
                ),
                "body": (
                    "<h2>About this chapter</h2><p>Children often choose someone they trust, "
                    "not someone with a safeguarding role, to tell. This chapter applies to "
                    "everyone who works or volunteers with children. How you respond can "
                    "affect whether the child tells anyone again, and whether their account "
                    "can later be used in court.</p><h2>When a child tells "
                    "you</h2><ol><li>Stay calm, listen and give the child your full "
                    "attention.</li><li>Let the child speak freely. If you need to ask "
                    'anything, use open prompts such as "tell me", "explain" or '
                    '"describe", and never suggest names, events or answers.</li><li>Do not '
                    "promise to keep it secret. Explain that you will need to tell people who "
                    "can help, and who they are.</li><li>Tell the child they were right to "
                    "tell you and that it is not their fault.</li><li>Explain what will happen "
                    "next, as far as you know it.</li></ol><h2>After the "
                    "conversation</h2><ul><li>Write down what the child said, in their own "
                    "words, as soon as you can, with the date, the time, who was present and "
                    "what led to the conversation. Sign and date your note.</li><li>Tell your "
                    "designated safeguarding lead the same day, or contact the children's "
                    "social care front door yourself if they are not available.</li><li>Do not "
                    "confront the person the child has named, and do not tell the parents "
                    "until this has been agreed with children's social care or the "
                    "police.</li></ul><h2>Why you should not investigate</h2><p>If a crime may "
                    "have been committed, the police and children's social care may arrange an "
                    "Achieving Best Evidence interview, which is video-recorded and can be "
                    "used as evidence. Repeated or leading questions beforehand can distress "
                    "the child and weaken the case. You <b>should</b> ask only enough to "
                    "understand whether the child needs protecting.</p><h2>Children who "
                    "communicate differently</h2><p>Disabled children and children who use "
                    "another language may need support to be heard. You <b>should</b> use a "
                    "qualified interpreter or communication support, never a family member or "
                    "family friend.</p><p>Teachers, and regulated health and social care "
                    "professionals, who are told by a girl under 18 that she has undergone "
                    "female genital mutilation <b>must</b> report it to the police "
                    "themselves.</p>"
                ),
            },
            {
                "slug": "information-sharing",
                "title": "Sharing information to protect children",
                "summary": (
                    "When and how to share information to keep a child safe, and why data "
                    "protection law is not a barrier."
                ),
                "body": (
                    "<h2>About this chapter</h2><p>Reviews of serious cases keep finding that "
                    "no single agency held the whole picture. This chapter explains how "
                    "practitioners in every agency can share information safely and "
                    "confidently to protect children.</p><h2>The law</h2><p>Agencies "
                    "<b>must</b> comply with the Data Protection Act 2018 and the UK General "
                    "Data Protection Regulation. Those laws do not stop you sharing "
                    "information to keep a child safe. The Data Protection Act 2018 recognises "
                    "safeguarding children as a lawful reason to share sensitive information "
                    "without consent, where consent cannot reasonably be obtained or where "
                    "seeking it would put a child at risk.</p><p>When the local authority is "
                    "making a section 47 enquiry, other local authorities, housing authorities "
                    "and NHS bodies <b>must</b> help it with information and advice, unless "
                    "that would be unreasonable in the "
                    "circumstances.</p><h2>Principles</h2><p>Information you share "
                    "<b>should</b> be:</p><ul><li>necessary and proportionate to the worry "
                    "about the child</li><li>relevant: only what the other person needs to "
                    "know</li><li>accurate and up to date, with fact and opinion kept "
                    "apart</li><li>timely, so that a child is not left at risk while you "
                    "wait</li><li>shared securely, with the right person</li><li>recorded: "
                    "what you shared, with whom, when and why</li></ul><h2>Consent</h2><p>Be "
                    "open with families about what you will share and why, unless that would "
                    "put a child at risk. If you will share whatever the family says, do not "
                    "ask for their consent: asking suggests a choice they do not have. Tell "
                    "them instead what you are doing.</p><h2>If you are unsure</h2><p>Talk to "
                    "your designated safeguarding lead or your information governance lead, "
                    "but do not let uncertainty delay action when a child may be at risk of "
                    "significant harm. Fears about sharing information <b>should</b> never "
                    "stand in the way of protecting a child.</p>"
                ),
            },
            {
                "slug": "resolving-professional-differences",
                "title": "Resolving professional differences",
                "summary": (
                    "What to do when you disagree with another professional about a child's "
                    "safety, and how to escalate the disagreement."
                ),
                "body": (
                    "<h2>About this chapter</h2><p>Professionals will sometimes disagree about "
                    "a child: about the level of need, a decision to close a case, or whether "
                    "a plan is working. Healthy challenge protects children. This chapter "
                    "applies to every agency and sets out the regional approach; each "
                    "partnership's own escalation protocol gives its local stages and "
                    "timescales.</p><h2>Principles</h2><ul><li>The child's safety comes first. "
                    "If a child is at immediate risk, act at once: do not wait for a "
                    "disagreement to be settled.</li><li>Try to resolve the difference at the "
                    "lowest level, quickly and respectfully.</li><li>Focus on the child's "
                    "needs, not on agencies' positions.</li><li>Keep a record of each "
                    "conversation and what was "
                    "agreed.</li></ul><h2>Stages</h2><ol><li><b>Practitioners</b> talk "
                    "directly, by phone or in person, to understand each other's "
                    "view.</li><li><b>Line managers</b> from each agency discuss the case if "
                    "the practitioners cannot agree.</li><li><b>Senior managers</b> review the "
                    "disagreement if line managers cannot settle it.</li><li><b>A multi-agency "
                    "panel</b> convened by the partnership makes a final decision if senior "
                    "managers cannot agree.</li></ol><p>Each stage <b>should</b> be completed "
                    "within the number of working days set in the local protocol. When a "
                    "disagreement reaches the second stage or beyond, it <b>should</b> be "
                    "logged with the partnership business unit using a reference number only, "
                    "never a child's name or any other detail that could identify the "
                    "family.</p><h2>Statutory duties continue</h2><p>Escalation never changes "
                    "an agency's legal duties. Where there is reasonable cause to suspect that "
                    "a child is suffering, or is likely to suffer, significant harm, the local "
                    "authority <b>must</b> still make enquiries under section 47 of the "
                    "Children Act 1989, and any practitioner can make a new referral at any "
                    "time.</p><h2>Disagreeing with a conference decision</h2><p>If you "
                    "disagree with the decision of a child protection conference, say so at "
                    "the conference so that your dissent is recorded, then raise it with the "
                    "conference chair's manager, following the same stages.</p>"
                ),
            },
        ],
    },
    {
        "number": 2,
        "title": "Assessment and enquiries",
        "chapters": [
            {
                "slug": "early-help",
                "title": "Early help",
                "summary": (
                    "How agencies work together to support children and families as soon as "
                    "problems emerge, before needs become more serious."
                ),
                "body": (
                    "<h2>About this chapter</h2><p>Early help means support for a child and "
                    "family as soon as a problem emerges, at any age. It can stop difficulties "
                    "growing into harm. This chapter applies to all agencies, especially "
                    "schools, health services, early years settings and voluntary groups, "
                    "which are often the first to notice.</p><h2>The legal basis</h2><p>Under "
                    "section 10 of the Children Act 2004, local authorities <b>must</b> make "
                    "arrangements to promote cooperation between agencies to improve "
                    "children's wellbeing, and the partners named in that section <b>must</b> "
                    "cooperate with those arrangements. Early help is how much of that "
                    "cooperation happens in practice.</p><h2>Who might need early "
                    "help</h2><p>Practitioners <b>should</b> be alert to children who, for "
                    "example:</p><ul><li>are disabled or have special educational "
                    "needs</li><li>are young carers, or live with a parent who has poor mental "
                    "health, misuses drugs or alcohol, or experiences domestic "
                    "abuse</li><li>are often absent from school or missing from "
                    "home</li><li>show early signs of exploitation or of being drawn into "
                    "crime</li><li>live in a family under severe financial or housing "
                    "pressure</li></ul><h2>How early help works</h2><ol><li>Talk to the family "
                    "about your concerns and what help could make a difference. Early help is "
                    "voluntary and needs the family's agreement.</li><li>Complete an early "
                    "help assessment with the family, using the local form, and include the "
                    "child's views.</li><li>Agree a lead practitioner, who coordinates the "
                    "help and is the family's main contact.</li><li>Bring together a team "
                    "around the family from the services involved, and agree a plan with clear "
                    "actions and dates.</li><li>Review the plan with the family at least every "
                    "twelve weeks.</li></ol><h2>If things get worse</h2><p>If at any point you "
                    "think the child may be suffering, or likely to suffer, significant harm, "
                    "do not wait for the next review: you <b>should</b> refer to the "
                    "children's social care front door at once. If the family declines early "
                    "help and you remain worried, talk to your designated safeguarding lead "
                    "and use the threshold document to decide whether a referral is needed.</p>"
                ),
            },
            {
                "slug": "child-in-need-assessment",
                "title": "Assessing children in need",
                "summary": (
                    "How children's social care assesses a child who may be in need under "
                    "section 17 of the Children Act 1989, and the timescales it works to."
                ),
                "body": (
                    "<h2>About this chapter</h2><p>This chapter explains how the local "
                    "authority assesses children who may need its help, and what other "
                    "agencies contribute. It applies to children's social care and to every "
                    "agency asked to take part in an assessment.</p><h2>Who is a child in "
                    "need</h2><p>Under section 17 of the Children Act 1989, a child is in need "
                    "if:</p><ul><li>they are unlikely to achieve or keep a reasonable standard "
                    "of health or development without services from the local "
                    "authority</li><li>their health or development is likely to be "
                    "significantly impaired, or further impaired, without those "
                    "services</li><li>they are disabled</li></ul><p>The local authority "
                    "<b>must</b> safeguard and promote the welfare of children in need in its "
                    "area and, so far as that is consistent with their welfare, promote their "
                    "upbringing by their families.</p><h2>The child and family "
                    "assessment</h2><ol><li>Within one working day of a referral, a social "
                    "worker decides what type of response is needed.</li><li>If an assessment "
                    "is needed, a social worker leads a child and family assessment, looking "
                    "at the child's developmental needs, parenting capacity, and wider family "
                    "and environmental factors.</li><li>The child <b>should</b> be seen, and "
                    "seen alone where appropriate, within a timescale that fits their "
                    "needs.</li><li>Before deciding what services to provide, the local "
                    "authority <b>must</b> find out the child's wishes and feelings and give "
                    "them due weight, taking account of the child's age and "
                    "understanding.</li><li>The assessment <b>must</b> be completed within 45 "
                    "working days of the referral, and sooner where the child's needs are "
                    "clear.</li></ol><h2>What other agencies do</h2><p>Agencies asked to "
                    "contribute <b>should</b> reply promptly, giving their own view of the "
                    "child's needs and any chronology they hold.</p><h2>Outcomes</h2><p>The "
                    "assessment may lead to no further action, to early help, or to services "
                    "under a child in need plan. If concerns about significant harm arise at "
                    "any point, the social worker does not wait for the assessment to finish "
                    "but arranges a strategy discussion. A child in need plan <b>should</b> be "
                    "reviewed with the family and agencies at least every three months.</p>"
                ),
            },
            {
                "slug": "strategy-discussions",
                "title": "Strategy discussions",
                "summary": (
                    "When a strategy discussion must be held, who takes part, and what it decides."
                ),
                "body": (
                    "<h2>About this chapter</h2><p>A strategy discussion is how agencies share "
                    "information and plan together when there is reasonable cause to suspect "
                    "that a child is suffering, or is likely to suffer, significant harm. This "
                    "chapter applies to children's social care, the police, health services "
                    "and the agency that made the referral.</p><h2>When and how</h2><ul><li>A "
                    "strategy discussion <b>must</b> be held whenever there is reasonable "
                    "cause to suspect significant harm. Children's social care convenes "
                    "it.</li><li>It <b>should</b> take place within two working days of the "
                    "concern being identified, and at once where a child may be in immediate "
                    "danger.</li><li>It can be a meeting, a video call or a series of phone "
                    "calls, whichever is quickest and lets the right people take "
                    "part.</li></ul><h2>Who takes part</h2><p>As a minimum: a social worker "
                    "and their manager, the police, and a health professional. The agency that "
                    "made the referral <b>should</b> also be involved, as <b>should</b> any "
                    "other agency that holds important information, such as the child's "
                    "school.</p><h2>What it decides</h2><ol><li>Whether there is reasonable "
                    "cause to suspect significant harm, and so whether a section 47 enquiry is "
                    "needed.</li><li>What action is needed now to keep the child, and any "
                    "other children, safe.</li><li>Whether a crime may have been committed, "
                    "and how the police investigation and the section 47 enquiry will run "
                    "alongside each other.</li><li>Whether a child protection medical is "
                    "needed, and how urgently.</li><li>Whether the child should be interviewed "
                    "under the Achieving Best Evidence guidance.</li><li>What the parents and "
                    "the child will be told, when and by "
                    "whom.</li></ol><h2>Recording</h2><p>Children's social care <b>should</b> "
                    "record the information shared, the decisions and the reasons for them, "
                    "and each action with who will do it and by when. The record <b>should</b> "
                    "be sent to everyone who took part within one working day. If a section 47 "
                    "enquiry begins, the date of the strategy discussion starts the clock for "
                    "the initial child protection conference.</p>"
                ),
            },
            {
                "slug": "section-47-enquiries",
                "title": "Section 47 enquiries",
                "summary": (
                    "The local authority's duty to make child protection enquiries, how they "
                    "are carried out, and their possible outcomes."
                ),
                "body": (
                    "<h2>About this chapter</h2><p>This chapter explains the duty in section "
                    "47 of the Children Act 1989 and what each agency does during a section 47 "
                    "enquiry. It applies to children's social care, the police, health, "
                    "education and any agency that holds information about the "
                    "child.</p><h2>When the duty applies</h2><p>The local authority "
                    "<b>must</b> make enquiries when it has reasonable cause to suspect that a "
                    "child who lives, or is found, in its area is suffering, or is likely to "
                    "suffer, significant harm. It <b>must</b> also do so when a child is the "
                    "subject of an emergency protection order or is in police "
                    "protection.</p><h2>How the enquiry is carried out</h2><ol><li>The "
                    "decision to start a section 47 enquiry is made at a strategy "
                    "discussion.</li><li>A social worker leads the enquiry, through a child "
                    "and family assessment, following the plan agreed at the strategy "
                    "discussion.</li><li>The local authority <b>must</b> take reasonable steps "
                    "to see the child, unless it already has enough information. If it is "
                    "refused access to the child, it <b>must</b> apply to court for an order "
                    "unless it is satisfied that the child's welfare can be safeguarded "
                    "without one.</li><li>The social worker <b>should</b> see the child alone "
                    "where appropriate, talk to the parents, and gather information from other "
                    "agencies.</li><li>Where the police are also investigating, the enquiry "
                    "and the investigation <b>should</b> be coordinated so that neither harms "
                    "the other.</li></ol><p>Other local authorities, housing authorities and "
                    "NHS bodies <b>must</b> help with the enquiry by providing information and "
                    "advice, unless that would be "
                    "unreasonable.</p><h2>Outcomes</h2><ul><li><b>Concerns not "
                    "substantiated</b>: the child and family may still need support as a child "
                    "in need or through early help.</li><li><b>Concerns substantiated, but the "
                    "child is not judged likely to suffer significant harm in future</b>: a "
                    "child in need plan may be agreed.</li><li><b>Concerns substantiated and "
                    "the child is judged likely to suffer significant harm</b>: an initial "
                    "child protection conference <b>must</b> be held within 15 working days of "
                    "the strategy discussion at which the enquiry began.</li></ul><p>The "
                    "parents, the child where appropriate, and the agencies involved "
                    "<b>should</b> be told the outcome in writing.</p>"
                ),
            },
            {
                "slug": "child-protection-medical-examinations",
                "title": "Child protection medical examinations",
                "summary": (
                    "When a child protection medical is needed, who carries it out, consent, "
                    "and how urgently it should happen."
                ),
                "body": (
                    "<h2>About this chapter</h2><p>A child protection medical is an "
                    "examination by a paediatrician, or by a forensic physician where sexual "
                    "abuse is suspected, to assess possible injuries or neglect and the "
                    "child's overall health. This chapter applies to children's social care, "
                    "the police and health services.</p><h2>Deciding whether a medical is "
                    "needed</h2><p>The need for a medical, and its urgency, <b>should</b> be "
                    "decided at the strategy discussion, with advice from a paediatrician. A "
                    "medical is not only about evidence: it also makes sure the child's health "
                    "needs are met, and can reassure the child and family.</p><ul><li>Visible "
                    "injuries <b>should</b> be examined the same day, before they "
                    "fade.</li><li>Any bruise, mark or injury on a baby who is not yet mobile "
                    "<b>should</b> lead to a same-day referral and medical, under the regional "
                    "protocol on bruising in babies.</li><li>Where sexual abuse is suspected, "
                    "the police and the paediatric team <b>should</b> decide urgently whether "
                    "a forensic examination is needed at a sexual assault referral centre, "
                    "because forensic evidence can be lost quickly.</li><li>Where neglect is "
                    "the concern, the examination is usually planned rather than urgent, and "
                    "looks at growth, development and unmet health "
                    "needs.</li></ul><h2>Consent</h2><p>Consent for the examination "
                    "<b>must</b> come from a person with parental responsibility, from a child "
                    "who has enough understanding to decide for themselves, or from a court "
                    "order. If consent is refused and the medical is needed to protect the "
                    "child, children's social care <b>should</b> seek legal advice at once. In "
                    "an emergency, doctors can still give treatment needed to save life or "
                    "prevent serious harm.</p><h2>During and after</h2><ol><li>A parent or "
                    "trusted adult <b>should</b> usually be present, if the child "
                    "agrees.</li><li>The social worker <b>should</b> make sure the "
                    "paediatrician has the background information, and <b>should</b> attend or "
                    "speak to the paediatrician straight afterwards.</li><li>The paediatrician "
                    "gives a verbal opinion the same day. The written report <b>should</b> "
                    "follow within five working days.</li></ol>"
                ),
            },
            {
                "slug": "joint-investigations-with-police",
                "title": "Joint working with the police",
                "summary": (
                    "How children's social care and the police work together when a child may "
                    "be the victim of a crime, and the emergency powers available."
                ),
                "body": (
                    "<h2>About this chapter</h2><p>When abuse may also be a crime, children's "
                    "social care and the police work together so that the child is protected "
                    "and any offence can be investigated. This chapter applies to both, and to "
                    "agencies supporting a joint "
                    "investigation.</p><h2>Roles</h2><ul><li>Children's social care leads on "
                    "the child's welfare and the section 47 enquiry.</li><li>The police lead "
                    "on the criminal investigation.</li><li>The child's safety and welfare "
                    "always come first. Where the two pull in different directions, the "
                    "strategy discussion <b>should</b> agree what happens and record "
                    "why.</li></ul><h2>Planning together</h2><ol><li>Agree at the strategy "
                    "discussion who will speak to the child, the parents and any alleged "
                    "abuser, and in what order, so that evidence is not lost and no one is "
                    "warned.</li><li>Decide whether the child will be interviewed under the "
                    "Achieving Best Evidence guidance. The interview <b>should</b> be planned "
                    "by trained police officers and social workers together, taking into "
                    "account the child's age, needs and wishes, and whether an intermediary is "
                    "needed.</li><li>Agree how the child will be supported before and after "
                    "any interview. Therapy <b>should</b> not be delayed because of criminal "
                    "proceedings when the child needs it.</li><li>Share new information "
                    "promptly, and reconvene the strategy discussion if the plan needs to "
                    "change.</li></ol><h2>Emergency powers</h2><p>Where a child would "
                    "otherwise be likely to suffer significant harm, a police officer can take "
                    "the child into police protection. Police protection lasts no more than 72 "
                    "hours. The police <b>must</b> tell the local authority, and tell the "
                    "parents as soon as practicable. Police protection does not give the "
                    "police parental responsibility.</p><p>The local authority, or anyone "
                    "else, can apply to a court for an emergency protection order, which lasts "
                    "up to eight days and can be extended once, by up to seven more days. An "
                    "application <b>should</b> be considered whenever a child cannot be kept "
                    "safe by agreement.</p>"
                ),
            },
        ],
    },
    {
        "number": 3,
        "title": "Child protection conferences and plans",
        "chapters": [
            {
                "slug": "initial-child-protection-conference",
                "title": "Initial child protection conference",
                "summary": (
                    "The purpose of the initial child protection conference, who attends, the "
                    "timescale, and the decisions it makes."
                ),
                "body": (
                    "<h2>About this chapter</h2><p>An initial child protection conference "
                    "brings the family and professionals together after a section 47 enquiry "
                    "to decide whether the child is likely to suffer significant harm and, if "
                    "so, to agree a child protection plan. This chapter applies to everyone "
                    "invited to a conference.</p><h2>Timescale</h2><p>The conference "
                    "<b>must</b> take place within 15 working days of the strategy discussion "
                    "at which the section 47 enquiry began, or of the last strategy discussion "
                    "if there was more than one.</p><h2>Who is invited</h2><ul><li>the child, "
                    "where they are old enough and wish to take part, with an advocate if they "
                    "would like one</li><li>parents and others with parental responsibility, "
                    "who may bring a supporter</li><li>the social worker and their "
                    "manager</li><li>professionals involved with the child and family, such as "
                    "the GP, health visitor or school nurse, school or nursery, the police, "
                    "and adult services working with a parent</li></ul><p>The conference is "
                    "chaired by an experienced professional who has no line management "
                    "responsibility for the case.</p><h2>Reports</h2><p>Each agency "
                    "<b>should</b> write a report, using the regional template, and send it to "
                    "the chair at least two working days before the conference. Reports "
                    "<b>should</b> be shared with the parents, and with the child where "
                    "appropriate, before the conference, so that they have time to understand "
                    "them.</p><h2>The decision</h2><ol><li>The conference considers whether "
                    "the child is likely to suffer significant harm.</li><li>If so, the child "
                    "becomes the subject of a child protection plan, under the category that "
                    "best fits: physical, emotional or sexual abuse, or neglect.</li><li>The "
                    "conference names the lead social worker, confirms the core group members, "
                    "agrees an outline plan and sets the date of the first "
                    "review.</li></ol><p>If a professional disagrees with the decision, their "
                    "view <b>should</b> be recorded in the conference record.</p><h2>Excluding "
                    "someone</h2><p>A parent <b>should</b> be excluded from all or part of a "
                    "conference only in exceptional circumstances, for example where their "
                    "presence would put someone at risk. The chair decides, records the "
                    "reason, and makes sure the parent's views are heard another way.</p>"
                ),
            },
            {
                "slug": "the-child-protection-plan",
                "title": "The child protection plan",
                "summary": (
                    "What a child protection plan contains, the role of the lead social "
                    "worker, and how often the child is seen."
                ),
                "body": (
                    "<h2>About this chapter</h2><p>A child protection plan sets out how the "
                    "child will be kept safe, what needs to change, and who will do what. This "
                    "chapter applies to the lead social worker, core group members and the "
                    "family.</p><h2>The lead social worker</h2><p>Every child with a child "
                    "protection plan <b>must</b> have a lead social worker, who is a qualified "
                    "social worker registered with Social Work England. The lead social worker "
                    "coordinates the plan, makes sure it is carried out, and makes sure the "
                    "child's voice is heard.</p><h2>What the plan contains</h2><ul><li>what "
                    "the child needs in order to be safe and to thrive, in words the family "
                    "can understand</li><li>what needs to change, and how everyone will know "
                    "when it has</li><li>who will do what, and by when, including the "
                    "family</li><li>what will happen if the plan is not followed or the "
                    "child's safety gets worse: the contingency plan</li><li>the child's "
                    "wishes and feelings, and how the plan responds to them</li></ul><p>The "
                    "outline plan agreed at the initial child protection conference "
                    "<b>should</b> be turned into a detailed plan by the core group at its "
                    "first meeting.</p><h2>Seeing the child</h2><p>The lead social worker "
                    "<b>should</b> see the child at least every ten working days, and see the "
                    "child alone on most visits where the child is old enough. Other members "
                    "of the core group <b>should</b> also see the child regularly, as agreed "
                    "in the plan.</p><h2>Measuring change</h2><p>Plans <b>should</b> focus on "
                    "whether parenting capacity is improving for the child, not only on "
                    "whether parents have attended appointments. Progress is measured by what "
                    "has changed in the child's daily life.</p><h2>Moving away</h2><p>If the "
                    "family moves to another area, the lead social worker <b>must</b> tell the "
                    "new local authority straight away, so that it can take over the child's "
                    "protection.</p>"
                ),
            },
            {
                "slug": "core-groups",
                "title": "Core groups",
                "summary": ("What the core group does, who belongs to it, and how often it meets."),
                "body": (
                    "<h2>About this chapter</h2><p>The core group is the small group of "
                    "professionals and family members who put the child protection plan into "
                    "practice between conferences. This chapter applies to everyone named as a "
                    "core group member.</p><h2>Membership</h2><p>The core group is led by the "
                    "lead social worker. It includes the child where appropriate, the parents, "
                    "and the professionals who work directly with the child or family, such as "
                    "the health visitor or school nurse, the child's school and any adult "
                    "services. Membership is confirmed at the initial child protection "
                    "conference.</p><h2>Timescales</h2><ol><li>The first core group meeting "
                    "<b>must</b> take place within ten working days of the initial child "
                    "protection conference.</li><li>At that meeting, the core group turns the "
                    "outline plan into a detailed plan, with named actions and "
                    "dates.</li><li>Later meetings <b>should</b> take place at least every six "
                    "weeks while the child has a plan.</li></ol><h2>What core group members "
                    "do</h2><ul><li>carry out their own actions in the plan</li><li>share "
                    "information about the child's progress and any new concern straight away, "
                    "not only at meetings</li><li>help the family understand what is expected "
                    "and why</li><li>tell the lead social worker if they cannot carry out an "
                    "action</li></ul><h2>Records</h2><p>The lead social worker <b>should</b> "
                    "make sure that a record of each meeting, with the updated actions, is "
                    "sent to all members within five working days.</p><h2>When progress "
                    "stalls</h2><p>If the plan is not working, or actions are not being "
                    "completed, the core group <b>should</b> say so promptly. The lead social "
                    "worker can ask the chair to bring the review conference forward. If a "
                    "member disagrees with how the plan is being managed, they <b>should</b> "
                    "follow the chapter on resolving professional differences.</p>"
                ),
            },
            {
                "slug": "review-child-protection-conference",
                "title": "Review child protection conferences",
                "summary": (
                    "When review conferences take place, what they consider, and how they "
                    "decide whether the plan should continue."
                ),
                "body": (
                    "<h2>About this chapter</h2><p>A review child protection conference looks "
                    "at whether the child is now safe, whether the child protection plan is "
                    "working, and whether it needs to continue. This chapter applies to "
                    "everyone invited to a review.</p><h2>Timescales</h2><ul><li>The first "
                    "review child protection conference <b>must</b> take place within three "
                    "months of the initial conference.</li><li>Later reviews <b>must</b> take "
                    "place at intervals of no more than six months for as long as the child "
                    "has a plan.</li><li>A review <b>should</b> be brought forward if "
                    "circumstances change significantly, for example a new injury, a new adult "
                    "in the household or the plan breaking down.</li></ul><h2>Preparing for "
                    "the review</h2><ol><li>The lead social worker <b>should</b> write a "
                    "report on progress against each part of the plan, and share it with the "
                    "parents, and with the child where appropriate, before the "
                    "conference.</li><li>Each core group agency <b>should</b> send a written "
                    "report to the chair at least two working days before the "
                    "conference.</li><li>The child's views <b>should</b> be gathered in a way "
                    "that suits them: in person, in writing, through an advocate or through "
                    "drawings.</li></ol><h2>What the conference considers</h2><ul><li>What has "
                    "changed for the child since the last conference?</li><li>Has the plan "
                    "been carried out, and has it made the child safer?</li><li>Is the child "
                    "still likely to suffer significant harm?</li><li>Does the plan, or the "
                    "category of the plan, need to change?</li></ul><h2>The decision</h2><p>If "
                    "the child is still likely to suffer significant harm, the plan continues, "
                    "revised as needed. If not, the plan ends and the conference <b>should</b> "
                    "agree what support continues, usually through a child in need plan. See "
                    "the chapter on ending a child protection plan.</p><p>Where a child has "
                    "had a plan for 18 months or more, or has a second or later plan, the "
                    "chair <b>should</b> ask the conference whether the plan is achieving real "
                    "change, and whether legal advice is needed.</p>"
                ),
            },
            {
                "slug": "ending-a-child-protection-plan",
                "title": "Ending a child protection plan",
                "summary": (
                    "When a child protection plan can end, and how to make sure the right "
                    "support continues afterwards."
                ),
                "body": (
                    "<h2>About this chapter</h2><p>This chapter explains when and how a child "
                    "protection plan ends. It applies to conference chairs, lead social "
                    "workers and core group members.</p><h2>When a plan ends</h2><p>A child "
                    "<b>should</b> no longer have a child protection plan when:</p><ul><li>a "
                    "review child protection conference judges that the child is no longer "
                    "likely to suffer significant harm</li><li>the child and family have moved "
                    "permanently to another local authority area, and that area has taken over "
                    "responsibility</li><li>the child has reached 18, has died, or has "
                    "permanently left the United Kingdom</li></ul><p>Apart from those last "
                    "circumstances, only a review conference can end a plan. A plan "
                    "<b>should</b> never end simply because a case is moving between teams, or "
                    "because a family has stopped working with services.</p><h2>Stepping "
                    "down</h2><ol><li>Before the plan ends, the conference <b>should</b> agree "
                    "what support the child and family still need. Most children who have had "
                    "a plan will still be children in need.</li><li>Where a child in need plan "
                    "follows, it <b>should</b> be reviewed within three months, and the core "
                    "group <b>should</b> usually carry on as the child in need "
                    "network.</li><li>Agencies <b>should</b> stay alert: the months after a "
                    "plan ends are a time when risks can return, especially if the family's "
                    "circumstances change.</li></ol><p>Ending a plan does not end the local "
                    "authority's duties: it <b>must</b> still safeguard and promote the "
                    "welfare of children in need in its area.</p><h2>Telling people</h2><p>The "
                    "conference chair <b>should</b> make sure the child, the parents and every "
                    "agency involved, including the GP and the child's school, are told that "
                    "the plan has ended and what happens next.</p><h2>When worries come "
                    "back</h2><p>If you become worried again after a plan has ended, do not "
                    "wait. Make a referral to the children's social care front door and say "
                    "that the child has had a child protection plan before.</p>"
                ),
            },
            {
                "slug": "pre-birth-assessment",
                "title": "Pre-birth assessment and planning",
                "summary": (
                    "How agencies assess and plan for an unborn baby who may be at risk of "
                    "significant harm after birth."
                ),
                "body": (
                    "<h2>About this chapter</h2><p>Some babies are at risk of significant harm "
                    "from the moment they are born. Good planning during pregnancy gives "
                    "parents the best chance to make changes, and gives the baby a safe start. "
                    "This chapter applies to midwives, health visitors, GPs, adult services, "
                    "children's social care and anyone working with an expectant "
                    "parent.</p><h2>When to refer</h2><p>Practitioners <b>should</b> refer to "
                    "the children's social care front door as soon as concerns are identified, "
                    "and ideally by 20 weeks of pregnancy, where for example:</p><ul><li>a "
                    "previous child has been removed from a parent's care, or has had a child "
                    "protection plan</li><li>there is domestic abuse in the "
                    "relationship</li><li>a parent misuses drugs or alcohol, or has a mental "
                    "illness or learning disability that may affect their parenting "
                    "capacity</li><li>a parent poses a risk to children, or is under 18 and "
                    "has safeguarding needs of their own</li><li>a parent has had little or no "
                    "antenatal care</li></ul><h2>Assessment and "
                    "conference</h2><ol><li>Children's social care decides whether a pre-birth "
                    "assessment is needed, and whether a strategy discussion should be "
                    "held.</li><li>The pre-birth assessment <b>should</b> involve both parents "
                    "and any partner, and look at their history, their capacity to change and "
                    "the support around them.</li><li>Where the baby is likely to suffer "
                    "significant harm, a pre-birth initial child protection conference "
                    "<b>should</b> be held no later than 32 weeks of pregnancy, so that a plan "
                    "is in place before the birth.</li></ol><h2>The law before birth</h2><p>An "
                    "unborn baby is not a child in law, so no court order can be made before "
                    "the birth. Agencies can still assess, share information and agree a plan "
                    "that starts at birth. Any plan to separate a baby from a parent after "
                    "birth <b>must</b> have legal authority: a court order, or the informed "
                    "agreement of a parent with parental responsibility. Hospital staff "
                    "<b>must</b> not be asked to stop a parent leaving with their baby without "
                    "that authority.</p><p>The midwife and the social worker <b>should</b> "
                    "agree a written birth plan and share it with the maternity unit.</p>"
                ),
            },
        ],
    },
    {
        "number": 4,
        "title": "Specific circumstances",
        "chapters": [
            {
                "slug": "neglect",
                "title": "Neglect",
                "summary": (
                    "How to recognise neglect, assess its effect on a child, and act before "
                    "harm becomes entrenched."
                ),
                "body": (
                    "<h2>About this chapter</h2><p>Neglect is the most common reason for a "
                    "child protection plan in England. It is often long-standing and can be "
                    "hard to see, because it builds up slowly. This chapter applies to every "
                    "agency that works with children or with parents.</p><h2>What neglect "
                    "is</h2><p>Neglect is the persistent failure to meet a child's basic "
                    "physical or emotional needs, likely to seriously impair the child's "
                    "health or development. It can include failing to:</p><ul><li>provide "
                    "enough food, clothing and shelter</li><li>protect a child from physical "
                    "and emotional harm or danger</li><li>supervise a child properly, "
                    "including leaving them with unsuitable carers</li><li>make sure the child "
                    "gets medical and dental care and treatment</li><li>respond to a child's "
                    "emotional needs</li><li>make sure the child receives an "
                    "education</li></ul><h2>Recognising neglect</h2><p>No single incident may "
                    "seem serious. Practitioners <b>should</b> keep a chronology of "
                    "significant events, such as missed appointments, injuries, school absence "
                    "and home conditions, so that a pattern can be seen. Think about the "
                    "child's day-to-day experience and the effect on the child, not only the "
                    "state of the home.</p><h2>Assessing neglect</h2><ol><li>Use your "
                    "partnership's neglect toolkit to assess each area of the child's care "
                    "with the family, and repeat it to measure change.</li><li>Talk to the "
                    "child, and to other agencies that know the family.</li><li>Think about "
                    "parenting capacity and what is getting in the way: poverty, poor mental "
                    "health, substance misuse, domestic abuse or learning "
                    "disability.</li><li>Agree a plan with the family, with small, clear goals "
                    "and a date to review them.</li></ol><h2>Avoiding drift</h2><p>Work with "
                    "neglect is prone to drift, where plans are repeated without lasting "
                    'change, and to a "start again" pattern, where each new worker begins '
                    "afresh. If early help has not brought change within the agreed time, "
                    "practitioners <b>should</b> consider a referral to children's social "
                    "care.</p><p>Where there is reasonable cause to suspect that neglect is "
                    "causing, or is likely to cause, significant harm, the local authority "
                    "<b>must</b> make enquiries under section 47 of the Children Act 1989, as "
                    "for any other form of abuse.</p>"
                ),
            },
            {
                "slug": "children-missing-education",
                "title": "Children missing education",
                "summary": (
                    "How schools and local authorities find children who are not in school and "
                    "not receiving a suitable education."
                ),
                "body": (
                    "<h2>About this chapter</h2><p>Children who are missing education may be "
                    "at risk of harm, exploitation or radicalisation, and are less visible to "
                    "the adults who could help them. This chapter applies to schools, "
                    "colleges, local authority education services and any practitioner who "
                    "meets a child of compulsory school age who does not seem to be in "
                    "school.</p><h2>Who are children missing education</h2><p>They are "
                    "children of compulsory school age who are not on a school roll and are "
                    "not receiving a suitable education otherwise, for example at home. "
                    "Children who are on a roll but often absent are not missing education, "
                    "but they may be at risk and <b>should</b> be followed "
                    "up.</p><h2>Duties</h2><ul><li>Local authorities <b>must</b> have "
                    "arrangements to identify children in their area who are not registered at "
                    "a school and are not receiving a suitable education.</li><li>Schools "
                    "<b>must</b> tell the local authority when they remove a pupil from the "
                    "admission register other than at a normal point of transfer, giving the "
                    "reason.</li><li>Schools <b>must</b> tell the local authority about any "
                    "pupil who fails to attend regularly, or who has been absent without "
                    "permission for ten or more school days in a row.</li></ul><h2>What "
                    "schools should do</h2><ol><li>Follow up any unexplained absence on the "
                    "first day, by contacting the parents and the emergency contacts the "
                    "school holds.</li><li>Hold more than one emergency contact for each pupil "
                    "where possible.</li><li>Before removing a child from the roll, make "
                    "reasonable enquiries, jointly with the local authority, to find out where "
                    "the child has gone.</li><li>Treat an unexplained absence as a possible "
                    "safeguarding concern, especially for a child who has a social worker, has "
                    "gone missing before, or may be at risk of exploitation, forced marriage "
                    "or female genital mutilation.</li></ol><p>Staff <b>should</b> tell the "
                    "designated safeguarding lead about any child whose absence raises a "
                    "concern, and the designated safeguarding lead <b>should</b> refer to "
                    "children's social care where there is a risk of significant "
                    "harm.</p><h2>If you meet a child who is not in school</h2><p>If you meet "
                    "a child of school age who does not seem to be in education, you "
                    "<b>should</b> tell the local authority's children missing education team. "
                    "If you are worried about the child's safety, follow the chapter on what "
                    "to do if you are worried.</p>"
                ),
            },
            {
                "slug": "children-missing-from-home-or-care",
                "title": "Children missing from home or care",
                "summary": (
                    "What to do when a child goes missing from home or care, and how return "
                    "home interviews help keep them safe."
                ),
                "body": (
                    "<h2>About this chapter</h2><p>Children who go missing are at risk of "
                    "serious harm, including sexual and criminal exploitation. Going missing "
                    "is often a sign that something is wrong at home, in care or in the "
                    "child's life outside the home. This chapter applies to parents and "
                    "carers, children's homes and foster carers, children's social care, the "
                    "police, schools and health services.</p><h2>When a child goes "
                    "missing</h2><ol><li>Parents and carers <b>should</b> report a missing "
                    "child to the police as soon as they are worried: on 999 if the child is "
                    "at immediate risk, otherwise on 101.</li><li>Foster carers and children's "
                    "homes <b>must</b> follow the child's care plan and their own "
                    "missing-from-care procedures, which say when to call the "
                    "police.</li><li>The police assess the level of risk and lead the search. "
                    "The local authority is told about every missing child it looks after, and "
                    "about missing children known to it.</li><li>When the child is found, the "
                    "police carry out a safe and well check.</li></ol><h2>Return home "
                    "interviews</h2><p>Every child who has been missing <b>must</b> be offered "
                    "an independent return home interview by the local authority, within 72 "
                    "hours of their return. It <b>should</b> be carried out by someone the "
                    "child trusts who is not involved in their care, and it "
                    "explores:</p><ul><li>why the child went missing, and where and with whom "
                    "they were</li><li>whether they were harmed, or are at risk of "
                    "harm</li><li>what help the child needs to stop it happening "
                    "again</li></ul><p>What the child says <b>should</b> be shared with the "
                    "police and with the child's social worker, so that patterns of places and "
                    "people can be seen.</p><h2>Repeat episodes</h2><p>Children who go missing "
                    "more than once <b>should</b> be considered for a strategy discussion, "
                    "especially where there are signs of child sexual exploitation or child "
                    "criminal exploitation. Schools <b>should</b> be told, where appropriate, "
                    "so that they can notice any further absence quickly.</p>"
                ),
            },
            {
                "slug": "child-sexual-exploitation",
                "title": "Child sexual exploitation",
                "summary": (
                    "How to recognise child sexual exploitation, including online, and how "
                    "agencies respond."
                ),
                "body": (
                    "<h2>About this chapter</h2><p>Child sexual exploitation is a form of "
                    "child sexual abuse. It happens when a person or group uses an imbalance "
                    "of power to coerce, manipulate or deceive a child under 18 into sexual "
                    "activity, in exchange for something the child needs or wants, or for the "
                    "gain of the abuser. It can happen in person or online, and the child may "
                    "believe the relationship is a loving or consensual one. This chapter "
                    "applies to all agencies.</p><h2>Signs</h2><ul><li>going missing from "
                    "home, care or school</li><li>unexplained gifts, money, phones or "
                    "clothes</li><li>an older boyfriend or girlfriend, or new friendships with "
                    "adults</li><li>being picked up in cars by unknown adults</li><li>sexually "
                    "transmitted infections, pregnancy or repeated requests for emergency "
                    "contraception</li><li>misuse of drugs or alcohol, self-harm or a sudden "
                    "change in mood</li></ul><p>Boys and young men, disabled children and "
                    "children in care are also at risk, and are less often "
                    "identified.</p><h2>Responding</h2><ol><li>Share your concerns with your "
                    "designated safeguarding lead and refer to the children's social care "
                    "front door. Use the regional child exploitation screening tool to "
                    "describe what you have seen.</li><li>Where there is reasonable cause to "
                    "suspect significant harm, a strategy discussion is held, including the "
                    "police.</li><li>Plans <b>should</b> address the child's safety in the "
                    "places and groups where the harm happens, not only at home. Parents are "
                    "often the child's best protection and <b>should</b> be supported as "
                    "partners.</li><li>The police <b>should</b> consider disrupting the "
                    "abusers, for example with warning notices, alongside any criminal "
                    "investigation.</li></ol><h2>Language and the law</h2><p>In law, a child "
                    "under 13 cannot consent to any sexual activity, and sexual activity with "
                    "a child under 16 is an offence. A child's apparent agreement <b>must</b> "
                    "therefore never be treated as consent. Avoid language that suggests a "
                    'child is to blame, such as "putting themselves at risk" or "choosing" '
                    "the relationship: the child is a victim of abuse.</p>"
                ),
            },
            {
                "slug": "child-criminal-exploitation",
                "title": "Child criminal exploitation",
                "summary": (
                    "How to recognise and respond when children are exploited to commit crime, "
                    "including through county lines."
                ),
                "body": (
                    "<h2>About this chapter</h2><p>Child criminal exploitation happens when a "
                    "person or group uses an imbalance of power to coerce, control, manipulate "
                    "or deceive a child under 18 into criminal activity. A common form is "
                    "county lines, where gangs use children to carry and sell drugs across "
                    "areas, organised through dedicated phone lines. Children may also be made "
                    "to steal, carry weapons or hold money. This chapter applies to all "
                    "agencies.</p><h2>Signs</h2><ul><li>going missing, sometimes being found "
                    "far from home</li><li>unexplained money, new clothes or more than one "
                    "phone</li><li>injuries the child will not explain, or carrying a "
                    "weapon</li><li>new, older friends, and leaving old friends "
                    "behind</li><li>arrest in another area, or being found in a property used "
                    "for dealing drugs</li><li>owing a debt to others, or fear of a particular "
                    "group</li></ul><h2>Responding</h2><ol><li>Tell your designated "
                    "safeguarding lead and refer to the children's social care front door, "
                    "using the regional child exploitation screening tool.</li><li>A strategy "
                    "discussion <b>should</b> include the police and, where the child has "
                    "offended, the youth justice service.</li><li>Plans <b>should</b> look at "
                    "the places, people and online spaces where the harm happens, and at how "
                    "to disrupt the exploiters.</li></ol><h2>The National Referral "
                    "Mechanism</h2><p>Exploited children may be victims of modern slavery. "
                    "Specified public authorities, including local authorities and the police, "
                    "have a legal duty to notify the Home Office of potential victims. For a "
                    "child, this is done through a referral to the National Referral "
                    "Mechanism, which <b>must</b> be made by a first responder organisation "
                    "and does not need the child's consent. The child <b>should</b> be told "
                    "about the referral and what it means.</p><h2>Victims "
                    "first</h2><p>Children who are exploited are victims, even if they have "
                    "committed offences. The Modern Slavery Act 2015 gives a defence to "
                    "children who commit certain offences as a direct result of being "
                    "exploited. Agencies <b>should</b> make sure the child's exploitation is "
                    "known to the police and the court when decisions are made about them.</p>"
                ),
            },
            {
                "slug": "domestic-abuse",
                "title": "Domestic abuse",
                "summary": (
                    "How domestic abuse harms children, how to assess risk, and how agencies "
                    "work together to protect children and the adult victim."
                ),
                "body": (
                    "<h2>About this chapter</h2><p>Living with domestic abuse can cause "
                    "children serious and lasting harm. This chapter applies to every agency, "
                    "including adult services that work with parents.</p><h2>What domestic "
                    "abuse is</h2><p>The Domestic Abuse Act 2021 defines domestic abuse as "
                    "abusive behaviour by one person towards another where both are aged 16 or "
                    "over and are personally connected, for example as partners, ex-partners "
                    "or relatives. It includes physical or sexual abuse, violent or "
                    "threatening behaviour, controlling or coercive behaviour, economic abuse, "
                    "and psychological or emotional abuse.</p><p>A child who sees, hears or "
                    "experiences the effects of domestic abuse, and is related to either "
                    "person, is a victim of domestic abuse in their own right.</p><h2>The "
                    "effect on children</h2><p>In the Children Act 1989, harm includes "
                    "impairment suffered from seeing or hearing the ill-treatment of another "
                    "person. Where there is reasonable cause to suspect that a child is "
                    "suffering, or is likely to suffer, significant harm because of domestic "
                    "abuse, the local authority <b>must</b> make enquiries under section 47. "
                    "Babies and unborn children are at particular risk, because abuse often "
                    "starts or gets worse during pregnancy.</p><h2>What to do</h2><ol><li>Ask "
                    "about domestic abuse routinely and safely, when the adult is alone. Never "
                    "raise it in front of the suspected abuser, or use a family member to "
                    "interpret.</li><li>Where an adult victim tells you about abuse, use a "
                    "recognised risk assessment checklist. If the risk is high, refer to the "
                    "MARAC, the multi-agency risk assessment conference, with the victim's "
                    "knowledge wherever that is safe.</li><li>Think about the children in the "
                    "household: what they have seen and heard, and how the abuse affects their "
                    "care. Refer to children's social care where a child may be at risk of "
                    "significant harm.</li><li>Plans <b>should</b> protect the adult victim "
                    "and the children together, and hold the person causing harm responsible. "
                    "Do not place the burden of protecting the child on the adult victim "
                    "alone.</li></ol><h2>Operation Encompass</h2><p>Under Operation Encompass, "
                    "the police tell a child's school, before the start of the next school "
                    "day, when the child has been affected by a domestic abuse incident. The "
                    "designated safeguarding lead <b>should</b> use this to make sure the "
                    "child has a trusted adult and support in school.</p>"
                ),
            },
            {
                "slug": "allegations-against-people-who-work-with-children",
                "title": "Allegations against people who work with children",
                "summary": (
                    "What to do when someone who works or volunteers with children may have "
                    "harmed a child or may pose a risk, and the role of the designated officer."
                ),
                "body": (
                    "<h2>About this chapter</h2><p>This chapter applies to every organisation "
                    "that employs or uses people, paid or unpaid, to work with children, and "
                    "to anyone who becomes worried about such a person. It covers behaviour at "
                    "work and outside work.</p><h2>When to use this chapter</h2><p>Use it when "
                    "there is information that a person who works with children "
                    "has:</p><ul><li>behaved in a way that has harmed a child, or may have "
                    "harmed a child</li><li>possibly committed a criminal offence against or "
                    "related to a child</li><li>behaved towards a child or children in a way "
                    "that suggests they may pose a risk of harm to children</li><li>behaved in "
                    "a way that suggests they may not be suitable to work with children, "
                    "including outside work</li></ul><h2>What to do</h2><ol><li>If a child is "
                    "at immediate risk, call 999. Otherwise, tell the senior manager named in "
                    "your organisation's procedure, or the chair of governors, trustees or "
                    "owner if the concern is about that manager.</li><li>The employer "
                    "<b>must</b> tell the local authority designated officer (LADO) within one "
                    "working day. Do not investigate first, and do not tell the person "
                    "concerned until the LADO has agreed what can be shared.</li><li>The LADO "
                    "decides, with the employer, whether the allegation needs a strategy "
                    "discussion, a police investigation, an enquiry by the employer, or no "
                    "further action.</li><li>Where needed, the LADO holds an allegations "
                    "management meeting to plan next steps, including whether the person "
                    "should be suspended. Suspension <b>should</b> not be automatic; "
                    "alternatives <b>should</b> be considered "
                    "first.</li></ol><h2>Outcomes</h2><p>Each allegation ends with one of five "
                    "outcomes: substantiated, false, malicious, unsubstantiated or unfounded. "
                    "The person <b>should</b> be told the outcome and offered support "
                    "throughout. Details of malicious or false allegations are removed from "
                    "personnel records, unless the person agrees otherwise; for all others, a "
                    "clear summary is kept on the person's confidential file.</p><h2>Referral "
                    "to the barring service</h2><p>An employer <b>must</b> refer a person to "
                    "the Disclosure and Barring Service if it removes them from work with "
                    "children, or would have done so had they not left, because they have "
                    "harmed a child or pose a risk of harm.</p>"
                ),
            },
            {
                "slug": "private-fostering",
                "title": "Private fostering",
                "summary": (
                    "What private fostering is, who must tell the local authority, and how the "
                    "local authority checks that privately fostered children are safe."
                ),
                "body": (
                    "<h2>About this chapter</h2><p>Private fostering is when a child under 16, "
                    "or under 18 if disabled, is cared for and lives for 28 days or more with "
                    "someone who is not a parent, a person with parental responsibility or a "
                    "close relative, by private arrangement. Close relatives are grandparents, "
                    "brothers, sisters, uncles, aunts and step-parents. This chapter applies "
                    "to all practitioners, because many private fostering arrangements are "
                    "never reported.</p><h2>Why it matters</h2><p>Most arrangements are made "
                    "for good reasons, but privately fostered children can be hidden from "
                    "view. They include children sent to this country for education, teenagers "
                    "living with a friend's family after a family breakdown, and children who "
                    "have been trafficked.</p><h2>Duties to notify</h2><ul><li>Parents and the "
                    "proposed private foster carer <b>must</b> tell the local authority at "
                    "least six weeks before a planned arrangement begins.</li><li>Where an "
                    "arrangement starts in an emergency, or has already started, they "
                    "<b>must</b> tell the local authority within 48 "
                    "hours.</li><li>Practitioners who learn of a private fostering arrangement "
                    "<b>should</b> encourage the carer and parent to notify, and <b>should</b> "
                    "tell the local authority themselves if they are not sure that has "
                    "happened.</li></ul><h2>What the local authority does</h2><ol><li>It "
                    "<b>must</b> satisfy itself that the welfare of every privately fostered "
                    "child in its area is being safeguarded and promoted.</li><li>A social "
                    "worker <b>must</b> visit the child within seven working days of the "
                    "notification, and speak to the child alone unless that is "
                    "inappropriate.</li><li>After that, the social worker <b>must</b> visit at "
                    "least every six weeks in the first year, and at least every twelve weeks "
                    "after that.</li><li>The local authority assesses whether the carer and "
                    "the home are suitable, and carries out checks on other adults in the "
                    "household.</li></ol><h2>Raising awareness</h2><p>Schools, GPs and health "
                    "services <b>should</b> ask about the adults a child lives with, and "
                    "recognise when an arrangement may be private fostering. If you think a "
                    "child may be at risk, follow the chapter on what to do if you are "
                    "worried.</p>"
                ),
            },
            {
                "slug": "female-genital-mutilation",
                "title": "Female genital mutilation",
                "summary": (
                    "The law on female genital mutilation, the mandatory reporting duty, and "
                    "how to protect girls at risk."
                ),
                "body": (
                    "<h2>About this chapter</h2><p>Female genital mutilation (FGM) covers all "
                    "procedures that involve partial or total removal of the external female "
                    "genitalia, or other injury to the female genital organs, for non-medical "
                    "reasons. It causes severe and lasting physical and emotional harm. This "
                    "chapter applies to all agencies.</p><h2>The law</h2><ul><li>FGM is "
                    "illegal in the UK. It is also an offence to take a girl abroad for FGM, "
                    "to help anyone carry it out, or, for a person responsible for a girl, to "
                    "fail to protect her from it.</li><li>A court can make an FGM protection "
                    "order to protect a girl at risk, for example by stopping her being taken "
                    "abroad.</li></ul><h2>The mandatory reporting duty</h2><p>Teachers, and "
                    "regulated health and social care professionals, <b>must</b> report to the "
                    "police when, in the course of their work, they discover that FGM appears "
                    "to have been carried out on a girl under 18, either because she tells "
                    "them or because they see physical signs. They <b>must</b> make the report "
                    "themselves, by calling 101, as soon as possible: normally by the end of "
                    "the next working day, and no later than one month after the discovery. "
                    "Teachers <b>should</b> never examine a girl.</p><p>The duty applies to "
                    "known cases. Where you suspect FGM, or think a girl is at risk, you "
                    "<b>should</b> follow your usual safeguarding procedures and refer to "
                    "children's social care.</p><h2>Signs that a girl may be at "
                    "risk</h2><ul><li>her mother or an older sister has had FGM</li><li>talk "
                    "of a special ceremony, or a long trip to a country where FGM is common, "
                    "especially before the summer holidays</li><li>she asks for help, or seems "
                    "anxious about going abroad</li></ul><h2>Responding</h2><ol><li>Talk to "
                    "your designated safeguarding lead and refer to the children's social care "
                    "front door.</li><li>If a girl may be taken abroad very soon, contact the "
                    "police urgently: an FGM protection order can be made "
                    "quickly.</li><li>Work sensitively with families and communities. Many "
                    "oppose FGM and can be strong allies in protecting girls.</li></ol>"
                ),
            },
        ],
    },
    {
        "number": 5,
        "title": "Local arrangements",
        "chapters": [
            {
                "slug": "safeguarding-partnership-arrangements",
                "title": "Local safeguarding arrangements",
                "summary": (
                    "How the safeguarding partners and relevant agencies work together in each "
                    "area, and what every partnership publishes."
                ),
                "body": (
                    "<h2>About this chapter</h2><p>This chapter explains the legal framework "
                    "that every partnership in the region works within. Each partnership's "
                    "local chapters and local information describe its own "
                    "arrangements.</p><h2>The safeguarding partners</h2><p>Under the Children "
                    "Act 2004, the three safeguarding partners in each area are the local "
                    "authority, the integrated care board and the chief officer of police. "
                    "They <b>must</b> make arrangements to work together, and with relevant "
                    "agencies, to safeguard and promote the welfare of children in their "
                    "area.</p><p>Each safeguarding partner has a lead safeguarding partner, "
                    "the head of the organisation, who shares responsibility for the "
                    "arrangements and may delegate day-to-day work to a senior "
                    "leader.</p><h2>Relevant agencies</h2><p>The safeguarding partners name "
                    "the other organisations they expect to work with them, such as schools, "
                    "colleges, NHS trusts, probation services and voluntary organisations. "
                    "Each relevant agency <b>must</b> act in line with the arrangements. "
                    "Schools, colleges and early years settings have a central role and "
                    "<b>should</b> be fully involved in planning and "
                    "decision-making.</p><h2>What each partnership publishes</h2><ul><li>its "
                    "arrangements, including how it will work with relevant agencies and how "
                    "its work will be independently scrutinised</li><li>a yearly report on "
                    "what it has done and how effective the arrangements have been</li><li>its "
                    "threshold document, setting out the levels of need and how to get "
                    "help</li></ul><h2>Section 11 duties</h2><p>Many organisations, including "
                    "local authorities, NHS bodies, the police and probation, are under a duty "
                    "in section 11 of the Children Act 2004 to make sure their functions are "
                    "carried out having regard to the need to safeguard and promote children's "
                    "welfare. Partnerships <b>should</b> check how well agencies meet this "
                    "duty, usually through a section 11 self-assessment every two "
                    "years.</p><h2>Working across the region</h2><p>The partnerships in the "
                    "consortium share these procedures, so that children who move between "
                    "areas are protected in the same way. Each partnership remains responsible "
                    "for its own arrangements and its own local information.</p>"
                ),
            },
            {
                "slug": "multi-agency-training",
                "title": "Multi-agency safeguarding training",
                "summary": (
                    "What safeguarding training practitioners need, how the levels work, and "
                    "how partnerships check that training makes a difference."
                ),
                "body": (
                    "<h2>About this chapter</h2><p>This chapter explains how multi-agency "
                    "safeguarding training is organised across the region. It applies to every "
                    "agency and to anyone who works or volunteers with "
                    "children.</p><h2>Responsibilities</h2><ul><li>Organisations covered by "
                    "section 11 of the Children Act 2004 <b>must</b> make sure their staff "
                    "have the safeguarding training they need for their role.</li><li>Each "
                    "agency <b>should</b> provide single-agency training for its own staff, "
                    "covering its own policies and the role of its designated safeguarding "
                    "lead.</li><li>The safeguarding partners <b>should</b> make sure "
                    "multi-agency training is available, so that practitioners learn with and "
                    "from each other.</li></ul><h2>Levels</h2><ol><li><b>Level 1, "
                    "awareness</b>: everyone who has contact with children or parents. "
                    "Recognising abuse and knowing whom to tell.</li><li><b>Level 2, working "
                    "with children</b>: staff who work regularly with children and families "
                    "and may contribute to assessments.</li><li><b>Level 3, multi-agency "
                    "practice</b>: practitioners who take part in strategy discussions, "
                    "conferences and core groups.</li><li><b>Level 4, specialist</b>: "
                    "designated safeguarding leads, named and designated professionals, and "
                    "senior managers.</li></ol><p>Level 1 and 2 training <b>should</b> be "
                    "refreshed at least every three years, and level 3 and 4 training at least "
                    "every two years, with shorter updates in between.</p><h2>Making training "
                    "count</h2><p>Managers <b>should</b> release staff to attend, and talk "
                    "with them afterwards about how they will use what they have learned. "
                    "Partnerships evaluate each course on the day and again some weeks later, "
                    "to find out whether practice has changed. Courses <b>should</b> be "
                    "updated promptly when learning from reviews, audits or changes to these "
                    "procedures shows it is needed.</p><h2>Places and "
                    "charges</h2><p>Multi-agency places are limited. If you cannot attend, "
                    "cancel as early as you can so that someone else can take the place. Each "
                    "partnership's training policy explains its booking rules and any charges "
                    "for late cancellation or non-attendance.</p>"
                ),
            },
            {
                "slug": "learning-from-reviews",
                "title": "Learning from reviews",
                "summary": (
                    "How serious incidents are notified and reviewed, and how learning from "
                    "reviews is shared and used to improve practice."
                ),
                "body": (
                    "<h2>About this chapter</h2><p>When a child dies or is seriously harmed "
                    "and abuse or neglect is known or suspected, the safeguarding partners "
                    "look at what happened to learn how to protect children better. This "
                    "chapter applies to all agencies.</p><h2>Notifying a serious "
                    "incident</h2><p>The local authority <b>must</b> notify the national Child "
                    "Safeguarding Practice Review Panel within five working days of becoming "
                    "aware that:</p><ul><li>a child has died or been seriously harmed in its "
                    "area, and abuse or neglect is known or suspected, or</li><li>a child it "
                    "looks after has died, anywhere, whether or not abuse or neglect is "
                    "suspected.</li></ul><p>Agencies <b>should</b> tell the safeguarding "
                    "partners straight away about any incident that may need to be "
                    "notified.</p><h2>The rapid review</h2><ol><li>The safeguarding partners "
                    "carry out a rapid review, gathering the facts quickly from every agency "
                    "involved.</li><li>The rapid review <b>should</b> be completed and sent to "
                    "the national Panel within 15 working days of the local authority becoming "
                    "aware of the incident.</li><li>It identifies any immediate learning, and "
                    "recommends whether a local Child Safeguarding Practice Review is "
                    "needed.</li></ol><h2>Child Safeguarding Practice Reviews</h2><p>A local "
                    "review looks at how agencies worked together and what should change, not "
                    "at who is to blame. The safeguarding partners <b>must</b> publish the "
                    "report, unless they consider it inappropriate to do so, and <b>should</b> "
                    "involve the family where they can. Agencies <b>must</b> provide the "
                    "information the safeguarding partners ask for.</p><h2>Sharing "
                    "learning</h2><ul><li>Learning is shared through briefings, including "
                    "one-page 7-minute briefings, through training and at practitioner "
                    "events.</li><li>Agencies <b>should</b> track the actions from each review "
                    "and show how practice has changed.</li><li>Practitioners <b>should</b> "
                    "read the briefings relevant to their work, and discuss them in team "
                    "meetings and supervision.</li></ul>"
                ),
            },
        ],
    },
]

# In date order. The first release is the first edition of every chapter in PARTS.
RELEASES = [
    {
        "title": "First edition",
        "date": "2024-12-02",
        "summary": (
            "The first edition of the shared procedures for the South West (demo) consortium: "
            "thirty chapters in five parts, replacing the separate procedures each partnership "
            "kept before."
        ),
        "changes": "all",
    },
    {
        "title": "June 2025 update",
        "date": "2025-06-02",
        "summary": (
            "A shorter timescale for strategy discussions, earlier planning for babies before "
            "birth, changes to match the new regional missing protocol, and a new chapter on "
            "children at risk of radicalisation."
        ),
        "changes": [
            {
                "chapter": "strategy-discussions",
                "type": "amended",
                "summary": (
                    "Strategy discussions now within one working day, with schools and early "
                    "years settings among the minimum attendees; new section on preparing."
                ),
                "body": (
                    "<h2>About this chapter</h2><p>A strategy discussion is how agencies share "
                    "information and plan together when there is reasonable cause to suspect "
                    "that a child is suffering, or is likely to suffer, significant harm. This "
                    "chapter applies to children's social care, the police, health services, "
                    "education settings and the agency that made the referral.</p><h2>When and "
                    "how</h2><ul><li>A strategy discussion <b>must</b> be held whenever there "
                    "is reasonable cause to suspect significant harm. Children's social care "
                    "convenes it.</li><li>It <b>should</b> take place within one working day "
                    "of the concern being identified, and on the same day where a child may be "
                    "in immediate danger.</li><li>It can be a meeting, a video call or a "
                    "series of phone calls, whichever is quickest and lets the right people "
                    "take part.</li><li>If important new information emerges, the strategy "
                    "discussion <b>should</b> be reconvened.</li></ul><h2>Who takes "
                    "part</h2><p>As a minimum: a social worker and their manager, the police, "
                    "a health professional and, for a child who attends school, college or an "
                    "early years setting, a representative of that setting, usually the "
                    "designated safeguarding lead. The agency that made the referral "
                    "<b>should</b> also be involved.</p><h2>Preparing for a strategy "
                    "discussion</h2><p>Each agency <b>should</b> come ready to share a short "
                    "summary of its involvement, its most recent contact with the child, what "
                    "the child has said, and any chronology it holds. Health services "
                    "<b>should</b> check their records for every child in the household, not "
                    "only the child referred.</p><h2>What it decides</h2><ol><li>Whether there "
                    "is reasonable cause to suspect significant harm, and so whether a section "
                    "47 enquiry is needed.</li><li>What action is needed now to keep the "
                    "child, and any other children, safe.</li><li>Whether a crime may have "
                    "been committed, and how the police investigation and the section 47 "
                    "enquiry will run alongside each other.</li><li>Whether a child protection "
                    "medical is needed, and how urgently.</li><li>Whether the child should be "
                    "interviewed under the Achieving Best Evidence guidance.</li><li>What the "
                    "parents and the child will be told, when and by "
                    "whom.</li></ol><h2>Recording</h2><p>Children's social care <b>should</b> "
                    "record the decisions, the reasons for them, and each action with who will "
                    "do it and by when, and send the record to everyone who took part within "
                    "one working day. The date of the strategy discussion starts the clock for "
                    "the initial child protection conference.</p>"
                ),
            },
            {
                "chapter": "children-missing-from-home-or-care",
                "type": "amended",
                "summary": (
                    "Matches the new regional missing protocol: a second offer of a return "
                    "home interview, and a strategy discussion after a third missing episode "
                    "in 90 days."
                ),
                "body": (
                    "<h2>About this chapter</h2><p>Children who go missing are at risk of "
                    "serious harm, including sexual and criminal exploitation. Going missing "
                    "is often a sign that something is wrong at home, in care or in the "
                    "child's life outside the home. This chapter applies to parents and "
                    "carers, children's homes and foster carers, children's social care, the "
                    "police, schools and health services. The regional children missing from "
                    "home or care protocol gives more detail for each agency.</p><h2>When a "
                    "child goes missing</h2><ol><li>Parents and carers <b>should</b> report a "
                    "missing child to the police as soon as they are worried: on 999 if the "
                    "child is at immediate risk, otherwise on 101.</li><li>Foster carers and "
                    "children's homes <b>must</b> follow the child's care plan and their own "
                    "missing-from-care procedures, which say when to call the "
                    "police.</li><li>The police assess the level of risk and lead the search, "
                    "and tell children's social care about every missing episode by the next "
                    "working day.</li><li>When the child is found, the police carry out a safe "
                    "and well check.</li></ol><h2>Return home interviews</h2><p>Every child "
                    "who has been missing <b>must</b> be offered an independent return home "
                    "interview by the local authority, within 72 hours of their return. It "
                    "<b>should</b> be carried out by someone the child trusts who is not "
                    "involved in their care.</p><ul><li>If the child declines, a second offer "
                    "<b>should</b> be made, by a different person or in a different "
                    "way.</li><li>If the child still declines, the interviewer <b>should</b> "
                    "ask the parent, carer or a trusted professional what they know, and "
                    "record why the interview did not happen.</li></ul><h2>Sharing what is "
                    "learned</h2><p>Places, people and phone numbers mentioned in a return "
                    "home interview <b>should</b> be shared with the police missing persons "
                    "coordinator and the child's social worker within two working days, so "
                    "that patterns can be seen across children.</p><h2>Repeat "
                    "episodes</h2><p>A strategy discussion <b>should</b> be held when a child "
                    "goes missing for the third time within 90 days, or sooner where there are "
                    "signs of child sexual exploitation or child criminal exploitation, or "
                    "where the child was missing for more than 24 hours. Schools <b>should</b> "
                    "be told, where appropriate, so that they can notice any further absence "
                    "quickly.</p>"
                ),
            },
            {
                "chapter": "pre-birth-assessment",
                "type": "amended",
                "summary": (
                    "Earlier timescales: referral by 16 weeks and conference by 28 weeks of "
                    "pregnancy; new section on discharge planning."
                ),
                "body": (
                    "<h2>About this chapter</h2><p>Some babies are at risk of significant harm "
                    "from the moment they are born. Early planning during pregnancy gives "
                    "parents the best chance to make changes, and gives the baby a safe start. "
                    "This chapter applies to midwives, health visitors, GPs, adult services, "
                    "children's social care and anyone working with an expectant "
                    "parent.</p><h2>When to refer</h2><p>Practitioners <b>should</b> refer to "
                    "the children's social care front door as soon as concerns are identified, "
                    "and by 16 weeks of pregnancy at the latest where the concerns are already "
                    "known, for example where:</p><ul><li>a previous child has been removed "
                    "from a parent's care, or has had a child protection plan</li><li>there is "
                    "domestic abuse in the relationship</li><li>a parent misuses drugs or "
                    "alcohol, or has a mental illness or learning disability that may affect "
                    "their parenting capacity</li><li>a parent poses a risk to children, or is "
                    "under 18 and has safeguarding needs of their own</li><li>a parent has had "
                    "little or no antenatal care</li></ul><h2>Assessment and "
                    "conference</h2><ol><li>Children's social care decides within one working "
                    "day whether a pre-birth assessment is needed, and whether a strategy "
                    "discussion should be held.</li><li>The pre-birth assessment <b>should</b> "
                    "involve both parents and any partner, and look at their history, their "
                    "capacity to change and the support around them.</li><li>Where the baby is "
                    "likely to suffer significant harm, a pre-birth initial child protection "
                    "conference <b>should</b> be held by 28 weeks of pregnancy, so that a plan "
                    "is in place even if the baby arrives early.</li></ol><h2>Discharge "
                    "planning</h2><p>For every baby with a pre-birth plan, a discharge "
                    "planning meeting <b>should</b> be held before the birth, with the "
                    "parents, the midwife, the health visitor and the social worker. It agrees "
                    "who will be told of the birth, what must happen before the baby leaves "
                    "hospital, and who will visit in the first days at home.</p><h2>The law "
                    "before birth</h2><p>An unborn baby is not a child in law, so no court "
                    "order can be made before the birth. Any plan to separate a baby from a "
                    "parent after birth <b>must</b> have legal authority: a court order, or "
                    "the informed agreement of a parent with parental responsibility. Hospital "
                    "staff <b>must</b> not be asked to stop a parent leaving with their baby "
                    "without that authority.</p>"
                ),
            },
            {
                "chapter": "children-at-risk-of-radicalisation",
                "type": "new",
                "part": 4,
                "summary": (
                    "New chapter on children at risk of radicalisation, covering the Prevent "
                    "duty and Channel."
                ),
                "title": "Children at risk of radicalisation",
                "chapter_summary": (
                    "How to recognise and respond when a child may be being drawn into "
                    "terrorism or extremist ideas, and how Prevent and Channel work."
                ),
                "body": (
                    "<h2>About this chapter</h2><p>Children can be groomed into extremist "
                    "ideas and terrorism, online and in person, in ways that are similar to "
                    "other forms of exploitation. This chapter applies to every agency, and "
                    "especially to schools, colleges, health services, children's social care "
                    "and the police.</p><h2>The Prevent duty</h2><p>Under section 26 of the "
                    "Counter-Terrorism and Security Act 2015, specified authorities, including "
                    "local authorities, schools, colleges, health bodies and the police, "
                    "<b>must</b> have due regard to the need to prevent people from being "
                    "drawn into terrorism. Staff in those organisations <b>should</b> have "
                    "training that helps them recognise the signs and know what to "
                    "do.</p><h2>Signs that may worry you</h2><ul><li>a sudden change in "
                    "behaviour, friendships or appearance, or withdrawal from "
                    "family</li><li>expressing hatred of a group, or sympathy with violent "
                    "causes</li><li>spending long periods online in secret, or having "
                    "extremist material</li><li>talk of belonging to a special group, or of "
                    "having a mission</li></ul><p>Children who are isolated, bullied or "
                    "struggling with their identity, and children with special educational "
                    "needs, may be more vulnerable. No single sign proves anything: think "
                    "about the whole picture.</p><h2>What to do</h2><ol><li>If there is an "
                    "immediate risk of harm to the child or others, call "
                    "999.</li><li>Otherwise, talk to your designated safeguarding lead, who "
                    "can seek advice from the police or the local authority's Prevent "
                    "lead.</li><li>Where a child may be at risk of being drawn into terrorism, "
                    "a Prevent referral can be made. The police assess it and, if appropriate, "
                    "it goes to the Channel panel: a multi-agency panel, chaired by the local "
                    "authority, that decides what support the child needs.</li><li>Channel "
                    "support is voluntary. For a child, the agreement of a parent is sought, "
                    "and support may include mentoring, education or health "
                    "services.</li><li>Where the child may be suffering, or be likely to "
                    "suffer, significant harm, refer to the children's social care front door "
                    "as well. A Prevent referral does not replace child protection "
                    "procedures.</li></ol><h2>Avoiding stigma</h2><p>Prevent is about "
                    "safeguarding children, not criminalising them. Practitioners "
                    "<b>should</b> be open with families where it is safe to do so, and avoid "
                    "assumptions based on faith, culture or ethnicity.</p>"
                ),
            },
        ],
    },
    {
        "title": "December 2025 update",
        "date": "2025-12-01",
        "summary": (
            "Sexual and criminal exploitation brought together in one chapter, and updates on "
            "children missing education and on allegations against people who work with "
            "children."
        ),
        "changes": [
            {
                "chapter": "child-sexual-exploitation",
                "type": "amended",
                "summary": (
                    "Renamed 'Child exploitation' and rewritten to cover sexual and criminal "
                    "exploitation together."
                ),
                "title": "Child exploitation",
                "chapter_summary": (
                    "How to recognise and respond to the sexual and criminal exploitation of "
                    "children, including online and through county lines."
                ),
                "body": (
                    "<h2>About this chapter</h2><p>This chapter covers the exploitation of "
                    "children, sexual or criminal, by adults or by other children. It replaces "
                    "the separate chapters on sexual and on criminal exploitation, because the "
                    "same children are often exploited in both ways and the response is the "
                    "same. It applies to all agencies.</p><h2>What exploitation "
                    "is</h2><ul><li><b>Child sexual exploitation</b> is a form of child sexual "
                    "abuse in which a person or group uses an imbalance of power to coerce, "
                    "manipulate or deceive a child under 18 into sexual activity, in exchange "
                    "for something the child needs or wants, or for the gain of the abuser. It "
                    "can happen in person or online.</li><li><b>Child criminal "
                    "exploitation</b> is where a person or group uses an imbalance of power to "
                    "coerce, control, manipulate or deceive a child under 18 into criminal "
                    "activity. County lines, where children are used to carry and sell drugs "
                    "across areas, is one common form.</li></ul><p>Exploitation can happen "
                    "even when the activity seems consensual, and is a form of extra-familial "
                    "harm.</p><h2>Signs</h2><ul><li>going missing, sometimes being found far "
                    "from home</li><li>unexplained money, gifts, clothes or more than one "
                    "phone</li><li>new, older friends, or being picked up in cars by unknown "
                    "adults</li><li>injuries the child will not explain, or carrying a "
                    "weapon</li><li>sexually transmitted infections or "
                    "pregnancy</li><li>arrest in another area, or owing a debt to "
                    "others</li></ul><h2>Responding</h2><ol><li>Tell your designated "
                    "safeguarding lead and refer to the children's social care front door, "
                    "using the regional child exploitation screening tool.</li><li>A strategy "
                    "discussion <b>should</b> include the police, the child's school and, "
                    "where the child has offended, the youth justice service.</li><li>Plans "
                    "<b>should</b> address the places, peers and online spaces where the harm "
                    "happens, and support parents as partners.</li><li>The police "
                    "<b>should</b> consider disrupting the exploiters as well as "
                    "investigating.</li></ol><h2>The National Referral "
                    "Mechanism</h2><p>Exploited children may be victims of modern slavery. A "
                    "referral to the National Referral Mechanism <b>must</b> be made by a "
                    "first responder organisation, such as the local authority or the police, "
                    "and does not need the child's consent.</p><h2>Victims first</h2><p>A "
                    "child under 13 cannot consent to any sexual activity, and a child's "
                    "apparent agreement <b>must</b> never be treated as consent to "
                    "exploitation. The Modern Slavery Act 2015 gives a defence to children who "
                    "commit certain offences as a direct result of being exploited. Avoid "
                    'language that blames the child, such as "putting themselves at '
                    'risk".</p>'
                ),
            },
            {
                "chapter": "child-criminal-exploitation",
                "type": "removed",
                "summary": (
                    "Merged into the renamed chapter on child exploitation, which now covers "
                    "criminal exploitation and the National Referral Mechanism."
                ),
            },
            {
                "chapter": "children-missing-education",
                "type": "amended",
                "summary": (
                    "New sections on severe absence, part-time timetables and elective home "
                    "education; first-day calls now go to each emergency contact in turn."
                ),
                "body": (
                    "<h2>About this chapter</h2><p>Children who are missing education, or who "
                    "are often absent, may be at risk of harm, exploitation or radicalisation, "
                    "and are less visible to the adults who could help them. This chapter "
                    "applies to schools, colleges, local authority education services and any "
                    "practitioner who meets a child of compulsory school age who does not seem "
                    "to be in school.</p><h2>Duties</h2><ul><li>Local authorities <b>must</b> "
                    "have arrangements to identify children in their area who are not "
                    "registered at a school and are not receiving a suitable "
                    "education.</li><li>Schools <b>must</b> tell the local authority when they "
                    "remove a pupil from the admission register, giving the reason, and "
                    "<b>must</b> tell it about any pupil who fails to attend regularly or has "
                    "been absent without permission for ten or more school days in a "
                    "row.</li><li>Schools and local authorities <b>must</b> have regard to the "
                    "statutory guidance on improving school attendance.</li></ul><h2>First-day "
                    "response</h2><ol><li>Follow up any unexplained absence on the first day, "
                    "by contacting the parents and then each emergency contact in "
                    "turn.</li><li>Hold at least two emergency contacts for each pupil where "
                    "possible.</li><li>If no one can be reached and the child has a social "
                    "worker, tell the social worker the same day.</li><li>Before removing a "
                    "child from the roll, make reasonable enquiries, jointly with the local "
                    "authority, to find out where the child has gone.</li></ol><h2>Severe "
                    "absence</h2><p>A child who misses half or more of their school sessions "
                    "is severely absent. The designated safeguarding lead <b>should</b> review "
                    "every severely absent pupil and consider whether a referral to early help "
                    "or children's social care is needed.</p><h2>Part-time timetables</h2><p>A "
                    "part-time timetable <b>should</b> be used only for a short time, agreed "
                    "with the parents, with a date to return to full-time education, and "
                    "reviewed at least every six weeks. The local authority <b>should</b> be "
                    "told about every part-time timetable.</p><h2>Elective home "
                    "education</h2><p>Parents can choose to educate their child at home. Where "
                    "a child with a social worker, or on a child protection plan, is to be "
                    "withdrawn for home education, the school <b>should</b> tell the social "
                    "worker before removing the child from the roll, so that the plan can be "
                    "reviewed.</p><h2>If you meet a child who is not in school</h2><p>Tell the "
                    "local authority's children missing education team. If you are worried "
                    "about the child's safety, follow the chapter on what to do if you are "
                    "worried.</p>"
                ),
            },
            {
                "chapter": "allegations-against-people-who-work-with-children",
                "type": "amended",
                "summary": (
                    "New section on concerns that do not meet the harm threshold; the LADO now "
                    "decides next steps within one working day and meets within five."
                ),
                "body": (
                    "<h2>About this chapter</h2><p>This chapter applies to every organisation "
                    "that employs or uses people, paid or unpaid, to work with children, and "
                    "to anyone who becomes worried about such a person, at work or outside "
                    "it.</p><h2>When to use this chapter</h2><p>Use it when there is "
                    "information that a person who works with children has:</p><ul><li>behaved "
                    "in a way that has harmed, or may have harmed, a child</li><li>possibly "
                    "committed a criminal offence against or related to a "
                    "child</li><li>behaved towards a child or children in a way that suggests "
                    "they may pose a risk of harm to children</li><li>behaved in a way that "
                    "suggests they may not be suitable to work with children, including "
                    "outside work</li></ul><h2>What to do</h2><ol><li>If a child is at "
                    "immediate risk, call 999. Otherwise, tell the senior manager named in "
                    "your organisation's procedure, or the chair of governors, trustees or "
                    "owner if the concern is about that manager.</li><li>The employer "
                    "<b>must</b> tell the local authority designated officer (LADO) within one "
                    "working day. Do not investigate first, or tell the person concerned "
                    "before the LADO agrees what can be shared.</li><li>The LADO <b>should</b> "
                    "decide on next steps within one working day of the referral: a strategy "
                    "discussion, a police investigation, an enquiry by the employer, or no "
                    "further action.</li><li>Where needed, the LADO <b>should</b> hold an "
                    "allegations management meeting within five working days to plan next "
                    "steps, including whether suspension is needed. Suspension <b>should</b> "
                    "not be automatic.</li></ol><h2>Concerns that do not meet the harm "
                    "threshold</h2><p>Some worries about an adult's conduct do not meet the "
                    "criteria above, such as being over-friendly with children or contacting "
                    "them on a personal phone. These are sometimes called low-level concerns. "
                    "Organisations <b>should</b> have a policy for reporting and recording "
                    "them, so that patterns can be spotted, and <b>should</b> consult the LADO "
                    "if they are unsure which route applies.</p><h2>Outcomes</h2><p>Each "
                    "allegation ends with one of five outcomes: substantiated, false, "
                    "malicious, unsubstantiated or unfounded. The person <b>should</b> be told "
                    "the outcome and offered support throughout. Details of malicious or false "
                    "allegations are removed from personnel records unless the person agrees "
                    "otherwise.</p><h2>Referral to the barring service</h2><p>An employer "
                    "<b>must</b> refer a person to the Disclosure and Barring Service if it "
                    "removes them from work with children, or would have done so had they not "
                    "left, because they have harmed a child or pose a risk of harm.</p>"
                ),
            },
        ],
    },
    {
        "title": "June 2026 update",
        "date": "2026-06-01",
        "summary": (
            "Core groups meet more often, the domestic abuse chapter covers young people's own "
            "relationships and child to parent abuse, and a new chapter covers families who "
            "move between areas."
        ),
        "changes": [
            {
                "chapter": "core-groups",
                "type": "amended",
                "summary": (
                    "Core groups now meet at least every four weeks, with records within three "
                    "working days; new sections on the child's voice and meeting online."
                ),
                "body": (
                    "<h2>About this chapter</h2><p>The core group is the small group of "
                    "professionals and family members who put the child protection plan into "
                    "practice between conferences. This chapter applies to everyone named as a "
                    "core group member.</p><h2>Membership</h2><p>The core group is led by the "
                    "lead social worker. It includes the child where appropriate, the parents, "
                    "and the professionals who work directly with the child or family, such as "
                    "the health visitor or school nurse, the child's school and any adult "
                    "services. Membership is confirmed at the initial child protection "
                    "conference.</p><h2>Timescales</h2><ol><li>The first core group meeting "
                    "<b>must</b> take place within ten working days of the initial child "
                    "protection conference.</li><li>At that meeting, the core group turns the "
                    "outline plan into a detailed plan, with named actions and "
                    "dates.</li><li>Later meetings <b>should</b> take place at least every "
                    "four weeks while the child has a plan, and more often where progress is "
                    "slow.</li><li>The record of each meeting, with updated actions, "
                    "<b>should</b> be sent to all members within three working "
                    "days.</li></ol><h2>The child's voice in the core group</h2><p>Every core "
                    "group meeting <b>should</b> start with what the child has said or shown "
                    "since the last meeting, and who has seen them. Where the child does not "
                    "attend, a named member <b>should</b> be responsible for gathering their "
                    "views beforehand, and for telling the child afterwards what was "
                    "decided.</p><h2>What core group members do</h2><ul><li>carry out their "
                    "own actions in the plan</li><li>share information about the child's "
                    "progress and any new concern straight away, not only at "
                    "meetings</li><li>help the family understand what is expected and "
                    "why</li><li>tell the lead social worker if they cannot carry out an "
                    "action</li></ul><h2>Meeting online</h2><p>Core groups may meet online "
                    "when that helps members take part, but the lead social worker "
                    "<b>should</b> make sure parents can join safely and privately, and hold "
                    "at least every third meeting in person.</p><h2>When progress "
                    "stalls</h2><p>If the plan is not working, the core group <b>should</b> "
                    "say so promptly, and the lead social worker can ask the chair to bring "
                    "the review conference forward. Disagreements <b>should</b> be resolved "
                    "using the chapter on resolving professional differences.</p>"
                ),
            },
            {
                "chapter": "domestic-abuse",
                "type": "amended",
                "summary": (
                    "New sections on abuse in young people's own relationships and on child to "
                    "parent abuse; Operation Encompass now reaches early years settings."
                ),
                "body": (
                    "<h2>About this chapter</h2><p>Living with domestic abuse can cause "
                    "children serious and lasting harm. This chapter applies to every agency, "
                    "including adult services that work with parents.</p><h2>What domestic "
                    "abuse is</h2><p>The Domestic Abuse Act 2021 defines domestic abuse as "
                    "abusive behaviour by one person towards another where both are aged 16 or "
                    "over and are personally connected. It includes physical or sexual abuse, "
                    "violent or threatening behaviour, controlling or coercive behaviour, "
                    "economic abuse, and psychological or emotional abuse. A child who sees, "
                    "hears or experiences the effects of the abuse, and is related to either "
                    "person, is a victim in their own right.</p><h2>The effect on "
                    "children</h2><p>In the Children Act 1989, harm includes impairment "
                    "suffered from seeing or hearing the ill-treatment of another person. "
                    "Where there is reasonable cause to suspect significant harm, the local "
                    "authority <b>must</b> make enquiries under section 47.</p><h2>What to "
                    "do</h2><ol><li>Ask about domestic abuse routinely and safely, when the "
                    "adult is alone.</li><li>Where an adult victim tells you about abuse, use "
                    "a recognised risk assessment checklist, and refer high-risk cases to the "
                    "MARAC.</li><li>Think about the children in the household, and refer to "
                    "children's social care where a child may be at risk of significant "
                    "harm.</li><li>Plans <b>should</b> protect the adult victim and the "
                    "children together, and hold the person causing harm "
                    "responsible.</li></ol><h2>Abuse in young people's own "
                    "relationships</h2><p>Young people aged 16 and 17 can be victims or "
                    "perpetrators of domestic abuse under the 2021 Act, and can be referred to "
                    "the MARAC. Abuse in the relationships of younger children is dealt with "
                    "under these child protection procedures. Either way, a young person "
                    "experiencing abuse in a relationship <b>should</b> be treated as a child "
                    "first, with their safety assessed by children's social care where "
                    "needed.</p><h2>Child to parent abuse</h2><p>Some children are violent or "
                    "abusive towards a parent or carer. Practitioners <b>should</b> respond "
                    "with support for the whole family, and think about what may lie behind "
                    "the behaviour, such as the child's own experience of abuse, exploitation "
                    "or unmet needs.</p><h2>Operation Encompass</h2><p>Under Operation "
                    "Encompass, the police tell a child's school, before the start of the next "
                    "school day, when the child has been affected by a domestic abuse "
                    "incident. Notifications now also go to early years settings. The "
                    "designated safeguarding lead <b>should</b> make sure the child has a "
                    "trusted adult and support.</p>"
                ),
            },
            {
                "chapter": "families-who-move-between-areas",
                "type": "new",
                "part": 3,
                "summary": (
                    "New chapter on families who move between areas, with the timescale for "
                    "transfer-in conferences."
                ),
                "title": "Families who move between areas",
                "chapter_summary": (
                    "How to keep a child safe when a family with a child protection, child in "
                    "need or early help plan moves to another area."
                ),
                "body": (
                    "<h2>About this chapter</h2><p>When families move, information can be lost "
                    "and children can fall out of sight. This chapter applies when a child who "
                    "has a social worker, a child protection plan, a child in need plan or an "
                    "early help plan moves to another local authority area, within the region "
                    "or beyond, permanently or for a time.</p><h2>Moving with a child "
                    "protection plan</h2><ol><li>The original local authority <b>must</b> tell "
                    "the new local authority straight away when it learns that a child with a "
                    "child protection plan has moved, and send the plan and recent "
                    "records.</li><li>The new local authority <b>should</b> hold a transfer-in "
                    "conference within 15 working days of being told of the move. Until then, "
                    "the original local authority keeps responsibility for the plan, working "
                    "closely with the new area.</li><li>The original lead social worker and "
                    "core group <b>should</b> be invited to the transfer-in "
                    "conference.</li><li>The original plan ends only when the new area has "
                    "held its conference and taken over.</li></ol><h2>Temporary "
                    "moves</h2><p>Where a child stays in another area for a time, for example "
                    "in temporary accommodation or with relatives, the original local "
                    "authority keeps responsibility. It <b>should</b> agree with the host area "
                    "who will visit the child, and tell the host area's front door, police and "
                    "health services.</p><h2>Children in need and early help</h2><p>When a "
                    "child in need, or a child receiving early help, moves, the lead "
                    "practitioner <b>should</b> tell the new area, with the family's "
                    "knowledge, and pass on the plan so that support is not "
                    "interrupted.</p><h2>Families who cannot be found</h2><p>If a family with "
                    "a child protection plan disappears, the lead social worker <b>should</b> "
                    "tell the police at once and hold a strategy discussion. The local "
                    "authority <b>should</b> alert other areas and agencies, such as health "
                    "services and schools, so that the family is noticed if it appears "
                    "elsewhere.</p><h2>Every agency's part</h2><p>Schools, GPs and health "
                    "visitors who learn that a family is moving, or has arrived from "
                    "elsewhere, <b>should</b> share that with the local authority, especially "
                    "if they know the child has had a social worker.</p>"
                ),
            },
        ],
    },
]

# A partnership's local box on a regional chapter.
LOCAL_INFORMATION = {
    "westshire": [
        {
            "chapter": "what-to-do-if-you-are-worried",
            "date": "2025-01-15",
            "body": (
                "<p>In {short}, contact {front_door} on {front_door_phone}. Outside office "
                "hours, at weekends and on bank holidays, call the emergency duty team on "
                "{out_of_hours_phone}. If a child is in immediate danger, call "
                "999.</p><p>Designated safeguarding leads in {short} can ask {front_door} for "
                "a consultation with a duty social worker before deciding whether to refer. "
                "Have the child's details and your agency's records to hand when you call.</p>"
            ),
        },
        {
            "chapter": "making-a-referral",
            "date": "2025-01-15",
            "body": (
                "<p>{front_door} takes referrals by phone on {front_door_phone} and through "
                'the <a href="/library/">multi-agency referral form in the {short} local '
                "protocols library</a>. If you refer by phone, send the form within one "
                "working day.</p><p>On the form, say "
                "which level of need in Effective Support for Children and Families in {short} "
                "you think applies, and why. If you have not heard back within three working "
                "days, call {front_door} again and ask for the duty manager.</p>"
            ),
        },
        {
            "chapter": "early-help",
            "date": "2025-02-03",
            "body": (
                "<p>In {short}, early help assessments and plans use the Early Help Assessment "
                "and Plan form, which you can find in the local protocols library. For advice "
                "on which service fits a family, call {front_door} on {front_door_phone} and "
                "ask for the early help adviser.</p><p>Brightpath Family Support (demo) runs "
                "parenting groups and one-to-one family support across {short}. Schools and "
                "health visitors can refer directly, with the family's agreement.</p>"
            ),
        },
        {
            "chapter": "neglect",
            "date": "2025-03-10",
            "body": (
                "<p>Practitioners in {short} use the Neglect Toolkit, which is owned by the "
                "designated nurse for safeguarding children at NHS Westshire Integrated Care "
                "Board (demo). Complete it with the family where you can, and repeat it at "
                "each review so that change, or the lack of it, can be seen.</p><p>If the "
                "toolkit shows that a child's needs are seriously unmet, talk to your "
                "designated safeguarding lead and contact {front_door} on "
                "{front_door_phone}.</p>"
            ),
        },
        {
            "chapter": "resolving-professional-differences",
            "date": "2025-05-19",
            "body": (
                "<p>The {short} partners have agreed a Resolving Professional Differences "
                "(Escalation) Protocol, with four stages and a timescale in working days for "
                "each. When a disagreement reaches stage 2, log it with the partnership "
                "business unit as the protocol describes, using a reference number only and "
                "never a child's name.</p><p>If a child is at immediate risk, do not use the "
                "protocol: contact {front_door} on {front_door_phone}, or call "
                "{out_of_hours_phone} out of hours.</p>"
            ),
        },
        {
            "chapter": "child-protection-medical-examinations",
            "date": "2025-01-15",
            "body": (
                "<p>In {short}, child protection medicals are carried out by the paediatric "
                "team at Westshire Hospitals NHS Foundation Trust (demo). The social worker "
                "arranges the medical with the on-call consultant paediatrician once it has "
                "been agreed at the strategy discussion. Out of hours, the emergency duty team "
                "on {out_of_hours_phone} arranges it.</p><p>Examinations where sexual abuse is "
                "suspected take place at the regional sexual assault referral centre and are "
                "arranged by the police.</p>"
            ),
        },
        {
            "chapter": "allegations-against-people-who-work-with-children",
            "date": "2025-01-20",
            "body": (
                "<p>The {short} LADO service is part of Westshire County Council (demo). "
                "Employers should send the LADO referral form, which is in the local protocols "
                "library, within one working day. For advice, call {front_door} on "
                "{front_door_phone} and ask for the duty LADO.</p><p>The {short} procedure on "
                "managing allegations against people who work with children gives more detail, "
                "including what to do about concerns that do not meet the harm threshold.</p>"
            ),
        },
        {
            "chapter": "private-fostering",
            "date": "2025-06-16",
            "body": (
                "<p>To tell {short} about a private fostering arrangement, call {front_door} "
                "on {front_door_phone} and ask for the private fostering social worker. "
                "Parents and carers can use the same number.</p><p>Schools in {short} are "
                "asked to check admission forms for any child who lives with someone other "
                "than a parent, and to ask the family whether the arrangement has been "
                "reported.</p>"
            ),
        },
    ],
    "northmoor": [
        {
            "chapter": "what-to-do-if-you-are-worried",
            "date": "2025-01-22",
            "body": (
                "<p>In {short}, call {front_door} on {front_door_phone} during office hours. "
                "At any other time, call the out of hours social care service on "
                "{out_of_hours_phone}. If a child is in immediate danger, call "
                "999.</p><p>{front_door} brings social workers, police officers and health "
                "staff together in one team, so one call reaches all three. If you are unsure "
                "whether to refer, ask to speak to the consultant social worker on duty.</p>"
            ),
        },
        {
            "chapter": "making-a-referral",
            "date": "2025-01-22",
            "body": (
                "<p>Professionals in {short} refer to {front_door} through the online referral "
                "form, or by phone on {front_door_phone} if the concern is urgent. Please "
                "follow a phone referral with the online form on the same "
                "day.</p><p>{front_door} emails every professional who refers with a reference "
                "number and the name of the duty manager. Quote the reference number whenever "
                "you contact them about the same child.</p>"
            ),
        },
        {
            "chapter": "early-help",
            "date": "2025-02-10",
            "body": (
                "<p>{short} delivers early help through its family hubs, one in each district. "
                "Any professional can ask a family hub for advice, or for a family support "
                "worker to act as lead practitioner where no other agency is better placed. "
                "Contact the hubs through {front_door} on {front_door_phone}.</p><p>Lead "
                "practitioners in {short} record progress on the early help plan tracker in "
                "the local protocols library, and review plans with families every eight "
                "weeks.</p><p>To decide whether a family needs early help or more, use the "
                '<a href="/levels-of-need/">levels of need</a> pages of this site: each level '
                "says what needs look like and what to do next.</p>"
            ),
        },
        {
            "chapter": "neglect",
            "date": "2025-04-07",
            "body": (
                "<p>{short} is developing its own neglect toolkit with practitioners and "
                "families. Until it is published, the {short} partners have agreed that "
                "practitioners may use any recognised graded assessment tool, and should "
                "record which one they used and share the result with the "
                "family.</p><p>Neglect is a priority for the {short} partnership, and "
                "multi-agency neglect training runs every term. If you are worried that a "
                "child is being neglected, contact {front_door} on {front_door_phone}.</p>"
            ),
        },
        {
            "chapter": "domestic-abuse",
            "date": "2025-03-03",
            "body": (
                "<p>The {short} MARAC meets every two weeks. Referrals go to the MARAC "
                "coordinator at Westmoor Police (demo). The {short} guidance for practitioners "
                "on domestic abuse, and the briefing for schools on Operation Encompass, are "
                "in the local protocols library.</p><p>If you are worried about a child's "
                "safety, contact {front_door} on {front_door_phone}, or {out_of_hours_phone} "
                "out of hours.</p>"
            ),
        },
        {
            "chapter": "children-missing-from-home-or-care",
            "date": "2025-07-01",
            "body": (
                "<p>In {short}, return home interviews are carried out by Brightpath Family "
                "Support (demo) on behalf of Northmoor Borough Council (demo). The police tell "
                "{front_door} about every missing episode by the next working day, and "
                "{front_door} passes it on to Brightpath.</p><p>Children's homes and foster "
                "carers in {short} who report a child missing outside office hours should also "
                "tell the out of hours service on {out_of_hours_phone}.</p>"
            ),
        },
        {
            "chapter": "initial-child-protection-conference",
            "date": "2025-09-15",
            "body": (
                "<p>Conferences in {short} are held at the civic offices in Moorhampton or "
                "online, and families can choose which. Reports should reach the {short} "
                "conference and review team at least three working days before the conference, "
                "so that they can be shared with families in good time.</p><p>Every child in "
                "{short} who is the subject of a conference is offered an independent "
                "advocate. To reach the conference and review team, call {front_door} on "
                "{front_door_phone}.</p>"
            ),
        },
    ],
}

# Chapters that exist only on one partnership's site.
LOCAL_CHAPTERS = {
    "westshire": [
        {
            "part": 5,
            "slug": "westshire-levels-of-need",
            "title": "Levels of need in Westshire",
            "summary": (
                "How to use Effective Support for Children and Families in Westshire to decide "
                "what help a child needs."
            ),
            "date": "2025-02-03",
            "body": (
                "<h2>About this chapter</h2><p>This chapter applies in {short} only. It "
                "explains how to use the {short} threshold document, Effective Support for "
                "Children and Families in {short}, alongside the regional "
                "procedures.</p><h2>The four levels</h2><ol><li><b>Universal</b>: needs met by "
                "universal services such as schools, GPs and health visitors.</li><li><b>Early "
                "help</b>: additional needs best met by agencies working together with the "
                "family, with a lead practitioner.</li><li><b>Targeted</b>: complex needs, "
                "where the child may be a child in need and a child and family assessment may "
                "be needed.</li><li><b>Specialist</b>: a child who is suffering, or is likely "
                "to suffer, significant harm, or who may need to be looked "
                "after.</li></ol><h2>Using the levels</h2><ul><li>The levels guide your "
                "professional judgement; they are not a checklist.</li><li>Look at the whole "
                "picture, including the child's views and the strengths in the "
                "family.</li><li>A child's needs can move between levels, in either "
                "direction.</li></ul><p>Each level, with what it looks like in every area of "
                "a child's life, the local services and what to do next, is on the <a "
                'href="/levels-of-need/">levels of need</a> pages of this site.</p><p>If you '
                "think a child's needs are at the targeted or "
                "specialist level, contact {front_door} on {front_door_phone}. Out of hours, "
                "call {out_of_hours_phone}.</p><h2>If you disagree about the level</h2><p>Talk "
                "to the duty manager at {front_door} first. If you still disagree, follow the "
                "{short} Resolving Professional Differences protocol.</p>"
            ),
        },
        {
            "part": 5,
            "slug": "westshire-community-sport-and-faith-groups",
            "title": "Safeguarding in community, sport and faith groups in Westshire",
            "summary": (
                "What the Westshire partners expect of voluntary, sports and faith groups that "
                "work with children, and where they can get help."
            ),
            "date": "2025-09-01",
            "body": (
                "<h2>About this chapter</h2><p>This chapter applies in {short} only. It is for "
                "clubs, community groups, faith groups and charities that work with children, "
                "many of them run by volunteers.</p><h2>What every group should "
                "have</h2><ul><li>a written safeguarding policy, reviewed every year, which "
                "says what to do if someone is worried about a child</li><li>a named "
                "safeguarding lead, and a deputy, whom children, parents and volunteers know "
                "how to reach</li><li>safer recruitment, including references and the right "
                "level of Disclosure and Barring Service check for each role</li><li>level 1 "
                "safeguarding training for everyone, and level 2 or above for the safeguarding "
                "lead</li><li>a code of conduct for adults, including the use of phones and "
                "social media with children</li></ul><h2>Support in {short}</h2><p>Westshire "
                "Youth Football League (demo) and Westshire Faith Forum (demo) run "
                "safeguarding networks for their members, with termly meetings and shared "
                "training. Any group can ask the partnership business unit for a free "
                "safeguarding self-check and a conversation about the results.</p><h2>If you "
                "are worried about a child</h2><p>Contact {front_door} on {front_door_phone}, "
                "or {out_of_hours_phone} out of hours. If a child is in immediate danger, call "
                "999. If the worry is about a coach, leader or volunteer, also follow the "
                "regional chapter on allegations against people who work with children.</p>"
            ),
        },
    ],
    "northmoor": [
        {
            "part": 5,
            "slug": "northmoor-exploitation-panel",
            "title": "The Northmoor multi-agency exploitation panel",
            "summary": (
                "How the Northmoor panel brings agencies together to protect children at risk "
                "of exploitation and to disrupt those who exploit them."
            ),
            "date": "2025-03-17",
            "body": (
                "<h2>About this chapter</h2><p>This chapter applies in {short} only. It "
                "describes the multi-agency exploitation panel, which supports practitioners "
                "working with children at risk of sexual or criminal exploitation. It does not "
                "replace the regional child protection procedures.</p><h2>Who sits on the "
                "panel</h2><p>Northmoor Borough Council (demo) children's social care and "
                "youth justice service, Westmoor Police (demo), health, schools, Moorside "
                "Housing Association (demo) and Brightpath Family Support (demo). It meets "
                "every month and is chaired by a children's social care service "
                "manager.</p><h2>How a child comes to the panel</h2><ol><li>The child's social "
                "worker completes the regional child exploitation screening tool, usually "
                "after a strategy discussion.</li><li>The social worker sends it to the panel "
                "coordinator through {front_door} on {front_door_phone}.</li><li>The panel "
                "considers the child at its next meeting, or sooner if the risk is "
                "urgent.</li></ol><h2>What the panel does</h2><ul><li>checks that each child "
                "has a plan that addresses the places, people and online spaces where the harm "
                "happens</li><li>maps links between children, adults and locations, so that "
                "agencies can see patterns</li><li>agrees disruption activity with the police "
                "and housing providers</li><li>reports themes to the {short} partnership, "
                "without identifying children</li></ul><p>Panel records are kept securely by "
                "children's social care and shared only with agencies that need them.</p>"
            ),
        },
        {
            "part": 5,
            "slug": "northmoor-partnership-arrangements",
            "title": "How the Northmoor partnership works",
            "summary": (
                "The Northmoor safeguarding partners, relevant agencies, subgroups and "
                "independent scrutiny."
            ),
            "date": "2025-01-22",
            "body": (
                "<h2>About this chapter</h2><p>This chapter applies in {short} only. It "
                "summarises the published {short} safeguarding arrangements.</p><h2>The "
                "safeguarding partners</h2><p>The three safeguarding partners in {short} are "
                "Northmoor Borough Council (demo), NHS Northmoor Integrated Care Board (demo) "
                "and Westmoor Police (demo). Their leaders meet every quarter as the "
                "partnership board, and a senior leader from each agency sits on the "
                "operations group, which meets monthly.</p><h2>Relevant agencies</h2><p>The "
                "partners have named schools, colleges, early years settings, NHS trusts, the "
                "ambulance service, housing providers, and voluntary, sports and faith "
                "organisations as relevant agencies. Schools are represented on the board by "
                "two headteachers.</p><h2>Subgroups</h2><ul><li>quality and performance, which "
                "runs multi-agency audits and the section 11 self-assessment</li><li>learning "
                "and development, which plans the training programme</li><li>practice reviews, "
                "which carries out rapid reviews and local reviews</li></ul><h2>Scrutiny and "
                "reporting</h2><p>An independent scrutineer challenges the partners on how "
                "well children are protected in {short}, and the partnership publishes a "
                "report every year. To contact the partnership business unit, or if you are "
                "worried about a child, call {front_door} on {front_door_phone}.</p>"
            ),
        },
    ],
}

# (term, definition); each term appears in at least one chapter body.
GLOSSARY = [
    (
        "Achieving Best Evidence",
        (
            "National guidance on interviewing children and other victims and witnesses so "
            "that their account can be used in criminal proceedings. An Achieving Best "
            "Evidence interview is usually video-recorded and planned jointly by trained "
            "police officers and social workers."
        ),
    ),
    (
        "Chronology",
        (
            "A list, in date order, of the significant events in a child's life and of "
            "agencies' contact with the family. It helps practitioners see patterns, "
            "especially in neglect."
        ),
    ),
    (
        "Child and family assessment",
        (
            "The assessment that children's social care carries out to find out what help a "
            "child needs. It must be completed within 45 working days of the referral."
        ),
    ),
    (
        "Child criminal exploitation",
        (
            "Where a person or group uses an imbalance of power to coerce, control, manipulate "
            "or deceive a child under 18 into criminal activity, for example through county "
            "lines."
        ),
    ),
    (
        "Child in need",
        (
            "Under section 17 of the Children Act 1989, a child who is unlikely to reach or "
            "keep a reasonable standard of health or development without services from the "
            "local authority, or whose health or development is likely to be significantly "
            "impaired without them, or who is disabled."
        ),
    ),
    (
        "Child protection medical",
        (
            "An examination of a child by a paediatrician, or a forensic physician, to assess "
            "possible injuries, neglect or sexual abuse and the child's health needs."
        ),
    ),
    (
        "Child protection plan",
        (
            "The plan agreed at a child protection conference for a child who is likely to "
            "suffer significant harm. It sets out what must change to keep the child safe, and "
            "who will do what."
        ),
    ),
    (
        "Child Safeguarding Practice Review",
        (
            "A review, local or national, of a serious case in which a child has died or been "
            "seriously harmed and abuse or neglect is known or suspected. Its purpose is "
            "learning, not blame."
        ),
    ),
    (
        "Child sexual exploitation",
        (
            "A form of child sexual abuse where a person or group uses an imbalance of power "
            "to coerce, manipulate or deceive a child under 18 into sexual activity in "
            "exchange for something the child needs or wants, or for the abuser's gain."
        ),
    ),
    (
        "Core group",
        (
            "The small group of professionals and family members, led by the lead social "
            "worker, who carry out the child protection plan between conferences."
        ),
    ),
    (
        "Designated safeguarding lead",
        (
            "The person in a school, college or other organisation who takes the lead on "
            "safeguarding, gives advice to colleagues and makes referrals."
        ),
    ),
    (
        "Early help",
        (
            "Support given to a child and family as soon as a problem emerges, before needs "
            "become more serious. It is voluntary and needs the family's agreement."
        ),
    ),
    (
        "Emergency protection order",
        (
            "A court order under section 44 of the Children Act 1989 that allows a child to be "
            "removed to, or kept in, a safe place. It lasts up to eight days and can be "
            "extended once."
        ),
    ),
    (
        "Extra-familial harm",
        (
            "Harm to a child that happens outside the family home, for example exploitation, "
            "serious youth violence or abuse by peers."
        ),
    ),
    (
        "Female genital mutilation",
        (
            "Any procedure that removes or injures the external female genitalia for "
            "non-medical reasons. It is illegal in the UK, and certain professionals must "
            "report known cases in girls under 18 to the police."
        ),
    ),
    (
        "Front door",
        (
            "The single point of contact in each local authority for anyone who is worried "
            "about a child. Some areas call it a multi-agency safeguarding hub."
        ),
    ),
    (
        "Initial child protection conference",
        (
            "The first meeting of family and professionals after a section 47 enquiry, held "
            "within 15 working days of the strategy discussion, to decide whether the child "
            "needs a child protection plan."
        ),
    ),
    (
        "Lead practitioner",
        (
            "The practitioner who coordinates early help for a family and is the family's main "
            "point of contact."
        ),
    ),
    (
        "Lead social worker",
        (
            "The qualified social worker who coordinates a child's child protection plan and "
            "the work of the core group."
        ),
    ),
    (
        "Local authority designated officer",
        (
            "The person in each local authority, often called the LADO, who oversees how "
            "allegations against people who work with children are managed."
        ),
    ),
    (
        "MARAC",
        (
            "Multi-agency risk assessment conference: a regular meeting of agencies that plans "
            "how to protect adult victims of domestic abuse at high risk, and their children."
        ),
    ),
    (
        "National Referral Mechanism",
        (
            "The UK framework for identifying and supporting victims of modern slavery and "
            "human trafficking. A child does not have to consent to be referred."
        ),
    ),
    (
        "Operation Encompass",
        (
            "An arrangement under which the police tell a child's school, before the next "
            "school day, when the child has been affected by a domestic abuse incident."
        ),
    ),
    (
        "Parental responsibility",
        (
            "The legal rights, duties and responsibilities that a parent has for a child. "
            "Mothers, and most fathers, have it automatically; others can gain it through a "
            "court order or agreement."
        ),
    ),
    (
        "Parenting capacity",
        (
            "How well a parent or carer is able to meet a child's needs and keep them safe, "
            "now and in the future."
        ),
    ),
    (
        "Police protection",
        (
            "The power of a police officer to remove a child to a safe place, or stop them "
            "being removed from one, for up to 72 hours, where the child would otherwise be "
            "likely to suffer significant harm."
        ),
    ),
    (
        "Pre-birth assessment",
        (
            "An assessment, during pregnancy, of whether an unborn baby is likely to be at "
            "risk of significant harm after birth, and what support and protection will be "
            "needed."
        ),
    ),
    (
        "Private fostering",
        (
            "When a child under 16, or under 18 if disabled, lives for 28 days or more with "
            "someone who is not a parent, a person with parental responsibility or a close "
            "relative, by private arrangement."
        ),
    ),
    (
        "Professional curiosity",
        (
            "Looking beyond what you are told, asking questions and checking explanations, "
            "rather than accepting things at face value."
        ),
    ),
    (
        "Rapid review",
        (
            "A quick review carried out by the safeguarding partners after a serious incident, "
            "to find immediate learning and decide whether a local Child Safeguarding Practice "
            "Review is needed."
        ),
    ),
    (
        "Relevant agency",
        (
            "An organisation, such as a school, NHS trust or charity, that the safeguarding "
            "partners have named as part of their local arrangements."
        ),
    ),
    (
        "Return home interview",
        (
            "An independent conversation offered to every child who has been missing, within "
            "72 hours of their return, to understand why they went missing and what help they "
            "need."
        ),
    ),
    (
        "Review child protection conference",
        (
            "A conference that reviews a child protection plan: first within three months of "
            "the initial conference, then at least every six months."
        ),
    ),
    (
        "Safeguarding partners",
        (
            "The local authority, the integrated care board and the chief officer of police "
            "for an area, who share responsibility for local safeguarding arrangements."
        ),
    ),
    (
        "Section 11",
        (
            "The duty in section 11 of the Children Act 2004 on many organisations to carry "
            "out their work having regard to the need to safeguard and promote the welfare of "
            "children."
        ),
    ),
    (
        "Section 47 enquiry",
        (
            "Enquiries that the local authority must make, under section 47 of the Children "
            "Act 1989, when it has reasonable cause to suspect that a child is suffering, or "
            "is likely to suffer, significant harm."
        ),
    ),
    (
        "Significant harm",
        (
            "The threshold in the Children Act 1989 for compulsory intervention in family life "
            "to protect a child. Harm means ill-treatment or the impairment of health or "
            "development."
        ),
    ),
    (
        "Strategy discussion",
        (
            "A discussion between children's social care, the police, health and other "
            "agencies, held when there is reasonable cause to suspect significant harm, to "
            "share information and plan what happens next."
        ),
    ),
    (
        "Team around the family",
        (
            "The practitioners from different services who work together with a family to "
            "deliver an early help plan."
        ),
    ),
    (
        "Threshold document",
        (
            "The local guide, published by each partnership, to levels of need and the help "
            "available at each level."
        ),
    ),
]
