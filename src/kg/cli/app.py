"""The ``kg`` command group, its error handling and the options its commands share.

Every command parses its arguments, calls one library function and formats
the result.  Library errors (``KgError``) become ``kg: error: <one line>`` on
stderr; exit codes mean one thing each (see ``EXIT_CODES``).  Heavy modules
are imported inside the commands, so ``kg query`` on a fresh build never
imports rdflib, owlrl or pyshacl.
"""

from __future__ import annotations

import os
import sys

import click

from kg import __version__
from kg.errors import EXIT_INPUT, EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_NEGATIVE, KgError

EXIT_CODES = f"""\b
Exit codes:
  0    success
  {EXIT_NEGATIVE}    a negative answer: ASK is false, the data does not conform,
       a saved check returned rows
  {EXIT_INPUT}    a usage or input error: bad option, file, query, parameter, data
       (or the machine's refusal: a full disk, a process killed for memory)
  {EXIT_INTERNAL}    an internal error (a bug in kg: please report it)
  {EXIT_INTERRUPTED}  interrupted (Ctrl-C)

\b
The working copy: --home, else KG_HOME, else the current directory or the
nearest parent holding ontology/ and data/, else the copy bundled with kg.
`kg info` says which one is used and where its build is."""

# ------------------------------------------------------------ shared options


PROJECT_OPTIONS = (  # option, environment variable, help: in the order --help lists them
    ("--home", "KG_HOME",
     "The working copy (env KG_HOME; default: found from the current directory, else the bundled copy)."),
    ("--build-dir", "KG_BUILD_DIR", "Where the build goes (env KG_BUILD_DIR; default <home>/build, or a cache folder)."),
)


def project_options(f):
    """``--home`` and ``--build-dir``, for every command that reads the working copy."""
    for option, variable, text in reversed(PROJECT_OPTIONS):  # click lists the last applied first
        f = click.option(option, envvar=variable, type=click.Path(file_okay=False), help=text)(f)
    return f


def format_option(choices, default, what: str = ""):
    return click.option(
        "--format", "-f", "fmt", type=click.Choice(list(choices)), default=default, show_default=default is not None,
        help="Output format" + (f" ({what})" if what else "") + ".",
    )


def quiet_option(f):
    return click.option("--quiet", "-q", is_flag=True, help="No progress on stderr.")(f)


def no_build_option(f):
    return click.option("--no-build", is_flag=True,
                        help="Answer from the current build even when the inputs changed since (with a warning).")(f)


param_option = click.option(
    "--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
    help="Bind a query parameter to an RDF term: <iri>, CURIE, \"literal\"@en, \"5\"^^xsd:integer, or a bare value of the declared type.",
)


def endpoint_options(required: bool = False, writes: bool = False):
    """``--endpoint`` and how to reach it (credentials, auth scheme, timeout); with ``writes`` also
    ``--graph-store`` and ``--update``, the services a load or a patch writes to."""
    def decorate(f):
        if writes:
            f = click.option("--update", "update_url", metavar="URL",
                             help="The store's SPARQL Update service, for --patch (default: the endpoint).")(f)
            f = click.option("--graph-store", metavar="URL",
                             help="The store's Graph Store Protocol service (default: the endpoint).")(f)
        f = click.option("--timeout", default=60.0, show_default=True, type=click.FloatRange(min=0.1),
                         help="Seconds to wait for the store's answer to each request.")(f)
        f = click.option("--auth", type=click.Choice(["auto", "basic", "digest"]), default="auto", show_default=True,
                         help="HTTP authentication scheme (auto: the one the store asks for).")(f)
        f = click.option("--password", metavar="PASSWORD", envvar="KG_ENDPOINT_PASSWORD", show_envvar=True,
                         help="Password for --user (better from the environment: it is never printed).")(f)
        f = click.option("--user", metavar="NAME", envvar="KG_ENDPOINT_USER", show_envvar=True,
                         help="User name for the store (HTTP basic or digest).")(f)
        return click.option("--endpoint", metavar="URL", required=required,
                            help="A SPARQL 1.1 store's query service (SPARQL Protocol), e.g. "
                                 "http://127.0.0.1:7878/query.")(f)
    return decorate


