from pkg import registry

for function in registry.HOOKS:
    function()
