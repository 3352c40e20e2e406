# `def ｓtart` binds `start` (Python reads identifiers NFKC-normalised): the spelling is the binding problem, and
# while a module has one such identifier the census proves none of its names (the message names the first).
# expect: ｓtart TG001,TG009 the identifier 'ｓtart', which Python reads as 'start' (NFKC)
# expect: run TG001,TG009 which Python reads as 'start' (NFKC)
import threading


def ｓtart():
    threading.Thread(target=print).start()


def run():
    threading.Thread(target=print).start()


def ｒun():
    threading.Thread(target=print).start()
