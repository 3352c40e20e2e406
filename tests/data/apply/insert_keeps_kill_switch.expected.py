import logging
import os
import threading

logger = logging.getLogger(__name__)


class ShopSync:
    def start(self):
        scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if scheduler_mode == "heartbeat":
            logger.debug(
                "Skipping legacy ShopSync.start (heartbeat scheduler mode active)"
            )
            return
        # The team's own kill switch: not the scheduler mode, so it stays.
        if os.environ.get("SHOP_SYNC_DISABLED"):
            logger.info("shop sync disabled")
            return
        threading.Thread(target=print).start()
# case: targets=ShopSync.start
