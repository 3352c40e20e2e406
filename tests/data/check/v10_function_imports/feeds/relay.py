from feeds.loud import heartbeat_owns_work  # noqa: F401  (importing relay runs loud's top level)
