"""The chunker for the search index: how texts are cut, and that no word is ever lost.

All sample text here is invented for the tests (the fictional Eastbridge partnership)."""

import html as html_module
import re

import pytest

from hub.search.chunking import Chunk, chunk_html, chunk_text

TOPICS = [
    "Strategy Discussions",
    "Information Sharing",
    "Escalation and Resolving Professional Differences",
    "The Role of the LADO",
    "Bruising in Babies Who Are Not Mobile",
    "Child Protection Conferences",
    "Neglect",
    "Domestic Abuse",
]
SENTENCES = [
    "Practitioners in Eastbridge should record what they saw and what the child said.",
    "A strategy discussion is held whenever there is reasonable cause to suspect harm.",
    "The designated safeguarding lead will decide whether a referral is needed today.",
    "Where professionals disagree, the escalation protocol sets out each step in turn.",
    "Consent is not needed to share information when a child is at risk of harm.",
    "Bruising in a baby who is not yet crawling must always be discussed with a paediatrician.",
    "Managers review open cases every month and note the decision and its reasons.",
    "Families are told what is happening unless doing so would put the child at greater risk.",
]


def paragraph(seed, sentences=4):
    return " ".join(SENTENCES[(seed + i) % len(SENTENCES)] for i in range(sentences))


def demo_sections(count=24, paragraphs=range(1, 9)):
    """Headings and paragraphs like a long procedures chapter: sections of very different
    lengths, some a single short paragraph, some of many."""
    sections = []
    for number in range(count):
        heading = f"{TOPICS[number % len(TOPICS)]} {number + 1}"
        size = paragraphs[(number * 5) % len(paragraphs)]
        sections.append((heading, [paragraph(number + k, 2 + (k % 5)) for k in range(size)]))
    if count > 3:
        sections[3] = (sections[3][0], ["Read this section with the one after it."])
    return sections


def demo_html(sections):
    out = ['<p data-block-key="a1">Eastbridge Safeguarding Partnership: procedures.</p>']
    for number, (heading, paragraphs) in enumerate(sections):
        out.append(f'<h{2 + number % 3} data-block-key="h{number}">{heading}</h{2 + number % 3}>')
        for text in paragraphs:
            out.append(
                f'<p data-block-key="p{number}"><b>{text[:20]}</b>{text[20:]} '
                '<a linktype="page" id="12">see also</a></p>'
            )
    return "".join(out)


def demo_text(sections):
    pages, lines = [], []
    for number, (heading, paragraphs) in enumerate(sections):
        lines.append(f"{number + 1}.{number % 3 + 1} {heading}")
        lines.extend(paragraphs)
        if number % 4 == 3:
            pages.append("\n".join(lines))
            lines = []
    pages.append("\n".join(lines))
    return "\f".join(pages)


def words_of_html(markup):
    """The words a reader sees in `markup`, worked out independently of the chunker."""
    markup = re.sub(r"<(script|style)\b.*?</\1\s*>", " ", markup, flags=re.S | re.I)
    markup = re.sub(r"</?(?:a|b|i|em|strong|span)\b[^>]*>", "", markup)  # inside words
    return html_module.unescape(re.sub(r"<[^>]*>", " ", markup)).split()


def all_words(chunks):
    return " ".join(chunk.text for chunk in chunks).split()


def test_headings_in_rich_text_become_the_headings_of_their_chunks():
    body = paragraph(0, 8)
    markup = (
        f"<h2>Strategy discussions</h2><p>{body}</p>"
        f"<h3>Who takes part</h3><p>{body}</p>"
        f"<h4>Recording the decision</h4><ul><li>{body}</li><li>{body}</li></ul>"
    )

    chunks = chunk_html(markup)

    assert [chunk.heading for chunk in chunks] == [
        "Strategy discussions",
        "Who takes part",
        "Recording the decision",
    ]
    assert chunks[0].text.startswith("Strategy discussions\nPractitioners in Eastbridge")
    assert [chunk.position for chunk in chunks] == [0, 1, 2]


def test_text_before_the_first_heading_has_an_empty_heading():
    markup = f"<p>{paragraph(1, 6)}</p><h2>Neglect</h2><p>{paragraph(2, 6)}</p>"

    chunks = chunk_html(markup)

    assert [chunk.heading for chunk in chunks] == ["", "Neglect"]


