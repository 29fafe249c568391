"""Progress, cancel and Ctrl-C for long calls (the machinery every long call uses)."""

import io
import os
import subprocess
import sys
import textwrap
import time

import pytest

import penata
from penata import _core
from penata._progress import progress_callback


def test_callback_sees_every_step_and_can_cancel():
    seen = []
    assert _core._spin(5, 1, lambda done, total: seen.append((done, total))) == 5
    assert seen == [(i, 5) for i in range(1, 6)]
    with pytest.raises(penata.CancelledError, match="spin cancelled"):
        _core._spin(100, 1, lambda done, total: done < 3)
    assert issubclass(penata.CancelledError, RuntimeError)


def test_exception_in_callback_propagates_as_itself():
    def boom(done, total):
        raise ZeroDivisionError("from the callback")

    with pytest.raises(ZeroDivisionError, match="from the callback"):
        _core._spin(10, 1, boom)


def test_progress_argument_forms():
    with progress_callback(False, "x") as cb:
        assert cb is None

    def mine(done, total):
        return True

    with progress_callback(mine, "x") as cb:
        assert cb is mine
    pytest.importorskip("tqdm")
    with progress_callback(True, "x") as cb:
        assert cb(3, 10) is True


def test_ctrl_c_stops_a_long_call_within_a_second(tmp_path):
    # The SIGINT must come from another process: the call holds no GIL, but a Python timer
    # thread would only run between bytecodes of this test.
    script = tmp_path / "spin.py"
    script.write_text(textwrap.dedent("""
        import sys, time
        from penata import _core
        print("ready", flush=True)
        start = time.monotonic()
        try:
            _core._spin(100000, 10, None)   # 1000 s if never interrupted
        except KeyboardInterrupt:
            print("interrupted %.2f" % (time.monotonic() - start), flush=True)
            sys.exit(0)
        sys.exit(3)
    """))
    proc = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ready"
    time.sleep(0.5)
    sent = time.monotonic()
    subprocess.run(["kill", "-INT", str(proc.pid)], check=True)
    out, _ = proc.communicate(timeout=30)
    assert proc.returncode == 0, out
    assert time.monotonic() - sent < 5
    assert out.startswith("interrupted")
