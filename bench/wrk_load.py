"""Load from wrk, and the figures read back from what it prints."""

import re
import shutil
import subprocess
from dataclasses import dataclass

WRK = shutil.which("wrk")
INSTALL_HINT = "wrk is not installed. On Debian or Ubuntu: apt-get install -y wrk nginx"

_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}


@dataclass
class Load:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    requests: int
    non_2xx_3xx: int
    socket_errors: int

    @property
    def errors(self):
        return self.non_2xx_3xx + self.socket_errors


def available():
    return WRK is not None


def version():
    # `wrk -v` prints its version and usage, and exits 1.
    output = subprocess.run([WRK, "-v"], capture_output=True, text=True).stdout
    return output.splitlines()[0].strip() if output else "unknown"


def _milliseconds(text):
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", text)
    if not match:
        raise ValueError(f"unreadable wrk latency {text!r}")
    return float(match[1]) * _UNITS_MS[match[2]]


def parse(output):
    """Figures from `wrk --latency` output."""
    rate = re.search(r"^Requests/sec:\s+([\d.]+)", output, re.MULTILINE)
    if not rate:
        raise ValueError(f"no Requests/sec in wrk output:\n{output}")
    percentiles = dict(re.findall(r"^\s+(50|99)(?:\.0+)?%\s+(\S+)\s*$", output, re.MULTILINE))
    requests = re.search(r"^\s+(\d+) requests in", output, re.MULTILINE)
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    socket = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    completed = int(requests[1]) if requests else 0

    def percentile(name):
        # With no completed request wrk's percentiles are zeros or missing: none were measured.
        if not completed or name not in percentiles:
            return float("nan")
        return _milliseconds(percentiles[name])

    return Load(
        requests_per_second=float(rate[1]),
        p50_ms=percentile("50"),
        p99_ms=percentile("99"),
        requests=completed,
        non_2xx_3xx=int(non_2xx[1]) if non_2xx else 0,
        socket_errors=sum(int(count) for count in socket.groups()) if socket else 0,
    )


def run(url, connections, seconds, headers=()):
    command = [WRK, "-t2", f"-c{connections}", f"-d{seconds}s", "--latency"]
    for header in headers:
        command += ["-H", header]
    # A request that takes longer than this counts as a timeout error, not a slow success.
    command += ["--timeout", "10s", url]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return parse(output)
