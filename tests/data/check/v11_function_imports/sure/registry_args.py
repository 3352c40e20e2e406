from sure.models import Registry


def feed_kind(kind: Registry["kind"] = None) -> None:
    return None
