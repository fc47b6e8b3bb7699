"""One query worker: the process that runs the engine, and the server's handle on it.

Owns the worker process's life (a fresh ``python``, never a fork of the
server; the store opened read-only; dead with the server through
``PR_SET_PDEATHSIG``; under ``--memory-limit``; jobs on a thread with a
``STACK_MIB`` stack, so that a query the guard let through cannot overflow
the native stack) and the server-side :class:`Worker`: it sends a job and
waits for the answer within a time limit, watches the job's CPU time (past
``--long-after`` admission is told, and the worker yields the CPU with
``SCHED_IDLE``), and kills and reaps the process; when one dies anyway,
:attr:`Worker.crash` says how.  docs/SERVE.md has the reasons.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import threading
import time
from pathlib import Path

from kg.errors import KgError, NotFoundError, ParamError, QueryError

STACK_MIB = 256  # stack of the thread that runs the jobs: 30x what the engine's deepest accepted query needs
_STEP = 0.05  # seconds between two looks at a running job's CPU time


class QueryTimeout(Exception):
    """The query did not answer within its run limit; ``waited``: seconds spent waiting for a worker first."""

    def __init__(self, limit: float = 0.0, waited: float = 0.0):
        super().__init__(f"no answer within {limit:g} s")
        self.limit, self.waited = limit, waited


# The answer to a query whose worker ended by a segmentation fault (crash "stack"), and to it ever after.
STACK_OVERFLOW = ("this query crashed the engine (a native stack overflow): it is nested or chained too deeply; "
                  "it is refused from now on")


class WorkerDied(Exception):
    """The worker process ended while it ran the job; ``crash`` says how (see :attr:`Worker.crash`)."""

    def __init__(self, crash: str):
        super().__init__(crash)
        self.crash = crash


class Stopped(Exception):
    """Admission stopped the job when it turned out long (its worker is killed)."""


# ------------------------------------------------------------ worker side

def _peak_mib(reset: bool = False) -> float:
    """The most resident memory this process has had (its high-water mark), MiB.  ``reset`` (Linux) starts
    the mark again from now, so that what loading the store took does not count."""
    if reset:
        try:
            with open("/proc/self/clear_refs", "w") as f:
                f.write("5")
        except OSError:
            pass
    try:
        with open("/proc/self/status", "rb") as f:
            for line in f:
                if line.startswith(b"VmHWM:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _limit_memory(mib: int) -> None:
    if mib and sys.platform.startswith("linux"):
        import resource

        limit = mib * 1024 * 1024
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _die_with_parent() -> None:
    """Linux: the kernel kills this worker when the server process dies (even by SIGKILL)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        if os.getppid() == 1:
            os._exit(0)
    except (OSError, AttributeError):
        pass


def _answer(engine, spool, job, memory_limit: int) -> tuple:
    from kg.serve.engine import NotAcceptable

    try:
        value = engine.run(job)
        return ("ok", spool.pack(value) if isinstance(value, dict) else value)
    except NotAcceptable as exc:
        return ("error", 406, str(exc))
    except (QueryError, ParamError) as exc:
        return ("error", 400, str(exc))
    except NotFoundError as exc:
        return ("error", 404, str(exc))
    except KgError as exc:  # the data or the build, not the request: the message says what
        return ("error", 500, str(exc))
    except MemoryError:
        return ("error", 503, "the query needed more memory than a worker may use "
                              f"({memory_limit} MiB); add LIMIT or make it more selective")
    except Exception as exc:  # noqa: BLE001 - a bug or an engine error: one line to the client
        return ("error", 500, f"internal error: {type(exc).__name__}: {' '.join(str(exc).split())}")


def _serve_jobs(conn, cfg: dict) -> None:
    """Open the store, say ready (with this thread's id, which the server demotes), answer jobs until EOF."""
    try:
        from kg.serve.answers import Spool
        from kg.serve.engine import Engine
        from kg.store import OxigraphStore

        files = cfg["files"]
        if len(files) == 1 and Path(files[0]).is_dir():  # a built store: opened read-only, nothing loaded
            store = OxigraphStore.open(Path(files[0]))
        else:
            store = OxigraphStore.from_files(*[Path(f) for f in files])
        engine, spool = Engine(store, cfg["max_rows"], cfg["max_bytes"]), Spool(cfg["spool"])
        _limit_memory(cfg["memory_limit"])
        conn.send(("ready", os.getpid(), threading.get_native_id(), _peak_mib(reset=True)))
    except BaseException as exc:  # noqa: BLE001 - report, then end
        try:
            conn.send(("failed", f"{type(exc).__name__}: {exc}"))
        finally:
            return
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        try:
            conn.send((*_answer(engine, spool, job, cfg["memory_limit"]), _peak_mib()))
        except (OSError, ValueError):
            return


def entry() -> None:
    """``python -c "from kg.serve.worker import entry; entry()" FD CONFIG``: a worker process."""
    from multiprocessing.connection import Connection

    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group; the server stops us
    cfg = json.loads(sys.argv[2])
    threading.stack_size(STACK_MIB * 2**20)
    jobs = threading.Thread(target=_serve_jobs, args=(Connection(int(sys.argv[1])), cfg), name="kg-jobs")
    jobs.start()
    jobs.join()


# ------------------------------------------------------------ server side

