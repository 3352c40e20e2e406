# Standard-library markers that return the function itself are transparent on the entry point and on helpers
# (FA8-2, review 8: DEC_*): typing.override, typing_extensions.override, typing.final, abc.abstractmethod. Called
# forms, a project decorator of the same name and a project module shadowing the library are not.
# expect: Feed.start ok
# expect: Final.start ok
# expect: Abstract.start ok
# expect: Extensions.start ok
# expect: Helper.start ok
# expect: Called.start TG009 '@typing.final()'
# expect: Project.start TG009 the decorator '@project_override' may run code before the function or replace it
import abc
import os
import threading
import typing
from typing import override

import typing_extensions

from tools import override as project_override


class Base:
    def start(self):
        pass


class Feed(Base):
    @override
    def start(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()


class Final(Base):
    @typing.final
    def start(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()


class Abstract(abc.ABC):
    @abc.abstractmethod
    def start(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()


class Extensions(Base):
    @typing_extensions.override
    def start(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()


class Helper(Base):
    @typing.final
    def _owns(self):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat")
        return mode.lower() == "heartbeat"

    def start(self):
        if self._owns():
            return
        threading.Thread(target=print).start()


class Called(Base):
    @typing.final()
    def start(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()


class Project(Base):
    @project_override
    def start(self):
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()
