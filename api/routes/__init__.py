"""The HTTP routes: translation between HTTP and the services, nothing else."""
