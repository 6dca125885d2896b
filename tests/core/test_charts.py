"""Server-drawn SVG (hub/core/charts.py): a well-formed image named and described for
screen readers, every piece of text escaped, no fixed colour, text wrapped to fit, and the
decision flow drawn as one box per question and outcome."""

import xml.etree.ElementTree as ET

from markupsafe import Markup

from hub.core.charts import Drawing, decision_flow, text_width, wrap

SVG = "{http://www.w3.org/2000/svg}"

STEPS = [
    ("If 3 or more indicators rated serious concern in 1 or more domain", "Statutory"),
    ("If 1 or more indicator rated serious concern in 1 or more domain", "Targeted"),
    ("If 2 or more indicators rated some or serious concern in 2 or more domains", "Early help"),
]


def parsed(markup):
    return ET.fromstring(str(markup))  # noqa: S314 - the drawing under test, made here


def boxes(root, part):
    return [rect for rect in root.iter(f"{SVG}rect") if rect.get("class") == f"hub-chart__{part}"]


def words(element):
    """The element's words, one line's end and the next line's start apart."""
    return " ".join(" ".join(element.itertext()).split())


def test_a_decision_flow_is_an_image_named_and_described_for_screen_readers():
    markup = decision_flow(STEPS, "Universal", title="The outcome rules of the test tool")
    assert isinstance(markup, Markup)
    root = parsed(markup)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title.text == "The outcome rules of the test tool"
    assert desc.text.startswith("3 questions asked in order from the top.")
    assert desc.text.endswith("the outcome is Universal.")
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    # Its size comes with it, so it keeps its shape wherever it is shown.
    assert root.get("viewBox") == f"0 0 {root.get('width')} {root.get('height')}"


def test_one_box_per_question_and_outcome_then_otherwise():
    root = parsed(decision_flow(STEPS, "Universal", title="Rules"))
    questions = boxes(root, "question")
    outcomes = boxes(root, "outcome")
    assert len(questions) == 3
    assert len(outcomes) == 4  # each rule's, and "Otherwise"
    texts = [words(text) for text in root.iter(f"{SVG}text")]
    assert texts[0] == "1. " + STEPS[0][0]
    assert "Statutory" in texts
    assert texts[-1] == "Otherwise: Universal"
    labels = [t for t in texts if t in ("Yes", "No")]
    assert labels == ["Yes", "No"] * 3
    # Each question sits below the one before it.
    tops = [float(rect.get("y")) for rect in questions]
    assert tops == sorted(tops)


def test_with_no_questions_only_otherwise_is_drawn():
    root = parsed(decision_flow([], "Universal", title="No rules yet"))
    assert boxes(root, "question") == []
    assert len(boxes(root, "outcome")) == 1
    assert (
        root.find(f"{SVG}desc").text == "With no questions to ask, the outcome is always Universal."
    )


def test_hostile_text_comes_out_as_text():
    hostile = '<script>alert("x")</script> ]]> & \x00\x1b'
    markup = str(
        decision_flow(
            [(hostile, hostile)],
            hostile,
            title=hostile,
            description=hostile,
            id='x" onload="alert(1)',
        )
    )
    assert "<script>" not in markup
    assert "]]>" not in markup
    assert "onload=" not in markup.replace("onload=&quot;", "")
    root = parsed(markup)  # still well-formed XML
    assert root.find(f"{SVG}title").text == '<script>alert("x")</script> ]]> & '
    every_text = " ".join(words(text) for text in root.iter(f"{SVG}text"))
    assert "<script>alert(" in every_text
    ids = [element.get("id") for element in root.iter() if element.get("id")]
    assert all(" " not in id_ and '"' not in id_ for id_ in ids)


def test_nothing_has_a_fixed_colour_or_an_inline_style():
    root = parsed(decision_flow(STEPS, "Universal", title="Rules"))
    for element in root.iter():
        assert element.get("style") is None
        for attribute in ("fill", "stroke"):
            assert element.get(attribute) in (None, "none", "currentColor"), element.tag


def test_ids_are_the_same_for_the_same_drawing_and_differ_between_drawings():
    first = parsed(decision_flow(STEPS, "Universal", title="Rules"))
    again = parsed(decision_flow(STEPS, "Universal", title="Rules"))
    other = parsed(decision_flow(STEPS[:1], "Universal", title="Rules"))
    assert first.get("aria-labelledby") == again.get("aria-labelledby")
    assert first.get("aria-labelledby") != other.get("aria-labelledby")
    named = parsed(decision_flow(STEPS, "Universal", title="Rules", id="tool-7-rules"))
    assert named.get("aria-labelledby") == "tool-7-rules-title tool-7-rules-desc"


