"""The rulebook: the law as data, loaded and validated whole before use."""
