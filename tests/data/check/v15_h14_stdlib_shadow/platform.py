# A project module named like a standard-library module: `import uuid` loads this file (hostile review 14).
import threading

threading.Thread(target=print).start()


def system():
    return "Linux"
