class set(set):
    def add(self, item):
        item()
