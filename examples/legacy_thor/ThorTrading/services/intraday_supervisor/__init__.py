"""Per-market intraday workers: started at each market's open, wound down at its close."""
