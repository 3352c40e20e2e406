def quiet():
    return True
