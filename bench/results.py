"""The benchmark's figures as text: the table, the ratios, the issue's targets and the
machine they were measured on. Plain text, so the same lines go to the terminal and into
bench/RESULTS.md."""

import math
import os
import platform
import subprocess
from dataclasses import dataclass

import redis
import servers
import wrk_load

# Targets from the issue. Nothing asserts them: the report says met or missed.
CACHED_VS_NGINX = 0.5
UNCACHED_VS_STOCK = 1.5
P99_LIMIT_MS = 100
P99_AT_CONNECTIONS = 64
SEARCH_P95_LIMIT_MS = 50
SEARCH_CHUNKS = 100_000


@dataclass
class Measurement:
    kind: str  # cached, uncached, nginx, stock, signed_in, search
    page: str  # home, content, my_training, search
    target: str  # what the table calls it
    connections: int
    load: wrk_load.Load


@dataclass
class Compared:
    """One wrk run of `bench/run.py --workers-compare`."""

    config: str  # e.g. "sync 5", "gthread 5x2"
    round: int
    page: str
    via: str  # gunicorn, or nginx in front keeping connections alive
    connections: int
    load: wrk_load.Load


def ms(value):
    return "-" if math.isnan(value) else f"{value:.1f}"


def table(measurements):
    width = max(len(m.target) for m in measurements)
    lines = [
        f"{'target':<{width}}  {'conns':>5}  {'req/s':>8}  {'p50 ms':>7}  {'p99 ms':>7}  "
        f"{'errors':>6}"
    ]
    for m in measurements:
        lines.append(
            f"{m.target:<{width}}  {m.connections:>5}  {m.load.requests_per_second:>8.1f}  "
            f"{ms(m.load.p50_ms):>7}  {ms(m.load.p99_ms):>7}  {m.load.errors:>6}"
        )
    return lines


def _find(measurements, kind, page, connections):
    for m in measurements:
        if (m.kind, m.page, m.connections) == (kind, page, connections):
            return m
    return None


def _ratio(m, baseline):
    if baseline is None or baseline.load.requests_per_second == 0:
        return None
    return m.load.requests_per_second / baseline.load.requests_per_second


def _nginx_for(measurements, m):
    # The signed-in and search pages have no static copy: they are set against the home page.
    page = m.page if m.page in ("home", "content") else "home"
    return _find(measurements, "nginx", page, m.connections)


def ratios(measurements):
    hub = [
        m
        for m in measurements
        if m.kind in ("cached", "cached_edge", "uncached", "signed_in", "search")
    ]
    width = max((len(m.target) for m in hub), default=10)
    lines = [f"{'target':<{width}}  {'conns':>5}  {'÷ nginx static':>14}  {'÷ stock Wagtail':>15}"]
    for m in hub:
        to_nginx = _ratio(m, _nginx_for(measurements, m))
        to_stock = _ratio(m, _find(measurements, "stock", "home", m.connections))
        lines.append(
            f"{m.target:<{width}}  {m.connections:>5}  "
            f"{'-' if to_nginx is None else f'{to_nginx:.2f}×':>14}  "
            f"{'-' if to_stock is None else f'{to_stock:.2f}×':>15}"
        )
    lines.append("(signed-in and search pages are compared with nginx serving the home page)")
    return lines


def _verdict(ok):
    return "met" if ok else "MISSED"


