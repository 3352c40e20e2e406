import modes

setattr(modes.Mode, "VARIABLE", "OTHER_VAR")
