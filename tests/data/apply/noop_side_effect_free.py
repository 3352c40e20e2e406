"""Bodies without a side effect need no guard (issue 12 item 9): apply leaves them alone and reports nothing."""
import logging

logger = logging.getLogger(__name__)


class Base:
    def start(self):
        raise NotImplementedError

    @property
    def start_label(self):
        return f"{self.name}-x"

    def start_factory(self):
        class Made:
            pass

        return Made
# case: targets=Base.start*
