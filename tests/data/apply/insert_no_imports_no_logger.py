"""Module without imports: apply adds import logging, import os and a logger."""


def start():
    print("starting legacy threads")
