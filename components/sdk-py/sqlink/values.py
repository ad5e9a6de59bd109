"""SQL values as Python sees them, and the checked conversions of arguments.

Inside the SDK a SQL value is ``None``, ``int``, ``float``, ``RawText``
(text, as its stored bytes) or ``bytes`` (a blob). Conversions and their
error messages are the Rust SDK's (components/sdk/src/args.rs), so an
extension fails the same way whatever language it is written in.
"""

import re

__all__ = ["Error", "RawText", "Value", "format_real", "describe"]


class Error(Exception):
    """An error raised into SQL: a message and a SQLite result code.

    The host shows it as ``NAME: message`` (NAME is the extension's).
    """

    ERROR = 1
    NOMEM = 7
    TOOBIG = 18
    CONSTRAINT = 19
    MISMATCH = 20
    RANGE = 25

    def __init__(self, message, code=ERROR):
        super().__init__(message)
        self.message = str(message)
        self.code = int(code)


class RawText(bytes):
    """Text as the bytes SQLite stores, valid UTF-8 or not.

    A parameter annotated ``RawText`` receives text unchecked; returning one
    gives text (``bytes`` gives a blob).
    """

    __slots__ = ()

    def __repr__(self):
        return f"RawText({bytes.__repr__(self)})"


class Value:
    """Annotation for a parameter that takes any SQL value, NULL included:
    ``None``, ``int``, ``float``, ``str`` (``RawText`` when not valid UTF-8)
    or ``bytes``."""


def format_real(x):
    """A float as SQLite converts it to text (``%!.15g``): ``1.0e+100``."""
    if x != x:
        return "NaN"
    if x in (float("inf"), float("-inf")):
        return "Inf" if x > 0 else "-Inf"
    text = "%.15g" % x
    mantissa, e, exponent = text.partition("e")
    if "." not in mantissa:
        mantissa += ".0"
    return mantissa + e + exponent


def describe(v):
    """A value for error messages, e.g. ``text 'abc'``."""
    if v is None:
        return "NULL"
    if type(v) is int:
        return f"integer {v}"
    if type(v) is float:
        return f"real {format_real(v)}"
    if type(v) is RawText:
        s = v.decode("utf-8", "replace")
        short = s[:40]
        return f"text '{short}{'...' if len(short) < len(s) else ''}'"
    return f"blob of {len(v)} bytes"


class ArgError(Exception):
    """An argument that cannot become its parameter's type; says why."""


def _mismatch(expected, v):
    return ArgError(f"must be {expected}, got {describe(v)}")


# Rust's str::trim: Unicode White_Space.
_WHITESPACE = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
_INTEGER = re.compile(r"[+-]?[0-9]+\Z")
# What Rust's f64 parser takes: no underscores, no hex.
_REAL = re.compile(r"[+-]?(?:inf|infinity|nan|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:e[+-]?[0-9]+)?)\Z", re.IGNORECASE)
_I64 = 1 << 63


def _text(v):
    """Text's bytes as a trimmed str, or None when not UTF-8."""
    try:
        return v.decode("utf-8").strip(_WHITESPACE)
    except UnicodeDecodeError:
        return None


def _parse_number(v):
    """Text holding a number (surrounding whitespace allowed), or None."""
    s = _text(v)
    if not s:
        return None
    if _INTEGER.match(s):
        i = int(s)
        if -_I64 <= i < _I64:
            return float(i)
    return float(s) if _REAL.match(s) else None


def to_int(v):
    t = type(v)
    if t is int:
        return v
    if t is float:
        # The i64 range is [-2^63, 2^63): both bounds are exact floats.
        if -9223372036854775808.0 <= v < 9223372036854775808.0:
            return int(v)
    elif t is RawText:
        s = _text(v)
        if s is not None and _INTEGER.match(s):
            i = int(s)
            if -_I64 <= i < _I64:
                return i
        r = _parse_number(v)
        if r is not None and r == r and abs(r) < 9.2e18:
            return int(r)
    raise _mismatch("an integer", v)


def to_float(v):
    t = type(v)
    if t is float:
        return v
    if t is int:
        return float(v)
    if t is RawText:
        r = _parse_number(v)
        if r is not None:
            return r
    raise _mismatch("a number", v)


def to_bool(v):
    return to_float(v) != 0.0


def _as_text_bytes(v):
    """Numbers as SQLite formats them as text; text and blobs as they are."""
    t = type(v)
    if t is int:
        return str(v).encode()
    if t is float:
        return format_real(v).encode()
    return v


def to_str(v):
    t = type(v)
    if t is RawText or t is bytes:
        try:
            return v.decode("utf-8")
        except UnicodeDecodeError as e:
            raise ArgError(f"is not valid UTF-8 text (invalid byte at offset {e.start})") from None
    if t is int:
        return str(v)
    return format_real(v)


def to_bytes(v):
    return bytes(_as_text_bytes(v))


def to_raw_text(v):
    return RawText(_as_text_bytes(v))


def to_value(v):
    """Any value: text as str when it is valid UTF-8."""
    if type(v) is RawText:
        try:
            return v.decode("utf-8")
        except UnicodeDecodeError:
            return v
    return v


# Parameter annotation -> (converter, manifest value-type name).
CONVERTERS = {
    int: (to_int, "INTEGER"),
    float: (to_float, "REAL"),
    bool: (to_bool, "INTEGER"),
    str: (to_str, "TEXT"),
    bytes: (to_bytes, "BLOB"),
    RawText: (to_raw_text, "TEXT"),
    Value: (to_value, "ANY"),
}


def from_python(x, name):
    """A function's result as a SQL value; TypeError names what cannot be one."""
    t = type(x)
    if t is str:
        # surrogateescape: text decoded that way comes back byte-exact.
        return RawText(x.encode("utf-8", "surrogateescape"))
    if x is None or t is int or t is RawText or t is bytes:
        if t is int and not -_I64 <= x < _I64:
            raise Error(f"{name}(): the result {x} does not fit in a 64-bit integer", Error.RANGE)
        return x
    if t is float:
        return None if x != x else x  # NaN is NULL, as in SQLite
    if t is bool:
        return int(x)
    if isinstance(x, RawText):
        return RawText(x)
    if isinstance(x, (bytes, bytearray, memoryview)):
        return bytes(x)
    if isinstance(x, str):
        return RawText(str(x).encode("utf-8", "surrogateescape"))
    if isinstance(x, int):
        return from_python(int(x), name)
    if isinstance(x, float):
        return from_python(float(x), name)
    raise Error(f"{name}(): cannot return a {t.__name__} as a SQL value", Error.MISMATCH)
