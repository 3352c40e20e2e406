from app import VERSION  # noqa: F401
from . import present_settings  # noqa: F401
