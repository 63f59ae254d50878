"""The test harness: the `student` fixture, points and result collection for pytest."""