def targets(measurements, search_report):
    """One line per target from the issue: met, MISSED, or why it could not be judged."""
    lines = []

    for kind, label in (
        ("cached", "app's own page cache"),
        ("cached_edge", "production path, nginx micro-cache in front"),
    ):
        worst = None
        for m in (m for m in measurements if m.kind == kind):
            value = _ratio(m, _nginx_for(measurements, m))
            if value is not None and (worst is None or value < worst[0]):
                worst = (value, m)
        if worst:
            value, m = worst
            lines.append(
                f"[{_verdict(value >= CACHED_VS_NGINX)}] cached anonymous ({label}) ≥ "
                f"{CACHED_VS_NGINX}× nginx static: lowest {value:.2f}× ({m.page} page, "
                f"{m.connections} connections)"
            )
        else:
            lines.append(f"[not measured] cached anonymous ({label}) ≥ 0.5× nginx static")

    worst = None
    for m in (m for m in measurements if m.kind == "uncached"):
        value = _ratio(m, _find(measurements, "stock", "home", m.connections))
        if value is not None and (worst is None or value < worst[0]):
            worst = (value, m)
    if worst:
        value, m = worst
        lines.append(
            f"[{_verdict(value >= UNCACHED_VS_STOCK)}] uncached anonymous ≥ {UNCACHED_VS_STOCK}× "
            f"stock Wagtail home: lowest {value:.2f}× ({m.page} page, {m.connections} "
            "connections)"
        )
    else:
        lines.append("[not measured] uncached anonymous ≥ 1.5× stock Wagtail home")

    anonymous = [
        m
        for m in measurements
        if m.kind in ("cached", "cached_edge", "uncached") and m.connections == P99_AT_CONNECTIONS
    ]
    if anonymous:
        # A run in which no request completed counts as the worst.
        m = max(anonymous, key=lambda m: math.inf if math.isnan(m.load.p99_ms) else m.load.p99_ms)
        ok = all(x.load.p99_ms < P99_LIMIT_MS for x in anonymous)
        lines.append(
            f"[{_verdict(ok)}] p99 < {P99_LIMIT_MS} ms at {P99_AT_CONNECTIONS} connections for "
            f"anonymous pages: highest {ms(m.load.p99_ms)} ms ({m.target})"
        )
    else:
        lines.append(
            f"[not measured] p99 < {P99_LIMIT_MS} ms at {P99_AT_CONNECTIONS} connections "
            "(that connection count was not run)"
        )

    with_errors = [m for m in measurements if m.load.errors]
    detail = (
        "none in any run"
        if not with_errors
        else "; ".join(f"{m.target} at {m.connections}: {m.load.errors}" for m in with_errors)
    )
    lines.append(f"[{_verdict(not with_errors)}] zero errors: {detail}")

    if search_report is None:
        lines.append(f"[not measured] search p95 < {SEARCH_P95_LIMIT_MS} ms at 100,000 chunks")
    else:
        # bench/search_index.py's report: the largest size measured.
        size = max(search_report["sizes"].values(), key=lambda figures: figures["chunks"])
        label, figures = max(size["queries"].items(), key=lambda item: item[1]["page"]["p95_ms"])
        p95 = figures["page"]["p95_ms"]
        chunks = size["chunks"]
        where = f"highest {p95:.1f} ms, '{label}', search page at {chunks:,} chunks"
        if chunks >= SEARCH_CHUNKS:
            verdict = _verdict(p95 < SEARCH_P95_LIMIT_MS)
        elif p95 >= SEARCH_P95_LIMIT_MS:
            verdict = "MISSED"
            where += " (already over with fewer chunks than 100,000)"
        else:
            verdict = "not shown"
            where += " (fewer chunks were asked for)"
        lines.append(
            f"[{verdict}] search p95 < {SEARCH_P95_LIMIT_MS} ms at 100,000 chunks: {where}"
        )
    return lines


def _first_line(command):
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"
    text = (result.stdout or result.stderr).strip()
    return text.splitlines()[0] if text else "unknown"


def machine(redis_url):
    """What the figures were measured on, as `label: value` lines."""
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
        with open("/proc/meminfo") as meminfo:
            total_kb = int(meminfo.readline().split()[1])
        memory = f"{total_kb / 1024 / 1024:.1f} GiB"
    except OSError:
        memory = "unknown"
    try:
        redis_version = redis.Redis.from_url(redis_url).info("server")["redis_version"]
    except redis.RedisError:
        redis_version = "unknown"
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    return [
        f"CPUs (nproc): {_first_line(['nproc'])}",
        f"CPU: {cpu}",
        f"memory: {memory}",
        f"load average at the start (1, 5, 15 min): {load}",
        f"OS: {platform.platform()}",
        f"Python: {platform.python_version()}",
        f"PostgreSQL: {servers.postgres_version()}",
        f"Redis: {redis_version}",
        f"nginx: {_first_line([servers.NGINX, '-v'])}",
        f"wrk: {wrk_load.version()}",
    ]


