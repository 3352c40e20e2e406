def open(path, mode="r"):
    return None
