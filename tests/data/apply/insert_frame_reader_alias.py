import logging
from inspect import currentframe as here

logger = logging.getLogger(__name__)
_snapshot = locals
_again = _snapshot


def start_alias(a=1):
    print(a)
    print(sorted(_snapshot()))


def start_chain(a=1):
    print(sorted(_again()))


def start_imported(a=1):
    print(sorted(here().f_back.f_locals))
# case: targets=start_alias,start_chain,start_imported
