"""The rule handbook: the rulebook and its scenarios in the words of the law.

Documentation tooling: the contract's labels put facts into words
(:mod:`~art52.handbook.vocabulary`) for the Gherkin scenarios and for rule
conditions; the handbook pages are rendered from Jinja2 templates shared by the
static site (``art52 rules handbook``) and the pages the API serves under /rules.
"""
