import logging
import os
import threading

logger = logging.getLogger(__name__)


class ShopSync:
    def start(self):
        # The team's own kill switch: not the scheduler mode, so it stays.
        if os.environ.get("SHOP_SYNC_DISABLED"):
            logger.info("shop sync disabled")
            return
        threading.Thread(target=print).start()
# case: targets=ShopSync.start
