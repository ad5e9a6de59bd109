"""The Python SDK's surfaces beyond the example: any-value and optional
parameters, aliases, blobs, raw text, errors, a window aggregate, and both
kinds of collation (tests/shell/py-sdk-surfaces.sql)."""

from typing import Optional

from sqlink import Extension, RawText, Value

extension = Extension("pysurf", "0.2.0")


@extension.function(deterministic=True, name="py_echo", aliases=("py_same",))
def echo(v: Value):
    """Returns its argument, byte-exact."""
    return v


@extension.function()
def py_opt(x: Optional[int] = 7) -> str:
    return repr(x)


@extension.function()
def py_blob(n: int) -> bytes:
    return bytes(range(n % 256)) * (n // 256 + 1)


@extension.function()
def py_raw(b: bytes):
    return RawText(b)


@extension.function()
def py_boom(x: int):
    return 1 // x


@extension.function()
def py_big():
    return 1 << 70


@extension.function()
def py_bad():
    return [1]


@extension.function()
def py_float(x: float, flag: bool) -> float:
    return x * 2 if flag else float("nan")


@extension.aggregate()
class PySum:
    """A window sum of integers."""

    def __init__(self):
        self.total = 0

    def step(self, x: int):
        self.total += x

    def inverse(self, x: int):
        self.total -= x

    def value(self):
        return self.total

    def finalize(self):
        return self.total


@extension.collation(name="py_rev")
def py_rev(a: str, b: str) -> int:
    return (a < b) - (a > b)


@extension.collation(name="py_len", keyed=True)
def py_len(text: str) -> bytes:
    return len(text).to_bytes(4, "big")
