"""Progress bars for long calls (private): every long function takes ``progress=`` and passes
``progress_callback(progress, ...)`` to the core.

``progress`` is one of:

* ``None`` (the default): a tqdm bar when tqdm is installed and the output is a terminal or a
  notebook, nothing otherwise;
* ``True`` / ``False``: a bar always (tqdm required) / never;
* a callable ``f(done, total)``: called instead of a bar; returning ``False`` cancels the call
  (:class:`penata.CancelledError`).

Ctrl-C stops a long call within about a second in every case (``KeyboardInterrupt``).
"""

from __future__ import annotations

import contextlib
import sys
from typing import Any, Callable, Iterator, Optional, Union

ProgressArg = Union[None, bool, Callable[[int, int], Any]]


def _interactive() -> bool:
    if "ipykernel" in sys.modules:  # a Jupyter kernel: the bar renders as a widget or text
        return True
    stream = sys.stderr
    return bool(stream is not None and hasattr(stream, "isatty") and stream.isatty())


def _tqdm() -> Optional[Any]:
    try:
        from tqdm.auto import tqdm
    except ImportError:
        return None
    return tqdm


@contextlib.contextmanager
def progress_callback(progress: ProgressArg, desc: str, unit: str = "it") -> Iterator[Optional[Callable[[int, int], Any]]]:
    """The callback to hand to the core for ``progress`` (None when nothing is to be shown)."""
    if callable(progress) and not isinstance(progress, bool):
        yield progress
        return
    if progress is False or (progress is None and not _interactive()):
        yield None
        return
    tqdm = _tqdm()
    if tqdm is None:
        if progress is True:
            raise ImportError("progress=True needs the tqdm package (pip install tqdm)")
        yield None
        return
    bar = tqdm(desc=desc, unit=unit, unit_scale=True, leave=False)

    def update(done: int, total: int) -> bool:
        if bar.total != total:
            bar.total = total
        bar.update(done - bar.n)
        return True

    try:
        yield update
    finally:
        bar.close()
