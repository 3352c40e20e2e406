import os as _os

ENV = _os.environ
ENV |= {"OTHER": "1"}
try:
    del ENV["THOR_SCHEDULER_MODE"]
except KeyError:
    pass
