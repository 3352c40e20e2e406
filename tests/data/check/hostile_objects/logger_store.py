# HOSTILE-42: a store on the known logger changes what the guard's log call runs.
# expect: start TG009 an attribute store on an imported module or object
import logging
import os

logger = logging.getLogger(__name__)
logger.debug = print


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        logger.debug("skipping")
        return
    print("body")
