import os


class EnvDefaults:
    """Subclasses declare environment defaults as class attributes."""

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        for key, value in vars(cls).items():
            if key.isupper():
                os.environ.setdefault(key, value)
