# expect: helper ok
def helper():
    return 1