def child_env() -> dict[str, str]:
    """The environment of a child ``python`` of the server (a worker, the docs' writer): so that it imports
    this very kg."""
    env = dict(os.environ)
    package_root = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = package_root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


class Worker:
    """The server's handle on one worker process, talking over a socket pair."""

    def __init__(self, files: list[str], settings, spool: str | None):
        import socket
        import subprocess
        from multiprocessing.connection import Connection

        self.settings = settings
        parent, child = socket.socketpair()
        cfg = json.dumps({"files": files, "max_rows": settings.max_rows, "max_bytes": settings.max_bytes,
                          "memory_limit": settings.memory_limit, "spool": spool})
        try:
            self.proc = subprocess.Popen(
                [sys.executable, "-c", "from kg.serve.worker import entry; entry()", str(child.fileno()), cfg],
                pass_fds=(child.fileno(),), stdin=subprocess.DEVNULL, env=child_env())
        finally:
            child.close()
        self.conn = Connection(parent.detach())
        self.tid = self.proc.pid
        self.peak0 = self.peak = 0.0  # MiB: the process's high-water mark at start, and after its last job
        self.demoted = False

    def wait_ready(self, timeout: float = 60.0) -> None:
        if not self.conn.poll(timeout):
            self.kill()
            raise RuntimeError("a query worker did not start within %.0f s" % timeout)
        try:
            msg = self.conn.recv()
        except (EOFError, OSError):
            self.kill()
            raise RuntimeError("a query worker died while loading the store") from None
        if msg[0] != "ready":
            self.kill()
            raise RuntimeError(f"a query worker could not load the store: {msg[1]}")
        _, _, self.tid, self.peak0 = msg
        self.peak = self.peak0

    @property
    def pid(self) -> int:
        return self.proc.pid

    def cpu_seconds(self) -> float | None:
        """CPU time the job thread has used (Linux), None where that cannot be read."""
        try:
            with open(f"/proc/{self.proc.pid}/task/{self.tid}/stat", "rb") as f:
                fields = f.read().rsplit(b")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, ValueError, IndexError):
            return None

    def call(self, job, limit: float, long_after: float | None = None, on_long=None):
        """Send a job and wait at most ``limit`` seconds for its answer.

        When the job has used ``long_after`` CPU seconds (wall seconds where
        CPU time cannot be read), ``on_long()`` decides: True lets it run on,
        demoted; False stops it (Stopped).  QueryTimeout / WorkerDied otherwise."""
        try:
            self.conn.send(job)
        except (OSError, ValueError):
            raise WorkerDied("closed") from None
        start = time.monotonic()
        cpu0 = self.cpu_seconds()
        ready = self.conn.poll(min(limit, long_after) if long_after else limit)
        while not ready and long_after:
            left = limit - (time.monotonic() - start)
            if left <= 0:
                break
            cpu = self.cpu_seconds()
            used = cpu - cpu0 if cpu is not None and cpu0 is not None else time.monotonic() - start
            if used >= long_after:
                if not on_long():
                    raise Stopped()
                self.demote()
                ready = self.conn.poll(max(0.0, limit - (time.monotonic() - start)))
                break
            ready = self.conn.poll(min(_STEP, left))
        if not ready:
            raise QueryTimeout()
        try:
            answer = self.conn.recv()
        except (EOFError, OSError):
            raise WorkerDied(self.crash) from None
        self.peak = answer[-1]
        return answer[:-1]

    @property
    def crash(self) -> str:
        """How the process ended: "stack" (a segmentation fault: the engine overflowed its stack), "memory"
        (an abort: the engine could not allocate under --memory-limit), or "ended"."""
        try:
            code = self.proc.wait(2)
        except Exception:  # noqa: BLE001 - subprocess.TimeoutExpired: the pipe closed, the process lingers
            return "ended"
        if code in (-signal.SIGSEGV, -signal.SIGBUS):
            return "stack"
        return "memory" if code == -signal.SIGABRT else "ended"

    def _schedule(self, low: bool) -> bool:
        """The job thread to SCHED_IDLE (``low``) or back to SCHED_OTHER (Linux); nice 19 or 0 elsewhere.
        False when that is not allowed."""
        try:
            if hasattr(os, "SCHED_IDLE"):
                os.sched_setscheduler(self.tid, os.SCHED_IDLE if low else os.SCHED_OTHER, os.sched_param(0))
            else:
                os.setpriority(os.PRIO_PROCESS, self.proc.pid, 19 if low else 0)
        except (OSError, AttributeError):
            return False
        self.demoted = low
        return True

    def demote(self) -> None:
        """A long query yields the CPU to short ones."""
        self._schedule(True)

    def restore(self) -> bool:
        """Undo a demotion; False when that is not allowed (the worker is then replaced)."""
        return not self.demoted or self._schedule(False)

    def alive(self) -> bool:
        return self.proc.poll() is None

    def kill(self) -> bool:
        """Kill and reap the process (no zombie is left); False when it could not be reaped within 5 s."""
        try:
            self.conn.close()
        except OSError:
            pass
        try:
            self.proc.kill()
        except OSError:
            pass
        try:
            self.proc.wait(5)
            return True
        except Exception:  # noqa: BLE001 - subprocess.TimeoutExpired: the pool's reaper tries again
            return False
