import importlib
import site
import sys
from sys import meta_path, path

path += ["/opt/lib"]
sys.path[:0] = ["/srv/lib"]
meta_path.append(importlib.machinery.PathFinder)
site.addsitedir("/opt/site")
