from w9_factory_pkg.deco import backend


@backend("w9_deploy_module")
class FeedSettings:
    pass
