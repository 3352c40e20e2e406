def heartbeat_owns_work():
    return False