def endpoint_of(endpoint, user, password, auth, timeout, graph_store=None, update_url=None):
    from kg.remote import Endpoint

    return Endpoint.of(endpoint, graph_store=graph_store, update=update_url, user=user, password=password,
                       auth=auth, timeout=timeout)


def working_copy(home, build_dir):
    from kg.project import locate

    return locate(home, build_dir)


def progress(quiet: bool = False):
    from kg.progress import Reporter

    return Reporter(stream=sys.stderr, quiet=quiet)


def terminal_width() -> int | None:
    """The width tables are cut to: the terminal's when standard output is one, else None (whole cells)."""
    import shutil

    if not sys.stdout.isatty():
        return None
    return max(shutil.get_terminal_size().columns, 40)


def write_out(data: bytes | str) -> None:
    stream = sys.stdout.buffer  # bytes as they are (click's stream getters are deprecated in Click 8.5)
    stream.write(data.encode() if isinstance(data, str) else data)
    stream.flush()


def usage_error(exc: click.UsageError) -> None:
    """A usage error as every kg error is shown: one line (with where to find help), exit 2."""
    if isinstance(exc, getattr(click.exceptions, "NoArgsIsHelpError", ())) and exc.ctx is not None:
        click.echo(exc.ctx.get_help(), err=True)  # `kg` alone: its help, as click shows it
        sys.exit(EXIT_INPUT)
    command = " ".join(["kg", *exc.ctx.command_path.split()[1:]]) if exc.ctx is not None else "kg"
    click.echo(f"kg: error: {exc.format_message()} ({command} --help says more)", err=True)
    sys.exit(EXIT_INPUT)


class KgGroup(click.Group):
    def make_context(self, info_name, args, parent=None, **extra):
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except click.UsageError as exc:  # the group's own options: before invoke
            usage_error(exc)

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KgError as exc:
            click.echo(f"kg: error: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except BrokenPipeError:  # pragma: no cover - `kg … | head`
            ctx.exit(0)
        except (KeyboardInterrupt, click.exceptions.Abort) as exc:
            # what was left behind, when the library says (a build: finished and published, or untouched)
            said = str(exc) if isinstance(exc, KeyboardInterrupt) else ""
            click.echo(f"kg: interrupted{': ' + said if said else ''}", err=True)
            ctx.exit(EXIT_INTERRUPTED)
        except click.UsageError as exc:
            usage_error(exc)
        except (click.exceptions.Exit, click.ClickException):
            raise
        except Exception as exc:  # a bug: still one line, unless KG_DEBUG is set
            if os.environ.get("KG_DEBUG"):
                raise
            click.echo(f"kg: internal error: {type(exc).__name__}: {' '.join(str(exc).split())} "
                       "(set KG_DEBUG=1 for the traceback)", err=True)
            ctx.exit(EXIT_INTERNAL)


@click.group(cls=KgGroup, context_settings={"help_option_names": ["-h", "--help"]}, epilog=EXIT_CODES)
@click.version_option(__version__, prog_name="kg")
def main():
    """Knowledge graph of international science-and-technology cooperation parks."""


_entry_point = False  # kg is this process's program (run), not a caller's library (CliRunner, main())


def run() -> None:
    """The ``kg`` program (``python -m kg``, the ``kg`` script): ``main`` as a process's entry point."""
    global _entry_point
    _entry_point = True
    main(prog_name="kg")


def large_work() -> None:
    """For a command that moves millions of statements: when kg is the process's program, start it again
    with the faster allocator where the system has one (kg.memory, ``KG_ALLOCATOR``)."""
    from kg.memory import allocator_choice, restart_with_faster_allocator

    allocator_choice()  # a bad KG_ALLOCATOR is said wherever the command runs
    if _entry_point:
        restart_with_faster_allocator()


def size_text(n: int) -> str:
    for unit in ("B", "KiB", "MiB", "GiB"):
        if n < 1024 or unit == "GiB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n} B"  # pragma: no cover
