import os

ENV = os.environ  # the project's one handle on the environment
