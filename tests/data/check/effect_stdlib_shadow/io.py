# A project module named like a standard-library one (hostile PIO). `import io` elsewhere gets the interpreter's io.
def open(path, mode="r"):
    return None


def is_quiet():
    return True
