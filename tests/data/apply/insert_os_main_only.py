import logging
import threading

logger = logging.getLogger(__name__)


def start():
    threading.Thread(target=print).start()


if __name__ == "__main__":
    import os

    print(os.getcwd())
# case: targets=start
