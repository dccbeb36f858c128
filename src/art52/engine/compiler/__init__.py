"""Rules → durable-rules rulesets that keep the three-valued meaning of ``art52.engine.logic``.

durable_rules matches *positive* tests on one JSON fact and has no notion of an
unknown value, so the translation has two halves.

**Facts.** Every fact a ruleset reads is always present in the asserted fact, and
"unknown" is an ordinary value the network can test: booleans are 1/0 and text is
the index of the value among the constants the rules mention (any other text gets
one more index), with -1 for unknown; a number has a low and a high copy, unknown
being -2**60 in one and 2**60 in the other; a list becomes a 1/0 flag per value the
rules name and a flag per ``subset_of`` set "holds something else" (-1 unknown).
Then true, false, not-true and not-false of every leaf are plain comparisons, and
the Kleene rules (T(all)=∧T, F(all)=∨F, T(not x)=F(x), U(all) = some item U, none
F ...) build the rest with no negation. Property names are short (``_0``, ``_1``):
durable scans every property of the fact at every alpha node it visits.

**Results.** A rule has five possible results, (scope, condition) ∈ F·, U·, TT,
TF, TU. Each is compiled to positive conditions; the likeliest ("out of scope",
or "condition false" when the scope is always true) fires nothing and is the
default. Disjunctions are written exclusively (a ∨ (¬a ∧ b) ∨ …) and top-level
branches become separate durable rules, so at most one action fires per rule
and evaluation, and durable never walks the same chain twice. Identical
conditions of different rules (a shared scope) share one durable rule.

Every durable rule carries the type discriminator ``{"t": "measure"}`` (a rule
that could match the session-state record loops forever), and every part has a
``done`` rule that always fires: deleting a session in which no action ever ran
frees uninitialised memory in durable_rules 2.0.28 and crashes the process.
Rules are packed into parts small enough for durable's limits (properties per
fact, ``$and``/``$or`` groups per pattern, matcher stack). Anything the engine
cannot represent is rejected here with RuleCompileError.

The modules, in the order a ruleset goes through them: ``validation`` (what
cannot be compiled), ``columns`` (the fact encoding), ``formulas`` (the positive
formula language), ``kleene`` (conditions to formulas), ``results`` (a rule's
results as patterns), ``patterns`` (formulas to durable patterns), ``network``
(the matcher's limits) and ``ruleset`` (packing into parts); ``limits`` holds
what durable_rules can represent.
"""

from art52.engine.compiler.columns import FACT_CLAMP, UNKNOWN_FLAG, UNKNOWN_HIGH, UNKNOWN_LOW, Column, Encoding
from art52.engine.compiler.limits import DISCRIMINATOR, DONE, PART_COLUMNS, RuleCompileError
from art52.engine.compiler.results import OUTCOMES, Outcome
from art52.engine.compiler.ruleset import CompiledPart, CompiledRuleset, canonical_json, compile_ruleset

__all__ = [
    "DISCRIMINATOR",
    "DONE",
    "FACT_CLAMP",
    "OUTCOMES",
    "PART_COLUMNS",
    "UNKNOWN_FLAG",
    "UNKNOWN_HIGH",
    "UNKNOWN_LOW",
    "Column",
    "CompiledPart",
    "CompiledRuleset",
    "Encoding",
    "Outcome",
    "RuleCompileError",
    "canonical_json",
    "compile_ruleset",
]
