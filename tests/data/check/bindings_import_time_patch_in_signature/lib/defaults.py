import os


def configure(environ=setattr(os, "environ", {"THOR_SCHEDULER_MODE": "legacy"})):  # the default runs on import
    return environ
