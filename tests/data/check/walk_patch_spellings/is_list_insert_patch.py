import os
import sys

list.insert(sys.path, 0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "vendor"))
