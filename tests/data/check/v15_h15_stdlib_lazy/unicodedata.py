# A project module named like a standard-library module the standard library loads lazily (hostile review 15).
import threading

threading.Thread(target=print).start()
