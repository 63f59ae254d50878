"""`python -m grader.cli …` is `nngrader …` (subprocess tests and benchmarks start it this way)."""
from . import main

main()
