"""The exceptions and warnings raised by penata.

Every error penata raises is a :class:`PenataError`. Each also subclasses the built-in exception
a Python programmer would expect, so ``except ValueError`` keeps working:

=====================  =========================  =============================================
class                  also a                     raised for
=====================  =========================  =============================================
``ValidationError``    ``ValueError``             input that breaks a rule (names row, field,
                                                  value and rule of every issue)
``FormatError``        ``ValueError``             input whose structure is wrong (a missing CSV
                                                  column, an unterminated quote)
``IoError``            ``OSError``                a file that cannot be read or written
``NotFoundError``      ``KeyError``               a NIP or unit code that does not exist
``CancelledError``     ``RuntimeError``           a long call stopped by its progress callback
                                                  (Ctrl-C raises ``KeyboardInterrupt`` instead)
=====================  =========================  =============================================
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence

__all__ = [
    "PenataError",
    "ValidationError",
    "FormatError",
    "IoError",
    "NotFoundError",
    "CancelledError",
    "PenataWarning",
    "describe_issue",
]

#: The keys of one issue dict, in order.
ISSUE_KEYS = ("row", "field", "value", "rule", "message")


def describe_issue(issue: Dict[str, Any]) -> str:
    """One issue as a sentence: "row 3, field 'nip', value '...': <message> [rule nip.month]"."""
    out = ""
    row = issue.get("row", -1)
    if row is not None and not (isinstance(row, int) and row < 0):
        out += f"row {row}, "
    if issue.get("field"):
        out += f"field '{issue['field']}', "
    out += f"value '{issue.get('value', '')}': {issue.get('message', '')}"
    if issue.get("rule"):
        out += f" [rule {issue['rule']}]"
    return out


class PenataError(Exception):
    """Root of every exception raised by penata."""


class ValidationError(PenataError, ValueError):
    """Input that breaks one or more rules.

    Attributes:
        issues: every issue found, each a dict with keys ``row`` (1-based data row, the index
            label for a DataFrame import, or -1 when not from a table), ``field``, ``value``,
            ``rule`` (a stable identifier such as ``"nip.tmt_month"``) and ``message``.
        row, field, value, rule: those of the first issue.
    """

    def __init__(self, message: str, issues: Optional[Sequence[Dict[str, Any]]] = None) -> None:
        super().__init__(message)
        self.issues: List[Dict[str, Any]] = [dict(i) for i in (issues or ())]
        if not self.issues:
            self.issues = [{"row": -1, "field": "", "value": "", "rule": "", "message": message}]
        first = self.issues[0]
        self.row = first.get("row", -1)
        self.field: str = first.get("field", "")
        self.value: str = first.get("value", "")
        self.rule: str = first.get("rule", "")

    @classmethod
    def from_issues(cls, issues: Sequence[Dict[str, Any]]) -> "ValidationError":
        """A ValidationError whose message describes the first issue, as the core's does."""
        issues = list(issues)
        message = describe_issue(issues[0]) if issues else "validation failed"
        if len(issues) > 1:
            message += f" (and {len(issues) - 1} more issue(s))"
        return cls(message, issues)

    def __reduce__(self):  # keep the issues across pickling (multiprocessing, Dask)
        return (type(self), (str(self), self.issues))


class FormatError(PenataError, ValueError):
    """Input whose structure is wrong: a missing or duplicated CSV column, a malformed quote."""


class IoError(PenataError, OSError):
    """A file could not be opened, read or written."""

    def __str__(self) -> str:
        return str(self.args[0]) if len(self.args) == 1 else super().__str__()


class NotFoundError(PenataError, KeyError):
    """A lookup (NIP, unit code) that found nothing."""

    def __str__(self) -> str:  # KeyError would show the message in quotes
        return str(self.args[0]) if len(self.args) == 1 else super().__str__()


class CancelledError(PenataError, RuntimeError):
    """A long call (a plan, a projection, a simulation) was stopped by its progress callback;
    the objects it was given are as they were before the call."""


class PenataWarning(UserWarning):
    """Something penata did not use but did not refuse either, such as an unknown CSV column."""
