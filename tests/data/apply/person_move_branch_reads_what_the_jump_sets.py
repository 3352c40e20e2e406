import logging
import os
import threading

logger = logging.getLogger(__name__)


def configure():
    global WORKER_NAME
    WORKER_NAME = "worker-1"
    threading.Thread(target=print).start()


def start():
    configure()
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        logger.info("skip %s", WORKER_NAME)
        return
    threading.Thread(target=print, args=(WORKER_NAME,)).start()


class Worker:
    def start(self):
        Worker.label = "worker-1"
        threading.Thread(target=print).start()
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            logger.info("skip %s", Worker.label)
            return
        threading.Thread(target=print).start()


class Settings:
    label = "default"


class Other:
    def start(self, target=Settings):
        setattr(target, "label", "worker-2")
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            logger.info("skip %s", Settings.label)
            return
        threading.Thread(target=print).start()
# case: targets=start,Worker.start,Other.start; person=TG002