def test_long_text_wraps_to_fit_its_box():
    long_question = "If " + "several indicators rated serious concern " * 6
    root = parsed(decision_flow([(long_question, "Statutory")], "Universal", title="Rules"))
    question = boxes(root, "question")[0]
    width, height = float(question.get("width")), float(question.get("height"))
    lines = next(t for t in root.iter(f"{SVG}text") if t.get("class") == "hub-chart__question-text")
    spans = lines.findall(f"{SVG}tspan")
    assert len(spans) > 3
    assert all(text_width(span.text) <= width for span in spans)
    assert height > 3 * 14


def test_wrap_breaks_at_spaces_and_inside_a_word_only_when_it_must():
    assert wrap("one two three", 1000) == ["one two three"]
    assert wrap("one two three", text_width("one two")) == ["one two", "three"]
    assert wrap("", 100) == [""]
    pieces = wrap("x" * 50, text_width("xxxxxxxxxx"))
    assert "".join(pieces) == "x" * 50
    assert all(text_width(piece) <= text_width("xxxxxxxxxx") for piece in pieces)


def test_a_drawing_of_its_own_uses_the_same_core():
    drawing = Drawing(200, 100, title="A test drawing <b>", description="")
    drawing.box(10, 10, 50, 20, part="bar")
    drawing.arrow([(0, 0), (100, 0)])
    drawing.text(5, 50, ["Line & one", "Line two"])
    root = parsed(drawing.render())
    assert root.find(f"{SVG}desc") is None
    assert root.get("aria-labelledby") == root.find(f"{SVG}title").get("id")
    assert root.find(f"{SVG}title").text == "A test drawing <b>"
    assert [span.text for span in root.iter(f"{SVG}tspan")] == ["Line & one", "Line two"]
    assert len(list(root.iter(f"{SVG}polygon"))) == 1  # the arrowhead


# --- Bar and stacked bar charts (for the escalations' quarterly picture and later reports) ----

from hub.core.charts import bar_chart, stacked_bar_chart  # noqa: E402


def test_a_bar_chart_draws_one_bar_per_shown_value_longest_for_the_largest():
    root = parsed(bar_chart([("Council", 12), ("Police", 6), ("School", 0)], title="Raised"))
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title").text == "Raised"
    assert root.find(f"{SVG}desc").text == "Council: 12; Police: 6; School: 0."
    bars = boxes(root, "bar")
    assert len(bars) == 2  # a zero has no bar, only its label "0"
    assert float(bars[0].get("width")) == 2 * float(bars[1].get("width"))
    values = [words(text) for text in root.iter(f"{SVG}text") if "bar-value" in text.get("class")]
    assert values == ["12", "6", "0"]
    # The title is shown above the bars, as well as read out.
    assert words(next(root.iter(f"{SVG}text"))) == "Raised"


def test_a_hidden_value_is_not_drawn_and_its_label_and_description_say_so():
    root = parsed(
        bar_chart(
            [("Council", 12), ("College", None)],
            title="Raised",
            hidden_label="not shown (fewer than 5)",
        )
    )
    assert len(boxes(root, "bar")) == 1
    assert "College: not shown (fewer than 5)" in root.find(f"{SVG}desc").text
    hidden = [words(text) for text in root.iter(f"{SVG}text") if "bar-hidden" in text.get("class")]
    assert hidden == ["not shown (fewer than 5)"]


def test_a_stacked_bar_chart_draws_each_shown_part_with_a_key():
    root = parsed(
        stacked_bar_chart(
            [("Stage 1", [6, 12]), ("Stage 2", [None, 6]), ("Stage 3", [0, 0])],
            ["Still open", "Closed"],
            title="Stage reached",
        )
    )
    # The key has one sample of each part; then stage 1 has both parts, stage 2 only its
    # shown part, stage 3 none.
    assert len(boxes(root, "segment-0")) == 1 + 1
    assert len(boxes(root, "segment-1")) == 1 + 2
    assert root.find(f"{SVG}desc").text == (
        "Stage 1: Still open 6, Closed 12; Stage 2: Still open not shown, Closed 6; "
        "Stage 3: Still open 0, Closed 0."
    )
    texts = [words(text) for text in root.iter(f"{SVG}text")]
    assert texts[:3] == ["Stage reached", "Still open", "Closed"]  # the title, then the key
    assert "Still open not shown" in texts


