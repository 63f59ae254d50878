"""Reference NumPy solutions: the answer key. Never shipped to students."""
