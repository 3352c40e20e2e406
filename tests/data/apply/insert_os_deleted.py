import logging
import os
import threading

logger = logging.getLogger(__name__)
HOME = os.environ.get("HOME", "")
del os


def start():
    threading.Thread(target=print, name=HOME).start()
# 'os' is deleted, so a guard must use its own alias (import os as _os); the verifier v2 reports TG009 on the
# unguarded function for now (counterexample FROM-APPLY 5), so apply leaves it for a person.
# case: targets=start; person=TG009
