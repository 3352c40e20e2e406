POLLERS = list()  # a call: not inert; imported by the package's __init__ itself
