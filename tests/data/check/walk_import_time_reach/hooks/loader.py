def load():
    import envset  # noqa: F401
