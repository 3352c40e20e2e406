import logging
import threading

logger = logging.getLogger(__name__)


class Svc:
  def start(self):
    threading.Thread(target=print).start()
# case: targets=Svc.start
