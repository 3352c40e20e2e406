import threading


class Service:
    def __init__(self, log):
        self.logger = log

    def start(self):
        self.logger.info("starting")
        threading.Thread(target=print).start()
# case: targets=Service.start
