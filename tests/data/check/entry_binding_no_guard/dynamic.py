# Binds names the verifier cannot list (a computed globals() key): a star import of it may rebind any name.
for _name in ("helper_a", "helper_b"):
    globals()[_name] = len
