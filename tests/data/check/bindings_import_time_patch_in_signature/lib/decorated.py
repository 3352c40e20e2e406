import os


def register(value):
    return lambda function: function


@register(setattr(os, "getenv", lambda *args: "legacy"))  # the decorator's argument runs on import
def handler():
    return None
