"""The news Atom feed (/feeds/<key>/, hub/opendata)."""

FEEDS = ()
