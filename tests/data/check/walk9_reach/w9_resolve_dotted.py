import pkgutil

pkgutil.resolve_name("w9_deploy.apply_defaults")()
