DEFAULTS = {}  # a plain dict another module fills at import time
