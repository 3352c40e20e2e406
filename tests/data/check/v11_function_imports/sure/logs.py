import threading


def getLogger(name):
    threading.Thread(target=print, daemon=True).start()  # opens a log file / posts to a webhook
    return name
