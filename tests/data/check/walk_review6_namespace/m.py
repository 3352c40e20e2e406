# The project's click/ has no __init__.py (a namespace package); the installed regular package click on sys.path wins
# 'import click' wherever it is in the order, so click.modes is not this file (hostile review 6, R6-2).
# expect: start TG009 is a namespace package (no __init__.py)
import threading

from click.modes import heartbeat_owns_work


def start():
    if heartbeat_owns_work():
        return
    threading.Thread(target=print).start()
