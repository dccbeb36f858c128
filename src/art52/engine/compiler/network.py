"""A model of durable_rules' alpha network, to keep each part of a ruleset within the matcher's limits."""

from __future__ import annotations

from art52.engine.compiler.formulas import Formula, Lit, Scalar
from art52.engine.compiler.limits import DISCRIMINATOR, MAX_NODE_FORWARDS, MAX_NODE_TESTS, MAX_STACK


class Network:
    """A model of the alpha network durable_rules builds, to keep a part within its limits.

    durable walks matching alpha nodes depth-first on a fixed stack of 64 entries
    (error 303): visiting a node pushes every child that matches. Tests of one
    fact share nodes when parent, key, operator and value agree; ``$or`` branches
    start at the current node and meet in a fresh forward node, pushed once per
    branch. The bound assumes every test can match, except that ``eq``/``neq``
    tests of one key are decided by the key's single value. A node also holds at
    most 511 tests (error 106) and 128 forward nodes (error 107).
    """

    def __init__(self) -> None:
        self.tests: list[dict[tuple[str, str, str, Scalar], int]] = [{}]
        self.forwards: list[list[int]] = [[]]
        self._bound: dict[int, int] = {}

    def _node(self) -> int:
        self.tests.append({})
        self.forwards.append([])
        return len(self.tests) - 1

    def _child(self, parent: int, lit: Lit) -> int:
        key = (lit.key, lit.op, type(lit.value).__name__, lit.value)
        found = self.tests[parent].get(key)
        if found is None:
            found = self.tests[parent][key] = self._node()
        return found

    def add(self, items: tuple[Formula, ...]) -> None:
        node = self._child(0, Lit("t", "eq", DISCRIMINATOR["t"]))
        for item in items:
            node = self._add(node, item)
        self._bound.clear()

    def _add(self, parent: int, formula: Formula) -> int:
        if isinstance(formula, Lit):
            return self._child(parent, formula)
        if formula.op == "and":
            for item in formula.items:
                parent = self._add(parent, item)
            return parent
        forward = self._node()
        for branch in formula.items:
            self.forwards[self._add(parent, branch)].append(forward)
        return forward

    def fits(self) -> bool:
        """Whether durable can build and run this network (with a margin on every limit)."""
        return (
            self.stack_bound() <= MAX_STACK
            and max(len(t) for t in self.tests) <= MAX_NODE_TESTS
            and max(len(f) for f in self.forwards) <= MAX_NODE_FORWARDS
        )

    def stack_bound(self, node: int = 0) -> int:
        if node not in self._bound:
            by_key: dict[str, list[tuple[str, Scalar]]] = {}
            for key, op, _, value in self.tests[node]:
                by_key.setdefault(key, []).append((op, value))
            pushed = len(self.forwards[node]) + sum(_most_matching(tests) for tests in by_key.values())
            children = [*self.tests[node].values(), *self.forwards[node]]
            deepest = max((self.stack_bound(c) for c in children), default=0)
            self._bound[node] = max(pushed, pushed - 1 + deepest) if pushed else 0
        return self._bound[node]


def _most_matching(tests: list[tuple[str, Scalar]]) -> int:
    """How many tests of one key can hold at once: ``eq``/``neq`` on values are decided per value."""
    ranges = sum(op not in ("eq", "neq") for op, _ in tests)
    values = {v for op, v in tests if op in ("eq", "neq")}
    candidates = [*values, object()]  # each mentioned value, or a value none of them is
    return ranges + max(sum((op == "eq") == (v == x) for op, v in tests if op in ("eq", "neq")) for x in candidates)
