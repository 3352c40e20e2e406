from app import lazy

"{m.X}".format_map({"m": lazy})