def test_every_chunk_counts_its_words_and_is_frozen():
    chunks = chunk_html(demo_html(demo_sections()))

    assert all(chunk.words == len(chunk.text.split()) for chunk in chunks)
    assert [chunk.position for chunk in chunks] == list(range(len(chunks)))
    with pytest.raises(AttributeError):
        chunks[0].text = "changed"


def test_a_section_longer_than_max_words_is_split_at_paragraph_boundaries():
    paragraphs = [f"Paragraph {n}. " + paragraph(n, 5) for n in range(40)]  # ~2,800 words
    markup = "<h2>Information sharing</h2>" + "".join(f"<p>{text}</p>" for text in paragraphs)

    chunks = chunk_html(markup, target_words=400, max_words=1000)

    assert len(chunks) >= 6
    assert all(chunk.words <= 1000 for chunk in chunks)
    assert all(150 <= chunk.words <= 700 for chunk in chunks)  # roughly target_words each
    assert all(chunk.heading == "Information sharing" for chunk in chunks)
    # Each chunk is whole paragraphs: every paragraph is one line of exactly one chunk.
    lines = [line for chunk in chunks for line in chunk.text.split("\n")]
    assert lines == ["Information sharing", *paragraphs]


def test_a_paragraph_longer_than_max_words_is_split_at_sentence_boundaries():
    sentences = [f"Sentence {n} about the escalation protocol in Eastbridge." for n in range(300)]
    chunks = chunk_text(" ".join(sentences), target_words=200, max_words=500)

    assert len(chunks) > 1
    assert all(chunk.words <= 500 for chunk in chunks)
    assert all(chunk.text.endswith("Eastbridge.") for chunk in chunks)
    assert all_words(chunks) == " ".join(sentences).split()


def test_a_sentence_longer_than_max_words_is_cut_every_max_words():
    words = [f"word{n}" for n in range(2500)]

    chunks = chunk_text(" ".join(words), target_words=400, max_words=1000)

    assert [chunk.words for chunk in chunks] == [1000, 1000, 500]
    assert all_words(chunks) == words


def test_short_sections_are_merged_with_the_following_one_under_both_headings():
    markup = (
        "<h2>Purpose</h2><p>This chapter explains what to do.</p>"
        f"<h2>Making a referral</h2><p>{paragraph(3, 6)}</p>"
        f"<h2>After the referral</h2><p>{paragraph(4, 6)}</p>"
    )

    chunks = chunk_html(markup)

    assert [chunk.heading for chunk in chunks] == [
        "Purpose; Making a referral",
        "After the referral",
    ]
    assert chunks[0].text.startswith(
        "Purpose\nThis chapter explains what to do.\nMaking a referral"
    )


def test_a_heading_straight_after_another_joins_it():
    markup = f"<h2>Part 2: Responding</h2><h3>Strategy discussions</h3><p>{paragraph(0, 6)}</p>"

    (chunk,) = chunk_html(markup)

    assert chunk.heading == "Part 2: Responding; Strategy discussions"


def test_a_short_last_section_joins_the_one_before():
    markup = f"<h2>Neglect</h2><p>{paragraph(0, 6)}</p><h2>Contacts</h2><p>Call the front door.</p>"

    (chunk,) = chunk_html(markup)

    assert chunk.heading == "Neglect; Contacts"
    assert chunk.text.endswith("Contacts\nCall the front door.")


def test_merging_never_makes_a_chunk_longer_than_max_words():
    markup = (
        "<h2>Note</h2><p>Short.</p>"
        f"<h2>Long</h2><p>{paragraph(0, 30)}</p>"  # ~430 words
        "<h2>Another note</h2><p>Short again.</p>"
    )

    chunks = chunk_html(markup, target_words=200, max_words=432, min_words=60)

    assert all(chunk.words <= 432 for chunk in chunks)
    assert all_words(chunks) == words_of_html(markup)


def test_many_short_sections_name_at_most_four_headings():
    markup = "".join(f"<h3>Term {n}</h3><p>Meaning {n}.</p>" for n in range(10))

    (chunk,) = chunk_html(markup)

    assert chunk.heading == "Term 0; Term 1; Term 2; Term 3; …"
    assert chunk.text.endswith("Term 9\nMeaning 9.")


