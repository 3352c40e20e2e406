# A star import after the def may rebind the name.
# expect: start TG001,TG009 the star import 'from dynamic import *'
import threading


def start():
    threading.Thread(target=print).start()


from dynamic import *  # noqa: E402,F403
