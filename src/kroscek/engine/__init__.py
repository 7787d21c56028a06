"""Engines run the pipeline's stage functions: ``local`` (default, one process) and others."""
