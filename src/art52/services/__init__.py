"""Use cases: assess, store, review. They depend on ports, never on adapters."""
