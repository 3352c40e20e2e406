import threading

threading.Thread(target=print).start()
LIMIT = 10
