"""Greetings, repetition, the longest text of a group, and a count."""

# The Rust example (components/examples/hello) in Python, with the Python
# SDK (components/sdk-py).
from sqlink import Error, Extension, Value

extension = Extension("hello", "0.1.0")


@extension.function(deterministic=True)
def hello(name: str) -> str:
    """Greets someone."""
    return f"Hello, {name}!"


@extension.function(deterministic=True)
def repeat_text(text: str, n: int, sep: str = "") -> str:
    """Repeats text n times, joined by an optional separator."""
    if n < 0:
        raise Error("repeat_text(): n must not be negative")
    # SQLite's own limit on a text's length (SQLITE_MAX_LENGTH).
    if n and len(text.encode()) * n + len(sep.encode()) * (n - 1) > 1_000_000_000:
        raise Error("repeat_text(): the result would be over 1000000000 bytes", Error.TOOBIG)
    return sep.join([text] * n)


@extension.function(deterministic=True)
def count_nulls(*args: Value) -> int:
    """How many of the arguments are NULL."""
    return sum(a is None for a in args)


@extension.aggregate(deterministic=True)
class Longest:
    """The longest text of a group."""

    def __init__(self):
        self.text = None

    def step(self, text: str):
        if self.text is None or len(text) > len(self.text):
            self.text = text

    def finalize(self):
        return self.text


@extension.table(columns="n")
def upto(start: int, stop: int):
    """The numbers from `start` up to `stop`, as a table."""
    return range(start, stop + 1)
