"""Measuring one fresh process: wall time, CPU time (user + system) and peak RSS.

Shared by the benchmark scripts.  The machine is shared and has 2 cores, so
CPU seconds are reported beside wall seconds: when other work runs, wall time
grows and CPU time does not.  ``os.wait4`` gives the resource use of exactly
the child that was waited for.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Sample:
    wall: float  # seconds
    cpu: float  # seconds, user + system
    rss: float  # peak resident set, MiB
    returncode: int
    stdout: bytes = b""
    stderr: bytes = b""


def kg_env() -> dict:
    """The environment for a child ``python -m kg``: this checkout's code, no inherited build folder.

    Bytecode is written and read as in an installed package (pip compiles it at install time); a
    ``PYTHONDONTWRITEBYTECODE`` inherited from the environment would make every start compile kg's
    modules from source (about 30 ms here) and measure that instead."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("KG_BUILD_DIR", None)
    env.pop("KG_HOME", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def run(cmd: list[str], env: dict | None = None, timeout: float | None = None, ok=(0, 1)) -> Sample | None:
    """Run ``cmd``; its Sample, or None when it ran past ``timeout`` (then it is killed)."""
    out_path = Path(os.environ.get("TMPDIR", "/tmp")) / f"kg-measure-{os.getpid()}"
    with open(f"{out_path}.out", "w+b") as out, open(f"{out_path}.err", "w+b") as err:
        t = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, stdout=out, stderr=err)
        deadline = None if timeout is None else t + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if deadline is not None and time.perf_counter() > deadline:
                proc.kill()
                os.wait4(proc.pid, 0)
                return None
            time.sleep(0.005)
        wall = time.perf_counter() - t
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        sample = Sample(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, proc.returncode,
                        out.read(), err.read())
    for suffix in (".out", ".err"):
        Path(f"{out_path}{suffix}").unlink(missing_ok=True)
    if sample.returncode not in ok:
        sys.exit(f"{' '.join(cmd)} failed ({sample.returncode}):\n{sample.stderr.decode(errors='replace')[-3000:]}")
    return sample


def kg(args: list[str], timeout: float | None = None, ok=(0, 1)) -> Sample | None:
    return run([sys.executable, "-m", "kg", *args], env=kg_env(), timeout=timeout, ok=ok)


def median(samples: list[Sample], attr: str = "wall") -> float:
    return statistics.median(getattr(s, attr) for s in samples)
