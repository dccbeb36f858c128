"""Human renderings of an assessment."""
