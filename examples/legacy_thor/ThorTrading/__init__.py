"""ThorTrading: the trading app of the example backend (models, heartbeat jobs, legacy services)."""
