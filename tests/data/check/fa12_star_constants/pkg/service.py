# Review 9, FA9-12: `from .constants import *` of a project module whose exports are known (its public names, or a
# literal __all__ it binds): a name bound only by that star import is the module's own binding, and `import os` in
# both modules agrees. Exports not known (an __all__ name served by __getattr__), a name the star import may
# replace (`os` bound to something else there), or a local rebinding keep the ordinary TG009.
# expect: start ok
# expect: start_helper ok
import os
import threading

from .constants import *  # noqa: F403


def start():
    if os.environ.get(ENV_VAR, HEARTBEAT).lower() == HEARTBEAT:
        return
    threading.Thread(target=print).start()


def start_helper():
    if is_hb():
        return
    threading.Thread(target=print).start()

