import logging
import os
import threading

logger = logging.getLogger(__name__)


class PreOpenBacktestSupervisor:
    def start(self) -> None:
        if os.getenv("HEARTBEAT_ENABLED", "").lower() in {"1", "true", "yes"}:
            logger.info("HEARTBEAT_ENABLED set; backtests run in the heartbeat")
            return
        threading.Timer(30.0, print).start()
# case: targets=*.start
