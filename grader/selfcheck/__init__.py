"""The student's self-check: public tests of an assignment on a file, a notebook or a notebook's namespace.

- `nngrader check FILE` -> run.check_file
- `from grader import check; check("relu")` in Jupyter -> notebook.check
"""
from .marker import MARKER, BundleInfo, MarkerError, find_marker, marker_text, read_marker
from .summary import CheckSummary, Failure, FunctionResult
from .target import SelfCheckError, Target

__all__ = ["MARKER", "BundleInfo", "CheckSummary", "Failure", "FunctionResult", "MarkerError", "SelfCheckError",
           "Target", "find_marker", "marker_text", "read_marker"]
