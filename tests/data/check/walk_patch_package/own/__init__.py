# R5-9: the parent package stores on the analysed class's attribute, which the guard reads through self and the class.
from .feed import Feed

Feed.VARIABLE = "OTHER_MODE"
