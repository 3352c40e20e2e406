import threading
class Unguarded:
    def start(self):
        threading.Thread(target=print).start()
