"""Domain model: the measure contract, findings, citations and assessments."""
