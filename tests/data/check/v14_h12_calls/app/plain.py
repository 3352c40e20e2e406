NAME = "feed"