def test_a_joined_heading_fits_the_index_heading_column():
    long_heading = "Multi-Agency Safeguarding Arrangements: Responsibilities and Accountabilities"
    markup = "".join(f"<h2>{long_heading} {n}</h2><p>Short.</p>" for n in range(6))

    (chunk,) = chunk_html(markup)

    assert len(chunk.heading) <= 300
    assert chunk.heading.startswith(long_heading + " 0; ")
    assert chunk.heading.endswith("; …")


def test_a_text_without_headings_still_chunks():
    text = "\n".join(paragraph(n, 6) for n in range(30))  # ~2,200 words, sentence case only

    chunks = chunk_text(text)

    assert len(chunks) > 1
    assert all(chunk.heading == "" for chunk in chunks)
    assert all(chunk.words <= 1000 for chunk in chunks)


SAMPLES = {
    "demo chapter (html)": demo_html(demo_sections()),
    "demo chapter, one long section (html)": demo_html(demo_sections(3, range(40, 41))),
    "table and list": (
        "<h2>Contacts</h2><table><tr><th>Team</th><th>Number</th></tr>"
        "<tr><td>Front door</td><td>01632 960000</td></tr></table>"
        "<ul><li>Out of hours<br>team</li><li>Police &amp; health</li></ul>"
    ),
    "entities and inline tags": "<p>Fish&nbsp;&amp;&nbsp;chips<em>!</em> caf&eacute;</p>",
}


@pytest.mark.parametrize("markup", SAMPLES.values(), ids=SAMPLES.keys())
def test_html_chunks_hold_every_word_of_the_text_in_order(markup):
    chunks = chunk_html(markup, target_words=300, max_words=700, min_words=60)

    assert chunks
    assert all_words(chunks) == words_of_html(markup)


@pytest.mark.parametrize("sizes", [(400, 1000, 60), (100, 150, 20), (30, 40, 0), (5, 5, 5)])
def test_plain_text_chunks_hold_every_word_of_the_text_in_order(sizes):
    target_words, max_words, min_words = sizes
    text = demo_text(demo_sections(60))

    chunks = chunk_text(text, target_words=target_words, max_words=max_words, min_words=min_words)

    assert len(text.split()) > 10_000
    assert all_words(chunks) == text.split()
    assert all(chunk.words <= max_words for chunk in chunks)


def test_script_and_style_content_is_never_indexed():
    markup = (
        "<style>.secret { color: red }</style><h2>Neglect</h2>"
        "<p>Visible<script>var hidden = 'tracking';</script> words</p>"
        "<noscript>Enable scripts</noscript><script>unclosed = 'never'"
    )

    chunks = chunk_html(markup)

    assert [chunk.text for chunk in chunks] == ["Neglect\nVisible words"]


def test_entities_are_unescaped_and_tags_removed():
    markup = (
        '<p data-block-key="x1">Tom &amp; Jerry&#39;s &quot;caf&eacute;&quot; &lt;b&gt; '
        '<a linktype="page" id="3">the LADO</a>&nbsp;page</p>'
    )

    (chunk,) = chunk_html(markup)

    assert chunk.text == 'Tom & Jerry\'s "café" <b> the LADO page'
    assert "linktype" not in chunk.text and "data-block-key" not in chunk.text


def test_plain_text_numbered_and_title_case_lines_are_headings():
    text = (
        "Eastbridge Safeguarding Partnership\n"
        "1 Introduction\n"
        + paragraph(0, 6)
        + "\f3.2 Strategy discussions\n"
        + paragraph(1, 6)
        + "\nWho Should Attend\n"
        + paragraph(2, 6)
        + "\nThe meeting is chaired by a manager\n"  # a sentence without its full stop
        + paragraph(3, 6)
    )

    chunks = chunk_text(text)

    assert [chunk.heading for chunk in chunks] == [
        "Eastbridge Safeguarding Partnership; 1 Introduction",
        "3.2 Strategy discussions",
        "Who Should Attend",
    ]
    assert all_words(chunks) == text.split()


def test_plain_text_page_numbers_running_headers_and_wrapped_lines_are_not_headings():
    page = (
        "Eastbridge Procedures Manual\n"
        + paragraph(0, 6)
        + " The referral goes to the\n"
        + "Multi Agency Safeguarding Hub\n"
        + paragraph(1, 6)
        + "\nPage 4 of 12"
    )
    text = "\f".join([page] * 3)

    chunks = chunk_text(text)

    assert {chunk.heading for chunk in chunks} == {""}
    assert all_words(chunks) == text.split()


