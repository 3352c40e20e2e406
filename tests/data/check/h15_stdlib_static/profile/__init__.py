"""A Django app named like the standard-library module profile."""
