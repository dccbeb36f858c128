"""Reasoning: from findings to per-principle outcomes and the overall verdict."""
