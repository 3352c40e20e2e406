# Loaded by the idna codec's own `import stringprep` (hostile review 14).
import threading

threading.Thread(target=print).start()
