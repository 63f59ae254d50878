"""Make the course root (`import solutions`) and the test helpers (`import fakecourse`) importable."""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
for path in (str(HERE.parent), str(HERE)):
    if path not in sys.path:
        sys.path.insert(0, path)
