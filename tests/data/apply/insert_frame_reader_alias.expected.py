import logging
import os
from inspect import currentframe as here

logger = logging.getLogger(__name__)
_snapshot = locals
_again = _snapshot


def start_alias(a=1):
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        logger.debug("Skipping legacy start_alias (heartbeat scheduler mode active)")
        return
    print(a)
    print(sorted(_snapshot()))


def start_chain(a=1):
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        logger.debug("Skipping legacy start_chain (heartbeat scheduler mode active)")
        return
    print(sorted(_again()))


def start_imported(a=1):
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        logger.debug("Skipping legacy start_imported (heartbeat scheduler mode active)")
        return
    print(sorted(here().f_back.f_locals))
# case: targets=start_alias,start_chain,start_imported
