"""Walk the running site as one person, the way they could: from a few starting pages,
following every link on the same host, visiting at most a couple of addresses per URL route,
and reading every form on the way. Tests use what it finds to show that a guarantee holds
on every screen that exists, not only on the screens someone remembered to list.

Only GET requests are made; addresses that end a session are not followed.
"""

import html
import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from django.urls import Resolver404, resolve

# Wagtail's sidebar and choosers carry their addresses in JSON and data attributes.
QUOTED_PATH = re.compile(r"""["'](/[a-z][^"'\s<>]*)["']""")
SKIPPED = re.compile(
    r"^/(static|media|documents)/|/logout/|^/admin/failwhale/|\.(ics|csv|xlsx|pdf|json|css|js)$|/download/|/pdf/"
)


@dataclass
class Field:
    name: str
    kind: str  # the input's type, or "select" / "textarea"
    value: str = ""
    options: list = field(default_factory=list)
    checked: bool = False


@dataclass
class Form:
    page: str  # the address the form was found on
    route: str  # the URL route of that page
    action: str
    method: str
    enctype: str
    fields: list = field(default_factory=list)

    @property
    def takes_a_file(self):
        return any(f.kind == "file" for f in self.fields)


class _FormParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links, self.forms = [], []
        self._form = None
        self._select = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = {key: value or "" for key, value in attrs}
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        elif tag == "form":
            self._form = {
                "action": attrs.get("action", ""),
                "method": (attrs.get("method") or "get").lower(),
                "enctype": attrs.get("enctype", ""),
                "fields": [],
            }
            self.forms.append(self._form)
        elif self._form is None:
            return
        elif tag in ("input", "button") and attrs.get("name"):
            kind = (attrs.get("type") or ("submit" if tag == "button" else "text")).lower()
            self._form["fields"].append(
                Field(attrs["name"], kind, attrs.get("value", ""), checked="checked" in attrs)
            )
        elif tag == "select" and attrs.get("name"):
            self._select = Field(attrs["name"], "select")
            self._form["fields"].append(self._select)
        elif tag == "option" and self._select is not None:
            self._select.options.append(attrs.get("value", ""))
            if "selected" in attrs:
                self._select.value = attrs.get("value", "")
        elif tag == "textarea" and attrs.get("name"):
            self._textarea = Field(attrs["name"], "textarea")
            self._form["fields"].append(self._textarea)

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea.value += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def _html_of(response):
    """The page's HTML; Wagtail's chooser modals send theirs inside JSON."""
    content_type = response.get("Content-Type", "")
    if "html" in content_type:
        return response.content.decode(errors="replace")
    if "json" in content_type:
        try:
            data = json.loads(response.content)
        except ValueError:
            return None
        if isinstance(data, dict) and isinstance(data.get("html"), str):
            return data["html"]
    return None


def route_of(path):
    try:
        match = resolve(urlsplit(path).path)
    except Resolver404:
        return None
    return match.route or match.view_name


@dataclass
class SiteMap:
    pages: dict = field(default_factory=dict)  # path -> route
    forms: list = field(default_factory=list)
    server_errors: list = field(default_factory=list)  # paths that answered 5xx

    def routes(self):
        return set(self.pages.values())


def crawl(
    client, start, *, host="testserver", per_route=2, per_admin_route=1, limit=600, prefixes=("/",)
):
    """Every page `client` reaches from `start` (paths), and the forms on them: up to
    `per_route` addresses of each route, `per_admin_route` of each of Wagtail's admin routes
    (the same generic views on every model). Give it a client made with
    raise_request_exception=False: a server error is recorded, not raised."""
    site = SiteMap()
    queue = list(start)
    seen, per = set(), {}
    while queue and len(site.pages) < limit:
        path = queue.pop(0)
        if path in seen or SKIPPED.search(urlsplit(path).path):
            continue
        seen.add(path)
        route = route_of(path)
        most = per_admin_route if path.startswith("/admin/") else per_route
        if route is None or per.get(route, 0) >= most:
            continue
        response = client.get(path)
        if response.status_code >= 500:
            site.server_errors.append(path)
        if response.status_code != 200:
            continue
        body = _html_of(response)
        if body is None:
            continue
        per[route] = per.get(route, 0) + 1
        site.pages[path] = route
        parser = _FormParser()
        parser.feed(body)
        for found in parser.forms:
            action = urljoin(path, found["action"]) if found["action"] else path
            site.forms.append(Form(page=path, route=route, **{**found, "action": action}))
        quoted = QUOTED_PATH.findall(html.unescape(body))
        for href in [*parser.links, *(path.replace("\\u0026", "&") for path in quoted)]:
            target = urlsplit(urljoin(f"http://{host}{path}", href))
            if target.hostname not in (None, host.split(":")[0]):
                continue
            if not target.path.startswith(prefixes):
                continue
            queue.append(target.path + (f"?{target.query}" if target.query else ""))
    return site


def argument_free_paths(prefix="/"):
    """Every address in the URL configuration that takes no argument, under `prefix`."""
    from django.urls import URLPattern, URLResolver, get_resolver

    paths = []

    def walk(patterns, base):
        for pattern in patterns:
            route = str(pattern.pattern)
            if "<" in route or "(?P" in route or "(" in route:
                continue
            route = route.lstrip("^").rstrip("$").replace("\\", "")
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, base + route)
            elif isinstance(pattern, URLPattern):
                paths.append("/" + base + route)

    walk(get_resolver().url_patterns, "")
    return sorted({path for path in paths if path.startswith(prefix)})
