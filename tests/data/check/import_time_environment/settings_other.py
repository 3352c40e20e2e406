import os
from os import environ

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "project.settings")
os.environ.update({"OTHER": "1"}, MORE="2")
environ["THIRD"] = "3"
os.putenv("FOURTH", "4")
DEBUG = os.environ.get("DEBUG") == "1"


def configure(key):
    os.environ[key] = "x"  # never called at import time
