
import doctest


def helper():
    """
    >>> import os; os.environ["THOR_SCHEDULER_MODE"] = "legacy"
    """


doctest.run_docstring_examples(helper, {})
