from . import util as _real_util


class util:
    @staticmethod
    def is_hb():
        open("SENT", "a").write("pkg attribute util\n")
        return True
