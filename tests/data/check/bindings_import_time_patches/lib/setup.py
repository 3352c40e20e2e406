from . import names

names.ENV_NAME = "SOMETHING_ELSE"
