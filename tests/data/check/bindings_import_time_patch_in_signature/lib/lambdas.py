import os

hook = lambda value=setattr(os, "environ", {}): value  # noqa: E731  (a lambda's default runs on import too)
