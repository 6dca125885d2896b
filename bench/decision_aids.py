"""What the decision aids cost: the reachability check an editor's save runs (on the demo's
neglect screening tool, and on larger made-up tools up to the check's limit), the size of the
signed answers a page carries, and each step of the practitioner's flow through the demo tool
(start page, an area's page, check your answers, outcome, the PDF summary).

    .venv/bin/python bench/decision_aids.py [--requests 20] [--database sqlite|postgresql]

In one process, on a scratch database with the demo loaded (bench/scratch.py). The flow is
walked through Django's test client, signed out, as a practitioner would: two walks to warm,
then `--requests` timed ones, each step timed on its own (p50, p95). Prints numbers; asserts
nothing.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
HOST = "westshire.localhost"
URL = "/decision-aids/neglect-screening/"


def made_up_tool(domains, indicators, thresholds):
    """Content of a tool with `domains` × `indicators`, and one rule per (kind, threshold)
    for thresholds 1..`thresholds` of serious and of some-or-serious concern."""
    level = {"id": 1, "slug": "l", "name": "Level"}
    scale = [
        {"key": f"r{n}", "label": kind, "hint": "", "kind": kind}
        for n, kind in enumerate(("strength", "some", "serious", "unknown"))
    ]
    rules = [
        {"counted": counted, "at_least": at_least, "in_domains": in_domains, "level": level}
        for at_least in range(thresholds, 0, -1)
        for counted in ("serious", "concern")
        for in_domains in (2, 1)
    ]
    return {
        "scale": scale,
        "rules": rules,
        "otherwise": level,
        "domains": [
            {
                "key": f"d{d}",
                "title": f"Area {d}",
                "indicators": [{"key": f"d{d}i{i}"} for i in range(indicators)],
            }
            for d in range(domains)
        ],
    }


def timed_check(content, repeats):
    from hub.decision_aids import rules

    timings = []
    for _ in range(repeats):
        begun = time.perf_counter()
        found = rules.check(content)
        timings.append((time.perf_counter() - begun) * 1000)
    return statistics.median(timings), found


def walk(client, rating_for):
    """One walk to the outcome and its PDF; {step: [ms, ...]} and the last state's size."""
    import re

    from bs4 import BeautifulSoup

    timings = {}

    def send(step, method, url, data=None):
        begun = time.perf_counter()
        response = getattr(client, method)(url, data or {}, HTTP_HOST=HOST)
        timings.setdefault(step, []).append((time.perf_counter() - begun) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"{step} answered {response.status_code}")
        return response

    def state(response):
        return BeautifulSoup(response.content, "html.parser").find("input", {"name": "state"})[
            "value"
        ]

    response = send("start page (GET)", "get", URL)
    response = send("task list", "post", URL, {"action": "start"})
    soup = BeautifulSoup(response.content, "html.parser")
    areas = [b["value"] for b in soup.find_all("button", {"name": "action"})]
    areas = [value for value in areas if re.fullmatch(r"domain-\d+", value)]
    response = send("an area's page", "post", URL, {"action": areas[0], "state": state(response)})
    for number in range(1, len(areas) + 1):
        soup = BeautifulSoup(response.content, "html.parser")
        fields = sorted({i["name"] for i in soup.find_all("input", {"type": "radio"})})
        data = {"action": f"save-{number}", "state": state(response)}
        for name in fields:
            values = [i["value"] for i in soup.find_all("input", {"name": name})]
            data[name] = rating_for(values)
        response = send("saving an area", "post", URL, data)
        if number < len(areas):
            response = send(
                "an area's page",
                "post",
                URL,
                {"action": f"domain-{number + 1}", "state": state(response)},
            )
    response = send(
        "check your answers", "post", URL, {"action": "check", "state": state(response)}
    )
    signed = state(response)
    response = send("outcome", "post", URL, {"action": "outcome", "state": signed})
    send("PDF summary", "post", URL + "summary.pdf", {"state": state(response)})
    return timings, len(signed)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite")
    args = parser.parse_args()
    from scratch import scratch_demo

    with scratch_demo("hub_bench_decision_aids", args.database) as loaded:
        run(args, loaded)


def run(args, loaded):
    from django.test import Client
    from page_costs import percentile

    from hub.decision_aids.models import ToolVersion
    from hub.decision_aids.services import latest_version

    version = latest_version(
        ToolVersion.objects.filter(tool__slug="neglect-screening", tool__partnership__isnull=False)
        .first()
        .tool
    )
    content = version.content
    print(
        f"{args.database}, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}; "
        f"demo loaded in {loaded:.1f} s"
    )
    print("\nThe reachability check (run on every save of a tool and before publishing)")
    indicators = sum(len(d["indicators"]) for d in content["domains"])
    ms, found = timed_check(content, 20)
    print(
        f"  demo neglect tool: {len(content['domains'])} areas, {indicators} indicators, "
        f"{len(content['rules'])} rules: {found.combinations:,} cases, {ms:.2f} ms "
        f"(ratings alone: 4^{indicators} = {4**indicators:.1e} combinations)"
    )
    for domains, per, thresholds in ((4, 10, 3), (6, 10, 3), (8, 8, 2), (6, 15, 4), (10, 20, 6)):
        made_up = made_up_tool(domains, per, thresholds)
        ms, found = timed_check(made_up, 3)
        outcome = (
            "refused: too many cases"
            if found.problems and not found.combinations
            else (f"{found.combinations:,} cases")
        )
        print(
            f"  made up: {domains} areas × {per} indicators, {len(made_up['rules'])} rules: "
            f"{outcome}, {ms:.1f} ms"
        )

    print("\nThe practitioner's flow through the demo neglect tool, signed out")
    client = Client()
    ratings = iter(range(10**9))

    def rating_for(values):
        return values[next(ratings) % len(values)]

    for _ in range(2):
        walk(client, rating_for)
    everything = {}
    for _ in range(args.requests):
        timings, size = walk(client, rating_for)
        for step, values in timings.items():
            everything.setdefault(step, []).extend(values)
    for step, values in everything.items():
        print(
            f"  {step:<22} p50 {statistics.median(values):7.1f} ms   p95 "
            f"{percentile(values, 0.95):7.1f} ms   ({len(values)} requests)"
        )
    print(f"  signed answers carried by the page when complete: {size:,} characters")


if __name__ == "__main__":
    main()
