"""minzheng: track a civil-affairs work plan's targets against township progress reports."""

__version__ = "0.1.0"
