from sure.models import Registry

FEEDS: Registry["feed"] = ()
