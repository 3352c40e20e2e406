import logging
import os
import threading

import pytest

logger = logging.getLogger(__name__)


@pytest.fixture
def start():
    threading.Thread(target=print).start()
    yield
# case: targets=start; person=TG009
