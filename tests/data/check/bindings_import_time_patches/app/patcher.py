import os


class _E(dict):
    def get(self, *args):
        open("SENT", "a").write("patched environ\n")
        return dict.get(self, *args)


os.environ = _E(os.environ)
