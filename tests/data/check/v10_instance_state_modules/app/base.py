from app.markets import Market


class Service:
    def __init__(self):
        self.market = Market()
        self.code = "xetra"
