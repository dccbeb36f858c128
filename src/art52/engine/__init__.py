"""The engine: facts in, per-rule results out. Only this package imports durable_rules."""
