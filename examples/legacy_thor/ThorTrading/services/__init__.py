"""Market-data services of the Thor backend: supervisors, captures and the shared market calendar."""
