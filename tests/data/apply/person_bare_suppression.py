import threading


def start():  # thor-guard: ignore
    threading.Thread(target=print).start()
# case: person=TG000
