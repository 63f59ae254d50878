"""The trust boundary: student code runs in a separate, confined worker process.

Only plain data crosses (see `protocol`); the hidden tests, the reference and
every expected value stay in the trusted process.
"""
