"""Measuring one fresh process: wall time, CPU time (user + system) and peak RSS.

Shared by the benchmark scripts.  The machine is shared and has 2 cores, so
CPU seconds are reported beside wall seconds: when other work runs, wall time
grows and CPU time does not.  ``os.wait4`` gives the resource use of exactly
the child that was waited for (its CPU includes the processes it waited for);
the peak RSS is the larger of wait4's (the largest single process) and the
sum over the child's process tree sampled every 50 ms (each process's
proportional share, Pss), so that a command that forks workers is charged
for all of them at once and for the pages they share once.
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
    rss: float  # peak resident set of the process tree, MiB
    returncode: int
    stdout: bytes = b""
    stderr: bytes = b""
    written: int = 0  # bytes the process and the children it waited for wrote to files (the page cache)


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


def tree_rss(pid: int) -> int:
    """Bytes resident in ``pid`` and its descendants now (Linux /proc; 0 where it cannot be read), each
    process counted for its proportional share of the pages it shares (Pss): a forked worker's pages that
    are still its parent's count once, not once per process."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            total += _pss(p)
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo += [int(c) for c in f.read().split()]
        except (OSError, ValueError):
            continue
    return total


def _pss(pid: int) -> int:
    """Proportional set size of ``pid`` in bytes (smaps_rollup), else its resident set (statm)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    with open(f"/proc/{pid}/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def run(cmd: list[str], env: dict | None = None, timeout: float | None = None, ok=(0, 1)) -> Sample | None:
    """Run ``cmd``; its Sample, or None when it ran past ``timeout`` (then it is killed)."""
    out_path = Path(os.environ.get("TMPDIR", "/tmp")) / f"kg-measure-{os.getpid()}"
    with open(f"{out_path}.out", "w+b") as out, open(f"{out_path}.err", "w+b") as err:
        t = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, stdout=out, stderr=err)
        deadline = None if timeout is None else t + timeout
        tree_peak, polls = 0, 0
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if polls % 10 == 0:
                tree_peak = max(tree_peak, tree_rss(proc.pid))
            polls += 1
            if deadline is not None and time.perf_counter() > deadline:
                proc.kill()
                os.wait4(proc.pid, 0)
                return None
            time.sleep(0.005)
        wall = time.perf_counter() - t
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        rss = max(usage.ru_maxrss * 1024, tree_peak) / 2**20
        sample = Sample(wall, usage.ru_utime + usage.ru_stime, rss, proc.returncode, out.read(), err.read(),
                        usage.ru_oublock * 512)  # blocks of 512 bytes on Linux, as /proc/PID/io's write_bytes
    for suffix in (".out", ".err"):
        Path(f"{out_path}{suffix}").unlink(missing_ok=True)
    if sample.returncode not in ok:
        sys.exit(f"{' '.join(cmd)} failed ({sample.returncode}):\n{sample.stderr.decode(errors='replace')[-3000:]}")
    return sample


def kg(args: list[str], timeout: float | None = None, ok=(0, 1), env: dict | None = None) -> Sample | None:
    """``python -m kg ARGS`` as a program (``kg build`` may start itself again with another allocator: the same
    process), ``env`` added to ``kg_env()``."""
    return run([sys.executable, "-m", "kg", *args], env={**kg_env(), **(env or {})}, timeout=timeout, ok=ok)


def median(samples: list[Sample], attr: str = "wall") -> float:
    return statistics.median(getattr(s, attr) for s in samples)
