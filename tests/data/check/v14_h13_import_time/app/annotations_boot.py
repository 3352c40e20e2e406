
import typing


def helper(x: "__import__('os').environ.__setitem__('THOR_SCHEDULER_MODE', 'legacy') or int"):
    pass


typing.get_type_hints(helper)
