import os


def run_at_import(func):
    """Run the decorated setup function once, when its module is imported."""
    func()
    return func


@run_at_import
def _defaults():
    os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")
