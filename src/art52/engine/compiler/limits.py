"""What durable_rules 2.0.28 can represent: its limits, the names it reserves, and the error past them.

The limits were measured (see BENCHMARKS.md and the backend tests); each is set
with a margin below the hard limit named in its comment.
"""

from __future__ import annotations

import re

from art52.errors import EngineError


class RuleCompileError(EngineError):
    """A rule or ruleset cannot be represented in durable_rules."""


MAX_GROUPS = 15  # $and/$or groups per pattern: 32 expression slots, two per group (error 113)
MAX_FACT_KEYS = 240  # properties of one fact: 251 plus t/sid/id is the hard limit (error 302)
MAX_STACK = 56  # matcher stack entries a part may need (durable_rules has 64; error 303)
MAX_NODE_TESTS = 400  # tests under one alpha node (durable_rules: 511; error 106)
MAX_NODE_FORWARDS = 100  # $or forward nodes under one alpha node (durable_rules: 128; error 107)
MAX_PART_RULES = 3000  # durable rules per ruleset (durable_rules: 4,096 actions; error 106)
PART_COLUMNS = 60  # fact properties per part (see compile_ruleset)
MAX_SPLIT = 64  # durable rules one result may be split into when a pattern exceeds MAX_GROUPS
NUMBER_LIMIT = 2**52  # |constant| allowed; facts are clamped to ±2**53, unknown is ±2**60
DISCRIMINATOR = {"t": "measure"}
DONE = "done"
CAP = 65535  # a safety net: $or branches are written exclusive, but should several match, one action
SAFE_NAME = re.compile(r"[A-Za-z0-9_@.:-]+")  # ruleset and action names durable_rules accepts as they are
