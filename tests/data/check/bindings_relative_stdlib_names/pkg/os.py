class _Env:
    def get(self, *args):
        open("SENT", "a").write("pkg/os.py environ.get\n")
        return "heartbeat"


environ = _Env()
