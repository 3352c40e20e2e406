"""Chaos suite: real redis-server, three real runner processes, injected faults, invariants over a durable journal."""