def test_bar_charts_escape_their_text_and_have_no_fixed_colour():
    svg = str(bar_chart([("<script>x</script>", 3)], title="A & B"))
    svg += str(stacked_bar_chart([("<b>", [1, None])], ['"one"', "two"], title="C"))
    assert "<script>" not in svg and "<b>" not in svg
    assert "&lt;script&gt;" in svg
    assert "style=" not in svg
    assert "#" not in svg.replace("&#", "")
    for markup in svg.split("</svg>")[:-1]:
        parsed(markup + "</svg>")


def test_a_stacked_bar_needs_a_value_for_each_part():
    import pytest

    with pytest.raises(ValueError, match="one value for each series"):
        stacked_bar_chart([("Stage 1", [1])], ["Open", "Closed"], title="T")


def test_a_chart_of_nothing_says_so():
    assert parsed(bar_chart([], title="Empty")).find(f"{SVG}desc").text == (
        "There is nothing to show."
    )


# --- Line charts (the yearly report's figures over the years) --------------------------------

from hub.core.charts import line_chart  # noqa: E402


def test_a_line_chart_marks_each_year_and_joins_them_higher_for_more():
    root = parsed(
        line_chart([("2022 to 2023", 10), ("2023 to 2024", 20), ("2024 to 2025", 5)], title="Kudos")
    )
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title").text == "Kudos"
    assert root.find(f"{SVG}desc").text == "2022 to 2023: 10; 2023 to 2024: 20; 2024 to 2025: 5."
    points = [c for c in root.iter(f"{SVG}circle") if c.get("class") == "hub-chart__point"]
    assert len(points) == 3
    heights = [float(point.get("cy")) for point in points]
    assert heights[1] < heights[0] < heights[2]  # SVG's y grows downwards
    lines = [p for p in root.iter(f"{SVG}polyline") if p.get("class") == "hub-chart__series"]
    assert len(lines) == 1 and len(lines[0].get("points").split()) == 3
    labels = [
        words(t) for t in root.iter(f"{SVG}text") if t.get("class") == "hub-chart__point-label"
    ]
    assert labels == ["2022 to 2023", "2023 to 2024", "2024 to 2025"]


def test_a_hidden_year_breaks_the_line_and_says_so():
    root = parsed(
        line_chart(
            [("2021", 8), ("2022", 9), ("2023", None), ("2024", 7)],
            title="T",
            hidden_label="not shown",
        )
    )
    assert len([c for c in root.iter(f"{SVG}circle")]) == 3
    lines = [p for p in root.iter(f"{SVG}polyline") if p.get("class") == "hub-chart__series"]
    assert [len(line.get("points").split()) for line in lines] == [2]  # 2021-2022; 2024 alone
    hidden = [
        words(t) for t in root.iter(f"{SVG}text") if t.get("class") == "hub-chart__point-hidden"
    ]
    assert hidden == ["not shown"]
    assert "2023: not shown" in root.find(f"{SVG}desc").text


def test_a_line_of_one_value_or_none_draws_without_failing():
    one = parsed(line_chart([("2024 to 2025", 3)], title="One"))
    assert len(list(one.iter(f"{SVG}circle"))) == 1
    assert not [p for p in one.iter(f"{SVG}polyline") if p.get("class") == "hub-chart__series"]
    empty = parsed(line_chart([], title="Empty"))
    assert empty.find(f"{SVG}desc").text == "There is nothing to show."
    zeros = parsed(line_chart([("a", 0), ("b", 0)], title="Zeros"))
    assert len(list(zeros.iter(f"{SVG}circle"))) == 2


def test_line_charts_escape_their_text_show_rates_and_have_no_fixed_colour():
    svg = str(line_chart([("<script>x</script>", 12.5), ("&amp;", 50)], title="<b>", unit="%"))
    assert "<script>" not in svg and "<b>" not in svg
    assert "&lt;script&gt;" in svg
    assert "style=" not in svg
    assert "#" not in svg.replace("&#", "")
    root = parsed(svg)
    values = [
        words(t) for t in root.iter(f"{SVG}text") if t.get("class") == "hub-chart__point-value"
    ]
    assert values == ["12.5%", "50%"]
