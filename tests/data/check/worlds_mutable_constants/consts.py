HB = ["heartbeat"]
HB.pop()
SAFE = ["heartbeat"]
SAFE2 = ["heartbeat"]
