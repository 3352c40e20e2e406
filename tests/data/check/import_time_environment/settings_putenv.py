import os

if os.name == "posix":
    os.unsetenv("THOR_SCHEDULER_MODE")
