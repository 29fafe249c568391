"""The exception hierarchy and the translation of C++ exceptions."""

import pickle

import pytest

import penata
from penata import _core
from penata.errors import FormatError, IoError, NotFoundError, PenataError, PenataWarning, ValidationError


def test_hierarchy():
    assert issubclass(ValidationError, PenataError) and issubclass(ValidationError, ValueError)
    assert issubclass(FormatError, PenataError) and issubclass(FormatError, ValueError)
    assert issubclass(IoError, PenataError) and issubclass(IoError, OSError)
    assert issubclass(NotFoundError, PenataError) and issubclass(NotFoundError, KeyError)
    assert issubclass(PenataWarning, UserWarning)
    for name in ("PenataError", "ValidationError", "FormatError", "IoError", "NotFoundError", "PenataWarning"):
        assert getattr(penata, name) is getattr(penata.errors, name)
        assert name in penata.__all__


@pytest.mark.parametrize("kind, cls, builtin", [
    ("validation", ValidationError, ValueError),
    ("format", FormatError, ValueError),
    ("io", IoError, OSError),
    ("not_found", NotFoundError, KeyError),
    ("other", PenataError, Exception),
])
def test_core_exceptions_become_python_classes(kind, cls, builtin):
    with pytest.raises(cls) as info:
        _core._raise(kind, "it went wrong: é")
    assert isinstance(info.value, builtin)
    assert "it went wrong: é" in str(info.value)
    if kind == "not_found":
        assert not str(info.value).startswith("'")  # not KeyError's quoting


def test_validation_error_carries_issues():
    with pytest.raises(ValidationError) as info:
        _core._raise("validation", "bad")
    e = info.value
    assert e.issues == [{"row": 3, "field": "nip", "value": "x", "rule": "nip.digits", "message": "bad"}]
    assert (e.row, e.field, e.value, e.rule) == (3, "nip", "x", "nip.digits")
    assert str(e) == "row 3, field 'nip', value 'x': bad [rule nip.digits]"


def test_validation_error_pickles():
    e = ValidationError.from_issues([{"row": 2, "field": "golongan", "value": "V/z", "rule": "golongan.known",
                                      "message": "unknown"}] * 2)
    e2 = pickle.loads(pickle.dumps(e))
    assert e2.issues == e.issues and str(e2) == str(e) and e2.rule == "golongan.known"
    assert "(and 1 more issue(s))" in str(e)
