import threading


def start():  # thor-guard: ignore[TG001] -- started by the ops team by hand
    threading.Thread(target=print).start()
