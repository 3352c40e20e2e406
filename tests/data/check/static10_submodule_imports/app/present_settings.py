import os

FEED_LIMIT = 10
