open("SENT", "a").write("ast.py ran\n")