def markdown(
    *, date, settings_lines, machine_lines, measurements, search_report, search_lines, booking_lines
):
    out = [
        "# Benchmark results",
        "",
        f"Measured {date} with `make bench` (bench/run.py). Figures from one run on one",
        "machine; they move with whatever else the machine is doing. Nothing here is asserted.",
        "",
        "## Machine",
        "",
        *[f"- {line}" for line in machine_lines],
        "",
        "## Settings",
        "",
        *[f"- {line}" for line in settings_lines],
        "",
        "## Throughput and latency (wrk)",
        "",
        "```",
        *table(measurements),
        "```",
        "",
        "## Ratios (req/s)",
        "",
        "```",
        *ratios(measurements),
        "```",
        "",
        "## Search",
        "",
        "```",
        *search_lines,
        "```",
        "",
        "## Booking burst (bench/booking_burst.py)",
        "",
        "```",
        *booking_lines,
        "```",
        "",
        "## Targets from the issue",
        "",
        *[f"- {line}" for line in targets(measurements, search_report)],
        "",
    ]
    return "\n".join(out)


def compared_table(compared):
    """req/s (p99 ms) per page, path and connection count, one column per configuration and
    round, in the order they ran."""
    columns = []
    for c in compared:
        if (c.round, c.config) not in columns:
            columns.append((c.round, c.config))
    rows = []
    for c in compared:
        if (c.page, c.via, c.connections) not in rows:
            rows.append((c.page, c.via, c.connections))
    cells = {(c.page, c.via, c.connections, c.round, c.config): c.load for c in compared}
    width = max(len(page) for page, _, _ in rows)
    lines = [
        f"{'page':<{width}}  {'via':<8}  {'conns':>5}"
        + "".join(f"  {f'{config} #{number}':>17}" for number, config in columns)
    ]
    for page, via, connections in rows:
        line = f"{page:<{width}}  {via:<8}  {connections:>5}"
        for number, config in columns:
            load = cells.get((page, via, connections, number, config))
            cell = "-" if load is None else f"{load.requests_per_second:.1f} ({ms(load.p99_ms)})"
            if load is not None and load.errors:
                cell += f" {load.errors}err"
            line += f"  {cell:>17}"
        lines.append(line)
    return lines


def compared_summary(compared):
    """Each configuration's req/s against the first one's, row by row in the same round:
    the geometric mean per round, so one noisy row cannot decide it."""
    configs = list(dict.fromkeys(c.config for c in compared))
    baseline = configs[0]
    by_key = {(c.config, c.round, c.page, c.via, c.connections): c.load for c in compared}
    lines = []
    for config in configs[1:]:
        per_round = []
        for number in sorted({c.round for c in compared}):
            logs = [
                math.log(load.requests_per_second / base.requests_per_second)
                for (name, round_, page, via, conns), load in by_key.items()
                if name == config
                and round_ == number
                and (base := by_key.get((baseline, number, page, via, conns)))
                and base.requests_per_second
                and load.requests_per_second
            ]
            if logs:
                per_round.append(f"round {number} {math.exp(sum(logs) / len(logs)):.2f}×")
        lines.append(
            f"{config} ÷ {baseline}, req/s, geometric mean over the rows: " + ", ".join(per_round)
        )
    return lines


# run.py's own sections of RESULTS.md; every other one was appended by another script.
_OWN_HEADINGS = {
    "## Machine",
    "## Settings",
    "## Throughput and latency (wrk)",
    "## Ratios (req/s)",
    "## Search",
    "## Booking burst (bench/booking_burst.py)",
    "## Targets from the issue",
}


def sections_of_other_scripts(path):
    """The sections other benchmarks appended to RESULTS.md (search_index.py, page_costs.py,
    --workers-compare...), as text to keep after run.py's own when it rewrites the file."""
    try:
        text = path.read_text()
    except FileNotFoundError:
        return ""
    kept, keeping = [], False
    for line in text.splitlines():
        if line.startswith("## "):
            keeping = line.strip() not in _OWN_HEADINGS
        elif line.startswith("# "):
            keeping = False
        if keeping:
            kept.append(line)
    return "\n" + "\n".join(kept) + "\n" if kept else ""