def test_a_contents_list_with_dot_leaders_is_not_headings():
    chunks = chunk_text("Contents\n1 Introduction ........ 3\n2 Referrals ........ 7")

    assert [chunk.heading for chunk in chunks] == ["Contents"]


def test_a_list_of_title_case_lines_is_not_headings():
    text = (
        "Who Attends\n"
        "The chair invites these agencies:\n"
        "Children's Social Care\nEastbridge Police\nHealth Visiting\n"
        + paragraph(0, 6)
        + "\nContents\n1 Introduction\n2 Referrals\n3 Strategy Discussions\n"
        + paragraph(1, 6)
    )

    chunks = chunk_text(text)

    assert [chunk.heading for chunk in chunks] == ["Who Attends"]
    assert all_words(chunks) == text.split()


EMPTY_INPUTS = {"none": None, "empty": "", "whitespace": " \n\t\f \r\n \x00\x1f"}
EMPTY_HTML = {
    **EMPTY_INPUTS,
    "only tags": '<div><p data-block-key="a"></p><br/><ul><li> </li></ul></div>',
    "only a script": "<script>alert(1)</script>",
    "only a comment": "<!-- draft -->",
}


@pytest.mark.parametrize("value", EMPTY_HTML.values(), ids=EMPTY_HTML.keys())
def test_html_with_no_text_gives_no_chunks(value):
    assert chunk_html(value) == []


@pytest.mark.parametrize("value", EMPTY_INPUTS.values(), ids=EMPTY_INPUTS.keys())
def test_plain_text_with_no_text_gives_no_chunks(value):
    assert chunk_text(value) == []


def test_unclosed_tags_keep_their_text():
    markup = "<h2>Escalation<p>First speak to the <b>worker<li>Then their manager<table><td>Cell"

    chunks = chunk_html(markup)

    assert [chunk.heading for chunk in chunks] == ["Escalation"]
    assert chunks[0].text == "Escalation\nFirst speak to the worker\nThen their manager\nCell"


def test_an_unclosed_heading_running_on_is_taken_as_a_paragraph():
    markup = "<h2>" + paragraph(0, 4)

    (chunk,) = chunk_html(markup)

    assert chunk.heading == ""


def test_control_characters_are_removed_and_other_whitespace_normalised():
    text = "Strategy\x00 disc\x07ussions\r\nare held\tquickly\x0b\x1fwhen\x7f needed\u200b."

    (chunk,) = chunk_text(text)

    assert chunk.text == "Strategy discussions\nare held quickly\nwhen needed."
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", chunk.text)
    (html_chunk,) = chunk_html(f"<p>{text}</p>")
    assert html_chunk.text == "Strategy discussions are held quickly when needed."


def test_mixed_scripts_and_emoji_are_kept():
    text = "Safeguarding 🛡️ children — الحماية · 保护儿童 · Захист дітей 👨‍👩‍👧 café"

    assert chunk_text(text)[0].text == text
    assert chunk_html(f"<p>{text}</p>")[0].text == text


def test_unpaired_surrogates_and_bytes_do_not_break_it():
    assert chunk_text("broken \ud800 surrogate")[0].words == 3
    assert chunk_html("<p>caf\xe9 bytes</p>".encode())[0].text == "café bytes"


def test_a_two_megabyte_text_is_chunked_within_the_limits():
    text = demo_text(demo_sections(40)) + "\n"
    text = text * (2_000_000 // len(text) + 1)

    chunks = chunk_text(text)

    assert len(text) > 2_000_000
    assert all(chunk.words <= 1000 for chunk in chunks)
    assert sum(chunk.words for chunk in chunks) == len(text.split())


def test_a_two_megabyte_html_page_without_markup_is_chunked():
    markup = "<p>" + ("Neglect is persistent failure to meet needs. " * 50_000)

    chunks = chunk_html(markup)

    assert all(chunk.words <= 1000 for chunk in chunks)
    assert all_words(chunks) == words_of_html(markup)


def test_sizes_that_make_no_sense_are_refused():
    with pytest.raises(ValueError):
        chunk_text("text", target_words=500, max_words=400)
    with pytest.raises(ValueError):
        chunk_html("text", min_words=-1)


def test_chunks_are_plain_values():
    assert chunk_text("Hello there")[0] == Chunk(
        heading="", text="Hello there", position=0, words=2
    )
