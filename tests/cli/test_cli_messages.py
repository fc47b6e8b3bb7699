"""Every usage error is one ``kg: error:`` line with exit 2, as every other error (click's own three-line
usage messages included), and an interrupted build says what it left behind."""

from __future__ import annotations

import pytest

from kg.errors import EXIT_INPUT, EXIT_INTERRUPTED

USAGE_ERRORS = {
    "a value not among the choices": (["query", "x", "--format", "yaml"], "Invalid value for '--format'"),
    # click 8.4 quotes the option ("No such option '--forse'."), the oldest click kg allows does not
    "an unknown option": (["build", "--forse"], ("No such option", "--forse")),
    "an unknown command": (["serch", "x"], "No such command 'serch'"),
    "a missing argument": (["search"], "Missing argument 'TEXT'"),
    "a number out of range": (["search", "x", "--limit", "0"], "Invalid value for '--limit'"),
    "an unknown option of the group": (["--bogus"], ("No such option", "--bogus")),
}


@pytest.mark.parametrize("case", USAGE_ERRORS)
def test_a_usage_error_is_one_line(mini_cli, case):
    args, said = USAGE_ERRORS[case]
    r = mini_cli(*args, home=False)
    assert r.exit_code == EXIT_INPUT
    assert r.stderr.startswith("kg: error: ") and r.stderr.count("\n") == 1, r.stderr
    assert all(part in r.stderr for part in ((said,) if isinstance(said, str) else said)), r.stderr
    command = " ".join(["kg", *[a for a in args[:1] if not a.startswith("-") and a != "serch"]])
    assert f"({command} --help says more)" in r.stderr and r.stdout == ""


def test_an_interrupted_build_says_the_previous_one_is_untouched(mini_cli, monkeypatch):
    def interrupt(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("kg.reason.infer", interrupt)  # in the middle of the pipeline
    r = mini_cli("build")
    assert r.exit_code == EXIT_INTERRUPTED
    assert r.stderr.endswith("kg: interrupted: the build was left unfinished; the previous build is untouched\n")


def test_an_interrupt_after_the_build_says_it_is_finished(mini_cli, monkeypatch):
    import kg.cli.building as building

    def interrupt(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(building, "_say_built", interrupt)
    r = mini_cli("build")
    assert r.exit_code == EXIT_INTERRUPTED
    assert "kg: interrupted: the build was finished and is in " in r.stderr


def test_ctrl_c_while_the_build_is_published_is_held_until_both_links_name_it(mini_cli, monkeypatch):
    """A SIGINT between moving the build into place and pointing `latest` and `current` at it would leave
    the links naming different builds, and the message said 'left unfinished': the interrupt is held until
    publishing ends, and then the build is said to be finished."""
    import os
    import signal

    import kg.build

    real_publish = kg.build.publish
    seen = {}

    def publish_with_a_sigint_inside(build_dir, generation, good):
        os.kill(os.getpid(), signal.SIGINT)  # delivered now, in the main thread: held, not raised here
        real_publish(build_dir, generation, good)
        seen["links"] = {name: os.readlink(build_dir / name) for name in ("latest", "current")}
        seen["generation"] = generation.name

    monkeypatch.setattr(kg.build, "publish", publish_with_a_sigint_inside)
    r = mini_cli("build")
    assert r.exit_code == EXIT_INTERRUPTED
    assert seen["links"] == {"latest": seen["generation"], "current": seen["generation"]}
    assert "kg: interrupted: the build was finished and is in " in r.stderr and seen["generation"] in r.stderr


def test_uninterrupted_holds_sigint_until_the_block_ends():
    import os
    import signal

    import pytest

    from kg.files import uninterrupted

    steps = []
    with pytest.raises(KeyboardInterrupt):
        with uninterrupted():
            os.kill(os.getpid(), signal.SIGINT)
            steps.append("after the signal")
    assert steps == ["after the signal"]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
