# A guard-free entry point defined under a condition: which def binds the name is decided at import time, so the
# binding is TG009 and the missing guard TG001 beside it; apply refuses while the TG009 stands (review AR3-2).
# expect: start TG001,TG009 'start' is bound at line 10 ('def start():') and rebound at line 13
# expect: Feed.start TG001,TG009 'Feed.start' is rebound in the class body at line 22
import sys
import threading


if sys.platform.startswith("linux"):
    def start():
        threading.Thread(target=print).start()
else:
    def start():
        threading.Thread(target=print).start()


class Feed:
    def start(self):
        threading.Thread(target=print).start()

    try:
        def start(self):
            threading.Thread(target=print).start()
    except NameError:
        pass
