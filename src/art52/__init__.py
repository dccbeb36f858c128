"""art52: reasoned Art. 52(1) Charter assessments of security measures.

The public surface is deliberately small: build an assessor with
:func:`art52.bootstrap.build_assessor` and call it with a measure document.
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
