# audit-case: the schedule package's documented run loop (a Thread subclass with its own run) started from ready
# expect: TG010 loop clock/apps.py:9 app-ready: clock.apps:ClockConfig.ready -> clock.apps:run_continuously -> clock.apps:run_continuously.<locals>.ScheduleThread.run -> while-loop (time.sleep)
# expect: TG010 thread clock/apps.py:12 app-ready: clock.apps:ClockConfig.ready -> clock.apps:run_continuously -> clock.apps.run_continuously.<locals>.ScheduleThread(...)
# ===== clock/apps.py
import threading, time
import schedule
from django.apps import AppConfig

def run_continuously(interval=1):
    cease = threading.Event()
    class ScheduleThread(threading.Thread):
        def run(self):
            while not cease.is_set():
                schedule.run_pending()
                time.sleep(interval)
    continuous_thread = ScheduleThread()
    continuous_thread.start()
    return cease

class ClockConfig(AppConfig):
    def ready(self):
        schedule.every(10).seconds.do(print)
        run_continuously()
