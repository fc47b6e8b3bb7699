"""Re-run the commands of docs/CLI.md and put their real output under them.

Each ```console block starts with one `$ command` line; everything after it
is replaced by what the command prints now (stdout and stderr, as a terminal
shows them). Run from the repository root with `kg` installed:
``python docs/tour.py``."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

DOC = Path(__file__).with_name("CLI.md")
BLOCK = re.compile(r"```console\n\$ (?P<cmd>[^\n]*)\n.*?```", re.S)


def run(match: re.Match) -> str:
    cmd = match.group("cmd")
    out = subprocess.run(["bash", "-c", cmd], capture_output=False, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT, text=True, cwd=DOC.parent.parent).stdout
    return f"```console\n$ {cmd}\n{out.rstrip()}\n```"


def main() -> int:
    text = DOC.read_text(encoding="utf-8")
    DOC.write_text(BLOCK.sub(run, text), encoding="utf-8")
    print(f"updated {DOC}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
