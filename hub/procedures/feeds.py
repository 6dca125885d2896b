"""The procedure releases Atom feed (/feeds/<key>/, hub/opendata)."""

FEEDS = ()
