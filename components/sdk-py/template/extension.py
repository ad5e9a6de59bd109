"""{{name}}: one line saying what this extension is for."""

from sqlink import Error, Extension

extension = Extension("{{name}}", "0.1.0")


@extension.function(deterministic=True)
def hello(name: str) -> str:
    """Greets someone."""
    if not name:
        raise Error("hello(): name must not be empty")
    return f"Hello, {name}!"
