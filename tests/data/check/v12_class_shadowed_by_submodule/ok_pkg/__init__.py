import os


class Defaults:
    @staticmethod
    def apply():
        return os.environ.get("HOME", "")
