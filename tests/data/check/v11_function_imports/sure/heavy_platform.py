import threading

threading.Thread(target=print, daemon=True).start()  # the module's top-level code
