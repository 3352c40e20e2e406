import decimal
import logging
import os
from decimal import getcontext

logger = logging.getLogger(__name__)
logger.propagate = False
logger.disabled = False
logger.level = logging.INFO
logger.addHandler(logging.NullHandler())
decimal.getcontext().prec = 28
getcontext().rounding = decimal.ROUND_HALF_EVEN


def is_hb():
    return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"
