from . import feed

VERSION = feed.__name__
