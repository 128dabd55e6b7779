"""todochat: a todo list you talk to."""

__version__ = "0.1.0"
