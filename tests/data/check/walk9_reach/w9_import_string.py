from django.utils.module_loading import import_string

BOOTSTRAP_HOOKS = ["w9_deploy.apply_defaults"]

for _hook in BOOTSTRAP_HOOKS:
    import_string(_hook)()
