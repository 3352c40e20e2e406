class Feed:
    count = 0


Feed.count = 1
