# A duplicate def: the first is never what a call runs. Both carry the TG009 naming the rebinding; `stop` suppresses
# it on both def lines, so only the TG001s are left (what apply then fixes).
# expect: start TG001,TG009 thor-guard apply does so only once the entry point's TG009 is fixed or suppressed
# expect: stop TG001 no THOR_SCHEDULER_MODE guard
import threading


def start():
    threading.Thread(target=print).start()


def start():
    threading.Thread(target=print).start()


def stop():  # thor-guard: ignore[TG009] -- the second def is the one a call runs
    threading.Thread(target=print).start()


def stop():  # thor-guard: ignore[TG009] -- the second def is the one a call runs
    threading.Thread(target=print).start()
