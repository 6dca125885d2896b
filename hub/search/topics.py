"""Search topics an editor may pick for a report (hub/core/domains.py TopicSource): only
what the search insight report already shows."""

TOPIC_SOURCES = ()
