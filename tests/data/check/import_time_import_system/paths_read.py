import sys

FIRST = sys.path[0]
HAS_SRC = "src" in sys.path
WHERE = sys.path.index(FIRST)
