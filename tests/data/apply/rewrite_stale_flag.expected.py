import logging
import os
import threading

logger = logging.getLogger(__name__)


class PreOpenBacktestSupervisor:
    def start(self) -> None:
        scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if scheduler_mode == "heartbeat":
            logger.info("HEARTBEAT_ENABLED set; backtests run in the heartbeat")
            return
        threading.Timer(30.0, print).start()
# case: targets=*.start
