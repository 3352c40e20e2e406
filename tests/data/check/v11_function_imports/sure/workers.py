import threading

threading.Thread(target=print, daemon=True).start()  # registers and starts its pollers
