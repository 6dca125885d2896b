"""The library changes (new documents and new versions) Atom feed (/feeds/<key>/, hub/opendata)."""

FEEDS = ()
