def start(): print(1);  # c


def other(): print(2)  # d
# case: targets=start,other
