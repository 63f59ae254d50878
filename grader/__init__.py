"""nngrader: the engine that validates, grades and reports on the course."""

__version__ = "0.1.0"
