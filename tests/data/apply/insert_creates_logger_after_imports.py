import threading
from collections import deque

QUEUE = deque()


class Capture:
    def start(self):
        threading.Thread(target=QUEUE.popleft).start()

    def stop(self):
        QUEUE.clear()
# case: targets=Capture.start,Capture.stop
