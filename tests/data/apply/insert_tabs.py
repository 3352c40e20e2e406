import logging
import threading

logger = logging.getLogger(__name__)


class Svc:
	def start(self):
		"""Tabs everywhere."""
		if True:
			threading.Thread(target=print).start()
# case: targets=Svc.start
